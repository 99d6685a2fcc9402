/** The arithmetic of an observation: integer counts, numerator within denominator, value agreeing with both. */
import type { IndicatorRule } from '../catalogue/indicators.js';
import type { IndicatorDefinition } from '../model/indicator.js';
import type { Observation } from '../model/observation.js';
import type { RecordReport } from './structural.js';

/** What a value of each unit is per 1 of the numerator over the denominator. */
const scaleOfUnit: Record<string, number> = { percent: 100, 'rate-per-100000': 100_000, 'rate-per-10000': 10_000, count: 1 };

/**
 * The value an observation's numerator and denominator give for its indicator: the numerator of a count, otherwise
 * the numerator over the denominator in the indicator's unit (× 100 for a percent, × 100 000 for a rate per
 * 100 000); undefined when a part the calculation needs is missing or the denominator is 0. Not rounded.
 *
 * @example
 * ```ts
 * import { valueOfParts } from '@phx/schema';
 * valueOfParts({ calculation: 'proportion', unit: 'percent' }, 37, 412); // 8.980582524271846
 * valueOfParts({ calculation: 'count', unit: 'count' }, 412); // 412
 * ```
 */
export function valueOfParts(definition: Pick<IndicatorDefinition, 'calculation' | 'unit'>, numerator: number | undefined, denominator?: number): number | undefined {
  if (definition.calculation === 'count') return numerator;
  if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
  return (numerator / denominator) * (scaleOfUnit[definition.unit] ?? 1);
}

/**
 * The count of people a percentage or rate gives with its denominator when its numerator is left out: the one whole
 * number whose value (× the unit's scale ÷ denominator), written with the decimals the value has, is the value; undefined
 * when none or several are (and for a count). 0.5 % of 400 is 2; 1 % of 120 is 1 (0 is 0 %, 2 is 1.67 %); 5 % of 1000 is
 * anything from 45 to 55. A count on the edge of the value's rounding counts as one it may be, whichever way it rounds.
 */
export function impliedCount(unit: string, value: number | undefined, denominator: number | undefined): number | undefined {
  if (value === undefined || denominator === undefined) return undefined;
  const scale = unit === 'count' ? undefined : scaleOfUnit[unit];
  if (scale === undefined) return undefined;
  // Half a unit of the value's last decimal, widened by the error of floating-point arithmetic.
  const half = 0.5 * 10 ** -decimalsOf(value) + 1e-9 * Math.max(1, Math.abs(value));
  const first = Math.max(0, Math.ceil(((value - half) * denominator) / scale));
  const last = Math.floor(((value + half) * denominator) / scale);
  return first === last ? first : undefined;
}

/**
 * The count of people an observation gives by its percentage or rate and denominator, its numerator left out
 * ({@link impliedCount}); NaN when it gives none, and for a count, a suppressed observation, one with its numerator or
 * one of no unit (a record that failed its shape, its unit not one of the codes).
 * The one reading of such a count for `privacy.small-cell` and the sums of a breakdown.
 */
export function impliedCountOf(obs: Pick<Observation, 'suppressed' | 'numerator' | 'value' | 'denominator'> & { unit?: string }): number {
  if (obs.suppressed || obs.numerator !== undefined || obs.unit === undefined || obs.unit === 'count') return Number.NaN;
  return impliedCount(obs.unit, obs.value, obs.denominator) ?? Number.NaN;
}

/** How many decimals `value` is written with (as `String(value)` writes it). */
export function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  // The fewest decimals that give the value back: those `String` writes, without making a string on every record.
  // Exact while the scaled value is below 2^53; beyond it, and for exponent forms, the text is counted.
  for (let decimals = 1, scale = 10; decimals <= 22 && Math.abs(value) * scale < 2 ** 53; decimals++, scale *= 10) {
    if (Math.round(value * scale) / scale === value) return decimals;
  }
  const text = String(value);
  const exponent = text.indexOf('e-');
  if (exponent >= 0) return Number(text.slice(exponent + 2)) + (text.split('.')[1]?.split('e')[0]?.length ?? 0);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** True when `value` is `expected` rounded to the decimals `value` is written with. */
export function agreesWithinRounding(value: number, expected: number): boolean {
  if (Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) return true;
  const tolerance = 0.5 * 10 ** -decimalsOf(value);
  return Math.abs(value - expected) <= tolerance * (1 + 1e-9) + Number.EPSILON * Math.abs(expected);
}

/** Reports the arithmetic problems of an observation against its indicator's definition. */
export function checkArithmetic(obs: Observation, definition: IndicatorRule, report: RecordReport): void {
  const { numerator, denominator, value } = obs;
  if (value === undefined && !obs.suppressed) report('observation.value-missing', [], {});
  // A rate's denominator may be an average population (8 523.5 people held on average over the year).
  for (const field of definition.calculation === 'rate' ? (['numerator'] as const) : (['numerator', 'denominator'] as const)) {
    const number = obs[field];
    if (number !== undefined && !Number.isInteger(number)) report('arith.count-not-integer', [field], { field, value: number });
  }
  const interval = obs.confidenceInterval;
  if (interval && (interval.lower > interval.upper || (value !== undefined && (value < interval.lower || value > interval.upper)))) {
    report('arith.value-outside-interval', ['confidenceInterval'], { value: value ?? null, lower: interval.lower, upper: interval.upper });
  }
  // R, Stata and Excel write a 95 % level as 0.95; PHX takes it in percent, where 0.95 would be a 0.95 % interval.
  if (interval?.level !== undefined && interval.level < 1) {
    report('arith.confidence-level-fraction', ['confidenceInterval', 'level'], { level: interval.level, percent: Number((interval.level * 100).toPrecision(12)) });
  }
  if (definition.calculation === 'count') {
    if (value === undefined) return;
    if (!Number.isInteger(value)) report('arith.count-not-integer', ['value'], { field: 'value', value });
    else if (numerator !== undefined && numerator !== value) report('arith.value-mismatch', ['value'], { value, expected: numerator });
    return;
  }
  if (numerator !== undefined && denominator === undefined) report('observation.denominator-missing', ['denominator'], { indicator: obs.indicator });
  if (denominator === 0) report('arith.zero-denominator', ['denominator'], {});
  else if (numerator !== undefined && denominator !== undefined) {
    if (definition.calculation === 'proportion' && numerator > denominator) {
      report('arith.numerator-exceeds-denominator', ['numerator'], { numerator, denominator });
    }
    const expected = valueOfParts(definition, numerator, denominator)!;
    if (value !== undefined && !agreesWithinRounding(value, expected)) {
      // toFixed takes at most 100 digits; a value such as 1e-300 has more.
      const shown = Number(expected.toFixed(Math.min(Math.max(decimalsOf(value), 2), 100)));
      report('arith.value-mismatch', ['value'], { value, expected: shown });
    }
  }
  if (value !== undefined && definition.unit === 'percent' && definition.calculation === 'proportion' && value > 100) {
    report('arith.percent-out-of-range', ['value'], { value });
  }
}
