import { acceptsShape, textShapes, type ShapeKind } from '../generated/shape-checks.js';
import { describeShape, type StructuralProblem } from './structural.js';
import { ANY_VALUE, type TextShape } from './text-shape.js';

/** What a shape check gives: the problems, the data when the value fits, and how to walk its free text. */
export interface ShapeCheck {
  problems: readonly StructuralProblem[];
  data?: Record<string, unknown>;
  text: TextShape;
}

const NO_PROBLEMS: readonly StructuralProblem[] = Object.freeze([]);
let generatedChecks = true;

/** Lets zod check every value, as before the generated checks: tests compare the two ways. */
export function useGeneratedChecks(enabled: boolean): void {
  generatedChecks = enabled;
}

/**
 * Checks the shape of a value of a kind, with problem paths under `base`. The check generated from the
 * zod model answers first; only a value it does not accept goes to zod, which says what is wrong (or
 * accepts it, changed: a trimmed URL). The rules read an accepted value as it is.
 */
export function checkShape(kind: ShapeKind, value: unknown, base: (string | number)[]): ShapeCheck {
  if (generatedChecks && acceptsShape[kind](value)) return { problems: NO_PROBLEMS, data: value as Record<string, unknown>, text: textShapes[kind] };
  return { ...describeShape(kind, value, base), text: ANY_VALUE };
}
