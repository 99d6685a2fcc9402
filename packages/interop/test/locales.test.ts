import { describe, expect, it } from 'vitest';
import { columnHeading, locales as schemaLocales, type Locale } from '@phx/schema';
import type { NoteCode, NoteParams } from '../src/codes.js';
import { gamReadiness } from '../src/gam/readiness.js';
import { describeBreakdowns, formatNote, interopLocales, noteExamples } from '../src/locales/index.js';
import { exportPackage, exportTargets, importPackage } from '../src/targets.js';
import { examplePackage } from './support.js';

const locales = Object.keys(schemaLocales) as Locale[];

/** Params of every note code, one sample per branch of its message. */
const samples: { [Code in NoteCode]: NoteParams[Code][] } = {
  'field-not-carried': [{ target: 'SDMX', field: 'observation.methodNote' }],
  'record-not-carried': [
    { target: 'FHIR', recordType: 'meeting' },
    { target: 'DHIS2', recordType: 'organisation' },
    { target: 'DHIS2', recordType: 'facility' },
    { target: 'SDMX', recordType: 'indicator' },
    { target: 'SDMX', recordType: 'observation' },
  ],
  'import.invalid-json': [{ line: 3, column: 14 }],
  'import.header-missing': [{ field: 'publisher' }, { field: 'license' }],
  'import.unclosed-quote': [{ column: 3, value: 'Central prison,2' }],
  'import.text-after-quote': [{ column: 3, value: '"Central" prison,2' }],
  'import.value-worked-out': [{ indicator: 'hiv-prevalence-prisoners', from: 'numerator-and-denominator' }, { indicator: 'prisons-people-on-oat', from: 'numerator' }],
  'import.withheld-figure-left-out': [{ field: 'value' }, { field: 'numerator' }, { field: 'confidenceInterval' }],
  'fhir.count-not-integer': [{ field: 'numerator' }, { field: 'denominator' }],
  'fhir.suppressed-value-withheld': [{ field: 'value' }, { field: 'numerator' }, { field: 'confidenceInterval' }],
  'fhir.unknown-indicator': [{ indicator: 'halfway-house-places' }],
  'fhir.not-a-bundle': [{}],
  'fhir.entry-unreadable': [{}],
  'fhir.resource-skipped': [
    { resourceType: 'Organization', reason: 'identifier' },
    { resourceType: 'Organization', reason: 'name' },
    { resourceType: 'Measure', reason: 'title' },
    { resourceType: 'Measure', reason: 'description' },
    { resourceType: 'Measure', reason: 'unit' },
    { resourceType: 'MeasureReport', reason: 'measure' },
    { resourceType: 'MeasureReport', reason: 'reporter' },
    { resourceType: 'MeasureReport', reason: 'subject' },
    { resourceType: 'MeasureReport', reason: 'period' },
    { resourceType: 'stratum', reason: 'breakdown' },
  ],
  'fhir.default-data-source': [{}],
  'fhir.subject-unknown': [{ location: 'Lviv SIZO No. 19' }],
  'fhir.group-skipped': [{ group: 'Women' }, { group: '#2' }],
  'fhir.report-skipped': [{ reason: 'status', value: 'error' }, { reason: 'status', value: 'pending' }, { reason: 'type', value: 'individual' }],
  'fhir.score-unit-unlike': [{ code: '1', expected: '%' }],
  'dhis2.mapping-invalid': [{ pointer: '/dataElements/0', problem: 'schema.required', problemParams: { zodCode: 'invalid_type', field: 'dataElement' } }],
  'dhis2.mapping-not-a-uid': [{ pointer: '/dataSet', value: 'gam-2023' }],
  'dhis2.unmapped-indicator': [{ indicator: 'prison-occupancy' }],
  'dhis2.unmapped-scope': [{ place: 'UA › Kyiv › ua-fac-12', country: 'UA', subnationalArea: 'Kyiv', facility: 'ua-fac-12' }, { place: 'UA', country: 'UA' }],
  'dhis2.unmapped-period': [{ start: '2023-02-03', end: '2023-05-09' }],
  'dhis2.suppressed-not-sent': [{}],
  'dhis2.unmapped-part': [{ indicator: 'hiv-prevalence-prisoners', part: 'value' }, { indicator: 'hiv-prevalence-prisoners', part: 'numerator' }, { indicator: 'hiv-prevalence-prisoners', part: 'denominator' }],
  'dhis2.unmapped-breakdown': [{ dataElement: 'GAM_PRISON_OAT', breakdown: 'sex=female' }],
  'dhis2.not-a-data-value-set': [{}],
  'dhis2.reporter-missing': [{}],
  'dhis2.unmapped-value': [{ dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'HllvX50cXC0' }],
  'dhis2.value-skipped': [
    { reason: 'data-element' },
    { reason: 'org-unit' },
    { reason: 'org-unit', value: 'ImspTQPwCqd' },
    { reason: 'period' },
    { reason: 'period', value: '2023W61' },
    { reason: 'number', value: 'twelve' },
  ],
  'dhis2.value-conflict': [{ dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', categoryOptionCombo: 'default', orgUnit: 'UA', period: '2023', kept: '300', dropped: '110' }],
  'dhis2.deleted-skipped': [{}],
  'dhis2.duplicate-key': [{}],
  'dhis2.nothing-to-send': [{}],
  'sdmx.not-sdmx-csv': [{}],
  'sdmx.delete-skipped': [{}],
  'sdmx.row-skipped': [{ column: 'REF_AREA' }, { column: 'SEX', value: 'X' }, { column: 'TIME_PERIOD', value: '01.01.2020' }],
  'sdmx.value-skipped': [{ column: 'NUMERATOR', value: '1 320' }, { column: 'OBS_VALUE', value: 'n/a' }, { column: 'UNIT_MULT', value: 'k' }],
  'sdmx.code-replaced': [{ column: 'DATA_SOURCE', used: 'routine-programme-data' }, { column: 'UNIT_MEASURE', value: 'PT', used: 'percent' }],
  'sdmx.column-not-read': [{ column: 'OBS_STATUS' }],
  'sdmx.duplicate-key': [{}],
  'sdmx.code-not-an-id': [{ dimension: 'FACILITY', code: 'fac 12' }],
};
const sampled = Object.entries(samples).flatMap(([code, list]) => list.map((params) => ({ code: code as NoteCode, params })));

/** Names of formats, systems, FHIR resources and elements, and commands, which stay as they are in every language. */
const names = new Set(['FHIR', 'DHIS2', 'SDMX', 'JSON', 'CSV', 'UID', 'PHX', 'GAM', 'UNAIDS', 'ONUSIDA', 'Bundle', 'Organization', 'Measure', 'MeasureReport', 'Location', 'measure', 'reporter', 'subject', 'phx', 'import', 'export', 'STRUCTURE', 'DATAFLOW', 'ACTION', 'resourceType', 'measureScore', 'summary']);
/** Words French and Spanish write as English does. */
const sameAsEnglish: Partial<Record<Locale, Set<string>>> = {
  fr: new Set(['place', 'source', 'licence', 'population', 'observation', 'observations', 'catalogue', 'description', 'code', 'codes', 'programme', 'routine', 'structure', 'date']),
};

/** The words of a text, leaving out the params' values, quoted JSON, and codes (anything with - _ . / = or a digit). */
function wordsOf(text: string, params: object): string[] {
  const values = (value: unknown): string[] => (typeof value === 'object' && value !== null ? Object.values(value).flatMap(values) : [String(value)]);
  let rest = text;
  for (const value of values(params)) rest = rest.split(value).join(' ');
  rest = rest.replace(/"[^"]*"/g, ' ');
  return rest
    .split(/[\s,;:()«»“”…]+/)
    .map((word) => word.replace(/^[’'.]+|[’'.!?]+$/g, ''))
    .filter((word) => word.length > 2 && !/[-_./=<>0-9]/.test(word));
}

/** Every text a locale renders for the samples and the GAM report, with the English one beside it. */
function rendered(locale: Locale): { text: string; english: string; params: object }[] {
  const own = interopLocales[locale];
  const english = interopLocales.en;
  const counts = { complete: 1, present: 2, suppressed: 3, missing: 10 };
  return [
    ...sampled.map(({ code, params }) => ({ text: formatNote({ code, params }, locale), english: formatNote({ code, params }, 'en'), params })),
    ...(['record', 'row', 'pointer'] as const).flatMap((kind) => [1, 3, 5].map((n) => ({ text: own.examples[kind](n), english: english.examples[kind](n), params: {} }))),
    ...Object.entries(own.gam.status).map(([status, text]) => ({ text, english: english.gam.status[status as keyof typeof counts], params: {} })),
    { text: own.gam.onlyPartialFigures, english: english.gam.onlyPartialFigures, params: {} },
    ...Object.entries(own.gam.columns).map(([column, text]) => ({ text, english: english.gam.columns[column as keyof typeof english.gam.columns], params: {} })),
    { text: own.gam.title('Україна', 2023), english: english.gam.title('Україна', 2023), params: { country: 'Україна' } },
    { text: own.gam.counts(counts), english: english.gam.counts(counts), params: {} },
  ];
}

describe('interop texts in every locale', () => {
  it('samples every note code', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(interopLocales.en.notes).sort());
  });

  it.each(locales)('%s renders every note, the examples and the GAM report', (locale) => {
    for (const { text } of rendered(locale)) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it.each(locales.filter((l) => l !== 'en'))('%s leaves no English word untranslated', (locale) => {
    const untranslated = rendered(locale).flatMap(({ text, english, params }) => {
      const englishWords = new Set(wordsOf(english, params).map((w) => w.toLowerCase()));
      const foreign = wordsOf(text, params).filter((word) => !names.has(word) && !sameAsEnglish[locale]?.has(word.toLowerCase()));
      // Russian and Ukrainian are written in Cyrillic: any Latin word left is English. French and Spanish share the
      // alphabet: a word of the English text left in theirs is.
      const left = locale === 'ru' || locale === 'uk' ? foreign.filter((w) => /[A-Za-z]/.test(w)) : foreign.filter((w) => englishWords.has(w.toLowerCase()));
      return left.map((word) => `${word} in "${text}"`);
    });
    expect(untranslated).toEqual([]);
  });

  it.each(['ru', 'uk'] as const)('%s names a breakdown with the word of the workbook headings and the validator', (locale) => {
    // `Розбивка`/`Разбивка` heads the column; a second word (дезагрегація) would read as something else.
    const word = columnHeading('disaggregation', locale).toLowerCase().slice(0, -2);
    const texts = rendered(locale).map(({ text }) => text.toLowerCase());
    expect(texts.filter((text) => text.includes('дезагрегац'))).toEqual([]);
    expect(texts.filter((text) => text.includes(word)).length).toBeGreaterThanOrEqual(4);
  });

  it('finds an English word left in a translation (the check can fail)', () => {
    const words = wordsOf('Значение skipped: нет данных', {}).filter((w) => /[A-Za-z]/.test(w) && !names.has(w));
    expect(words).toEqual(['skipped']);
  });

  it.each(exportTargets)('the notes of a real %s export render in every locale, the English one being the note’s message', (target) => {
    const { notes } = exportPackage(examplePackage(), target);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(formatNote(note, 'en')).toBe(note.message);
      for (const locale of locales) expect(formatNote(note, locale)).not.toMatch(/undefined/);
    }
  });

  it('renders a mapping file’s problem with @phx/schema’s message in the locale', () => {
    const { notes } = exportPackage(examplePackage(), 'dhis2', { mapping: { dataElements: [{ indicator: 'prisons-people-on-oat', categoryOptionCombos: [] }] } });
    const missing = notes.find((n) => n.code === 'dhis2.mapping-invalid' && n.params.pointer === '/dataElements/0/dataElement')!;
    expect(formatNote(missing, 'uk')).toMatch(/^Файл зіставлення, \/dataElements\/0\/dataElement: .*dataElement/);
    expect(formatNote(missing, 'es')).toMatch(/^archivo de correspondencia, .*dataElement/);
  });

  it('says where JSON goes wrong, in the locale', () => {
    const [note] = importPackage('{\n  "resourceType": "Bundle",\n  "entry": [,]\n}', 'fhir').notes;
    expect(note).toMatchObject({ code: 'import.invalid-json', params: { line: 3 } });
    expect(formatNote(note!, 'fr')).toMatch(/^le fichier n’est pas du JSON : erreur à la ligne 3, colonne \d+$/);
  });

  it('counts examples with each language’s plural forms', () => {
    const note = (count: number) => ({ count, examples: ['a', 'b'].slice(0, Math.min(count, 2)), exampleKind: 'record' as const });
    expect([1, 3, 5, 21].map((n) => noteExamples(note(n), 'ru'))).toEqual(['1 запись: a', '3 записи: a, b, …', '5 записей: a, b, …', '21 запись: a, b, …']);
    expect(noteExamples({ count: 2, examples: ['7', '9'], exampleKind: 'row' }, 'fr')).toBe('2 lignes : 7, 9');
    expect(noteExamples({ count: 1, examples: [] }, 'en')).toBe('');
  });

  it('names breakdowns in words, grouped by dimension', () => {
    expect(describeBreakdowns(['sex=male', 'sex=transgender', 'ageGroup=<25'], 'en')).toBe('Sex: Male, Transgender; Age group: Under 25');
    expect(describeBreakdowns(['sex=female'], 'ru')).toBe('Пол: Женский');
  });

  it('names GAM indicators in the report’s locale', () => {
    const report = gamReadiness(examplePackage(), { country: 'ZM', year: 2019, locale: 'fr' });
    expect(report.indicators.find((i) => i.indicator === 'hiv-prevalence-prisoners')!.name).toMatch(/VIH/);
  });
});
