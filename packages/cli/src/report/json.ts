import { shownIssues, totals, type RunReport } from './types.js';

/**
 * Renders a run as JSON for programs: `{ ok, errors, warnings, files: [{ file, format, ok, errors,
 * warnings, truncated, read, issues }] }`, each file as `validateFile()` of `@phx/schema` returns it
 * (`read` says what was read, and how far when `--max-issues` stopped it).
 */
export function renderJson(run: RunReport): string {
  const { errors, warnings, invalid } = totals(run.files, run.failOn);
  const files = run.files.map((file) => ({
    ...file,
    issues: shownIssues(run, file),
  }));
  return `${JSON.stringify({ ok: invalid === 0, errors, warnings, files }, null, 2)}\n`;
}
