import { asShipped } from '../../scripts/size-limit-shipped.mjs';

export default [
  { name: 'validate() only', path: 'dist/index.js', import: '{ validate }', gzip: true, limit: '124.9 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): first download', path: 'dist/index.js', import: '{ validateAsync }', gzip: true, limit: '26 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateFileAsync(): first download', path: 'dist/index.js', import: '{ validateFileAsync }', gzip: true, limit: '30.8 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateNdjsonAsync(): first download', path: 'dist/index.js', import: '{ validateNdjsonAsync }', gzip: true, limit: '26.3 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the describer, loaded with the first record the generated checks reject', path: 'dist/validate/structural.js', import: '{ describeShape }', gzip: true, limit: '41.4 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the recogniser of personal data, loaded before the first record is checked', path: 'dist/validate/personal-data.js', import: '{ personalDataIn }', gzip: true, limit: '13.6 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the JSON places (jsonc-parser), loaded with the first issue to place in a text', path: 'dist/validate/json-places.js', import: '{ jsonPlaces }', gzip: true, limit: '4.5 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the messages in Russian, loaded before the first message in Russian', path: 'dist/locales/ru.js', import: '{ ru }', gzip: true, limit: '13.6 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the messages in English, loaded before the first message in English', path: 'dist/locales/en.js', import: '{ en }', gzip: true, limit: '10.8 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateNdjson() only', path: 'dist/index.js', import: '{ validateNdjson }', gzip: true, limit: '125.4 kB', modifyEsbuildConfig: asShipped },
  { name: 'codelist labels', path: 'dist/codelists/index.js', import: '{ labelOf }', gzip: true, limit: '10 kB', modifyEsbuildConfig: asShipped },
  { name: 'everything but exceljs, which is loaded with the first workbook', path: 'dist/index.js', import: '*', gzip: true, ignore: ['exceljs'], limit: '196.3 kB', modifyEsbuildConfig: asShipped },
];
