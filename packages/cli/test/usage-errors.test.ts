import { writeFileSync } from 'node:fs';
import { exportTargets } from '@phx/interop';
import type { Locale } from '@phx/schema';
import { describe, expect, it } from 'vitest';
import { localeOf, parseArgsError, usageLocaleOf } from '../src/args.js';
import { UsageError, type UsageCode, type UsageParams } from '../src/errors.js';
import { renderUsage, usageWords } from '../src/report/usage.js';
import { reportWords } from '../src/report/words.js';
import { phx, phxInProcess, tempDir, validPackage } from './helpers.js';

const dir = tempDir();
const locales = Object.keys(usageWords) as Locale[];

/** Params of every code: the type asks for each code, so that a new code needs an example (and words in every locale). */
const examples: { [C in UsageCode]: UsageParams[C] } = {
  'no-such-file': { path: 'zm-2020.phx.json' },
  'is-a-directory': { path: 'data' },
  'permission-denied': { path: 'zm-2020.phx.json' },
  'not-a-directory': { path: 'zm-2020.phx.json/out.csv' },
  'no-such-folder': { path: 'reports/zm-2020.fhir.json', folder: 'reports' },
  'cannot-read-or-write': { path: 'zm-2020.phx.json', reason: 'EIO' },
  'unsupported-file-type': { path: 'out.txt' },
  'no-match': { pattern: 'data/*.phx.json' },
  'exists-already': { path: 'out.phx.json' },
  'input-as-output': { path: 'zm-2020.phx.json' },
  'unknown-option': { command: 'validate', option: '--fromat' },
  'missing-value': { command: 'validate', option: '--jobs' },
  'takes-no-value': { command: 'convert', option: '--force' },
  'unexpected-argument': { command: 'serve', argument: 'extra' },
  'no-file-to-validate': {},
  'no-input-file': { command: 'convert' },
  'no-output': { command: 'template', file: '<file.xlsx>' },
  'not-one-of': { option: 'locale', allowed: ['en', 'ru', 'uk', 'fr', 'es'], value: 'ua', suggestion: 'uk' },
  'not-whole-number': { option: 'jobs', min: 1, value: '0' },
  'unknown-encoding': { value: 'ebcdic' },
  'unknown-command': { command: 'valdate' },
  'hub-not-installed': {},
  'port-in-use': { port: 8080 },
  'port-denied': { port: 80 },
  'no-such-token': { id: 'tok-1' },
  'no-such-database': { path: 'typo-hub.sqlite' },
  'csv-one-type': { types: ['facility', 'observation'] },
  'only-csv-output': { option: 'bom', to: 'ndjson' },
  'only-csv': { option: 'delimiter' },
  'only-sheet-inputs': { option: 'date-order' },
  'header-with-csv-output': {},
  'header-replaced': { file: 'a.phx.ndjson', header: 'b.phx.json' },
  'header-missing': { header: 'facilities.csv' },
  'headers-several': { files: ['a.phx.json', 'b.phx.ndjson'] },
  'not-a-package': { path: 'data.csv', command: 'export' },
  'check-options-missing': { options: ['profile', 'country', 'year'] },
  'not-a-country': { value: 'Ukrain', suggestion: 'UA' },
  'not-a-year': { value: '23' },
  'one-package': { command: 'check' },
  'no-target': { path: 'out.json', targets: ['fhir', 'dhis2', 'dhis2-csv'] },
  'target-mismatch': { path: 'out.fhir.json', named: 'fhir', target: 'dhis2', extension: '.dhis2.json' },
  'mapping-not-dhis2-target': { target: 'fhir' },
  'extension-mismatch': { path: 'out.csv', kind: 'CSV', target: 'fhir', writes: 'JSON', extension: '.fhir.json' },
  'one-file-to-import': {},
  'no-source': { path: 'data.json', sources: ['fhir', 'dhis2', 'dhis2-csv'] },
  'mapping-not-dhis2-source': { source: 'fhir' },
  'import-writes-package': { path: 'out.csv', suggested: 'out.phx.json' },
  'publisher-name-alone': {},
  'option-not-valid': { option: '--license', reason: 'Licence: "CC BY 4.0" is not a licence identifier' },
  'dhis2-mapping-pair': { value: 'moh' },
  'token-commands': {},
  'no-org': {},
  'one-type-at-most': {},
  'unknown-type': { type: 'Facilty', types: ['DataPackage', 'Facility'] },
  'template-not-xlsx': { path: 'template.csv' },
  'no-facilities': { path: 'facilities.csv' },
  'not-a-url': { value: 'hub' },
  'not-http-url': { value: 'ftp://hub.example.org' },
  'nothing-to-convert': { input: 'a.phx.json', output: 'b.phx.json', format: 'json' },
  text: { message: 'Option --fromat is not known', hint: 'run `phx validate --help`' },
};

