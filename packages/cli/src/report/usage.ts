import type { Locale } from '@phx/schema';
import type { UsageCode, UsageError, UsageParams } from '../errors.js';

/** A usage error in words: its message, and a hint on what to do instead. */
export interface UsageText {
  message: string;
  hint?: string;
}

/** The words of phx's usage errors in one language: one function per code, and the label of a hint. */
export type UsageWords = { [C in UsageCode]: (params: UsageParams[C]) => UsageText } & {
  /** What a hint starts with. */
  hintLabel: string;
};

const en: UsageWords = {
  hintLabel: 'hint:',
  'no-such-file': ({ path }) => ({ message: `${path}: no such file` }),
  'is-a-directory': ({ path }) => ({ message: `${path}: is a directory, not a file`, hint: 'name the files in it, e.g. "dir/*.phx.json"' }),
  'permission-denied': ({ path }) => ({ message: `${path}: permission denied` }),
  'not-a-directory': ({ path }) => ({ message: `${path}: a part of the path is not a directory` }),
  'cannot-read-or-write': ({ path, reason }) => ({ message: `${path}: cannot be read or written (${reason})` }),
  'unsupported-file-type': ({ path }) => ({ message: `${path}: unsupported file type`, hint: 'phx writes .phx.json, .phx.ndjson, .csv and .xlsx files' }),
  'no-match': ({ pattern }) => ({ message: `no file matches ${pattern}` }),
  'exists-already': ({ path }) => ({ message: `${path} exists already`, hint: 'pass --force to overwrite it' }),
  'input-as-output': ({ path }) => ({ message: `${path} is an input of this command and is never overwritten`, hint: 'name another output file with -o' }),
  'unknown-option': ({ command, option }) => ({ message: `unknown option '${option}'`, hint: `run \`phx ${command} --help\`` }),
  'missing-value': ({ command, option }) => ({ message: `option ${option} needs a value`, hint: `run \`phx ${command} --help\`` }),
  'takes-no-value': ({ command, option }) => ({ message: `option ${option} takes no value`, hint: `run \`phx ${command} --help\`` }),
  'unexpected-argument': ({ command, argument }) => ({ message: `unexpected argument ${argument}`, hint: `run \`phx ${command} --help\`` }),
  'not-one-of': ({ option, allowed, value }) => ({ message: `--${option} must be one of ${allowed.join(', ')} (got "${value}")` }),
  'not-whole-number': ({ option, min, value }) => ({ message: `--${option} must be a whole number of at least ${min} (got "${value}")` }),
  'unknown-command': ({ command }) => ({ message: `unknown command "${command}"`, hint: 'run `phx --help` to see the commands' }),
  'hub-not-installed': () => ({ message: 'the hub is not installed: phx serve and phx token need @phx/server', hint: 'install it with `npm install @phx/server`' }),
  'port-in-use': ({ port }) => ({ message: `port ${port} is in use`, hint: 'pass another --port, or 0 for a free one' }),
  'port-denied': ({ port }) => ({ message: `port ${port}: permission denied` }),
  'no-such-token': ({ id }) => ({ message: `no active token has the id ${id}`, hint: 'run `phx token list` to see the ids' }),
  'csv-one-type': ({ types }) => ({ message: `the package holds ${types.join(', ')} records, and a CSV holds one type`, hint: 'name the one to write with --type, e.g. --type observation' }),
  'only-csv-output': ({ option, to }) => ({ message: `--${option} only applies to a CSV output, not ${to}`, hint: 'run `phx convert --help`' }),
  'only-csv': ({ option }) => ({ message: `--${option} only applies to CSV inputs or a CSV output`, hint: 'run `phx convert --help`' }),
  'only-sheet-inputs': ({ option }) => ({ message: `--${option} only applies to CSV and .xlsx inputs`, hint: 'run `phx convert --help`' }),
  'header-with-csv-output': () => ({ message: '--header has nothing to do with a CSV output, which holds no package header', hint: 'run `phx convert --help`' }),
  'header-replaced': ({ file, header }) => ({ message: `${file} has a package header already, so --header ${header} would replace it`, hint: 'leave out --header' }),
  'header-missing': ({ header }) => ({ message: `--header ${header}: the file holds no package header`, hint: 'pass a .phx.json, .phx.ndjson or .xlsx file with one' }),
  'headers-several': ({ files }) => ({ message: `${files.join(' and ')} each give a package header`, hint: 'keep the header in one of them (or in --header), not in several' }),
  'not-a-package': ({ path, command }) => ({ message: `${path}: phx ${command} reads a .phx.json package`, hint: `convert it first: phx convert ${path} -o package.phx.json` }),
  text: ({ message, hint }) => ({ message, ...(hint !== undefined && { hint }) }),
};

