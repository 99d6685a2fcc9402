import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awkwardFiles } from '../../../../test/corpus/awkward-files.js';
import { validateFile } from '../../src/file/validate-file-sync.js';
import { validateCsv } from '../../src/formats/csv.js';
import { columnHeading } from '../../src/formats/headings.js';
import { locales, type Locale } from '../../src/locales/index.js';
import { fieldKeys } from '../../src/validate/fields.js';
import type { ValidationIssue } from '../../src/validate/issue.js';
import { messageExamples } from '../../src/validate/message-examples.js';
import { renderMessage } from '../../src/validate/messages.js';
import { validateNdjson } from '../../src/validate/sync.js';
import { validate } from '../../src/validate/sync.js';
import { random } from '../random.js';

const dataDir = new URL('../../../../examples/data/', import.meta.url);
const invalidDir = new URL('invalid/', dataDir);
const now = new Date('2022-01-01T00:00:00Z');
const others = (Object.keys(locales) as Locale[]).filter((locale) => locale !== 'en');

/** Every issue of every file under examples/data/invalid, and of the awkward files people send. */
async function issuesOfExamples(): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const file of readdirSync(invalidDir)) {
    if (file.endsWith('.phx.json')) issues.push(...validate(readFileSync(new URL(file, invalidDir), 'utf8'), { now }).issues);
    if (file.endsWith('.phx.ndjson')) for await (const issue of validateNdjson(createReadStream(new URL(file, invalidDir)), { now })) issues.push(issue);
  }
  for (const { name, bytes } of awkwardFiles()) issues.push(...(await validateFile(bytes, { name, now })).issues);
  return issues;
}

/**
 * Issues of the rows of sheets as people fill them in: a field left empty, a flag typed as `1`, `x` or `<5`, a small
 * count typed as `<5` or given where it should be suppressed, under headings in each language and under field paths.
 */
function issuesOfSheets(): ValidationIssue[] {
  const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'suppressed'];
  const row = (id: string, cells: Partial<Record<string, string>>): string =>
    columns.map((column) => cells[column] ?? { id, indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-1', 'scope.country': 'UA', 'period.start': '2020-01-01', 'period.end': '2020-12-31', numerator: '46', denominator: '610', value: '7.5', unit: 'percent', dataSource: 'survey', suppressed: 'false' }[column]).join(';');
  const rows = [
    row('a', { 'period.start': '' }), row('b', { 'scope.country': '' }), row('c', { value: '<5' }), row('d', { numerator: '', value: '', suppressed: '<5' }),
    row('e', { numerator: '', value: '', suppressed: '1' }), row('f', { numerator: '', value: '', suppressed: 'x' }), row('g', { numerator: '3', value: '' }),
  ];
  return [undefined, ...(Object.keys(locales) as Locale[])].flatMap((language) => {
    const header = columns.map((column) => (language ? columnHeading(column, language) : column)).join(';');
    return validateCsv(`${header}\n${rows.join('\n')}\n`, { now }).issues.filter((issue) => issue.severity !== 'info');
  });
}

/** What people put where a value should be: nothing, blanks, the wrong type, a near miss, a local date, too much. */
const mistakes: unknown[] = ['', '   ', 'x', 'UK', '28/10/2020', '2020-13-45', 'free to use', 'yes', '12', 12, -1, 1.5, 0, true, null, [], {}, ['x'], 'é'.repeat(30_000)];

/** The leaves of a JSON value with their paths. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}

/** A copy of a value with the value at a path replaced, or removed when `replacement` is undefined. */
function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/**
 * Issues of packages we did not write by hand: the example package with one mistake at a time, at fields
 * drawn at random (the same on every run), each removed, given a wrong value, or joined by a misspelt key.
 */
function issuesOfGeneratedSet(): { issues: ValidationIssue[]; results: ValidationIssue[][] } {
  const example = JSON.parse(readFileSync(new URL('network-meeting-2020.phx.json', dataDir), 'utf8')) as Record<string, unknown>;
  const paths = leaves(example);
  const next = random(11);
  const results: ValidationIssue[][] = [];
  for (let i = 0; i < 400; i++) {
    const path = paths[Math.floor(next() * paths.length)]!;
    const choice = Math.floor(next() * (mistakes.length + 2));
    const changed =
      choice === mistakes.length
        ? replaced(example, path, undefined)
        : choice === mistakes.length + 1
          ? replaced(example, [...path.slice(0, -1), `${String(path[path.length - 1])}s`], 'x')
          : replaced(example, path, mistakes[choice]);
    results.push(validate(JSON.stringify(changed), { now }).issues);
  }
  return { issues: results.flat(), results };
}

/** The words a message holds from the data rather than from its language: of values, ids, codes, keys. */
function wordsOfData(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[^\p{L}]+/u);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(wordsOfData);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [...wordsOfData(key), ...wordsOfData(item)]);
  return [];
}

/**
 * The words of a message in the Latin script that are words of its language, not of the data: words of the
 * params, field keys and written forms (`2023-01-31`, `CC-BY-4.0`, `https://…`, `{"ru": "…"}`) left out.
 */
