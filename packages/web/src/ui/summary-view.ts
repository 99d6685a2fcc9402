import type { FileFormat, Locale, RecordType } from '@phx/schema';
import { MAX_ISSUES, type FileSummary } from '../engine/protocol.js';
import { translate } from '../i18n/index.js';
import { h } from './dom.js';

const formatNames: Record<FileFormat, string> = {
  json: 'PHX JSON (.phx.json)', ndjson: 'PHX NDJSON (.phx.ndjson)', csv: 'CSV', xlsx: 'Excel (.xlsx)', xls: 'Excel 97–2003 (.xls)',
  // Its issue says that it is encrypted with a password.
  'encrypted-xlsx': 'Excel (.xlsx)',
  ods: 'OpenDocument (.ods)', docx: 'Word (.docx)', pdf: 'PDF', zip: 'ZIP', gzip: 'gzip', html: 'HTML',
};

/** Encodings by the names people know them by; another is shown as its label. */
const encodingNames: Record<string, string> = { 'windows-1251': 'Windows-1251', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };
const encodingName = (encoding: string): string => encodingNames[encoding] ?? encoding;

/**
 * What the summary says of a file whose issues are not all listed: that the counts cover the whole
 * file, or, when checking stopped at the limit, how far it got (line, row, records, size).
 */
export function truncationNote(summary: FileSummary, locale: Locale): string | undefined {
  if (!summary.truncated) return undefined;
  if (summary.read.complete) return translate(locale, 'summary.truncated', { count: MAX_ISSUES.toLocaleString(locale) });
  const { lines, rows, bytes, records } = summary.read;
  const count = Object.values(records).reduce((sum, n) => sum + n, 0);
  const parts = [translate(locale, 'extent.records', { count: count.toLocaleString(locale) })];
  if (rows !== undefined) parts.unshift(translate(locale, 'record.row', { row: rows.toLocaleString(locale) }));
  if (lines !== undefined) {
    const size = bytes === undefined ? '' : ` (${new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_048_576)})`;
    parts.unshift(translate(locale, 'record.line', { line: lines.toLocaleString(locale) }) + size);
  }
  return translate(locale, 'summary.partial', { count: MAX_ISSUES.toLocaleString(locale), where: parts.join(', ') });
}

/** The verdict on a file, in words. */
export function verdictOf(summary: FileSummary, locale: Locale): string {
  const key = !summary.ok ? 'summary.invalid' : summary.warnings > 0 ? 'summary.validWithWarnings' : 'summary.valid';
  return translate(locale, key, { file: summary.name });
}

/** What a summary card's buttons do: download a file's package in another format, read a file in another encoding. */
export interface SummaryActions {
  convert(file: number, to: 'json' | 'xlsx'): void;
  readAs(file: number, encoding: string): void;
}

/**
 * The summary of each checked file: the verdict, counts of errors and warnings, records per type, and what
 * `more` adds to the card of a file (the exports of a valid package).
 *
 * @example
 * ```ts
 * container.replaceChildren(...summaryCards(summaries, 'en', { convert, readAs }, () => false));
 * ```
 */
export function summaryCards(
  summaries: readonly FileSummary[],
  locale: Locale,
  actions: SummaryActions,
  more: (file: number, summary: FileSummary) => HTMLElement | false,
): HTMLElement[] {
  const onConvert = actions.convert;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>): string => translate(locale, key, params);
  return summaries.map((summary, file) => {
    const verdict = summary.ok ? 'valid' : 'invalid';
    const records = (Object.entries(summary.read.records) as [RecordType, number][]).filter(([, count]) => count > 0);
    return h(
      'article',
      { class: `file-summary ${verdict}`, 'data-verdict': verdict, 'aria-labelledby': `summary-file-${file}` },
      h('h3', { id: `summary-file-${file}` }, summary.name),
      h('p', { class: 'verdict' }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, summary.ok ? '✓' : '✗'), ' ', verdictOf(summary, locale)),
      h(
        'dl',
        { class: 'counts' },
        h('div', {}, h('dt', {}, t('summary.format')), h('dd', {}, formatNames[summary.format])),
        summary.read.encoding !== undefined && h('div', {}, h('dt', {}, t('summary.encoding')), h('dd', { class: 'encoding' }, encodingName(summary.read.encoding))),
        h('div', {}, h('dt', {}, t('summary.errors')), h('dd', { class: 'errors' }, summary.errors.toLocaleString(locale))),
        h('div', {}, h('dt', {}, t('summary.warnings')), h('dd', { class: 'warnings' }, summary.warnings.toLocaleString(locale))),
      ),
      records.length > 0 &&
        h(
          'table',
          { class: 'records' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('summary.recordType')), h('th', { scope: 'col' }, t('summary.records')))),
          h('tbody', {}, ...records.map(([type, count]) => h('tr', {}, h('th', { scope: 'row' }, t(`type.${type}`)), h('td', {}, count.toLocaleString(locale))))),
        ),
      summary.truncated && h('p', { class: 'truncated' }, truncationNote(summary, locale)),
      summary.readableAs !== undefined &&
        h('button', { type: 'button', class: 'read-as', 'aria-describedby': `read-as-note-${file}`, onclick: () => actions.readAs(file, summary.readableAs!) }, t('summary.readAs', { encoding: encodingName(summary.readableAs) })),
      summary.readableAs !== undefined && h('p', { id: `read-as-note-${file}`, class: 'hint' }, t('summary.readAsNote', { encoding: encodingName(summary.readableAs) })),
      summary.convertible && summary.format !== 'json' && h('button', { type: 'button', class: 'convert', ...(summary.format === 'csv' && { 'aria-describedby': `convert-note-${file}` }), onclick: () => onConvert(file, 'json') }, t('summary.convert')),
      summary.convertible && summary.format !== 'xlsx' && h('button', { type: 'button', class: 'convert', ...(summary.format === 'csv' && { 'aria-describedby': `convert-note-${file}` }), onclick: () => onConvert(file, 'xlsx') }, t('summary.convertXlsx')),
      summary.convertible && summary.format === 'csv' && h('p', { id: `convert-note-${file}`, class: 'hint' }, t('summary.convertNote')),
      more(file, summary),
    );
  });
}
