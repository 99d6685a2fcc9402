import type { Locale, Severity } from '@phx/schema';

/** What a report counts. */
type Counted = 'error' | 'warning' | 'file' | 'record' | 'observation' | 'issue' | 'byte';

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
  /** An issue about a sheet of a workbook as a whole. */
  sheet: (sheet: string) => string;
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
  /** How to read a file in the encoding its issue names (`phx validate`, `phx convert` and `phx template` take `--encoding`). */
  readAs: (encoding: string) => string;
  /**
   * How to say the Excel that wrote a CSV file whose point was taken for a thousands separator on a guess
   * (`sheet.ambiguous-thousands`): `phx validate` and `phx convert` take it as `--locale`.
   */
  excelLocale: string;
  /** What a hint starts with. */
  hintLabel: string;
  /** What the commands that write files (export, import, convert, template) say of them. */
  output: OutputWords;
}

/** What the commands that write files say of what they wrote, or did not. */
export interface OutputWords {
  /** Files written by an export, with the number of warnings listed above. */
  wrote: (paths: readonly string[], warnings: number) => string;
  /** A package written by an import, with its observations. */
  imported: (path: string, observations: number) => string;
  /** A package written by an import that does not pass `phx validate`. */
  importedInvalid: (path: string, observations: number) => string;
  /** Organisations and facilities the imported data refers to, which the source format does not carry. */
  takeRecordsWith: (source: string) => string;
  /** A CSV file written for Excel in English (no `--locale`) while the messages are in another language (`LANG`). */
  csvForEnglishExcel: string;
  /** A file not written. */
  notWritten: (path: string) => string;
  /** An import that read no observation from its input: nothing is written. */
  nothingImported: (input: string, path: string) => string;
  /** A package not checked (`phx check`). */
  notChecked: string;
  /** The inputs of a conversion that cannot be read. */
  unreadable: (path: string) => string;
  /** A conversion that would write an invalid package. */
  wouldBeInvalid: (path: string) => string;
  /** A package written although invalid (`--allow-invalid`). */
  writtenInvalid: (path: string) => string;
  /** No input of a conversion gives a package header. */
  noHeader: string;
  /** A package a command needs valid, with errors: `outcome` is what the command did not do. */
  invalidPackage: (outcome: string, path: string) => string;
  /** A starter package written by `phx init`, its countries given or not. */
  started: (path: string, countries: boolean) => string;
  /** A workbook to fill in, written by `phx template`. */
  templated: (path: string) => string;
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
  observation: ['observation', 'observations'], issue: ['issue', 'issues'], byte: ['byte', 'bytes'],
});
const en: ReportWords = {
  ...enCount,
  severity: { error: 'error', warning: 'warning', info: 'note' },
  row: (row) => `row ${enCount.number(row)}`,
  line: (line) => `line ${enCount.number(line)}`,
  file: 'file',
  package: 'package',
  sheet: (sheet) => `sheet "${sheet}"`,
  invalid: (t) => `${enCount.count(t.errors, 'error')}, ${enCount.count(t.warnings, 'warning')}: ${t.invalid} of ${enCount.count(t.files, 'file')} invalid (${enCount.count(t.records, 'record')})`,
  valid: (t) => `${enCount.count(t.files, 'file')} valid, ${enCount.count(t.records, 'record')}${t.warnings > 0 ? `, ${enCount.count(t.warnings, 'warning')}` : ''}`,
  listed: (issues) => `${enCount.count(issues, 'issue')} listed (--max-issues)`,
  whole: 'the counts cover the whole file',
  stopped: (extent) => `checking stopped at ${extent}: the counts cover only the part checked`,
  readAs: (encoding) => `run again with --encoding ${encoding} to read it as it is`,
  excelLocale: 'run again with the locale of the Excel that wrote the file: with --locale es (Spanish Excel) a point is read as a thousands separator, without a warning; with --locale uk, ru or fr, whose Excel never groups thousands with a point, it is not taken for one',
  hintLabel: 'hint:',
  output: {
    wrote: (paths, warnings) => `wrote ${paths.join(' and ')}${warnings ? ` (${enCount.count(warnings, 'warning')} above)` : ''}`,
    imported: (path, observations) => `wrote ${path} (${enCount.count(observations, 'observation')})`,
    importedInvalid: (path, observations) => `wrote ${path} (${enCount.count(observations, 'observation')}), but it does not pass phx validate: fix the errors above before you share it`,
    takeRecordsWith: (source) => `hint: ${source} does not carry organisations or facilities; take those the data refers to from a package of yours with --with <package.phx.json>`,
    csvForEnglishExcel: 'hint: the CSV is for Excel in English (commas between columns); for Excel in another language give its --locale (uk, ru, fr, es)',
    notWritten: (path) => `${path} was not written`,
    nothingImported: (input, path) => `${path} was not written: no observation could be read from ${input}`,
    notChecked: 'not checked',
    unreadable: (path) => `${path} was not written: the inputs cannot be read as they are`,
    wouldBeInvalid: (path) => `${path} was not written: the package would be invalid (pass --allow-invalid to write it anyway)`,
    writtenInvalid: (path) => `${path} was written, although the package is invalid (--allow-invalid)`,
    noHeader: 'no input gives a package header: fill in phxVersion, id, publisher, license and publishedAt (see `phx init`), or pass --header <file.phx.json>',
    invalidPackage: (outcome, path) => `${outcome}: ${path} is not a valid package; fix its errors (phx validate ${path})`,
    started: (path, countries) => `wrote ${path}: replace the placeholders (publisher, organisation, licence)${countries ? '' : ", give the organisation's countries"}, then run \`phx validate ${path}\``,
    templated: (path) => `wrote ${path}: fill it in, then run \`phx validate ${path}\``,
  },
};

