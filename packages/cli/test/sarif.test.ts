import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { observation, phx, tempDir, validPackage } from './helpers.js';

const dir = tempDir();
/** Microsoft's SARIF multitool (the .NET binary that @microsoft/sarif-multitool installs). */
const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

function sarifOf(files: string[]): { code: number | null; text: string; log: SarifLog } {
  const run = phx(['validate', '--format', 'sarif', ...files], { cwd: dir.path('') });
  return { code: run.code, text: run.stdout, log: JSON.parse(run.stdout) as SarifLog };
}

describe('phx validate --format sarif', () => {
  dir.write('bad.phx.json', JSON.stringify({ ...validPackage(), observations: [observation('obs-1'), observation('obs-1', { notes: 'call +27 21 555 0199' })] }, null, 2));
  dir.write('bad.csv', 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource\nobs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,x,1000,12,percent,survey\n');
  dir.write('empty.phx.ndjson', '');

  it('writes one result per issue, with rules, levels and file regions', () => {
    const { code, log } = sarifOf(['bad.phx.json', 'bad.csv', 'empty.phx.ndjson']);
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run!.tool.driver.name).toBe('phx');
    expect(run!.results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['privacy.personal-data', 'warning', 'bad.phx.json'],
      ['unique.duplicate-id', 'error', 'bad.phx.json'],
      ['schema.invalid-type', 'error', 'bad.csv'],
      ['file.empty', 'error', 'empty.phx.ndjson'],
    ]);
    expect(run!.results[2]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 2, startColumn: 72 });
    expect(run!.results[3]!.locations[0]!.physicalLocation).not.toHaveProperty('region');
    for (const result of run!.results) expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(run!.invocations[0]!.toolExecutionNotifications).toBeUndefined();
  });

  it("places a CSV cell's region where its text starts, below a line break in quotes", () => {
    const facilities = 'id;name;country;facilityType\r\nf-1;"Pollsmoor\r\nMedium B";ZA;prison\r\nf-2;Drakenstein;ZA;jail\r\n';
    const { log } = sarifOf([dir.write('quoted.csv', facilities)]);
    const [result] = log.runs[0]!.results;
    expect(result!.ruleId).toBe('schema.invalid-value');
    // Row 3 of the sheet is line 4 of the file; its `facilityType` cell starts at character 20 there.
    expect(result!.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 20 });
  });

  it('says in a notification when a file was checked only in part', () => {
    const many = dir.write('many.phx.json', JSON.stringify({ ...validPackage(), observations: Array.from({ length: 10 }, () => observation('same')) }));
    const run = phx(['validate', '--format', 'sarif', '--max-issues', '2', many], { cwd: dir.path('') });
    const [notification] = (JSON.parse(run.stdout) as SarifLog).runs[0]!.invocations[0]!.toolExecutionNotifications!;
    expect(notification!.message.text).toBe(`${many}: 2 issues listed (--max-issues); checking stopped at 5 records: the counts cover only the part checked.`);
  });

  /** Runs `sarif-multitool validate` on a log and returns the problems it reports at error level. */
  function validatorErrors(name: string, text: string): { ruleId: string; message: unknown }[] {
    const output = dir.path(`${name}.validation.sarif`);
    const result = spawnSync(multitool, ['validate', dir.write(name, text), '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    expect(result.status, result.stdout).toBe(0);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as SarifLog;
    return validation.runs[0]!.results.filter((r) => r.level === 'error').map(({ ruleId, message }) => ({ ruleId, message }));
  }

  it("passes Microsoft's SARIF validator with no errors", () => {
    const { text } = sarifOf(['bad.phx.json', 'bad.csv', 'empty.phx.ndjson']);
    expect(validatorErrors('phx.sarif', text)).toEqual([]);
    expect(validatorErrors('valid.sarif', sarifOf([dir.write('ok.phx.json', JSON.stringify(validPackage()))]).text)).toEqual([]);
  });

  it('is checked by a validator that does find errors', () => {
    const { log } = sarifOf(['bad.phx.json']);
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: { message?: unknown }[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validatorErrors('broken.sarif', JSON.stringify(broken)).length).toBeGreaterThan(0);
  });
});