const ru: UsageWords = {
  hintLabel: 'подсказка:',
  'no-such-file': ({ path }) => ({ message: `${path}: файл не найден` }),
  'is-a-directory': ({ path }) => ({ message: `${path}: это папка, а не файл`, hint: 'укажите файлы в ней, например «dir/*.phx.json»' }),
  'permission-denied': ({ path }) => ({ message: `${path}: доступ запрещён` }),
  'not-a-directory': ({ path }) => ({ message: `${path}: часть пути не является папкой` }),
  'cannot-read-or-write': ({ path, reason }) => ({ message: `${path}: невозможно прочитать или записать (${reason})` }),
  'unsupported-file-type': ({ path }) => ({ message: `${path}: неподдерживаемый тип файла`, hint: 'phx записывает файлы .phx.json, .phx.ndjson, .csv и .xlsx' }),
  'no-match': ({ pattern }) => ({ message: `ни один файл не соответствует ${pattern}` }),
  'exists-already': ({ path }) => ({ message: `${path} уже существует`, hint: 'чтобы перезаписать его, укажите --force' }),
  'input-as-output': ({ path }) => ({ message: `${path} — входной файл этой команды, он никогда не перезаписывается`, hint: 'укажите другой выходной файл в -o' }),
  'unknown-option': ({ command, option }) => ({ message: `неизвестный параметр «${option}»`, hint: `выполните \`phx ${command} --help\`` }),
  'missing-value': ({ command, option }) => ({ message: `для параметра ${option} нужно значение`, hint: `выполните \`phx ${command} --help\`` }),
  'takes-no-value': ({ command, option }) => ({ message: `параметр ${option} не принимает значения`, hint: `выполните \`phx ${command} --help\`` }),
  'unexpected-argument': ({ command, argument }) => ({ message: `лишний аргумент ${argument}`, hint: `выполните \`phx ${command} --help\`` }),
  'not-one-of': ({ option, allowed, value }) => ({ message: `--${option} должен быть одним из значений: ${allowed.join(', ')} (указано «${value}»)` }),
  'not-whole-number': ({ option, min, value }) => ({ message: `--${option} должен быть целым числом не меньше ${min} (указано «${value}»)` }),
  'unknown-command': ({ command }) => ({ message: `неизвестная команда «${command}»`, hint: 'выполните `phx --help`, чтобы увидеть список команд' }),
  'hub-not-installed': () => ({ message: 'хаб не установлен: для phx serve и phx token нужен @phx/server', hint: 'установите его: `npm install @phx/server`' }),
  'port-in-use': ({ port }) => ({ message: `порт ${port} занят`, hint: 'укажите другой --port или 0, чтобы выбрать свободный' }),
  'port-denied': ({ port }) => ({ message: `порт ${port}: доступ запрещён` }),
  'no-such-token': ({ id }) => ({ message: `нет действующего токена с id ${id}`, hint: 'выполните `phx token list`, чтобы увидеть id' }),
  'csv-one-type': ({ types }) => ({ message: `в пакете есть записи типов ${types.join(', ')}, а CSV содержит записи только одного типа`, hint: 'укажите тип для записи в --type, например --type observation' }),
  'only-csv-output': ({ option, to }) => ({ message: `--${option} применяется только к выходному файлу CSV, а не к ${to}`, hint: 'выполните `phx convert --help`' }),
  'only-csv': ({ option }) => ({ message: `--${option} применяется только к входным файлам CSV или выходному файлу CSV`, hint: 'выполните `phx convert --help`' }),
  'only-sheet-inputs': ({ option }) => ({ message: `--${option} применяется только к входным файлам CSV и .xlsx`, hint: 'выполните `phx convert --help`' }),
  'header-with-csv-output': () => ({ message: '--header не имеет смысла для выходного файла CSV: в нём нет заголовка пакета', hint: 'выполните `phx convert --help`' }),
  'header-replaced': ({ file, header }) => ({ message: `в ${file} уже есть заголовок пакета, и --header ${header} заменил бы его`, hint: 'уберите --header' }),
  'header-missing': ({ header }) => ({ message: `--header ${header}: в файле нет заголовка пакета`, hint: 'укажите файл .phx.json, .phx.ndjson или .xlsx с заголовком' }),
  'headers-several': ({ files }) => ({ message: `заголовок пакета есть в каждом из файлов: ${files.join(' и ')}`, hint: 'оставьте заголовок в одном из них (или в --header), а не в нескольких' }),
  'not-a-package': ({ path, command }) => ({ message: `${path}: phx ${command} читает пакет .phx.json`, hint: `сначала преобразуйте его: phx convert ${path} -o package.phx.json` }),
  text: en.text,
};

