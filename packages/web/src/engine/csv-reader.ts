/** The CSV reader of @phx/schema, in a module of its own for the worker to load with the first CSV record shown. */
export { readCsvAsync } from '@phx/schema';
