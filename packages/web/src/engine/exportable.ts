import { wholePackageOf, type DataPackage } from '@phx/schema';
import type { CheckedFile } from './checks.js';
import { EngineError, type FileSummary } from './protocol.js';

/** The valid packages of the checks, by checked file: what exports and GAM readiness read. */
const packages = new WeakMap<CheckedFile, DataPackage>();

/**
 * The summary of a checked file, with the countries and calendar years its observations cover when it holds a valid
 * package, header and all, as `wholePackageOf()` decides for `phx export` too (a CSV table is a part of one): such a
 * package can be exported and checked for UNAIDS GAM readiness.
 */
export function withCoverage(summary: FileSummary, checked: CheckedFile | undefined): FileSummary {
  const pkg = checked && wholePackageOf({ ok: summary.ok, data: checked.data });
  if (!pkg) return summary;
  packages.set(checked, pkg);
  const observations = pkg.observations ?? [];
  const countries = new Set(observations.map((observation) => observation.scope.country));
  // GAM reports by calendar year: an observation counts for a year only when its period lies within it.
  const years = new Set(observations.filter(({ period }) => period.start.slice(0, 4) === period.end.slice(0, 4)).map(({ period }) => Number(period.start.slice(0, 4))));
  return { ...summary, exportable: { countries: [...countries].sort(), years: [...years].sort((a, b) => b - a) } };
}

/** The valid package of a checked file, to export; a file that is not one was never offered for export. */
export function exportablePackage(checked: CheckedFile | undefined): DataPackage {
  const pkg = checked && packages.get(checked);
  if (!pkg) throw new EngineError('not-exportable');
  return pkg;
}
