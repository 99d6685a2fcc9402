/**
 * Validate a large .phx.ndjson file as a stream: issues arrive as the file is read, and memory stays
 * flat however large the file is.
 *
 *   npx tsx examples/stream-ndjson.ts [file.phx.ndjson]
 */
import { createReadStream } from 'node:fs';
import { validateNdjson } from '@phx/schema';

const file = process.argv[2] ?? new URL('data/network-meeting-2020.phx.ndjson', import.meta.url).pathname;

const issues = validateNdjson(createReadStream(file), { maxIssues: 100 });
let next = await issues.next();
while (!next.done) {
  const issue = next.value;
  console.log(`${file}:${issue.location && 'line' in issue.location ? issue.location.line : '?'} ${issue.severity} ${issue.code} ${issue.message}`);
  next = await issues.next();
}
const result = next.value;
const extent = result.read.complete ? '' : ' (checking stopped at --max-issues: the counts cover only the lines read)';
console.log(`${result.read.lines} lines, ${result.read.records.observation} observations: ${result.errors} errors, ${result.warnings} warnings${extent}`);
process.exitCode = result.ok ? 0 : 1;
