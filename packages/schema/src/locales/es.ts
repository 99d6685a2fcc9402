import zodEs from 'zod/v4/locales/es.js';
import type { FileFormat } from '../file/format.js';
import type { OtherSystemFormat } from '../file/other-systems.js';
import { alternatives } from './alternatives.js';
import { amountsIn, capitalised, categories, columnSeen, completedDateTime, decimalComma, fieldNamed, fieldOfList, figures, formAsked, hiddenOf, keyOf, listed, percentShown, placeOf, sheetCell, shown, subject, typedAsDate, type Words } from './phrases.js';
import type { SheetNames } from '../validate/params.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'una dirección de correo', phone: 'un número de teléfono', 'date-of-birth': 'una fecha de nacimiento', name: 'el nombre de una persona', address: 'un domicilio', identifier: 'un número de interno, de expediente o de documento' } as const;
const encodings = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1251': 'Windows-1251 (cirílico)', 'windows-1252': 'Windows-1252 (Europa occidental)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'un libro de Excel (.xlsx)', xls: 'un libro de Excel 97-2003 (.xls)', 'encrypted-xlsx': 'un libro de Excel protegido con contraseña', ods: 'una hoja de cálculo OpenDocument (.ods)',
  docx: 'un documento de Word (.docx)', pdf: 'un documento PDF', zip: 'un archivo zip', gzip: 'un archivo gzip', html: 'una página web (HTML)',
};
const otherSystems: Record<OtherSystemFormat, string> = {
  fhir: 'un Bundle de FHIR', dhis2: 'un conjunto de valores de datos de DHIS2 (JSON)', 'dhis2-csv': 'un archivo CSV de valores de datos de DHIS2', 'sdmx-csv': 'un archivo SDMX-CSV',
  'sdmx-json': 'un mensaje de datos SDMX-JSON', 'sdmx-structure': 'una descripción de estructura SDMX',
};

const forms: Record<string, string> = {
  'decimal-comma': 'comas decimales', 'thousands-separator': 'separadores de miles', 'percent-sign': 'signos %',
  'boolean-word': 'palabras VERDADERO/FALSO', 'excel-serial': 'fechas como número de serie de Excel', 'yes-no-word': 'palabras sí/no', 'time-dropped': 'horas (omitidas: la columna contiene días)', 'read-as-utc': 'horas leídas en UTC', 'midnight-utc': 'fechas solas leídas como medianoche UTC',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `fechas escritas ${form}`).join(', ');