const ruCount = labelled('ru', { error: 'ошибок', warning: 'предупреждений', file: 'файлов', record: 'записей', observation: 'наблюдений', issue: 'проблем', byte: 'байт' });
const ru: ReportWords = {
  ...ruCount,
  severity: { error: 'ошибка', warning: 'предупреждение', info: 'заметка' },
  row: (row) => `строка ${ruCount.number(row)}`,
  line: (line) => `строка ${ruCount.number(line)}`,
  file: 'файл',
  package: 'пакет',
  sheet: (sheet) => `лист «${sheet}»`,
  invalid: (t) => `${ruCount.count(t.errors, 'error')}, ${ruCount.count(t.warnings, 'warning')}; не прошли проверку файлов: ${t.invalid} из ${t.files} (${ruCount.count(t.records, 'record')})`,
  valid: (t) => `все файлы прошли проверку (${ruCount.count(t.files, 'file')}; ${ruCount.count(t.records, 'record')}${t.warnings > 0 ? `; ${ruCount.count(t.warnings, 'warning')}` : ''})`,
  listed: (issues) => `показано ${ruCount.count(issues, 'issue')} (--max-issues)`,
  whole: 'подсчитан весь файл',
  stopped: (extent) => `проверка остановилась (${extent}): подсчитана только проверенная часть`,
  readAs: (encoding) => `запустите снова с --encoding ${encoding}, чтобы прочитать файл как есть`,
  excelLocale: 'запустите снова с локалью Excel, в котором сохранён файл: с --locale es (Excel на испанском) точка читается как разделитель тысяч, без предупреждения; с --locale uk, ru или fr, где Excel никогда не разделяет тысячи точкой, она не принимается за разделитель',
  hintLabel: 'подсказка:',
  output: {
    wrote: (paths, warnings) => `записано: ${paths.join(' и ')}${warnings ? ` (${ruCount.count(warnings, 'warning')} выше)` : ''}`,
    imported: (path, observations) => `записано: ${path} (${ruCount.count(observations, 'observation')})`,
    importedInvalid: (path, observations) => `записано: ${path} (${ruCount.count(observations, 'observation')}), но файл не проходит phx validate: исправьте ошибки выше, прежде чем передавать его`,
    takeRecordsWith: (source) => `подсказка: ${source} не передаёт организации и учреждения; возьмите те, на которые ссылаются данные, из своего пакета: --with <package.phx.json>`,
    csvForEnglishExcel: 'подсказка: CSV записан для Excel на английском (запятые между столбцами); для Excel на русском укажите --locale ru',
    notWritten: (path) => `${path} не записан`,
    nothingImported: (input, path) => `${path} не записан: из ${input} не удалось прочитать ни одного наблюдения`,
    notChecked: 'проверка не выполнена',
    unreadable: (path) => `${path} не записан: входные файлы невозможно прочитать в нынешнем виде`,
    wouldBeInvalid: (path) => `${path} не записан: пакет был бы недействительным (чтобы всё равно записать его, укажите --allow-invalid)`,
    writtenInvalid: (path) => `${path} записан, хотя пакет недействителен (--allow-invalid)`,
    noHeader: 'ни один входной файл не содержит заголовка пакета: заполните phxVersion, id, publisher, license и publishedAt (см. `phx init`) или укажите --header <file.phx.json>',
    invalidPackage: (outcome, path) => `${outcome}: ${path} не является действительным пакетом; исправьте его ошибки (phx validate ${path})`,
    started: (path, countries) => `записано: ${path}; замените заполнители (издатель, организация, лицензия)${countries ? '' : ', укажите страны организации'}, затем запустите \`phx validate ${path}\``,
    templated: (path) => `записано: ${path}; заполните книгу, затем запустите \`phx validate ${path}\``,
  },
};

