/** The breakdown (disaggregation) of an observation, in one canonical order for every target. */
import type { Observation } from '@phx/schema';

/** The dimensions of a breakdown, in the order every target writes them. */
export const breakdownDimensions = ['sex', 'ageGroup', 'population'] as const;

/** A breakdown dimension. */
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/** The dimensions an observation is broken down by, with their codes; empty for a total. */
export function dimensionsOf(observation: Pick<Observation, 'disaggregation'>): [BreakdownDimension, string][] {
  const disaggregation = observation.disaggregation ?? {};
  return breakdownDimensions.flatMap((dimension) => {
    const code = disaggregation[dimension];
    return code === undefined ? [] : [[dimension, code] as [BreakdownDimension, string]];
  });
}

/** A key naming the breakdown of an observation: `''` for a total, `sex=female;ageGroup=<25` otherwise. */
export function disaggregationKey(observation: Pick<Observation, 'disaggregation'>): string {
  return dimensionsOf(observation)
    .map(([dimension, code]) => `${dimension}=${code}`)
    .join(';');
}