const words: Words = {
  fields: {
    $schema: 'enlace al esquema', phxVersion: 'versión de PHX', id: 'identificador', publisher: 'editor', 'publisher.id': 'identificador del editor',
    'publisher.name': 'nombre del editor', name: 'nombre', license: 'licencia', publishedAt: 'fecha y hora de publicación', description: 'descripción',
    extensions: 'extensiones', organisations: 'organizaciones', facilities: 'establecimientos', indicators: 'indicadores', observations: 'observaciones',
    meetings: 'reuniones', acronym: 'sigla', organisationType: 'tipo de organización', countries: 'países donde trabaja', regions: 'regiones',
    focusAreas: 'áreas de trabajo', populations: 'poblaciones atendidas', website: 'sitio web', email: 'correo electrónico', memberSince: 'miembro desde',
    languages: 'idiomas', country: 'país', subnationalArea: 'región del país', facilityType: 'tipo de establecimiento', capacity: 'capacidad',
    population: 'grupo de población', 'facilities.population': 'población privada de libertad', 'population.count': 'número de personas recluidas',
    'population.date': 'fecha del recuento', operator: 'gestor', code: 'código del indicador', unit: 'unidad', calculation: 'forma de cálculo',
    numerator: 'numerador', denominator: 'denominador', disaggregations: 'desgloses permitidos', framework: 'marco de indicadores', reference: 'referencia',
    interventions: 'intervenciones', frequency: 'periodicidad', indicator: 'indicador', reportingOrganisation: 'organización informante',
    scope: 'ámbito', facility: 'establecimiento', period: 'período', start: 'inicio', end: 'fin', 'period.start': 'inicio del período',
    'period.end': 'fin del período', 'meetings.start': 'inicio de la reunión', 'meetings.end': 'fin de la reunión', disaggregation: 'desglose',
    sex: 'sexo', ageGroup: 'grupo de edad', value: 'valor', dataSource: 'fuente de datos', methodNote: 'nota sobre el método',
    confidenceInterval: 'intervalo de confianza', lower: 'límite inferior', upper: 'límite superior', level: 'nivel de confianza', suppressed: 'suprimido',
    notes: 'notas', title: 'título', format: 'modalidad de la reunión', location: 'lugar', city: 'ciudad', organiser: 'organizador',
    participants: 'participantes', organisation: 'organización', representatives: 'número de representantes', roles: 'funciones', agenda: 'orden del día',
    presentations: 'presentaciones', topic: 'tema', achievements: 'logros', issuesRaised: 'cuestiones planteadas', issuesIdentified: 'problemas detectados',
    theme: 'tema', decisions: 'decisiones', text: 'texto', actionItems: 'acciones acordadas', owner: 'responsable', due: 'plazo', status: 'estado',
    documents: 'documentos', url: 'dirección web', language: 'idioma', type: 'tipo', 'documents.type': 'tipo de documento', count: 'número', date: 'fecha',
  },
  records: { package: 'paquete', organisation: 'organización', facility: 'establecimiento', indicator: 'indicador', observation: 'observación', meeting: 'reunión' },
  forms: {
    date: 'una fecha escrita año-mes-día, p. ej. 2023-01-31',
    'calendar-day': 'un día del calendario: ese mes tiene menos días',
    'four-digit-year': 'una fecha con el año en cuatro cifras, p. ej. 2020-12-31',
    'date-time': 'una fecha y hora con la diferencia respecto a UTC, p. ej. 2020-10-28T13:00:00+01:00',
    url: 'una dirección web que empiece por https://, p. ej. https://example.org/informe.pdf',
    email: 'una dirección de correo, p. ej. info@example.org',
    'organisation-id': 'un identificador de organización: el prefijo del registro y el número, unidos por guiones, p. ej. {id} (PHX-ORG-0001 sin registro)',
    'record-id': 'un identificador de hasta 128 letras latinas sin tilde (A–Z, a–z), dígitos y . _ : - que empiece por una letra o un dígito, p. ej. {id}',
    code: 'un código de minúsculas y dígitos unidos por guiones',
    'indicator-code': 'un código de minúsculas y dígitos unidos por guiones, p. ej. hiv-prevalence-prisoners',
    country: 'un código de país de la ISO 3166-1: dos letras mayúsculas, p. ej. ES o ZM',
    'language-tag': 'un código de idioma, p. ej. es, en o pt-BR',
    licence: 'un identificador de licencia, p. ej. CC-BY-4.0, o la dirección web de la licencia',
    'extension-key': 'la dirección web de una extensión, p. ej. https://example.org/phx/modulos',
    text: 'un texto',
  },
  kinds: {
    string: 'un texto', number: 'un número, p. ej. 12', int: 'un número entero, p. ej. 12', boolean: 'true o false', object: 'un grupo de campos entre { }',
    record: 'un grupo de campos entre { }', array: 'una lista entre [ ]', null: 'null', undefined: 'nada', nan: 'algo que no es un número',
  },
  entry: (index) => `elemento ${index}`,
  line: (line) => `línea ${line}`,
  row: 'fila',
  sheet: 'hoja',
  file: 'archivo',
  quote: (text) => `«${text}»`,
  spaces: { start: '(con un espacio al principio)', end: '(con un espacio al final)', both: '(con espacios al principio y al final)' },
  number: decimalComma,
  ...amountsIn('es'),
};

/** The field of a breakdown's dimension, quoted. */
const dimension = (name: string): string => words.quote(words.fields[name as 'sex'] ?? name);