/** The words a param puts in a message: the names and values a user typed, kept as they are. */
function typed(params: object): string[] {
  return Object.values(params).flatMap((value) => (Array.isArray(value) ? value : [value])).map(String);
}

describe('usage errors in every locale', () => {
  it.each(locales)('%s has a message, and a hint where English has one, for every code', (locale) => {
    for (const code of Object.keys(examples) as UsageCode[]) {
      const params = examples[code];
      const { message, hint } = renderUsage(new UsageError(code, params), locale);
      const english = renderUsage(new UsageError(code, params), 'en');
      expect(message, code).toMatch(/\S/);
      expect(`${message} ${hint ?? ''}`, code).not.toMatch(/undefined|\[object|NaN/);
      expect(hint === undefined, code).toBe(english.hint === undefined);
      for (const word of typed(params).filter((word) => !['validate', 'convert', 'serve', 'export'].includes(word))) expect(`${message} ${hint ?? ''}`, code).toContain(word);
      // `text` is Node's or the hub's words; `option-not-valid` quotes the validator's, given in the user's language.
      if (locale !== 'en' && code !== 'text' && code !== 'option-not-valid') expect(message, code).not.toBe(english.message);
    }
    expect(reportWords[locale].hintLabel).toMatch(/:$/);
  });
});

describe("Node's errors for arguments it cannot parse", () => {
  const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('name the option, its long name when Node gives both', () => {
    const unknown = parseArgsError('validate', nodeError('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--fromat'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--fromat\""));
    expect(unknown).toMatchObject({ code: 'unknown-option', params: { command: 'validate', option: '--fromat' } });
    expect(parseArgsError('convert', nodeError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '-o, --out <value>' argument missing"))).toMatchObject({ code: 'missing-value', params: { option: '--out' } });
    expect(parseArgsError('convert', nodeError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--out' argument is ambiguous.\nDid you forget to specify the option argument for '--out'?"))).toMatchObject({ code: 'missing-value', params: { option: '--out' } });
    expect(parseArgsError('convert', nodeError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--force' does not take an argument"))).toMatchObject({ code: 'takes-no-value', params: { option: '--force' } });
    expect(parseArgsError('init', nodeError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument 'x'. This command does not take positional arguments"))).toMatchObject({ code: 'unexpected-argument', params: { argument: 'x' } });
  });

  it('keep words Node did not use before as they are, in English', () => {
    expect(parseArgsError('validate', nodeError('ERR_PARSE_ARGS_UNKNOWN_OPTION', 'Option --fromat is not known'))).toMatchObject({ code: 'text', params: { message: 'Option --fromat is not known', hint: 'run `phx validate --help`' } });
  });

  it('are in the language of --locale wherever it is, else of the environment', () => {
    expect(usageLocaleOf(['--fromat', 'x', '--locale', 'uk'], {})).toBe('uk');
    expect(usageLocaleOf(['--locale=fr', '--jobs'], {})).toBe('fr');
    expect(usageLocaleOf(['--jobs', '0'], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(usageLocaleOf(['--locale', 'de'], { LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(usageLocaleOf(['--', '--locale', 'uk'], {})).toBe('en');
    expect(usageLocaleOf(['--locale', 'uk-UA'], {})).toBe('uk');
    expect(usageLocaleOf(['--jobs', '0'], { LANGUAGE: 'uk:ru' })).toBe('uk');
  });
});

describe('the language of messages', () => {
  it('is that of the system where the environment names none, as on Windows, which sets no LANG', () => {
    expect(localeOf(undefined, {}, 'uk-UA')).toBe('uk');
    expect(localeOf(undefined, {}, 'ru')).toBe('ru');
    expect(localeOf(undefined, { LANG: 'fr_FR.UTF-8' }, 'uk-UA')).toBe('fr');
    expect(localeOf('es', {}, 'uk-UA')).toBe('es');
    // A system language PHX does not speak, or none, leaves English.
    expect(localeOf(undefined, {}, 'de-DE')).toBe('en');
    expect(localeOf(undefined, { LANG: 'C.UTF-8' }, undefined)).toBe('en');
  });
});

describe('--locale', () => {
  it('takes a language tag by its language, in any case: uk-UA, uk_UA.UTF-8, UK', () => {
    const json = dir.write('tagged.phx.json', JSON.stringify(validPackage()));
    for (const locale of ['uk-UA', 'uk_UA.UTF-8', 'UK', 'Uk']) {
      const run = phx(['validate', json, '--locale', locale]);
      expect(run.code, locale).toBe(0);
      expect(run.stdout, locale).toContain('усі файли пройшли перевірку');
    }
  });

  it('names the language meant by a common slip: ua (the code of Ukraine), ukr, rus, eng, fra', () => {
    const json = dir.write('slip.phx.json', JSON.stringify(validPackage()));
    const ua = phx(['validate', json, '--locale', 'ua'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(ua.code).toBe(2);
    expect(ua.stderr).toBe('phx: --locale має бути одним зі значень: en, ru, uk, fr, es (вказано «ua»)\nпідказка: вкажіть --locale uk\n');
    for (const [slip, meant] of [['ukr', 'uk'], ['RUS', 'ru'], ['eng', 'en'], ['fra', 'fr'], ['spa', 'es']]) {
      expect(phx(['init', '--locale', slip!]).stderr, slip).toContain(`\nhint: use --locale ${meant}\n`);
    }
    // No hint where no language is meant.
    expect(phx(['validate', json, '--locale', 'de']).stderr).toBe('phx: --locale must be one of en, ru, uk, fr, es (got "de")\n');
  });
});

/** What each language says of a missing file, an unknown option, a bad number and an output that exists. */
const said: Record<Locale, { missing: string; option: string; jobs: string; maxIssues: string; exists: string }> = {
  en: { missing: ': no such file', option: "phx: unknown option '--fromat'\nhint: run `phx validate --help`", jobs: '--jobs must be a whole number of at least 1 (got "0")', maxIssues: '--max-issues must be a whole number of at least 1 (got "many")', exists: 'exists already\nhint: pass --force to overwrite it' },
  ru: { missing: ': файл не найден', option: 'phx: неизвестный параметр «--fromat»\nподсказка: выполните `phx validate --help`', jobs: '--jobs должен быть целым числом не меньше 1 (указано «0»)', maxIssues: '--max-issues должен быть целым числом не меньше 1 (указано «many»)', exists: 'уже существует\nподсказка: чтобы перезаписать его, укажите --force' },
  uk: { missing: ': файл не знайдено', option: 'phx: невідомий параметр «--fromat»\nпідказка: виконайте `phx validate --help`', jobs: '--jobs має бути цілим числом, не меншим за 1 (вказано «0»)', maxIssues: '--max-issues має бути цілим числом, не меншим за 1 (вказано «many»)', exists: 'уже існує\nпідказка: щоб перезаписати його, вкажіть --force' },
  fr: { missing: ' : fichier introuvable', option: 'phx: option inconnue « --fromat »\nconseil : lancez `phx validate --help`', jobs: "--jobs doit être un nombre entier d'au moins 1 (valeur donnée : « 0 »)", maxIssues: "--max-issues doit être un nombre entier d'au moins 1 (valeur donnée : « many »)", exists: 'existe déjà\nconseil : passez --force pour le remplacer' },
  es: { missing: ': no existe el archivo', option: 'phx: opción desconocida «--fromat»\nsugerencia: ejecute `phx validate --help`', jobs: '--jobs debe ser un número entero de al menos 1 (se indicó «0»)', maxIssues: '--max-issues debe ser un número entero de al menos 1 (se indicó «many»)', exists: 'ya existe\nsugerencia: use --force para sobrescribirlo' },
};

describe('phx prints a usage error in the language of --locale, with exit code 2', () => {
  const missing = dir.path('missing.phx.json');
  const json = dir.write('pkg.phx.json', JSON.stringify(validPackage()));
  const out = dir.path('out.phx.ndjson');
  writeFileSync(out, '');

  it.each(locales)('%s, from the command line (no stack trace)', (locale) => {
    const run = phx(['validate', missing, '--locale', locale]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`phx: ${missing}${said[locale].missing}\n`);
  });

  it.each(locales)('%s: an unknown option, a bad number, an output that exists', async (locale) => {
    // An unknown option stops the parsing before --locale is read, wherever --locale is.
    for (const args of [['validate', '--fromat', 'json', json, '--locale', locale], ['validate', '--locale', locale, '--fromat', 'json', json]]) {
      expect(await phxInProcess(args)).toMatchObject({ code: 2, stderr: `${said[locale].option}\n` });
    }
    expect(await phxInProcess(['validate', json, '--jobs', '0', '--locale', locale])).toMatchObject({ code: 2, stderr: expect.stringContaining(said[locale].jobs) });
    expect(await phxInProcess(['validate', json, '--max-issues', 'many', '--locale', locale])).toMatchObject({ code: 2, stderr: expect.stringContaining(said[locale].maxIssues) });
    expect(await phxInProcess(['convert', json, '-o', out, '--locale', locale])).toMatchObject({ code: 2, stderr: `phx: ${out} ${said[locale].exists}\n` });
    expect(await phxInProcess(['validate', '--locale', locale])).toMatchObject({ code: 2, stderr: expect.stringContaining(renderUsage(new UsageError('no-file-to-validate', {}), locale).message) });
  });

  it.each(locales)("%s: a command's own checks of its arguments, from the command line", (locale) => {
    const say = (code: UsageCode, params: object) => {
      const { message, hint } = renderUsage(new UsageError(code, params as never), locale);
      return `phx: ${message}${hint === undefined ? '' : `\n${reportWords[locale].hintLabel} ${hint}`}\n`;
    };
    expect(phx(['check', json, '--profile', 'gam', '--country', 'XX', '--year', '2023', '--locale', locale])).toMatchObject({ code: 2, stderr: say('not-a-country', { value: 'XX' }) });
    expect(phx(['export', json, '-o', dir.path('out.json'), '--locale', locale])).toMatchObject({ code: 2, stderr: say('no-target', { path: dir.path('out.json'), targets: exportTargets }) });
    // An output in a folder that does not exist is refused before anything is read, written or said.
    const nowhere = dir.path('no-folder/out.fhir.json');
    for (const args of [['export', json, '-o', nowhere], ['convert', json, '-o', nowhere.replace('.fhir.json', '.phx.ndjson')]]) {
      const path = args.at(-1)!;
      expect(phx([...args, '--locale', locale])).toMatchObject({ code: 2, stdout: '', stderr: say('no-such-folder', { path, folder: dir.path('no-folder') }) });
    }
    expect(phx(['convert', json, '-o', `${json}/out.phx.ndjson`, '--locale', locale])).toMatchObject({ code: 2, stderr: say('not-a-directory', { path: `${json}/out.phx.ndjson` }) });
  });

  it('a check of its own in each language', async () => {
    // Every option missing is named in one message, not one a run.
    const said = {
      en: 'name the profile, the country, and the year: --profile gam --country UA --year 2023',
      ru: 'укажите профиль, страну и год: --profile gam --country UA --year 2023',
      uk: 'вкажіть профіль, країну і рік: --profile gam --country UA --year 2023',
      fr: "indiquez le profil, le pays et l'année : --profile gam --country UA --year 2023",
      es: 'indique el perfil, el país y el año: --profile gam --country UA --year 2023',
    };
    for (const locale of locales) expect(await phxInProcess(['check', json, '--locale', locale])).toMatchObject({ code: 2, stderr: expect.stringContaining(`phx: ${said[locale]}\n`) });
    expect(await phxInProcess(['export', json, '-o', dir.path('out.fhir.json'), '--to', 'dhis2', '--locale', 'fr'])).toMatchObject({
      code: 2,
      stderr: `phx: ${dir.path('out.fhir.json')} se termine comme un fichier fhir, mais --to vaut dhis2\nconseil : terminez le nom par .dhis2.json, ou retirez --to\n`,
    });
  });

  it('in the language of the environment without --locale, and with a --locale that is none', () => {
    const run = phx(['validate', '--fromat', 'json', json], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(run).toMatchObject({ code: 2, stderr: `${said.uk.option}\n` });
    const bad = phx(['validate', json, '--locale', 'de'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(bad).toMatchObject({ code: 2, stderr: 'phx: --locale должен быть одним из значений: en, ru, uk, fr, es (указано «de»)\n' });
  });
});