const ukCount = labelled('uk', { error: 'помилок', warning: 'попереджень', file: 'файлів', record: 'записів', observation: 'спостережень', issue: 'проблем', byte: 'байтів' });
const uk: ReportWords = {
  ...ukCount,
  severity: { error: 'помилка', warning: 'попередження', info: 'примітка' },
  row: (row) => `рядок ${ukCount.number(row)}`,
  line: (line) => `рядок ${ukCount.number(line)}`,
  file: 'файл',
  package: 'пакет',
  sheet: (sheet) => `аркуш «${sheet}»`,
  invalid: (t) => `${ukCount.count(t.errors, 'error')}, ${ukCount.count(t.warnings, 'warning')}; не пройшли перевірку файлів: ${t.invalid} з ${t.files} (${ukCount.count(t.records, 'record')})`,
  valid: (t) => `усі файли пройшли перевірку (${ukCount.count(t.files, 'file')}; ${ukCount.count(t.records, 'record')}${t.warnings > 0 ? `; ${ukCount.count(t.warnings, 'warning')}` : ''})`,
  listed: (issues) => `показано ${ukCount.count(issues, 'issue')} (--max-issues)`,
  whole: 'підраховано весь файл',
  stopped: (extent) => `перевірка зупинилася (${extent}): підраховано лише перевірену частину`,
  readAs: (encoding) => `запустіть знову з --encoding ${encoding}, щоб прочитати файл як є`,
  excelLocale: 'запустіть знову з локаллю Excel, у якому збережено файл: з --locale es (Excel іспанською) крапка читається як роздільник тисяч, без попередження; з --locale uk, ru або fr, де Excel ніколи не розділяє тисячі крапкою, її не сприймають як роздільник',
  hintLabel: 'підказка:',
  output: {
    wrote: (paths, warnings) => `записано: ${paths.join(' і ')}${warnings ? ` (${ukCount.count(warnings, 'warning')} вище)` : ''}`,
    imported: (path, observations) => `записано: ${path} (${ukCount.count(observations, 'observation')})`,
    importedInvalid: (path, observations) => `записано: ${path} (${ukCount.count(observations, 'observation')}), але файл не проходить phx validate: виправте помилки вище, перш ніж передавати його`,
    takeRecordsWith: (source) => `підказка: ${source} не передає організацій і установ; візьміть ті, на які посилаються дані, зі свого пакета: --with <package.phx.json>`,
    csvForEnglishExcel: 'підказка: CSV записано для Excel англійською (коми між стовпцями); для Excel українською вкажіть --locale uk',
    notWritten: (path) => `${path} не записано`,
    nothingImported: (input, path) => `${path} не записано: з ${input} не вдалося прочитати жодного спостереження`,
    notChecked: 'перевірку не виконано',
    unreadable: (path) => `${path} не записано: вхідні файли неможливо прочитати в теперішньому вигляді`,
    wouldBeInvalid: (path) => `${path} не записано: пакет був би недійсним (щоб однаково записати його, вкажіть --allow-invalid)`,
    writtenInvalid: (path) => `${path} записано, хоча пакет недійсний (--allow-invalid)`,
    noHeader: 'жоден вхідний файл не містить заголовка пакета: заповніть phxVersion, id, publisher, license і publishedAt (див. `phx init`) або вкажіть --header <file.phx.json>',
    invalidPackage: (outcome, path) => `${outcome}: ${path} не є дійсним пакетом; виправте його помилки (phx validate ${path})`,
    started: (path, countries) => `записано: ${path}; замініть заповнювачі (видавець, організація, ліцензія)${countries ? '' : ', вкажіть країни організації'}, потім запустіть \`phx validate ${path}\``,
    templated: (path) => `записано: ${path}; заповніть книгу, потім запустіть \`phx validate ${path}\``,
  },
};

