/** The workbook reader of @phx/schema, in a module of its own for the worker to load with the first row of a workbook shown. */
export { readXlsxAsync } from '@phx/schema';
