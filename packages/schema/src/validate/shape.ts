import { acceptsShape, textShapes, type ShapeKind } from '../generated/shape-checks.js';
import type { StructuralProblem } from './structural.js';
import { ANY_VALUE, type TextShape } from './text-shape.js';

/** What a shape check gives: the problems, the data when the value fits, and how to walk its free text. */
export interface ShapeCheck {
  problems: readonly StructuralProblem[];
  data?: Record<string, unknown>;
  text: TextShape;
}

/**
 * What zod makes of a value of a kind that the generated check did not accept: its problems, with paths under
 * `base`, and its data when it fits after all. `describeShape` of ./structural.ts, which holds zod and the
 * model; a caller that loads it on demand passes a describer that asks for it (./on-demand.ts).
 */
export type Describer = (kind: ShapeKind, value: unknown, base: readonly (string | number)[]) => { problems: StructuralProblem[]; data?: Record<string, unknown> };

const NO_PROBLEMS: readonly StructuralProblem[] = Object.freeze([]);
let generatedChecks = true;

/** Lets zod check every value, as before the generated checks: tests compare the two ways. */
export function useGeneratedChecks(enabled: boolean): void {
  generatedChecks = enabled;
}

/**
 * Checks the shape of a value of a kind, with problem paths under `base`. The check generated from the
 * zod model answers first; only a value it does not accept goes to zod (`describe`), which says what is
 * wrong (or accepts it, changed: a trimmed URL). The rules read an accepted value as it is.
 */
export function checkShape(kind: ShapeKind, value: unknown, base: (string | number)[], describe: Describer): ShapeCheck {
  if (generatedChecks && acceptsShape[kind](value)) return { problems: NO_PROBLEMS, data: value as Record<string, unknown>, text: textShapes[kind] };
  return { ...describe(kind, value, base), text: ANY_VALUE };
}