const uk: UsageWords = {
  hintLabel: 'підказка:',
  'no-such-file': ({ path }) => ({ message: `${path}: файл не знайдено` }),
  'is-a-directory': ({ path }) => ({ message: `${path}: це тека, а не файл`, hint: 'вкажіть файли в ній, наприклад «dir/*.phx.json»' }),
  'permission-denied': ({ path }) => ({ message: `${path}: доступ заборонено` }),
  'not-a-directory': ({ path }) => ({ message: `${path}: частина шляху не є текою` }),
  'cannot-read-or-write': ({ path, reason }) => ({ message: `${path}: неможливо прочитати чи записати (${reason})` }),
  'unsupported-file-type': ({ path }) => ({ message: `${path}: непідтримуваний тип файлу`, hint: 'phx записує файли .phx.json, .phx.ndjson, .csv і .xlsx' }),
  'no-match': ({ pattern }) => ({ message: `жоден файл не відповідає ${pattern}` }),
  'exists-already': ({ path }) => ({ message: `${path} уже існує`, hint: 'щоб перезаписати його, вкажіть --force' }),
  'input-as-output': ({ path }) => ({ message: `${path} — вхідний файл цієї команди, його ніколи не перезаписують`, hint: 'вкажіть інший вихідний файл у -o' }),
  'unknown-option': ({ command, option }) => ({ message: `невідомий параметр «${option}»`, hint: `виконайте \`phx ${command} --help\`` }),
  'missing-value': ({ command, option }) => ({ message: `для параметра ${option} потрібне значення`, hint: `виконайте \`phx ${command} --help\`` }),
  'takes-no-value': ({ command, option }) => ({ message: `параметр ${option} не приймає значення`, hint: `виконайте \`phx ${command} --help\`` }),
  'unexpected-argument': ({ command, argument }) => ({ message: `зайвий аргумент ${argument}`, hint: `виконайте \`phx ${command} --help\`` }),
  'not-one-of': ({ option, allowed, value }) => ({ message: `--${option} має бути одним зі значень: ${allowed.join(', ')} (вказано «${value}»)` }),
  'not-whole-number': ({ option, min, value }) => ({ message: `--${option} має бути цілим числом, не меншим за ${min} (вказано «${value}»)` }),
  'unknown-command': ({ command }) => ({ message: `невідома команда «${command}»`, hint: 'виконайте `phx --help`, щоб побачити перелік команд' }),
  'hub-not-installed': () => ({ message: 'хаб не встановлено: для phx serve і phx token потрібен @phx/server', hint: 'установіть його: `npm install @phx/server`' }),
  'port-in-use': ({ port }) => ({ message: `порт ${port} зайнятий`, hint: 'вкажіть інший --port або 0, щоб вибрати вільний' }),
  'port-denied': ({ port }) => ({ message: `порт ${port}: доступ заборонено` }),
  'no-such-token': ({ id }) => ({ message: `немає чинного токена з id ${id}`, hint: 'виконайте `phx token list`, щоб побачити id' }),
  'csv-one-type': ({ types }) => ({ message: `у пакеті є записи типів ${types.join(', ')}, а CSV містить записи лише одного типу`, hint: 'вкажіть тип для запису в --type, наприклад --type observation' }),
  'only-csv-output': ({ option, to }) => ({ message: `--${option} застосовується лише до вихідного файлу CSV, а не до ${to}`, hint: 'виконайте `phx convert --help`' }),
  'only-csv': ({ option }) => ({ message: `--${option} застосовується лише до вхідних файлів CSV або вихідного файлу CSV`, hint: 'виконайте `phx convert --help`' }),
  'only-sheet-inputs': ({ option }) => ({ message: `--${option} застосовується лише до вхідних файлів CSV і .xlsx`, hint: 'виконайте `phx convert --help`' }),
  'header-with-csv-output': () => ({ message: '--header не має сенсу для вихідного файлу CSV: у ньому немає заголовка пакета', hint: 'виконайте `phx convert --help`' }),
  'header-replaced': ({ file, header }) => ({ message: `у ${file} уже є заголовок пакета, і --header ${header} замінив би його`, hint: 'приберіть --header' }),
  'header-missing': ({ header }) => ({ message: `--header ${header}: у файлі немає заголовка пакета`, hint: 'вкажіть файл .phx.json, .phx.ndjson або .xlsx із заголовком' }),
  'headers-several': ({ files }) => ({ message: `заголовок пакета є в кожному з файлів: ${files.join(' і ')}`, hint: 'залиште заголовок в одному з них (або в --header), а не в кількох' }),
  'not-a-package': ({ path, command }) => ({ message: `${path}: phx ${command} читає пакет .phx.json`, hint: `спершу перетворіть його: phx convert ${path} -o package.phx.json` }),
  text: en.text,
};