const frCount = counter('fr', {
  error: ['erreur', 'erreurs'], warning: ['avertissement', 'avertissements'], file: ['fichier', 'fichiers'],
  record: ['enregistrement', 'enregistrements'], observation: ['observation', 'observations'], issue: ['problème', 'problèmes'], byte: ['octet', 'octets'],
});
const fr: ReportWords = {
  ...frCount,
  severity: { error: 'erreur', warning: 'avertissement', info: 'remarque' },
  row: (row) => `ligne ${frCount.number(row)}`,
  line: (line) => `ligne ${frCount.number(line)}`,
  file: 'fichier',
  package: 'paquet',
  sheet: (sheet) => `feuille « ${sheet} »`,
  invalid: (t) => `${frCount.count(t.errors, 'error')}, ${frCount.count(t.warnings, 'warning')} : ${t.invalid} sur ${frCount.count(t.files, 'file')} non ${t.invalid > 1 ? 'valides' : 'valide'} (${frCount.count(t.records, 'record')})`,
  valid: (t) => `${frCount.count(t.files, 'file')} ${t.files > 1 ? 'valides' : 'valide'}, ${frCount.count(t.records, 'record')}${t.warnings > 0 ? `, ${frCount.count(t.warnings, 'warning')}` : ''}`,
  listed: (issues) => `${frCount.count(issues, 'issue')} ${issues > 1 ? 'listés' : 'listé'} (--max-issues)`,
  whole: 'les totaux portent sur tout le fichier',
  stopped: (extent) => `la vérification s'est arrêtée à : ${extent} ; les totaux ne portent que sur la partie vérifiée`,
  readAs: (encoding) => `relancez avec --encoding ${encoding} pour le lire tel quel`,
  excelLocale: 'relancez avec la langue de l’Excel qui a écrit le fichier : avec --locale es (Excel en espagnol), un point est lu comme séparateur de milliers, sans avertissement ; avec --locale uk, ru ou fr, dont l’Excel ne sépare jamais les milliers par un point, il n’est pas pris pour tel',
  hintLabel: 'conseil :',
  output: {
    wrote: (paths, warnings) => `${paths.join(' et ')} ${paths.length > 1 ? 'écrits' : 'écrit'}${warnings ? ` (${frCount.count(warnings, 'warning')} ci-dessus)` : ''}`,
    imported: (path, observations) => `${path} écrit (${frCount.count(observations, 'observation')})`,
    importedInvalid: (path, observations) => `${path} écrit (${frCount.count(observations, 'observation')}), mais il ne passe pas phx validate : corrigez les erreurs ci-dessus avant de le partager`,
    takeRecordsWith: (source) => `conseil : ${source} ne transmet ni organisations ni établissements ; prenez ceux auxquels les données renvoient dans un de vos paquets avec --with <package.phx.json>`,
    csvForEnglishExcel: "conseil : le CSV est écrit pour Excel en anglais (virgules entre les colonnes) ; pour Excel en français, indiquez --locale fr",
    notWritten: (path) => `${path} n'a pas été écrit`,
    nothingImported: (input, path) => `${path} n'a pas été écrit : aucune observation n'a pu être lue dans ${input}`,
    notChecked: 'non vérifié',
    unreadable: (path) => `${path} n'a pas été écrit : les fichiers d'entrée ne peuvent pas être lus tels quels`,
    wouldBeInvalid: (path) => `${path} n'a pas été écrit : le paquet serait non valide (passez --allow-invalid pour l'écrire quand même)`,
    writtenInvalid: (path) => `${path} a été écrit, bien que le paquet soit non valide (--allow-invalid)`,
    noHeader: "aucun fichier d'entrée ne donne d'en-tête de paquet : remplissez phxVersion, id, publisher, license et publishedAt (voir `phx init`), ou passez --header <file.phx.json>",
    invalidPackage: (outcome, path) => `${outcome} : ${path} n'est pas un paquet valide ; corrigez ses erreurs (phx validate ${path})`,
    started: (path, countries) => `${path} écrit : remplacez les exemples (éditeur, organisation, licence)${countries ? '' : ", indiquez les pays de l'organisation"}, puis lancez \`phx validate ${path}\``,
    templated: (path) => `${path} écrit : remplissez le classeur, puis lancez \`phx validate ${path}\``,
  },
};

