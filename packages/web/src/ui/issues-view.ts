import type { Locale } from '@phx/schema';
import type { FileIssue, FileSummary } from '../engine/protocol.js';
import { translate, type TextKey } from '../i18n/index.js';
import { byId, h, saveFile } from './dom.js';
import { codesOf, issueColumns, issuesCsv, issuesJson, locationLabel, recordLabel, selectIssues, type IssueFilter, type IssueSort, type SortKey } from './issue-list.js';

/** Rows added to the table at a time: a browser handles thousands of rows poorly, people read far fewer. */
const PAGE_ROWS = 200;

/**
 * The issues table: filters by severity and code, sorting by any column, a page of rows at a time,
 * downloads as CSV or JSON; choosing an issue's record opens it.
 */
export class IssuesView {
  #issues: FileIssue[] = [];
  #files: FileSummary[] = [];
  #filter: IssueFilter = { severity: 'all', code: 'all' };
  #sort: IssueSort = { key: 'location', direction: 'ascending' };
  #shown = PAGE_ROWS;
  #locale: Locale;
  readonly #root = byId('issues', HTMLElement);

  constructor(
    locale: Locale,
    private readonly onShowRecord: (issue: FileIssue) => void,
  ) {
    this.#locale = locale;
  }

  /** Shows the issues of a new check, with filters reset. */
  show(issues: FileIssue[], files: FileSummary[]): void {
    this.#issues = issues;
    this.#files = files;
    this.#filter = { severity: 'all', code: 'all' };
    this.#shown = PAGE_ROWS;
    this.#render();
  }

  /** Shows the same issues with their messages rendered in another language. */
  relabel(locale: Locale, messages: readonly string[]): void {
    this.#locale = locale;
    this.#issues = this.#issues.map((issue, i) => ({ ...issue, message: messages[i] ?? issue.message }));
    this.#render();
  }

  /** The issues shown now, for rendering their messages in another language. */
  get issues(): readonly FileIssue[] {
    return this.#issues;
  }

  #render(focus?: string): void {
    const t = (key: TextKey, params?: Record<string, string | number>): string => translate(this.#locale, key, params);
    if (this.#issues.length === 0) {
      this.#root.replaceChildren(h('p', { class: 'no-issues' }, t('issues.none')));
      return;
    }
    const selected = selectIssues(this.#issues, this.#filter, this.#sort);
    const visible = selected.slice(0, this.#shown);
    const showFiles = this.#files.length > 1;

    const severity = h(
      'select',
      { id: 'filter-severity', onchange: (event) => this.#refilter({ severity: (event.target as HTMLSelectElement).value as IssueFilter['severity'] }, 'filter-severity') },
      ...(['all', 'error', 'warning', 'info'] as const).map((value) =>
        h('option', { value, selected: this.#filter.severity === value }, value === 'all' ? t('issues.all') : t(`severity.${value}`)),
      ),
    );
    const code = h(
      'select',
      { id: 'filter-code', onchange: (event) => this.#refilter({ code: (event.target as HTMLSelectElement).value }, 'filter-code') },
      h('option', { value: 'all' }, t('issues.allCodes')),
      ...codesOf(this.#issues).map((value) => h('option', { value, selected: this.#filter.code === value }, value)),
    );
    const tools = h(
      'div',
      { class: 'issue-tools' },
      h('div', { class: 'field' }, h('label', { for: 'filter-severity' }, t('issues.filterSeverity')), severity),
      h('div', { class: 'field' }, h('label', { for: 'filter-code' }, t('issues.filterCode')), code),
      h('button', { type: 'button', id: 'download-csv', onclick: () => saveFile('phx-issues.csv', 'text/csv;charset=utf-8', issuesCsv(selected, this.#files, this.#locale)) }, t('issues.downloadCsv')),
      h('button', { type: 'button', id: 'download-json', onclick: () => saveFile('phx-issues.json', 'application/json', issuesJson(selected, this.#files)) }, t('issues.downloadJson')),
    );

    const head = h(
      'tr',
      { role: 'row' },
      ...issueColumns
        .filter((column) => showFiles || column.key !== 'file')
        .map(({ key, text }) => {
          const sorted = this.#sort.key === key ? this.#sort.direction : undefined;
          return h(
            'th',
            { scope: 'col', role: 'columnheader', 'aria-sort': sorted ?? 'none' },
            h(
              'button',
              { type: 'button', id: `sort-${key}`, class: 'sort', title: t('issues.sortBy', { column: t(text) }), onclick: () => this.#resort(key) },
              t(text),
              h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''),
            ),
          );
        }),
    );
    const rows = visible.map((issue) => {
      const record = recordLabel(issue.record, this.#locale);
      // Each cell carries its column's name for the narrow-screen layout, where rows become cards.
      const cell = (column: TextKey, attributes: Record<string, string>, ...content: (Node | string)[]): HTMLElement =>
        h('td', { role: 'cell', 'data-label': t(column), ...attributes }, ...content);
      return h(
        'tr',
        { role: 'row', class: `issue ${issue.severity}`, onclick: (event) => (event.target as Element).closest('button') || this.onShowRecord(issue) },
        showFiles && cell('column.file', {}, this.#files[issue.file]?.name ?? ''),
        cell('column.severity', {}, h('span', { class: `badge ${issue.severity}` }, t(`severity.${issue.severity}`))),
        cell('column.code', {}, h('code', {}, issue.code)),
        cell('column.record', {}, h('button', { type: 'button', class: 'link', title: t('issues.showRecord', { record }), onclick: () => this.onShowRecord(issue) }, record)),
        cell('column.field', {}, h('code', {}, issue.field)),
        cell('column.message', { class: 'message' }, issue.message),
        cell('column.location', { class: 'location' }, locationLabel(issue.location, this.#locale)),
      );
    });
    const table = h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'issues-caption', tabindex: 0 },
      // Explicit roles keep the table a table for screen readers when narrow screens lay it out as cards.
      h(
        'table',
        { class: 'issues-table', role: 'table' },
        h('caption', { id: 'issues-caption' }, t('issues.table')),
        h('thead', { role: 'rowgroup' }, head),
        h('tbody', { role: 'rowgroup' }, ...rows),
      ),
    );
    const more =
      selected.length > visible.length &&
      h('button', { type: 'button', id: 'show-more', onclick: () => ((this.#shown += PAGE_ROWS), this.#render('show-more')) }, t('issues.more'));

    this.#root.replaceChildren(tools, h('p', { id: 'issues-count' }, t('issues.count', { shown: visible.length, total: selected.length })), table, more || '');
    // Rendering replaces the controls; keep keyboard focus on the one that was used.
    if (focus) document.getElementById(focus)?.focus();
  }

  #refilter(change: Partial<IssueFilter>, focus: string): void {
    this.#filter = { ...this.#filter, ...change };
    this.#shown = PAGE_ROWS;
    this.#render(focus);
  }

  #resort(key: SortKey): void {
    const direction = this.#sort.key === key && this.#sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.#sort = { key, direction };
    this.#render(`sort-${key}`);
  }
}