/** In a sheet (see SheetNames): VERDADERO in its column of the flag, and the hints of a cell its column does not read (see sheetCell()). */
const flagged = (sheet: SheetNames): string => `VERDADERO en la columna ${words.quote(sheet.suppressed ?? 'suppressed')}`;
const sheetHints = {
  small: (sheet: SheetNames, empty: string | undefined): string => `: para suprimir un recuento pequeño, ponga ${flagged(sheet)} y deje vacía la celda de la columna ${words.quote(empty ?? 'value')}`,
  digit: (): string => ': 1 y 0 no se leen como marca; escriba VERDADERO en lugar de 1 y FALSO en lugar de 0',
  mark: (): string => ': esa marca no se lee; escriba VERDADERO donde la observación esté suprimida y deje la celda vacía donde no lo esté',
  none: (): string => ': si no hay cifra, deje la celda vacía',
};

/** Spanish messages. */
export const es: PhxLocale = {
  tag: 'es',
  zod: zodEs,
  fields: words.fields,
  suggestion: (values) => `; ¿quiso decir ${alternatives(values, 'es', words.quote)}?`,
  named: (value, type, id) => `${words.quote(value)} es el nombre ${type === 'facility' ? 'del establecimiento' : 'de la organización'} ${words.quote(id)}: escriba su identificador en su lugar`,
  messages: {
    'file.empty': (p) => (p.blank ? 'El archivo solo tiene líneas en blanco o espacios: no contiene datos' : 'El archivo está vacío'),
    'file.unsupported-format': (p) =>
      p.format === 'html'
        ? `El archivo es ${formats.html}, no un libro de Excel; ábralo en Excel y guárdelo como libro de Excel (.xlsx)`
        : p.format === 'encrypted-xlsx'
        ? `El archivo es ${formats[p.format]}, que PHX no puede abrir; quite la contraseña (en Excel: Archivo › Información › Proteger libro › Cifrar con contraseña, y bórrela) y guarde el libro de nuevo`
        : `El archivo es ${formats[p.format]}, que PHX no lee; guarde los datos como libro de Excel (.xlsx), «CSV UTF-8», .phx.json o .phx.ndjson`,
    'file.other-system': (p) =>
      p.format === 'sdmx-json' || p.format === 'sdmx-structure'
        ? `El archivo es ${otherSystems[p.format]}, que PHX no lee: no son datos de PHX; phx import --from sdmx-csv lee el archivo SDMX-CSV (.sdmx.csv) de esos datos`
        : `El archivo es ${otherSystems[p.format]}, no datos de PHX: phx import --from ${p.format} lo convierte en un paquete PHX`,
    'file.too-large': (p) => `El archivo supera los ${words.size(p.maxBytes)}, demasiado para leerlo entero; divídalo o guárdelo como .phx.ndjson, que se lee como flujo`,
    'file.too-large-for-memory': (p) =>
      p.format === 'json'
        ? `El archivo contiene unos ${words.count(p.values)} valores: leerlo entero requiere unos ${words.size(p.neededBytes)} de memoria, más que los ${words.size(p.availableBytes)} disponibles; divídalo en varios paquetes más pequeños`
        : p.format === 'csv'
        ? `El archivo CSV contiene unas ${words.count(p.cells)} celdas: leerlo requiere unos ${words.size(p.neededBytes)} de memoria, más que los ${words.size(p.availableBytes)} disponibles; divídalo en varios archivos, de menos filas cada uno`
        : `El libro contiene ${words.count(p.cells)} celdas: leerlo requiere unos ${words.size(p.neededBytes)} de memoria, más que los ${words.size(p.availableBytes)} disponibles; guarde cada hoja como CSV UTF-8, que se lee con mucha menos, o divida el libro`,
    'syntax.invalid-json': (p) => (p.token === null ? 'JSON no válido: el texto termina antes de tiempo' : `JSON no válido: ${JSON.stringify(p.token)} inesperado`),
    'syntax.too-deep': (p) => `Anidado a más de ${words.count(p.maxDepth)} niveles`,
    'syntax.duplicate-key': (p) =>
      `La clave ${words.quote(p.key)} se escribe otra vez (la primera en la línea ${p.firstLine}): solo se lee la última y se pierde el contenido de la anterior; únalas en una sola`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? 'El archivo no es texto UTF-8 válido; guárdelo como UTF-8'
        : `El archivo no está en UTF-8 sino en ${encodings[p.encoding]}; guárdelo como UTF-8 (en Excel: «CSV UTF-8») o como libro de Excel (.xlsx)`,
    'syntax.encoding-mismatch': (p) =>
      `El archivo se leyó en ${encodings[p.encoding]}, como se pidió, pero parece escrito en ${encodings[p.looksLike]}, donde «${p.read}» se lee «${p.meant}»: léalo así, o sus nombres quedarán ilegibles`,
    'syntax.line-too-long': (p) => `Línea de más de ${words.size(p.maxBytes)}; omitida`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'La línea no tiene "type"' : `Tipo de registro desconocido ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'La cabecera del paquete solo puede ser la primera línea',
    'csv.no-header': (p) =>
      p.type === null
        ? 'La primera fila no es una cabecera de columnas PHX (por ejemplo id, indicator, period.start), así que el tipo de registro es desconocido; añada la fila de cabecera'
        : `La primera fila no es una cabecera de columnas de registros de tipo ${words.quote(words.records[p.type])}; añada la fila de cabecera`,
    'csv.no-rows': () => 'El archivo tiene una fila de cabecera pero ninguna fila de datos',
    'csv.unclosed-quote': (p) => `Unas comillas (") abiertas en la columna ${p.column} no se cierran nunca: todo el resto del archivo se leyó en esta única celda, a partir de «${p.value}»; cierre las comillas o elimínelas`,
    'csv.text-after-quote': (p) => `La celda de la columna ${p.column} empieza con comillas (") y tiene texto después de las comillas que la cierran (${p.value}): las celdas y filas siguientes pueden haberse leído en esta única celda; duplique las comillas dentro de la celda ("") o elimínelas`,
    'schema.invalid-type': (p) => {
      const found = typeof p.value === 'string' ? `el texto «${p.value}»` : p.value === undefined || p.value === null ? (words.kinds[p.received ?? ''] ?? 'otra cosa') : shown(words, p);
      const unquote = typeof p.value === 'string' && (p.expected === 'number' || p.expected === 'int') && p.value.trim() !== '' && !Number.isNaN(Number(p.value)) ? ': escriba el número sin comillas' : '';
      const cell = sheetCell(p);
      if (cell) return `Columna ${words.quote(cell.sheet.column ?? '')}: se esperaba ${p.expected === 'boolean' ? 'VERDADERO o FALSO (o sí/no)' : (words.kinds[p.expected ?? ''] ?? 'otra cosa')}, no ${found}${cell.hint ? sheetHints[cell.hint](cell.sheet, cell.empty) : ''}`;
      return `${subject(words, p, 'el valor')}: se esperaba ${words.kinds[p.expected ?? ''] ?? 'otra cosa'}, no ${found}${unquote}`;
    },
    'schema.required': (p) =>
      p.column === undefined && p.sheet?.column !== undefined
        ? `Celda vacía en la columna obligatoria ${words.quote(p.sheet.column)}: ${p.sheet.merged === undefined ? 'rellénela' : `forma parte de las celdas combinadas ${p.sheet.merged}, y una combinación solo guarda su valor en su primera celda, ${p.sheet.merged.split(':')[0]}. Separe las celdas y rellene cada una`}`
        : p.column === undefined
        ? `Falta un campo obligatorio: ${fieldNamed(words, p, 'un campo')} («${keyOf(p.field)}»)`
        : `La fila de encabezados no tiene la columna ${words.quote(p.column)} (${fieldNamed(words, p, 'un campo')}): añada la columna`,
    'schema.unknown-field': (p) => `«${p.keys[0]}» no es un campo de PHX en este lugar: revise cómo está escrito, o ponga sus propios datos en "extensions"${p.hidden ? '. La columna está oculta en Excel: para verla, seleccione las columnas contiguas y elija «Mostrar»' : ''}`,
    'schema.invalid-value': (p) => {
      const allowed = (p.values ?? []).map(String);
      if (allowed.length === 1) return `${subject(words, p, 'el valor')}: se esperaba «${allowed[0]}», no ${shown(words, p)}`;
      if (p.form) return `${subject(words, p, 'el valor')}: ${shown(words, p)} no es ${formAsked(words, p)}`;
      const list = allowed.length > 0 && allowed.length <= 8 ? `: ${alternatives(allowed, 'es', words.quote)}` : '';
      return `${subject(words, p, 'el valor')}: ${shown(words, p)} no es uno de los códigos permitidos aquí${list}`;
    },
    'schema.invalid-format': (p) =>
      p.value === ''
        ? `${subject(words, p, 'el texto')}: el texto está vacío`
        : p.form === 'text'
          ? `${subject(words, p, 'el texto')}: el texto solo contiene espacios`
          : p.fullYears
            ? `${subject(words, p, 'el valor')}: ${shown(words, p)} tiene el año en dos cifras: escriba el año completo, ${p.fullYears[0]} o ${p.fullYears[1]}, según corresponda`
            : p.lacks
              ? `${subject(words, p, 'el valor')}: ${shown(words, p)} ${p.lacks === 'offset' ? 'no tiene la diferencia respecto a UTC: añada la diferencia' : 'es solo una fecha: añada la hora y la diferencia respecto a UTC'} del lugar en esa fecha, o Z para una hora en UTC, p. ej. ${completedDateTime(p)}`
              : `${subject(words, p, 'el valor')}: ${shown(words, p)} no es ${p.form ? formAsked(words, p) : 'de la forma que pide este campo'}`,
    'schema.too-small': (p) => {
      const min = p.minimum ?? 1;
      if (p.origin === 'string') return `${subject(words, p, 'el texto')}: el texto está vacío`;
      if (p.origin === 'array') return `${subject(words, p, 'la lista')}: necesita al menos ${words.count(min)} elemento${min === 1 ? '' : 's'}`;
      if (p.origin === 'object') return `${subject(words, p, 'el texto')}: se necesita un texto en al menos un idioma, p. ej. {"es": "…"}`;
      return `${subject(words, p, 'el valor')}: debe ser ${p.inclusive === false ? 'mayor que' : 'al menos'} ${words.number(min)}, no ${shown(words, p)}`;
    },
    'schema.too-big': (p) => {
      const max = p.maximum ?? 0;
      if (p.origin === 'string') return `${subject(words, p, 'el texto')}: el texto tiene más de ${words.count(max)} caracteres; acórtelo`;
      if (p.origin === 'array') return `${subject(words, p, 'la lista')}: tiene más de ${words.count(max)} elementos`;
      return `${subject(words, p, 'el valor')}: debe ser ${p.inclusive === false ? 'menor que' : 'como mucho'} ${words.number(max)}, no ${shown(words, p)}`;
    },
    'schema.invalid-key': (p) => `${subject(words, p, 'la clave')}: ${shown(words, p)} no es ${p.form ? formAsked(words, p) : 'una clave permitida aquí'}`,
    'schema.invalid-union': (p) =>
      `${subject(words, p, 'el valor')}: ${shown(words, p)} no es ${p.form ? formAsked(words, p) : 'de ninguna de las formas que acepta este campo'}`,
    'unique.duplicate-id': (p) => `Identificador «${p.id}» duplicado (${words.records[p.recordType]}; primera vez: ${placeOf(words, p.first)})`,
    'unique.duplicate-breakdown': (p) =>
      `Una segunda observación de la misma categoría (${categories(words, p.categories) || 'el total'}) del mismo indicador, ámbito, período y fuente de datos (primera vez: ${placeOf(words, p.first)})`,
    'ref.unknown-organisation': (p) => `No hay ninguna organización con el identificador «${p.id}» en el paquete${p.isPublisher ? ': el editor del paquete también debe figurar entre sus organizaciones' : ''}`,
    'ref.unknown-facility': (p) => `No hay ningún establecimiento con el identificador «${p.id}» en el paquete`,
    'ref.unknown-indicator': (p) => `El indicador «${p.code}» no está en el catálogo ni definido en el paquete`,
    'ref.country-mismatch': (p) => `El establecimiento «${p.facility}» está en ${p.facilityCountry}, pero la observación indica ${p.country}`,
    'indicator.unit-mismatch': (p) => `La unidad «${p.unit}» no coincide con la de «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': (p) => (p.sheet ? `Sin valor: rellene la columna ${words.quote(p.sheet.value ?? 'value')} o ponga ${flagged(p.sheet)}` : 'Sin valor: indique "value" o marque la observación como "suppressed"'),
    'observation.denominator-missing': (p) => `El indicador «${p.indicator}» necesita un denominador además del numerador`,
    'arith.numerator-exceeds-denominator': (p) => `El numerador ${words.number(p.numerator)} es mayor que el denominador ${words.number(p.denominator)}`,
    'arith.zero-denominator': () => 'El denominador es 0',
    'arith.value-mismatch': (p) => `El valor ${words.number(p.value)} no concuerda con el numerador y el denominador (se esperaba ${words.number(p.expected)})`,
    'arith.percent-out-of-range': (p) => `El porcentaje ${words.number(p.value)} está fuera de 0–100`,
    'arith.count-not-integer': (p) =>
      `${capitalised(words.fields[p.field])} ${words.number(p.value)}: no es un número entero; ${p.field === 'value' ? 'este indicador es un recuento: escriba el número contado; una proporción o un promedio es otro indicador' : 'escriba el número entero contado; una proporción o una tasa va en el valor'}`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `El intervalo de confianza ${words.number(p.lower)}–${words.number(p.upper)} está invertido` : `El valor ${words.number(p.value)} está fuera de su intervalo de confianza ${words.number(p.lower)}–${words.number(p.upper)}`,
    'arith.confidence-level-fraction': (p) => `Nivel de confianza ${words.number(p.level)}: el nivel se escribe en porcentaje, así que es un intervalo al ${words.number(p.level)} %; para el ${words.number(p.percent)} %, escriba ${words.number(p.percent)}`,
    'period.start-after-end': (p) => `El período empieza (${p.start}) después de terminar (${p.end})`,
    'period.in-future': (p) => `El período termina en el futuro (${p.end}; hoy es ${p.today})`,
    'meeting.end-before-start': (p) => `La reunión termina (${p.end}) antes de empezar (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Acción con vencimiento ${p.due}, antes de la reunión (${p.meetingStart})`,
    'disagg.not-allowed': (p) =>
      p.allowed.length === 0
        ? `El indicador «${p.indicator}» no se desglosa: deje ${dimension(p.dimension)} vacío y dé el valor para el conjunto`
        : `El indicador «${p.indicator}» no se puede desglosar por ${dimension(p.dimension)}, solo por ${listed(p.allowed.map(dimension), 'y')}: deje ${dimension(p.dimension)} vacío`,
    'disagg.exceeds-total': (p) =>
      `Los ${p.field === 'denominator' ? 'denominadores' : 'numeradores'} por ${dimension(p.dimension)} suman ${words.number(p.sum)}, más que el total ${words.number(p.total)}`,
    'disagg.below-total': (p) =>
      `Los ${p.field === 'denominator' ? 'denominadores' : 'numeradores'} por ${dimension(p.dimension)} suman ${words.number(p.sum)}, menos que el total ${words.number(p.total)}: ¿falta una categoría?`,
    'package.placeholder': (p) => `«${p.value}» es un marcador del paquete inicial: sustitúyalo por su propio valor`,
    'package.unknown-licence': (p) => `La licencia «${p.value}» no es un identificador SPDX de licencia de datos que PHX conozca, como CC-BY-4.0, CC0-1.0 u ODbL-1.0: compruébelo en https://spdx.org/licenses/ o indique la dirección web de la licencia`,
    'privacy.small-cell': (p) =>
      p.count !== undefined
        ? `El valor ${words.number(p.value)} con denominador ${words.number(p.denominator)} da un recuento de ${words.number(p.count)}: por debajo del umbral de supresión ${words.number(p.threshold)}; ${p.sheet ? `ponga ${flagged(p.sheet)} y deje esta celda vacía` : 'marque la observación como "suppressed" y omita el valor'}`
        : `${capitalised(words.fields[p.field])} ${words.number(p.value)}: por debajo del umbral de supresión ${words.number(p.threshold)}; ${p.sheet ? p.field === 'numerator' ? `ponga ${flagged(p.sheet)} y deje vacías esta celda y la de la columna ${words.quote(p.sheet.value ?? 'value')}` : `ponga ${flagged(p.sheet)} y deje esta celda vacía` : p.field === 'numerator' ? 'marque la observación como "suppressed" y omita el numerador y el valor' : 'marque la observación como "suppressed" y omita el número'}`,
    'privacy.suppressed-value-present': (p) =>
      p.sheet
        ? `La fila tiene ${flagged(p.sheet)}, pero su celda de la columna ${words.quote(p.sheet.column ?? p.field)} está rellena: déjela vacía, para que la cifra suprimida no viaje con los datos`
        : `La observación está suprimida, pero el campo ${words.quote(words.fields[p.field])} sigue presente: quite "${p.field}", para que la cifra suprimida no viaje con los datos`,
    'privacy.complementary-disclosure': (p) =>
      `Este número suprimido se deduce de los números mostrados (${figures(words, p.figures, 'el total')}), que se suman por ${p.dimension.split(', ').map(dimension).join(' y ')}${p.denominators ? `, ya que ningún número es menor que 0 ni mayor que su denominador (${figures(words, p.denominators, 'el total')})` : ''}: suprima uno más de ellos`,
    'privacy.personal-data': (p) => `Este texto parece contener ${kinds[p.kind]}; no comparta datos personales`,
    'text.nul-character': (p) => `El texto contiene, en la posición ${words.count(p.position)}, el carácter invisible U+0000 (NUL): ningún dato PHX puede contenerlo, pues ni las bases de datos ni Excel lo conservan. Elimínelo`,
    'sheet.unreadable': () => 'El archivo no es un libro de Excel (.xlsx) legible; guárdelo de nuevo como .xlsx',
    'sheet.unknown-sheet': (p) => `La hoja «${p.sheet}» no contiene registros PHX: sus columnas no nombran campos de ningún tipo de registro; póngale el nombre de sus registros o elimínela`,
    'sheet.date-order-unknown': (p) => `Columna ${columnSeen(words, p.column, p)}: fechas como ${p.example} se leen con el día o con el mes primero, y ninguna celda lo aclara; indique el orden de las fechas (day-month o month-day), o escriba las fechas año-mes-día, p. ej. 2020-04-01`,
    'sheet.cell-beyond-header': (p) => `Celda «${p.value}» en la columna ${p.letter ?? words.number(p.column)}, sin encabezado: dé a la columna un encabezado PHX o elimine la celda`,
    'sheet.column-path-missing': (p) =>
      `La fila ${p.row} no tiene ruta de campo para la columna ${columnSeen(words, p.column, p)}, así que se lee como ${words.quote(p.column)}, el campo que nombra su encabezado: escriba ${words.quote(p.column)} ${p.letter ? `en la celda ${p.letter}${p.row}` : `en la fila ${p.row} de la columna`}, o copie la fila ${p.row} de una plantilla nueva`,
    'sheet.column-not-read': (p) =>
      `La columna ${columnSeen(words, p.column, p)} no es un campo de PHX, así que sus celdas no se leen en los datos: ${p.notes ? `para conservarlas, muévalas a la columna ${columnSeen(words, p.notes.column, p.notes)}; si no, elimine la columna` : 'estos registros no tienen un campo para ellas; elimine la columna o guárdelas en un archivo aparte'}${p.hidden ? '. La columna está oculta en Excel: para verla, seleccione las columnas contiguas y elija «Mostrar»' : ''}`,
    'sheet.repeated-column': (p) => `La columna ${columnSeen(words, p.column, p)} repite la columna ${p.firstLetter ?? words.number(p.first)}: un campo tiene una sola columna, así que esta no se lee; elimínela o cámbiele el nombre`,
    'sheet.merged-header': (p) =>
      `La celda de encabezado ${p.cell} (${words.quote(p.value)}) está combinada en las columnas ${p.first} a ${p.last}, así que solo se lee la columna ${p.first}: cada columna necesita su propio encabezado. Separe las celdas y dé a cada columna su propia ruta de campo o encabezado${p.missing.length > 0 ? `; a la fila de encabezados le falta ${p.missing.map(words.quote).join(', ')}` : ''}`,
    'sheet.formula-without-result': (p) => `La celda contiene la fórmula «${p.formula}» pero no su resultado: guardó el archivo un programa que no calcula fórmulas. Ábralo en Excel y vuelva a guardarlo, o escriba el valor`,
    'sheet.second-header': (p) => `La cabecera del paquete es la primera fila de valores de la hoja «${p.sheet}»: esta fila es una segunda y no se lee; pase sus valores a esa fila o elimínela`,
    'sheet.error-cell': (p) => `La celda contiene el error de Excel ${p.value} en lugar de un valor: corrija la fórmula que lo produce o escriba el valor`,
    'sheet.date-for-number': (p) => {
      const { day, month, year, typed, withComma } = typedAsDate(p.date);
      // A date of a CSV file, as the text Excel showed (`07.тра`); else the date of a workbook's cell.
      const [date, short] = p.text === undefined ? [`${day}/${month}/${year}`, `el ${day}/${month}`] : [p.text, p.text];
      return `Una fecha (${date}) donde se espera un número: Excel convierte en fecha un número escrito con punto (${typed} pasa a ser ${short}). Dé a la celda el formato Número y escriba de nuevo el número con coma decimal: ${withComma}`;
    },
    'sheet.percent-unit-mismatch': (p) =>
      `La celda muestra ${percentShown(words, p.value)}, un porcentaje, pero ${p.unit === null ? 'la fila no indica unidad' : `la unidad de la fila es ${words.quote(p.unit)}`}: si el valor es un porcentaje, ponga la unidad ${words.quote('percent')}; si no, escríbalo sin el signo %`,
    'sheet.hidden-skipped': (p) => `La hoja «${p.sheet}» está oculta, por lo que no se ha leído: nada de ella está en el paquete. Si sus registros deben estar ahí, muestre la hoja en Excel (una muy oculta, desde el editor de Visual Basic) y guarde el archivo; si no, elimine la hoja`,
    'sheet.hidden-read': (p) => {
      const { list, one } = hiddenOf(words, p, ['la fila', 'las filas'], ['la columna', 'las columnas'], 'y', (n) => `y ${words.count(n)} más`);
      const [is, read, it] = one ? ['está oculta', 'se ha leído', 'la'] : ['están ocultas', 'se han leído', 'las'];
      return `Dentro de la hoja «${p.sheet}», ${list} ${is} en Excel, pero ${read} igualmente: Excel también ${it} escribe en un archivo CSV. Para dejar${it} fuera del paquete, elimíne${it}, o páse${it} a otra hoja y oculte esa hoja: una hoja oculta no se lee`;
    },
    'sheet.normalised': (p) => `Columna ${columnSeen(words, p.column, p)}: ${words.count(p.cells)} ${p.cells === 1 ? 'celda leída' : 'celdas leídas'} teniendo en cuenta estas formas: ${formsOf(p.forms)}`,
    'sheet.ambiguous-thousands': (p) => {
      const more = p.cells > 1 ? ` (y ${words.count(p.cells - 1)} ${p.cells === 2 ? 'celda más como esta' : 'celdas más como esta'})` : '';
      return `Columna ${columnSeen(words, p.column, p)}: ${p.text}${more} se leyó como ${words.number(p.value)}, con el punto como separador de miles, como lo escribe Excel en español. Si aquí el punto es el separador decimal, escriba ${p.text.replace('.', ',')}; si el número es de verdad ${words.number(p.value)}, escríbalo sin el punto: ${p.text.replace('.', '')}`;
    },
    'codelist.unknown-code': (p) => `«${p.value}» no es un código conocido para el campo ${words.quote(words.fields[fieldOfList[p.codelist] ?? 'focusAreas'])}`,
  },
};
