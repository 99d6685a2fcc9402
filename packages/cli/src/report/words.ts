import type { Locale, Severity } from '@phx/schema';

/** What a report counts. */
type Counted = 'error' | 'warning' | 'file' | 'record' | 'issue' | 'byte';

/** The totals a run's summary line states. */
interface Totals {
  errors: number;
  warnings: number;
  /** Files that are not valid. */
  invalid: number;
  files: number;
  records: number;
}

/** The words of phx's report to a person, in one language. */
export interface ReportWords {
  /** Severities as printed before each issue. */
  severity: Record<Severity, string>;
  /** A count of things: `3 errors`, or `ошибок: 3` in a language whose nouns change with the number. */
  count: (count: number, counted: Counted) => string;
  /** A number as the language writes it. */
  number: (count: number) => string;
  /** The row of a table an issue is in. */
  row: (row: number) => string;
  /** The line of a stream an issue is on. */
  line: (line: number) => string;
  /** An issue about the file as a whole. */
  file: string;
  /** An issue about the package's header. */
  package: string;
  /** The summary of a run with an invalid file. */
  invalid: (totals: Totals) => string;
  /** The summary of a run whose files are all valid. */
  valid: (totals: Totals) => string;
  /** How many issues are listed, when not all are (`--max-issues`). */
  listed: (issues: number) => string;
  /** The counts cover the whole file. */
  whole: string;
  /** Checking stopped at a place in the file; the counts cover the part checked. */
  stopped: (extent: string) => string;
}

/** Counting in a language with one form for one and another for the rest. */
function counter(locale: Locale, forms: Record<Counted, [one: string, other: string]>): Pick<ReportWords, 'count' | 'number'> {
  const rules = new Intl.PluralRules(locale);
  const number = (count: number): string => count.toLocaleString(locale);
  return { number, count: (count, counted) => `${number(count)} ${forms[counted][rules.select(count) === 'one' ? 0 : 1]}` };
}

/** Counting as `noun: 3`, with the noun in the form that reads right before any number. */
function labelled(locale: Locale, nouns: Record<Counted, string>): Pick<ReportWords, 'count' | 'number'> {
  const number = (count: number): string => count.toLocaleString(locale);
  return { number, count: (count, counted) => `${nouns[counted]}: ${number(count)}` };
}

const enCount = counter('en', {
  error: ['error', 'errors'], warning: ['warning', 'warnings'], file: ['file', 'files'], record: ['record', 'records'],
  issue: ['issue', 'issues'], byte: ['byte', 'bytes'],
});
const en: ReportWords = {
  ...enCount,
  severity: { error: 'error', warning: 'warning', info: 'note' },
  row: (row) => `row ${enCount.number(row)}`,
  line: (line) => `line ${enCount.number(line)}`,
  file: 'file',
  package: 'package',
  invalid: (t) => `${enCount.count(t.errors, 'error')}, ${enCount.count(t.warnings, 'warning')}: ${t.invalid} of ${enCount.count(t.files, 'file')} invalid (${enCount.count(t.records, 'record')})`,
  valid: (t) => `${enCount.count(t.files, 'file')} valid, ${enCount.count(t.records, 'record')}${t.warnings > 0 ? `, ${enCount.count(t.warnings, 'warning')}` : ''}`,
  listed: (issues) => `${enCount.count(issues, 'issue')} listed (--max-issues)`,
  whole: 'the counts cover the whole file',
  stopped: (extent) => `checking stopped at ${extent}: the counts cover only the part checked`,
};

const ruCount = labelled('ru', { error: 'ошибок', warning: 'предупреждений', file: 'файлов', record: 'записей', issue: 'проблем', byte: 'байт' });
const ru: ReportWords = {
  ...ruCount,
  severity: { error: 'ошибка', warning: 'предупреждение', info: 'заметка' },
  row: (row) => `строка ${ruCount.number(row)}`,
  line: (line) => `строка ${ruCount.number(line)}`,
  file: 'файл',
  package: 'пакет',
  invalid: (t) => `${ruCount.count(t.errors, 'error')}, ${ruCount.count(t.warnings, 'warning')}; не прошли проверку файлов: ${t.invalid} из ${t.files} (${ruCount.count(t.records, 'record')})`,
  valid: (t) => `все файлы прошли проверку (${ruCount.count(t.files, 'file')}; ${ruCount.count(t.records, 'record')}${t.warnings > 0 ? `; ${ruCount.count(t.warnings, 'warning')}` : ''})`,
  listed: (issues) => `показано ${ruCount.count(issues, 'issue')} (--max-issues)`,
  whole: 'подсчитан весь файл',
  stopped: (extent) => `проверка остановилась (${extent}): подсчитана только проверенная часть`,
};

