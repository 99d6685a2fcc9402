import { totals, type RunReport } from './types.js';

/**
 * Renders a run as JSON for programs: `{ ok, errors, warnings, files: [{ file, format, ok, records,
 * errors, warnings, truncated, failure?, issues }] }`, issues as `@phx/schema` returns them.
 */
export function renderJson(run: RunReport): string {
  const { errors, warnings, invalid } = totals(run.files);
  const files = run.files.map((file) => ({
    ...file,
    issues: run.quiet ? file.issues.filter((issue) => issue.severity === 'error') : file.issues,
  }));
  return `${JSON.stringify({ ok: invalid === 0, errors, warnings, files }, null, 2)}\n`;
}