const fr: UsageWords = {
  hintLabel: 'conseil :',
  'no-such-file': ({ path }) => ({ message: `${path} : fichier introuvable` }),
  'is-a-directory': ({ path }) => ({ message: `${path} : c'est un dossier, pas un fichier`, hint: 'nommez les fichiers qu\'il contient, par exemple « dir/*.phx.json »' }),
  'permission-denied': ({ path }) => ({ message: `${path} : permission refusée` }),
  'not-a-directory': ({ path }) => ({ message: `${path} : une partie du chemin n'est pas un dossier` }),
  'cannot-read-or-write': ({ path, reason }) => ({ message: `${path} : impossible de lire ou d'écrire (${reason})` }),
  'unsupported-file-type': ({ path }) => ({ message: `${path} : type de fichier non pris en charge`, hint: 'phx écrit des fichiers .phx.json, .phx.ndjson, .csv et .xlsx' }),
  'no-match': ({ pattern }) => ({ message: `aucun fichier ne correspond à ${pattern}` }),
  'exists-already': ({ path }) => ({ message: `${path} existe déjà`, hint: 'passez --force pour le remplacer' }),
  'input-as-output': ({ path }) => ({ message: `${path} est une entrée de cette commande et n'est jamais remplacé`, hint: 'nommez un autre fichier de sortie avec -o' }),
  'unknown-option': ({ command, option }) => ({ message: `option inconnue « ${option} »`, hint: `lancez \`phx ${command} --help\`` }),
  'missing-value': ({ command, option }) => ({ message: `l'option ${option} demande une valeur`, hint: `lancez \`phx ${command} --help\`` }),
  'takes-no-value': ({ command, option }) => ({ message: `l'option ${option} ne prend pas de valeur`, hint: `lancez \`phx ${command} --help\`` }),
  'unexpected-argument': ({ command, argument }) => ({ message: `argument inattendu ${argument}`, hint: `lancez \`phx ${command} --help\`` }),
  'not-one-of': ({ option, allowed, value }) => ({ message: `--${option} doit être l'une des valeurs ${allowed.join(', ')} (valeur donnée : « ${value} »)` }),
  'not-whole-number': ({ option, min, value }) => ({ message: `--${option} doit être un nombre entier d'au moins ${min} (valeur donnée : « ${value} »)` }),
  'unknown-command': ({ command }) => ({ message: `commande inconnue « ${command} »`, hint: 'lancez `phx --help` pour voir les commandes' }),
  'hub-not-installed': () => ({ message: "le hub n'est pas installé : phx serve et phx token ont besoin de @phx/server", hint: 'installez-le avec `npm install @phx/server`' }),
  'port-in-use': ({ port }) => ({ message: `le port ${port} est déjà utilisé`, hint: 'passez un autre --port, ou 0 pour un port libre' }),
  'port-denied': ({ port }) => ({ message: `port ${port} : permission refusée` }),
  'no-such-token': ({ id }) => ({ message: `aucun jeton actif n'a l'identifiant ${id}`, hint: 'lancez `phx token list` pour voir les identifiants' }),
  'csv-one-type': ({ types }) => ({ message: `le paquet contient des enregistrements ${types.join(', ')}, et un CSV n'en contient que d'un type`, hint: 'nommez celui à écrire avec --type, par exemple --type observation' }),
  'only-csv-output': ({ option, to }) => ({ message: `--${option} ne s'applique qu'à une sortie CSV, pas à une sortie ${to}`, hint: 'lancez `phx convert --help`' }),
  'only-csv': ({ option }) => ({ message: `--${option} ne s'applique qu'à des entrées CSV ou à une sortie CSV`, hint: 'lancez `phx convert --help`' }),
  'only-sheet-inputs': ({ option }) => ({ message: `--${option} ne s'applique qu'à des entrées CSV et .xlsx`, hint: 'lancez `phx convert --help`' }),
  'header-with-csv-output': () => ({ message: "--header n'a rien à voir avec une sortie CSV, qui ne contient pas d'en-tête de paquet", hint: 'lancez `phx convert --help`' }),
  'header-replaced': ({ file, header }) => ({ message: `${file} a déjà un en-tête de paquet : --header ${header} le remplacerait`, hint: 'retirez --header' }),
  'header-missing': ({ header }) => ({ message: `--header ${header} : le fichier ne contient pas d'en-tête de paquet`, hint: 'passez un fichier .phx.json, .phx.ndjson ou .xlsx qui en contient un' }),
  'headers-several': ({ files }) => ({ message: `${files.join(' et ')} donnent chacun un en-tête de paquet`, hint: "gardez l'en-tête dans un seul d'entre eux (ou dans --header), pas dans plusieurs" }),
  'not-a-package': ({ path, command }) => ({ message: `${path} : phx ${command} lit un paquet .phx.json`, hint: `convertissez-le d'abord : phx convert ${path} -o package.phx.json` }),
  text: en.text,
};

