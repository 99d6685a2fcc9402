import type { ExportTarget } from '@phx/interop';
import type { Locale } from '@phx/schema';
import type { EngineResults, ExportedFile, FileSummary, GamView } from '../engine/protocol.js';
import { fillText, translate } from '../i18n/index.js';
import { interopTexts, type InteropTextKey } from '../i18n/interop.js';
import { h } from './dom.js';

/**
 * The targets a package is offered in, in the order of the menu: @phx/interop's exportTargets, written out
 * because the page's script does not load @phx/interop (the worker does, when asked); a test keeps them equal.
 */
export const exportTargets: readonly ExportTarget[] = ['fhir', 'dhis2', 'dhis2-csv', 'sdmx-csv', 'sdmx-json'];

/** What the interop part of a file's card shows: the chosen target and the last export, the chosen country and year. */
export interface InteropChoice {
  target: ExportTarget;
  exported?: EngineResults['export'];
  country: string;
  year: number;
}

/** What the controls of a card ask for. */
export interface InteropActions {
  choose(change: Partial<InteropChoice>): void;
  export(target: ExportTarget): void;
  save(file: ExportedFile): void;
  gam(country: string, year: number): void;
}

/** The first choice for a package: FHIR, its first country, its latest year. */
export function firstChoice(coverage: NonNullable<FileSummary['exportable']>): InteropChoice {
  return { target: 'fhir', country: coverage.countries[0] ?? '', year: coverage.years[0] ?? 0 };
}

/**
 * The part of a valid package's card that sends it elsewhere: a format to download it in (with what that format
 * has no place for, once exported) and a country and year to show its UNAIDS GAM readiness for.
 */
export function interopBlock(file: number, coverage: NonNullable<FileSummary['exportable']>, choice: InteropChoice, locale: Locale, actions: InteropActions): HTMLElement {
  const t = (key: InteropTextKey, params?: Record<string, string | number>): string => fillText(locale, interopTexts[locale][key], params);
  const id = (name: string) => `${name}-${file}`;
  const value = (event: Event) => (event.target as HTMLSelectElement).value;
  const exported = choice.exported;
  const countryName = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const canCheck = coverage.countries.length > 0 && coverage.years.length > 0;
  return h(
    'div',
    { class: 'interop' },
    h('h4', { id: id('export-heading') }, t('export.heading')),
    h(
      'div',
      { class: 'interop-controls' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: id('export-target') }, t('export.target')),
        h(
          'select',
          { id: id('export-target'), onchange: (event) => actions.choose({ target: value(event) as ExportTarget }) },
          ...exportTargets.map((target) => h('option', { value: target, selected: target === choice.target }, t(`export.${target}`))),
        ),
      ),
      h('button', { type: 'button', id: id('export'), class: 'export', onclick: () => actions.export(choice.target) }, t('export.download')),
    ),
    choice.target.startsWith('dhis2') && h('p', { class: 'hint' }, t('export.dhis2Hint')),
    exported &&
      h(
        'div',
        { class: 'export-result', role: 'status' },
        ...exported.files.slice(1).map((extra) => h('button', { type: 'button', class: 'link', onclick: () => actions.save(extra) }, t('export.also', { file: extra.name }))),
        h('p', {}, !exported.files[0] ? t('export.none') : exported.views.length === 0 ? t('export.complete', { file: exported.files[0].name }) : t('export.left', { file: exported.files[0].name })),
        exported.views.length > 0 &&
          h(
            'ul',
            { class: 'export-notes' },
            ...exported.views.map((note) =>
              h(
                'li',
                {},
                h('span', { class: `badge ${note.severity}` }, translate(locale, `severity.${note.severity}`)),
                ' ',
                h('code', {}, note.code),
                ' ',
                note.message,
                note.examples && h('span', { class: 'examples' }, ` (${note.examples})`),
              ),
            ),
          ),
      ),
    h('h4', { id: id('gam-heading') }, t('gam.heading')),
    canCheck
      ? h(
          'div',
          { class: 'interop-controls' },
          h(
            'div',
            { class: 'field' },
            h('label', { for: id('gam-country') }, t('gam.country')),
            h(
              'select',
              { id: id('gam-country'), onchange: (event) => actions.choose({ country: value(event) }) },
              ...coverage.countries.map((code) => h('option', { value: code, selected: code === choice.country }, countryName.of(code) ?? code)),
            ),
          ),
          h(
            'div',
            { class: 'field' },
            h('label', { for: id('gam-year') }, t('gam.year')),
            h(
              'select',
              { id: id('gam-year'), onchange: (event) => actions.choose({ year: Number(value(event)) }) },
              ...coverage.years.map((year) => h('option', { value: year, selected: year === choice.year }, String(year))),
            ),
          ),
          h('button', { type: 'button', id: id('gam'), class: 'gam', onclick: () => actions.gam(choice.country, choice.year) }, t('gam.show')),
        )
      : h('p', { class: 'hint' }, t('gam.none')),
  );
}

/** The GAM readiness report: a row per indicator, its status in words and colour, the breakdowns it lacks. */
export function gamReport(view: GamView, fileName: string): HTMLElement[] {
  const { columns } = view;
  return [
    h('h2', { id: 'gam-title' }, view.title),
    h('p', { class: 'hint' }, fileName),
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'gam-title', tabindex: 0 },
      h(
        'table',
        { class: 'gam-table' },
        h('thead', {}, h('tr', {}, ...[columns.indicator, columns.status, columns.observations, columns.suppressed, columns.missingBreakdowns].map((title) => h('th', { scope: 'col' }, title)))),
        h(
          'tbody',
          {},
          ...view.rows.map((row) =>
            h(
              'tr',
              { id: `gam-${row.indicator}`, class: `gam-${row.status}` },
              h('td', {}, h('strong', {}, row.name), h('br'), h('code', {}, row.indicator)),
              h('td', {}, h('span', { class: `gam-status ${row.status}` }, row.statusLabel), row.onlyPartialFigures && h('span', { class: 'gam-partial hint' }, row.onlyPartialFigures)),
              h('td', { class: 'number' }, String(row.observations)),
              h('td', { class: 'number' }, String(row.suppressed)),
              h('td', {}, row.missingBreakdowns),
            ),
          ),
        ),
      ),
    ),
    h('p', { id: 'gam-counts' }, view.counts),
    ...(view.nothingFor ? [h('p', { id: 'gam-nothing-for', class: 'hint' }, view.nothingFor)] : []),
  ];
}
