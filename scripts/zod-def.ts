/**
 * How the generators read a zod schema: its definition (`_zod.def`), which zod v4 keeps on every schema but types
 * only per kind. One reading for every generator, of the fields they use.
 */
import type { z } from 'zod';

export type AnySchema = z.core.$ZodType;

/** A check's definition: a length, a size, a bound, a pattern or a format. */
export interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

/** A schema's definition: its type, and what a type of it holds. */
export interface Def {
  type: string;
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  keyType?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  protocol?: RegExp;
  hostname?: RegExp;
  normalize?: boolean;
}

export const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;

/** The definitions of a schema's checks, in their order. */
export const checksOf = (schema: AnySchema): CheckDef[] => (defOf(schema).checks ?? []).map((check) => check._zod.def);