const es: UsageWords = {
  hintLabel: 'sugerencia:',
  'no-such-file': ({ path }) => ({ message: `${path}: no existe el archivo` }),
  'is-a-directory': ({ path }) => ({ message: `${path}: es una carpeta, no un archivo`, hint: 'nombre los archivos que contiene, por ejemplo «dir/*.phx.json»' }),
  'permission-denied': ({ path }) => ({ message: `${path}: permiso denegado` }),
  'not-a-directory': ({ path }) => ({ message: `${path}: una parte de la ruta no es una carpeta` }),
  'cannot-read-or-write': ({ path, reason }) => ({ message: `${path}: no se puede leer ni escribir (${reason})` }),
  'unsupported-file-type': ({ path }) => ({ message: `${path}: tipo de archivo no admitido`, hint: 'phx escribe archivos .phx.json, .phx.ndjson, .csv y .xlsx' }),
  'no-match': ({ pattern }) => ({ message: `ningún archivo coincide con ${pattern}` }),
  'exists-already': ({ path }) => ({ message: `${path} ya existe`, hint: 'pase --force para sobrescribirlo' }),
  'input-as-output': ({ path }) => ({ message: `${path} es una entrada de este comando y nunca se sobrescribe`, hint: 'nombre otro archivo de salida con -o' }),
  'unknown-option': ({ command, option }) => ({ message: `opción desconocida «${option}»`, hint: `ejecute \`phx ${command} --help\`` }),
  'missing-value': ({ command, option }) => ({ message: `la opción ${option} necesita un valor`, hint: `ejecute \`phx ${command} --help\`` }),
  'takes-no-value': ({ command, option }) => ({ message: `la opción ${option} no admite ningún valor`, hint: `ejecute \`phx ${command} --help\`` }),
  'unexpected-argument': ({ command, argument }) => ({ message: `argumento inesperado ${argument}`, hint: `ejecute \`phx ${command} --help\`` }),
  'not-one-of': ({ option, allowed, value }) => ({ message: `--${option} debe ser uno de estos valores: ${allowed.join(', ')} (se indicó «${value}»)` }),
  'not-whole-number': ({ option, min, value }) => ({ message: `--${option} debe ser un número entero de al menos ${min} (se indicó «${value}»)` }),
  'unknown-command': ({ command }) => ({ message: `comando desconocido «${command}»`, hint: 'ejecute `phx --help` para ver los comandos' }),
  'hub-not-installed': () => ({ message: 'el hub no está instalado: phx serve y phx token necesitan @phx/server', hint: 'instálelo con `npm install @phx/server`' }),
  'port-in-use': ({ port }) => ({ message: `el puerto ${port} está en uso`, hint: 'pase otro --port, o 0 para uno libre' }),
  'port-denied': ({ port }) => ({ message: `puerto ${port}: permiso denegado` }),
  'no-such-token': ({ id }) => ({ message: `ningún token activo tiene el id ${id}`, hint: 'ejecute `phx token list` para ver los id' }),
  'csv-one-type': ({ types }) => ({ message: `el paquete contiene registros de tipo ${types.join(', ')}, y un CSV contiene un solo tipo`, hint: 'nombre el que se debe escribir con --type, por ejemplo --type observation' }),
  'only-csv-output': ({ option, to }) => ({ message: `--${option} solo se aplica a una salida CSV, no a una salida ${to}`, hint: 'ejecute `phx convert --help`' }),
  'only-csv': ({ option }) => ({ message: `--${option} solo se aplica a entradas CSV o a una salida CSV`, hint: 'ejecute `phx convert --help`' }),
  'only-sheet-inputs': ({ option }) => ({ message: `--${option} solo se aplica a entradas CSV y .xlsx`, hint: 'ejecute `phx convert --help`' }),
  'header-with-csv-output': () => ({ message: '--header no tiene sentido con una salida CSV, que no contiene encabezado de paquete', hint: 'ejecute `phx convert --help`' }),
  'header-replaced': ({ file, header }) => ({ message: `${file} ya tiene un encabezado de paquete, así que --header ${header} lo reemplazaría`, hint: 'quite --header' }),
  'header-missing': ({ header }) => ({ message: `--header ${header}: el archivo no contiene encabezado de paquete`, hint: 'pase un archivo .phx.json, .phx.ndjson o .xlsx que lo tenga' }),
  'headers-several': ({ files }) => ({ message: `${files.join(' y ')} dan cada uno un encabezado de paquete`, hint: 'deje el encabezado en uno solo de ellos (o en --header), no en varios' }),
  'not-a-package': ({ path, command }) => ({ message: `${path}: phx ${command} lee un paquete .phx.json`, hint: `conviértalo primero: phx convert ${path} -o package.phx.json` }),
  text: en.text,
};

/** The words of phx's usage errors, by locale. */
export const usageWords: Record<Locale, UsageWords> = { en, ru, uk, fr, es };

/** A usage error in the words of a locale. */
export function renderUsage(error: UsageError, locale: Locale): UsageText {
  const render = usageWords[locale][error.code] as (params: UsageParams[UsageCode]) => UsageText;
  return render(error.params);
}
