/** The workbook writer of @phx/schema, in a module of its own for the worker to load with the first workbook asked for. */
export { writeXlsx } from '@phx/schema';
