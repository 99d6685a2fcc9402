import zodEs from 'zod/v4/locales/es.js';
import type { FileFormat } from '../file/format.js';
import { alternatives } from './alternatives.js';
import { categories } from './categories.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'una dirección de correo', phone: 'un número de teléfono', 'date-of-birth': 'una fecha de nacimiento', name: 'el nombre de una persona', address: 'un domicilio', identifier: 'un número de interno, de expediente o de documento' } as const;
const encodings = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1251': 'Windows-1251 (cirílico)', 'windows-1252': 'Windows-1252 (Europa occidental)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'un libro de Excel (.xlsx)', xls: 'un libro de Excel 97-2003 (.xls)', ods: 'una hoja de cálculo OpenDocument (.ods)',
  docx: 'un documento de Word (.docx)', pdf: 'un documento PDF', zip: 'un archivo zip', gzip: 'un archivo gzip',
};

const forms: Record<string, string> = {
  'decimal-comma': 'comas decimales', 'thousands-separator': 'separadores de miles', 'percent-sign': 'signos %',
  'boolean-word': 'palabras VERDADERO/FALSO', 'excel-serial': 'fechas como número de serie de Excel',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `fechas escritas ${form}`).join(', ');

/** Spanish messages. */
export const es: PhxLocale = {
  tag: 'es',
  zod: zodEs,
  suggestion: (values) => `; ¿quiso decir ${alternatives(values, 'es', (value) => `«${value}»`)}?`,
  messages: {
    'file.empty': (p) => (p.blank ? 'El archivo solo tiene líneas en blanco o espacios: no contiene datos' : 'El archivo está vacío'),
    'file.unsupported-format': (p) => `El archivo es ${formats[p.format]}, que PHX no lee; guarde los datos como «CSV UTF-8», .phx.json o .phx.ndjson`,
    'schema.required': (p) => `Falta el campo obligatorio «${p.field}»`,
    'file.too-large': (p) => `El archivo supera los ${p.maxBytes} bytes, demasiado para leerlo entero; divídalo o guárdelo como .phx.ndjson, que se lee como flujo`,
    'syntax.invalid-json': (p) => (p.token === null ? 'JSON no válido: el texto termina antes de tiempo' : `JSON no válido: ${JSON.stringify(p.token)} inesperado`),
    'syntax.too-deep': (p) => `Anidado a más de ${p.maxDepth} niveles`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? 'El archivo no es texto UTF-8 válido; guárdelo como UTF-8'
        : `El archivo no está en UTF-8 sino en ${encodings[p.encoding]}; guárdelo como UTF-8 (en Excel: «CSV UTF-8»)`,
    'syntax.line-too-long': (p) => `Línea de más de ${p.maxBytes} bytes; omitida`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'La línea no tiene "type"' : `Tipo de registro desconocido ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'La cabecera del paquete solo puede ser la primera línea',
    'csv.no-header': (p) =>
      p.type === null
        ? 'La primera fila no es una cabecera de columnas PHX (por ejemplo id, indicator, period.start), así que el tipo de registro es desconocido; añada la fila de cabecera'
        : `La primera fila no es una cabecera de columnas de ${p.type}; añada la fila de cabecera`,
    'csv.no-rows': () => 'El archivo tiene una fila de cabecera pero ninguna fila de datos',
    'unique.duplicate-id': (p) => `Identificador de ${p.recordType} «${p.id}» duplicado (primera vez: ${p.first})`,
    'unique.duplicate-breakdown': (p) => `Una segunda observación de ${categories(p.categories) || 'el total'} del mismo indicador, ámbito, período y fuente de datos (primera vez: ${p.first})`,
    'ref.unknown-organisation': (p) => `No hay ninguna organización con el identificador «${p.id}» en el paquete`,
    'ref.unknown-facility': (p) => `No hay ningún establecimiento con el identificador «${p.id}» en el paquete`,
    'ref.unknown-indicator': (p) => `El indicador «${p.code}» no está en el catálogo ni definido en el paquete`,
    'ref.country-mismatch': (p) => `El establecimiento «${p.facility}» está en ${p.facilityCountry}, pero la observación indica ${p.country}`,
    'indicator.unit-mismatch': (p) => `La unidad «${p.unit}» no coincide con la de «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': () => 'Sin valor: indique "value" o marque la observación como "suppressed"',
    'observation.denominator-missing': (p) => `El indicador «${p.indicator}» necesita un denominador además del numerador`,
    'arith.numerator-exceeds-denominator': (p) => `El numerador ${p.numerator} es mayor que el denominador ${p.denominator}`,
    'arith.zero-denominator': () => 'El denominador es 0',
    'arith.value-mismatch': (p) => `El valor ${p.value} no concuerda con el numerador y el denominador (se esperaba ${p.expected})`,
    'arith.percent-out-of-range': (p) => `El porcentaje ${p.value} está fuera de 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} no es un número entero`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `El intervalo de confianza ${p.lower}–${p.upper} está invertido` : `El valor ${p.value} está fuera de su intervalo de confianza ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `El período empieza (${p.start}) después de terminar (${p.end})`,
    'period.in-future': (p) => `El período termina en el futuro (${p.end}; hoy es ${p.today})`,
    'meeting.end-before-start': (p) => `La reunión termina (${p.end}) antes de empezar (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Acción con vencimiento ${p.due}, antes de la reunión (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `El indicador «${p.indicator}» no se puede desagregar por ${p.dimension}`,
    'disagg.exceeds-total': (p) => `Los ${p.field === 'denominator' ? 'denominadores' : 'numeradores'} por ${p.dimension} suman ${p.sum}, más que el total ${p.total}`,
    'disagg.below-total': (p) => `Los ${p.field === 'denominator' ? 'denominadores' : 'numeradores'} por ${p.dimension} suman ${p.sum}, menos que el total ${p.total}: ¿falta una categoría?`,
    'package.placeholder': (p) => `«${p.value}» es un marcador del paquete inicial: sustitúyalo por su propio valor`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} está por debajo del umbral de supresión ${p.threshold}: marque la observación como "suppressed" y omita el número`,
    'privacy.suppressed-value-present': (p) => `La observación está suprimida, pero ${p.field} sigue presente`,
    'privacy.complementary-disclosure': (p) => `Este número suprimido se deduce del total y de las demás categorías por ${p.dimension}: suprima una categoría más, o el total`,
    'privacy.personal-data': (p) => `Este texto parece contener ${kinds[p.kind]}; no comparta datos personales`,
    'sheet.unreadable': () => 'El archivo no es un libro de Excel (.xlsx) legible; guárdelo de nuevo como .xlsx',
    'sheet.unknown-sheet': (p) => `La hoja «${p.sheet}» no contiene registros PHX: sus columnas no nombran campos de ningún tipo de registro; póngale el nombre de sus registros o elimínela`,
    'sheet.date-order-unknown': (p) => `Columna «${p.column}»: fechas como ${p.example} se leen con el día o con el mes primero, y ninguna celda lo aclara; indique el orden de las fechas (day-month o month-day)`,
    'sheet.normalised': (p) => `Columna «${p.column}»: ${p.cells} celdas leídas desde ${formsOf(p.forms)}`,
    'codelist.unknown-code': (p) => `«${p.value}» no es un código conocido de la lista ${p.codelist}`,
  },
};
