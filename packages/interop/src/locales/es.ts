import { renderMessage } from '@phx/schema';
import { plural } from './plural.js';
import { orgUnitEntry } from './org-unit.js';
import { resourceSkipped } from './resources.js';
import type { InteropLocale, ResourceSkippedTexts } from './types.js';

const collections = { organisation: 'las organizaciones', facility: 'los establecimientos', indicator: 'las definiciones de indicadores', observation: 'las observaciones', meeting: 'las reuniones' } as const;
const skipped: ResourceSkippedTexts = {
  Organization: ['se omite una Organization sin {}', { identifier: 'identificador de organización PHX', name: 'nombre' }],
  Measure: ['una Measure sin {} no se lee como definición de indicador', { title: 'título', description: 'descripción', unit: 'una unidad que PHX conozca' }],
  MeasureReport: [
    'se omite un MeasureReport sin {}',
    { measure: 'measure', reporter: 'reporter con identificador PHX', subject: 'subject (una Location con su país)', period: 'período legible (inicio y fin)' },
  ],
  stratum: ['se omite un estrato cuyo valor no es un código de desagregación PHX', { breakdown: '' }],
};
const parts = { numerator: 'se omite el numerador fraccionario', denominator: 'se omite el denominador fraccionario' } as const;
const withheld = {
  value: 'el valor de una observación suprimida no se transmite (data-absent-reason "masked")',
  numerator: 'el numerador de una observación suprimida no se transmite (data-absent-reason "masked")',
  confidenceInterval: 'el intervalo de confianza de una observación suprimida no se transmite: sus límites revelarían el valor suprimido',
} as const;
const partNames = { value: 'el valor', numerator: 'el numerador', denominator: 'el denominador' } as const;
const leftOut = {
  value: 'su valor',
  numerator: 'su numerador',
  confidenceInterval: 'su intervalo de confianza (sus límites revelarían el valor)',
} as const;

