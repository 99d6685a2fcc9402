import type { CodelistId } from '../codelists/codes.js';
import { tableShapes } from '../generated/table-shapes.js';
import type { RecordType } from '../model/record-kinds.js';
import { excelLocales } from './excel-locale.js';

/**
 * What a CSV cell holds, as the schema of its field says.
 *
 * @example
 * ```ts
 * const kind: CellKind = 'date'; // period.start: read 31.12.2020 or an Excel serial as an ISO date
 * const dateTime: CellKind = 'date-time'; // meetings' start: read 28.10.2020 16:00 as 2020-10-28T16:00:00, with no offset given
 * ```
 */
export type CellKind = 'string' | 'date' | 'date-time' | 'number' | 'boolean' | 'json';

/**
 * What a table of a sheet holds: records of one type, or the package header (one row).
 *
 * @example
 * ```ts
 * const type: TableType = 'package'; // the Package sheet of a workbook
 * ```
 */
export type TableType = RecordType | 'package';

/** The shape of a record type as CSV sees it: which columns exist and what their cells hold. */
export type Shape =
  | { kind: CellKind; codelist?: CodelistId }
  | { kind: 'object'; fields: Map<string, Shape>; required: ReadonlySet<string> }
  | { kind: 'array'; element: Shape; min: number }
  | { kind: 'map'; value: Shape; min: number; whole: boolean };

/**
 * A {@link Shape} as data generated from the zod model (scripts/table-shapes.ts): an object's fields as pairs in
 * the schema's order, its required keys as a list.
 */
export type ShapeData =
  | { kind: CellKind; codelist?: CodelistId }
  | ObjectShapeData
  | { kind: 'array'; element: ShapeData; min: number }
  | { kind: 'map'; value: ShapeData; min: number; whole: boolean };

/** The {@link ShapeData} of an object. */
export interface ObjectShapeData {
  kind: 'object';
  fields: readonly (readonly [string, ShapeData])[];
  required: readonly string[];
}

function shapeOf(data: ShapeData): Shape {
  switch (data.kind) {
    case 'object':
      return { kind: 'object', fields: new Map(data.fields.map(([key, field]) => [key, shapeOf(field)])), required: new Set(data.required) };
    case 'array':
      return { ...data, element: shapeOf(data.element) };
    case 'map':
      return { ...data, value: shapeOf(data.value) };
    default:
      return data;
  }
}

const shapes = new Map<TableType, Extract<Shape, { kind: 'object' }>>();

/** The CSV shape of a record type, or of the package header (built once). */
export function recordShape(type: TableType): Extract<Shape, { kind: 'object' }> {
  let shape = shapes.get(type);
  if (!shape) {
    shape = shapeOf(tableShapes[type]) as Extract<Shape, { kind: 'object' }>;
    shapes.set(type, shape);
  }
  return shape;
}

/**
 * Where a column leads in a record: the path of its cell and what the cell holds.
 *
 * @example
 * ```ts
 * const target: ColumnTarget = { path: ['period', 'start'], kind: 'date' }; // the column period.start
 * ```
 */
export type ColumnTarget =
  | { path: (string | number)[]; kind: CellKind; codelist?: CodelistId }
  /** A column naming a whole list or object: its only cell value is `[]` or `{}`, an empty one. */
  | { path: (string | number)[]; kind: 'empty-array' | 'empty-object' }
  | { path: (string | number)[]; kind: 'unknown' };

const indexPattern = /^(?:0|[1-9]\d{0,5})$/;

/**
 * Resolves a flattened column name (`period.start`, `name.en`, `participants.0.organisation`)
 * against the shape of a record type.
 */
export function resolveColumn(type: TableType, name: string): ColumnTarget {
  const segments = name.split('.');
  const path: (string | number)[] = [];
  let shape: Shape = recordShape(type);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (shape.kind === 'object') {
      const field = shape.fields.get(segment);
      if (!field) return { path: [...path, ...segments.slice(i)], kind: 'unknown' };
      path.push(segment);
      shape = field;
    } else if (shape.kind === 'array') {
      if (!indexPattern.test(segment)) return { path: [...path, ...segments.slice(i)], kind: 'unknown' };
      path.push(Number(segment));
      shape = shape.element;
    } else if (shape.kind === 'map') {
      if (shape.whole) return { path: [...path, segments.slice(i).join('.')], kind: 'json' };
      if (segment === '') return { path: [...path, ...segments.slice(i)], kind: 'unknown' };
      path.push(segment);
      shape = shape.value;
    } else return { path: [...path, ...segments.slice(i)], kind: 'unknown' };
  }
  if (shape.kind === 'array') return { path, kind: 'empty-array' };
  if (shape.kind === 'object' || shape.kind === 'map') return { path, kind: path.length === 0 ? 'unknown' : 'empty-object' };
  return shape.codelist ? { path, kind: shape.kind, codelist: shape.codelist } : { path, kind: shape.kind };
}

/**
 * The fields a CSV of a record type must have a column for: required fields reached through
 * required objects. A required language map needs at least one `name.<language>` column, a
 * non-empty list its first item (`countries.0`).
 */
export function requiredColumns(type: TableType): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const visit = (shape: Shape, path: (string | number)[]): void => {
    if (shape.kind === 'object') {
      for (const key of shape.required) visit(shape.fields.get(key)!, [...path, key]);
    } else if (shape.kind === 'array') {
      if (shape.min > 0) visit(shape.element, [...path, 0]);
    } else if (shape.kind === 'map') {
      if (shape.min > 0) paths.push(path);
    } else paths.push(path);
  };
  visit(recordShape(type), []);
  return paths;
}

const columnLists = new Map<TableType, readonly string[]>();

/**
 * The columns of a table of a type that a misspelt column may have meant: every field by its path, a list by its
 * first item (`countries.0`), a text in several languages in PHX's languages (`name.uk`); not extensions' columns.
 */
export function knownColumns(type: TableType): readonly string[] {
  let columns = columnLists.get(type);
  if (!columns) {
    const found: string[] = [];
    const visit = (shape: Shape, name: string): void => {
      const under = (key: string | number): string => (name === '' ? String(key) : `${name}.${key}`);
      if (shape.kind === 'object') for (const [key, field] of shape.fields) visit(field, under(key));
      else if (shape.kind === 'array') visit(shape.element, under(0));
      else if (shape.kind === 'map') {
        if (!shape.whole) for (const language of excelLocales) visit(shape.value, under(language));
      } else found.push(name);
    };
    visit(recordShape(type), '');
    columnLists.set(type, (columns = found));
  }
  return columns;
}

/**
 * A rank for each column, so that columns come out in the order of the schema's fields
 * (`id` first, `period.start` before `period.end`), items of a list in index order.
 */
export function columnOrder(type: TableType, name: string): (number | string)[] {
  const rank: (number | string)[] = [];
  let shape: Shape | undefined = recordShape(type);
  for (const segment of name.split('.')) {
    if (shape?.kind === 'object') {
      const keys = [...shape.fields.keys()];
      const at = keys.indexOf(segment);
      rank.push(at < 0 ? keys.length : at);
      shape = shape.fields.get(segment);
    } else if (shape?.kind === 'array') {
      rank.push(Number(segment));
      shape = shape.element;
    } else if (shape?.kind === 'map') {
      rank.push(segment);
      shape = shape.whole ? undefined : shape.value;
    } else rank.push(segment);
  }
  return rank;
}

/** Compares two ranks from {@link columnOrder}. */
export function compareRanks(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