function latinWords(message: string, params: unknown): string[] {
  const data = new Set(wordsOfData(params));
  return message
    .split(/[\s«»"“”„(),;!?…]+/u)
    .map((token) => token.replace(/^[.:]+|[.:]+$/g, ''))
    .filter((token) => /^\p{Script=Latin}+$/u.test(token) && !data.has(token) && !keys.has(token));
}

/** The keys of the data, which messages quote as they are written. */
const keys = new Set(fieldKeys.flatMap((key) => key.split('.')));
/** Latin words that read the same in every language: names of formats, programs, commands and standards, and values the data is written with (country codes of examples, the unit code `percent`). */
const names = new Set(['PHX', 'phx', 'import', 'FHIR', 'Bundle', 'SDMX', 'JSON', 'NDJSON', 'CSV', 'UTF', 'LE', 'BE', 'Windows', 'Excel', 'Word', 'Visual', 'Basic', 'SPDX', 'PDF', 'NUL', 'OpenDocument', 'HTML', 'zip', 'gzip', 'UTC', 'Z', 'ISO', 'https', 'xlsx', 'xls', 'ods', 'docx', 'true', 'false', 'null', 'suppressed', 'extensions', 'en', 'ru', 'uk', 'fr', 'es', 'UA', 'ZM', 'FR', 'ES', 'percent', 'MB', 'GB', 'kB']);
/** English words that are also words of French or Spanish, with the same meaning. */
const shared: Record<string, Set<string>> = {
  fr: new Set(['date', 'dates', 'total', 'format', 'code', 'codes', 'type', 'observation', 'observations', 'description', 'note', 'notes', 'population', 'organisation', 'organisations', 'minimum', 'identifiant', 'indicateur', 'a', 'on', 'or', 'plus', 'pour', 'extension', 'action', 'licence', 'catalogue', 'publication', 'source', 'version', 'web', 'page', 'document', 'invisible', 'place', 'point']),
  es: new Set(['total', 'error', 'editor', 'no', 'a', 'de', 'con', 'general', 'final', 'personal', 'local', 'formal', 'web', 'bytes', 'invisible', 'decimal']),
};

const examples = await issuesOfExamples();
const sheets = issuesOfSheets();
const generated = issuesOfGeneratedSet();

/** Every code with the params of its example, as the review table in the docs shows it. */
const everyCode = Object.entries(messageExamples).map(([code, params]) => ({ code, params }) as ValidationIssue);
/** The forms of a date column's note besides those of the example: a date with a time of day, read as its day. */
everyCode.push({ code: 'sheet.normalised', params: { column: 'period.start', cells: 2, forms: ['dd.mm.yyyy hh:mm', 'time-dropped', 'excel-serial'] } } as ValidationIssue);
/** The forms of a publication date's note: a date and time, and a date alone, read in UTC. */
everyCode.push({ code: 'sheet.normalised', params: { column: 'publishedAt', cells: 2, forms: ['dd.mm.yyyy hh:mm', 'read-as-utc', 'dd.mm.yyyy', 'midnight-utc'] } } as ValidationIssue);

describe.each([
  ['every code, with the params of its example', everyCode],
  ['the files under examples/data/invalid and the rows of sheets', [...examples, ...sheets]],
  ['a generated set of packages with one mistake each', generated.issues],
])('messages of %s', (_, issues) => {
  const english = new Set(issues.flatMap((issue) => latinWords(renderMessage(issue.code, issue.params, 'en'), issue.params).map((word) => word.toLowerCase())));

  it('cover many codes', () => {
    expect(new Set(issues.map((issue) => issue.code)).size).toBeGreaterThan(12);
  });

  it.each(others)('have no untranslated word in %s', (locale) => {
    const untranslated = new Map<string, string>();
    for (const issue of issues) {
      const message = renderMessage(issue.code, issue.params, locale);
      for (const word of latinWords(message, issue.params)) {
        const lower = word.toLowerCase();
        const foreign = locale === 'ru' || locale === 'uk' ? true : english.has(lower) && !shared[locale]!.has(lower);
        if (foreign && !names.has(word)) untranslated.set(word, `${issue.code}: ${message}`);
      }
    }
    expect(Object.fromEntries(untranslated)).toEqual({});
  });

  it.each(['en', ...others] as Locale[])('never show a pattern or a type name in %s', (locale) => {
    for (const issue of issues) {
      const message = renderMessage(issue.code, issue.params, locale);
      expect(message, issue.code).not.toMatch(/\/\^|\$\/|\\[sSdw]|\[[A-Za-z0-9]-|\b(string|undefined|bigint|NaN|regex|ZodError|invalid_\w+|too_small|too_big)\b/);
    }
  });
});

describe('messages of the rows of sheets', () => {
  it.each(['en', ...others] as Locale[])('name the columns as the sheet shows them and the words it takes for a flag, not the data\'s keys, in %s', (locale) => {
    expect(sheets.filter((issue) => 'sheet' in issue.params).length).toBeGreaterThan(sheets.length / 2);
    for (const issue of sheets) {
      const message = renderMessage(issue.code, issue.params, locale);
      expect(message, issue.code).not.toMatch(/(?<!column )"suppressed"|\btrue (or|или|або|ou|o) false|«start»|«scope»|\("start"\)|\("scope"\)/);
    }
  });
});

describe('the generated set', () => {
  it('gives one issue per field and cause', () => {
    for (const issues of generated.results) {
      const structural = issues.filter((issue) => issue.code.startsWith('schema.') && issue.code !== 'schema.unknown-field').map((issue) => issue.pointer);
      expect(structural.length, structural.join(', ')).toBe(new Set(structural).size);
    }
  });
});