const ukCount = labelled('uk', { error: 'помилок', warning: 'попереджень', file: 'файлів', record: 'записів', issue: 'проблем', byte: 'байтів' });
const uk: ReportWords = {
  ...ukCount,
  severity: { error: 'помилка', warning: 'попередження', info: 'примітка' },
  row: (row) => `рядок ${ukCount.number(row)}`,
  line: (line) => `рядок ${ukCount.number(line)}`,
  file: 'файл',
  package: 'пакет',
  invalid: (t) => `${ukCount.count(t.errors, 'error')}, ${ukCount.count(t.warnings, 'warning')}; не пройшли перевірку файлів: ${t.invalid} з ${t.files} (${ukCount.count(t.records, 'record')})`,
  valid: (t) => `усі файли пройшли перевірку (${ukCount.count(t.files, 'file')}; ${ukCount.count(t.records, 'record')}${t.warnings > 0 ? `; ${ukCount.count(t.warnings, 'warning')}` : ''})`,
  listed: (issues) => `показано ${ukCount.count(issues, 'issue')} (--max-issues)`,
  whole: 'підраховано весь файл',
  stopped: (extent) => `перевірка зупинилася (${extent}): підраховано лише перевірену частину`,
};

const frCount = counter('fr', {
  error: ['erreur', 'erreurs'], warning: ['avertissement', 'avertissements'], file: ['fichier', 'fichiers'],
  record: ['enregistrement', 'enregistrements'], issue: ['problème', 'problèmes'], byte: ['octet', 'octets'],
});
const fr: ReportWords = {
  ...frCount,
  severity: { error: 'erreur', warning: 'avertissement', info: 'remarque' },
  row: (row) => `ligne ${frCount.number(row)}`,
  line: (line) => `ligne ${frCount.number(line)}`,
  file: 'fichier',
  package: 'paquet',
  invalid: (t) => `${frCount.count(t.errors, 'error')}, ${frCount.count(t.warnings, 'warning')} : ${t.invalid} sur ${frCount.count(t.files, 'file')} non ${t.invalid > 1 ? 'valides' : 'valide'} (${frCount.count(t.records, 'record')})`,
  valid: (t) => `${frCount.count(t.files, 'file')} ${t.files > 1 ? 'valides' : 'valide'}, ${frCount.count(t.records, 'record')}${t.warnings > 0 ? `, ${frCount.count(t.warnings, 'warning')}` : ''}`,
  listed: (issues) => `${frCount.count(issues, 'issue')} ${issues > 1 ? 'listés' : 'listé'} (--max-issues)`,
  whole: 'les totaux portent sur tout le fichier',
  stopped: (extent) => `la vérification s'est arrêtée à : ${extent} ; les totaux ne portent que sur la partie vérifiée`,
};

const esCount = counter('es', {
  error: ['error', 'errores'], warning: ['advertencia', 'advertencias'], file: ['archivo', 'archivos'], record: ['registro', 'registros'],
  issue: ['problema', 'problemas'], byte: ['byte', 'bytes'],
});
const es: ReportWords = {
  ...esCount,
  severity: { error: 'error', warning: 'advertencia', info: 'nota' },
  row: (row) => `fila ${esCount.number(row)}`,
  line: (line) => `línea ${esCount.number(line)}`,
  file: 'archivo',
  package: 'paquete',
  invalid: (t) => `${esCount.count(t.errors, 'error')}, ${esCount.count(t.warnings, 'warning')}: ${t.invalid} de ${esCount.count(t.files, 'file')} no ${t.invalid === 1 ? 'válido' : 'válidos'} (${esCount.count(t.records, 'record')})`,
  valid: (t) => `${esCount.count(t.files, 'file')} ${t.files === 1 ? 'válido' : 'válidos'}, ${esCount.count(t.records, 'record')}${t.warnings > 0 ? `, ${esCount.count(t.warnings, 'warning')}` : ''}`,
  listed: (issues) => `${esCount.count(issues, 'issue')} en la lista (--max-issues)`,
  whole: 'los totales abarcan todo el archivo',
  stopped: (extent) => `la comprobación se detuvo en: ${extent}; los totales abarcan solo la parte comprobada`,
};

/** The words of phx's report to a person, by locale. */
export const reportWords: Record<Locale, ReportWords> = { en, ru, uk, fr, es };
