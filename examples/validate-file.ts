/**
 * Validate a .phx.json file in code and print each issue with its place in the file.
 *
 *   npx tsx examples/validate-file.ts [file] [locale]
 */
import { readFileSync } from 'node:fs';
import { isLocale, validate } from '@phx/schema';

const file = process.argv[2] ?? new URL('data/network-meeting-2020.phx.json', import.meta.url).pathname;
const locale = process.argv[3] ?? 'en';

const { ok, issues } = validate(readFileSync(file, 'utf8'), { locale: isLocale(locale) ? locale : 'en' });
for (const issue of issues) {
  const where = issue.location && 'line' in issue.location ? `${issue.location.line}:${issue.location.column}` : issue.pointer;
  console.log(`${file}:${where} ${issue.severity} ${issue.code} ${issue.message}`);
}
console.log(ok ? `${file} is valid` : `${file} is not valid`);
process.exitCode = ok ? 0 : 1;