const esCount = counter('es', {
  error: ['error', 'errores'], warning: ['advertencia', 'advertencias'], file: ['archivo', 'archivos'], record: ['registro', 'registros'],
  observation: ['observación', 'observaciones'], issue: ['problema', 'problemas'], byte: ['byte', 'bytes'],
});
const es: ReportWords = {
  ...esCount,
  severity: { error: 'error', warning: 'advertencia', info: 'nota' },
  row: (row) => `fila ${esCount.number(row)}`,
  line: (line) => `línea ${esCount.number(line)}`,
  file: 'archivo',
  package: 'paquete',
  sheet: (sheet) => `hoja «${sheet}»`,
  invalid: (t) => `${esCount.count(t.errors, 'error')}, ${esCount.count(t.warnings, 'warning')}: ${t.invalid} de ${esCount.count(t.files, 'file')} no ${t.invalid === 1 ? 'válido' : 'válidos'} (${esCount.count(t.records, 'record')})`,
  valid: (t) => `${esCount.count(t.files, 'file')} ${t.files === 1 ? 'válido' : 'válidos'}, ${esCount.count(t.records, 'record')}${t.warnings > 0 ? `, ${esCount.count(t.warnings, 'warning')}` : ''}`,
  listed: (issues) => `${esCount.count(issues, 'issue')} en la lista (--max-issues)`,
  whole: 'los totales abarcan todo el archivo',
  stopped: (extent) => `la comprobación se detuvo en: ${extent}; los totales abarcan solo la parte comprobada`,
  readAs: (encoding) => `vuelva a ejecutar con --encoding ${encoding} para leerlo tal cual`,
  excelLocale: 'vuelva a ejecutar con el idioma del Excel que escribió el archivo: con --locale es (Excel en español), el punto se lee como separador de miles, sin advertencia; con --locale uk, ru o fr, cuyo Excel nunca separa los miles con un punto, no se toma como tal',
  hintLabel: 'sugerencia:',
  output: {
    wrote: (paths, warnings) => `${paths.length > 1 ? 'escritos' : 'escrito'}: ${paths.join(' y ')}${warnings ? ` (${esCount.count(warnings, 'warning')} arriba)` : ''}`,
    imported: (path, observations) => `escrito: ${path} (${esCount.count(observations, 'observation')})`,
    importedInvalid: (path, observations) => `escrito: ${path} (${esCount.count(observations, 'observation')}), pero no pasa phx validate: corrija los errores de arriba antes de compartirlo`,
    takeRecordsWith: (source) => `sugerencia: ${source} no transmite organizaciones ni establecimientos; tome aquellos a los que remiten los datos de un paquete suyo con --with <package.phx.json>`,
    csvForEnglishExcel: 'sugerencia: el CSV se escribió para Excel en inglés (comas entre columnas); para Excel en español, indique --locale es',
    notWritten: (path) => `no se escribió ${path}`,
    nothingImported: (input, path) => `no se escribió ${path}: no se pudo leer ninguna observación de ${input}`,
    notChecked: 'no comprobado',
    unreadable: (path) => `no se escribió ${path}: los archivos de entrada no se pueden leer tal como están`,
    wouldBeInvalid: (path) => `no se escribió ${path}: el paquete no sería válido (pase --allow-invalid para escribirlo de todos modos)`,
    writtenInvalid: (path) => `se escribió ${path}, aunque el paquete no es válido (--allow-invalid)`,
    noHeader: 'ningún archivo de entrada da un encabezado de paquete: complete phxVersion, id, publisher, license y publishedAt (vea `phx init`), o pase --header <file.phx.json>',
    invalidPackage: (outcome, path) => `${outcome}: ${path} no es un paquete válido; corrija sus errores (phx validate ${path})`,
    started: (path, countries) => `escrito: ${path}; sustituya los marcadores (editor, organización, licencia)${countries ? '' : ', indique los países de la organización'} y luego ejecute \`phx validate ${path}\``,
    templated: (path) => `escrito: ${path}; rellene el libro y luego ejecute \`phx validate ${path}\``,
  },
};

/** The words of phx's report to a person, by locale. */
export const reportWords: Record<Locale, ReportWords> = { en, ru, uk, fr, es };