/** Spanish texts. */
export const es: InteropLocale = {
  tag: 'es',
  notes: {
    'field-not-carried': (p) => `${p.target} no tiene lugar para el campo ${p.field}`,
    'record-not-carried': (p) => `${p.target} no tiene lugar para ${collections[p.recordType]}`,
    'import.invalid-json': (p) => `el archivo no es JSON: falla en la línea ${p.line}, columna ${p.column}`,
    'import.header-missing': (p) =>
      p.field === 'publisher'
        ? 'la fuente no nombra al editor del paquete: indíquelo (phx import --publisher <identificador de la organización>)'
        : 'la fuente no nombra la licencia de los datos: indíquela (phx import --license CC-BY-4.0)',
    'import.unclosed-quote': (p) => `unas comillas (") abiertas en la columna ${p.column} no se cierran nunca: todo el resto del archivo se leyó en esta única celda, a partir de «${p.value}»; cierre las comillas o elimínelas`,
    'import.text-after-quote': (p) => `la celda de la columna ${p.column} empieza con comillas (") y tiene texto después de las comillas que la cierran (${p.value}): las celdas y filas siguientes pueden haberse leído en esta única celda; duplique las comillas dentro de la celda ("") o elimínelas`,
    'import.value-worked-out': (p) => `no se daba ningún valor para ${p.indicator}: se ha calculado ${p.from === 'numerator' ? 'a partir del numerador' : 'a partir del numerador y el denominador'}`,
    'import.withheld-figure-left-out': (p) => `la fuente marca la observación como suprimida pero da ${leftOut[p.field]}: ese campo se descarta, para que PHX no lo publique nunca`,
    'fhir.count-not-integer': (p) => `un recuento de población FHIR es un número entero: ${parts[p.field]}`,
    'fhir.suppressed-value-withheld': (p) => withheld[p.field],
    'fhir.unknown-indicator': (p) => `el indicador «${p.indicator}» no está en el catálogo ni en el paquete: su Measure solo lleva su dirección`,
    'fhir.not-a-bundle': () => 'la entrada no es un Bundle FHIR (resourceType "Bundle")',
    'fhir.entry-unreadable': () => 'se omite una entrada del Bundle sin recurso',
    'fhir.resource-skipped': (p) => resourceSkipped(skipped, p),
    'fhir.default-data-source': () => 'un MeasureReport sin fuente de datos PHX se lee como datos rutinarios de programa',
    'fhir.subject-unknown': (p) => `el MeasureReport trata de la Location «${p.location}», que no es un establecimiento, una zona subnacional ni un país de PHX: se omite en lugar de leerse como una cifra del país entero`,
    'fhir.report-skipped': (p) =>
      p.reason === 'status'
        ? p.value === 'pending'
          ? `el estado del MeasureReport es «${p.value}»: sus cifras aún pueden cambiar, así que se omite; impórtelo de nuevo cuando esté terminado`
          : `el estado del MeasureReport es «${p.value}»: según FHIR, sus cifras no son fiables, así que se omite`
        : `el MeasureReport es de tipo «${p.value}», no «summary»: trata de personas, no de cifras agregadas, así que se omite`,
    'fhir.score-unit-unlike': (p) => `el measureScore está en la unidad «${p.code}», no en «${p.expected}» como su indicador: su valor no se toma (se calcula a partir del numerador y el denominador cuando se dan)`,
    'fhir.group-skipped': (p) => `el grupo «${p.group}» del MeasureReport se omite: PHX lee el único grupo sin código como la cifra global, sus estratos como desgloses, y no puede saber qué cuenta este grupo`,
    'dhis2.mapping-invalid': (p) => `archivo de correspondencia, ${p.pointer || '/'}: ${renderMessage(p.problem, p.problemParams, 'es')}`,
    'dhis2.mapping-not-a-uid': (p) => `archivo de correspondencia, ${p.pointer}: «${p.value}» no es un UID de DHIS2 (una letra y luego diez letras o cifras); para códigos, indique "idScheme": "code"`,
    'dhis2.unmapped-indicator': (p) => `la correspondencia no tiene elemento de datos para el indicador «${p.indicator}»`,
    'dhis2.unmapped-scope': (p) => `la correspondencia no tiene unidad organizativa para ${p.place}, así que sus observaciones no se envían: añada ${orgUnitEntry(p, '<su código o UID de DHIS2>')} a "orgUnits" en el archivo de correspondencia (phx export --mapping <archivo.json>)`,
    'dhis2.unmapped-period': (p) => `el período ${p.start} – ${p.end} no es un período de calendario de DHIS2 y la correspondencia no lo nombra`,
    'dhis2.suppressed-not-sent': () => 'DHIS2 no puede marcar un valor suprimido: la observación suprimida no se envía',
    'dhis2.unmapped-part': (p) => `la correspondencia no tiene elemento de datos para ${partNames[p.part]} del indicador «${p.indicator}»: esa parte no se envía`,
    'dhis2.unmapped-breakdown': (p) => `la correspondencia no tiene combinación de opciones de categoría de ${p.dataElement} para la desagregación ${p.breakdown}`,
    'dhis2.not-a-data-value-set': () => 'la entrada no es un conjunto de valores de DHIS2 (un objeto con "dataValues")',
    'dhis2.reporter-missing': () => 'los valores de DHIS2 no dicen quién los notifica: indique la organización que los notifica y los publica (phx import --publisher <identificador de la organización>), o nómbrela en la correspondencia ("reportingOrganisation")',
    'dhis2.unmapped-value': (p) => `la correspondencia no tiene indicador para el elemento de datos ${p.dataElement} con la combinación de opciones de categoría ${p.categoryOptionCombo}`,
    'dhis2.value-skipped': (p) => {
      switch (p.reason) {
        case 'data-element':
          return 'se omite un valor sin elemento de datos';
        case 'org-unit':
          return p.value === undefined ? 'se omite un valor sin unidad organizativa' : `la unidad organizativa ${p.value} no está en la correspondencia: se omiten sus valores`;
        case 'period':
          return p.value === undefined ? 'se omite un valor sin período' : `«${p.value}» no es un período de DHIS2 que la correspondencia sepa leer: se omiten sus valores`;
        case 'number':
          return `se omite un valor que no es un número mayor o igual que cero escrito como en DHIS2 («${p.value ?? ''}»; 28.7 o 1320: sin coma para los decimales ni separador de miles)`;
      }
    },
    'dhis2.value-conflict': (p) => `el elemento de datos ${p.dataElement} (combinación de opciones de categoría ${p.categoryOptionCombo}) tiene dos valores para ${p.orgUnit}, ${p.period}, quizá de dos combinaciones de opciones de atributo, que no tienen lugar en PHX: se conserva el primero, ${p.kept}, y ${p.dropped} se omite`,
    'dhis2.deleted-skipped': () => 'se omite un valor que DHIS2 marca como eliminado',
    'dhis2.duplicate-key': () => 'otra observación da los mismos valores DHIS2 (elemento de datos, período, unidad organizativa y combinación de opciones de categoría: solo difieren en campos que DHIS2 no transmite, como la organización informante): solo se envía la primera',
    'dhis2.nothing-to-send': () => 'no se pudo enviar ninguna observación a DHIS2, no se crea ningún archivo: las advertencias dicen por qué',
    'sdmx.not-sdmx-csv': () => 'la entrada no es SDMX-CSV: su primera columna no tiene el encabezado STRUCTURE (o DATAFLOW)',
    'sdmx.delete-skipped': () => 'se omite una fila que borra datos (ACTION D)',
    'sdmx.row-skipped': (p) =>
      p.value === undefined
        ? `se omite una fila sin ${p.column}`
        : p.column === 'TIME_PERIOD'
          ? `se omite una fila cuyo TIME_PERIOD es «${p.value}», que no es un periodo escrito como en SDMX (2020, 2020-Q1, 2020-01, 2020-01-31): una hoja de cálculo puede haber reescrito la fecha`
          : `se omite una fila cuyo ${p.column} es «${p.value}», un código que PHX no conoce`,
    'sdmx.value-skipped': (p) =>
      p.column === 'UNIT_MULT'
        ? `UNIT_MULT «${p.value}» no es una potencia de diez entera (3 para miles): se omite el valor de la fila y se lee el resto de la fila`
        : `${p.column} «${p.value}» no es un número mayor o igual que cero escrito como en SDMX-CSV (28.7 o 1320: sin coma para los decimales ni separador de miles): se omite y se lee el resto de la fila`,
    'sdmx.code-replaced': (p) => (p.value === undefined ? `una fila sin ${p.column} se lee como «${p.used}»` : `${p.column} «${p.value}» es un código que PHX no conoce: la fila se lee como «${p.used}»`),
    'sdmx.column-not-read': (p) => `la columna ${p.column} no forma parte de la estructura de datos de PHX: sus celdas no se leen`,
    'sdmx.duplicate-key': () => 'otra observación tiene la misma clave SDMX (solo difieren en campos fuera de la clave, como el área subnacional): solo se envía la primera',
    'sdmx.code-not-an-id': (p) => `el código ${p.dimension} «${p.code}» tiene caracteres que un identificador SDMX no admite`,
  },
  punctuation: { colon: ': ', semicolon: '; ' },
  examples: {
    record: (count) => plural('es', count, { one: 'registro', other: 'registros' }),
    row: (count) => plural('es', count, { one: 'fila', other: 'filas' }),
    pointer: (count) => plural('es', count, { one: 'elemento', other: 'elementos' }),
  },
  gam: {
    title: (country, year) => `Preparación para el informe ONUSIDA GAM: ${country}, ${year}`,
    columns: { indicator: 'Indicador', name: 'Nombre', status: 'Estado', observations: 'Observaciones', suppressed: 'Suprimidas', missingBreakdowns: 'Desagregaciones que faltan' },
    status: { complete: 'completo', present: 'incompleto', suppressed: 'solo suprimido', missing: 'falta' },
    onlyPartialFigures: 'Solo cifras de una parte del país o del año',
    counts: (c) => `completos: ${c.complete}, incompletos: ${c.present}, solo suprimidos: ${c.suppressed}, faltan: ${c.missing}`,
    nothingFor: (country, year, held) => `El paquete no contiene observaciones del país ${country} en ${year}. Países del paquete: ${held.countries.join(', ')}; años: ${held.years.join(', ')}`,
  },
};
