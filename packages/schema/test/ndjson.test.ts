import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../src/validate/issue.js';
import { type ValidateNdjsonOptions } from '../src/validate/ndjson.js';
import { validateNdjson } from '../src/validate/sync.js';
import { CAPE_FORUM, changed, countObservation, NOW, SECRETARIAT, smallPackage, ZAMBIA_TRUST, type Loose } from './rules/fixtures.js';

const encoder = new TextEncoder();

/** The small package as NDJSON lines: the header, then each record with its record type. */
function packageLines(pkg: Loose = smallPackage()): string[] {
  const { organisations, facilities, indicators, observations, meetings, ...header } = pkg;
  const lines = [JSON.stringify({ type: 'package', ...header })];
  const collections = { organisation: organisations, facility: facilities, indicator: indicators, observation: observations, meeting: meetings };
  for (const [type, records] of Object.entries(collections)) {
    for (const record of records as Loose[]) lines.push(JSON.stringify({ type, ...record }));
  }
  return lines;
}

const line = (type: string, record: Loose) => JSON.stringify({ type, ...record });

/** A stream of the given chunks. */
async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}

const lineOf = (issue: ValidationIssue) => (issue.location as { line: number } | undefined)?.line;

async function run(source: Parameters<typeof validateNdjson>[0], options: ValidateNdjsonOptions = {}) {
  const issues: ValidationIssue[] = [];
  const validation = validateNdjson(source, { now: NOW, ...options });
  for (;;) {
    const step = await validation.next();
    if (step.done) return { issues, summary: step.value };
    issues.push(step.value);
  }
}

const placed = (issues: ValidationIssue[]) => issues.map((i) => [i.code, i.pointer, i.location]);

describe('validateNdjson', () => {
  it('accepts the small package as NDJSON', async () => {
    const lines = packageLines();
    const { issues, summary } = await run(chunks(lines.join('\n') + '\n'));
    expect(issues).toEqual([]);
    const text = lines.join('\n') + '\n';
    expect(summary).toEqual({
      ok: true,
      issues: [],
      errors: 0,
      warnings: 0,
      truncated: false,
      read: { records: { organisation: 3, facility: 1, indicator: 1, observation: 5, meeting: 1 }, lines: lines.length, bytes: encoder.encode(text).length, complete: true },
    });
  });

  it('checks the small counts of an observation without an indicator as counts of people, after the data defined an indicator', async () => {
    // Needles are not people; the observation after the definition names no indicator, so its count of 3 is one of people.
    const { indicator: _, ...withoutIndicator } = countObservation({ id: 'obs-without-indicator', numerator: 3, value: 3 });
    const lines = [
      ...packageLines(),
      line('observation', countObservation({ id: 'obs-needles', indicator: 'prisons-needles-distributed', numerator: 3, value: 3 })),
      line('indicator', { ...(smallPackage().indicators as Loose[])[0], code: 'peer-educators-trained', name: { en: 'Peer educators trained' } }),
      line('observation', withoutIndicator),
    ];
    const { issues } = await run(chunks(lines.join('\n')));
    expect(issues.filter((issue) => issue.code.startsWith('privacy.')).map((issue) => [issue.code, lineOf(issue)])).toEqual([
      ['privacy.small-cell', lines.length],
      ['privacy.small-cell', lines.length],
    ]);
  });

  it('yields an issue before the stream ends', async () => {
    let pulled = 0;
    const total = 200;
    async function* slowly() {
      yield packageLines()[0] + '\n';
      yield line('person', { id: 'p-1' }) + '\n';
      for (let i = 0; i < total; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        pulled++;
        yield line('observation', countObservation({ id: `obs-${i}`, reportingOrganisation: SECRETARIAT })) + '\n';
      }
    }
    for await (const issue of validateNdjson(slowly(), { now: NOW })) {
      expect(issue.code).toBe('ndjson.unknown-type');
      expect(pulled).toBeLessThan(total);
      return;
    }
    expect.unreachable('no issue was yielded');
  });

  it('places issues at their line, and at the column of their field', async () => {
    const lines = packageLines();
    lines[10] = lines[10]!.replace('"unit":"count"', '"unit":"kg"');
    const { issues } = await run(chunks(lines.join('\n')));
    expect(placed(issues)).toEqual([['schema.invalid-value', '/unit', { line: 11, column: lines[10]!.indexOf('"unit"') + 1 }]]);
  });

  it('reads Windows line ends, a byte order mark and blank lines', async () => {
    const lines = packageLines();
    lines[10] = lines[10]!.replace('"unit":"count"', '"unit":"kg"');
    const text = '\uFEFF' + ['', ...lines.slice(0, 5), '   ', ...lines.slice(5), ''].join('\r\n');
    const { issues, summary } = await run(chunks(text));
    expect(placed(issues)).toEqual([['schema.invalid-value', '/unit', { line: 13, column: lines[10]!.indexOf('"unit"') + 1 }]]);
    expect(summary.read.lines).toBe(lines.length + 2);
  });

  it('reads chunks split anywhere, even inside a character', async () => {
    const lines = packageLines();
    lines.push(line('organisation', { id: 'UA-EDR-12345678', name: { ru: 'Альянс «Здоровье за решёткой»' }, organisationType: 'ngo', countries: ['UA'] }));
    lines[10] = lines[10]!.replace('"unit":"count"', '"unit":"kg"');
    const bytes = encoder.encode(lines.join('\n'));
    const whole = await run(chunks(bytes));
    const inPieces = await run((async function* () {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    })());
    expect(inPieces).toEqual(whole);
    expect(whole.issues).toHaveLength(1);
  });

  it('checks the free text of the header', async () => {
    const lines = packageLines(changed((p) => (p.description = { en: 'Ring +260 97 123 4567 for the data' })));
    expect(placed((await run(chunks(lines.join('\n')))).issues)).toEqual([
      ['privacy.personal-data', '/description/en', { line: 1, column: lines[0]!.indexOf('"en"') + 1 }],
    ]);
  });

  it('rejects a header that is not the first line', async () => {
    const lines = packageLines();
    const { issues } = await run(chunks([...lines, lines[0]].join('\n')));
    expect(placed(issues)).toEqual([['ndjson.header-not-first', '/type', { line: lines.length + 1, column: 1 }]]);
  });

  it('rejects a line of unknown type, or without type, and goes on', async () => {
    const lines = packageLines();
    const { issues, summary } = await run(chunks([lines[0], line('person', { id: 'x' }), '{"id":"y"}', '[1,2]', ...lines.slice(1)].join('\n')));
    expect(issues.map((i) => [i.code, i.params, i.location])).toEqual([
      ['ndjson.unknown-type', { type: 'person' }, { line: 2, column: 1 }],
      ['ndjson.unknown-type', { type: null }, { line: 3, column: 1 }],
      ['ndjson.unknown-type', { type: null }, { line: 4, column: 1 }],
    ]);
    expect(summary.read.records.observation).toBe(5);
  });

  it('reports a line that is not JSON at its column, and goes on', async () => {
    const lines = packageLines();
    const { issues } = await run(chunks([lines[0], '{"type": "facility", "id": }', ...lines.slice(1)].join('\n')));
    expect(placed(issues)).toEqual([['syntax.invalid-json', '', { line: 2, column: 28 }]]);
  });

  it('reports a line that is not UTF-8 and checks the others', async () => {
    const lines = packageLines();
    lines[10] = lines[10]!.replace('"unit":"count"', '"unit":"kg"');
    const bad = new Uint8Array([...encoder.encode('{"type":"facility","name":"'), 0xc3, 0x28, ...encoder.encode('"}\n')]);
    const { issues, summary } = await run(chunks(encoder.encode(lines.slice(0, 3).join('\n') + '\n'), bad, encoder.encode(lines.slice(3).join('\n'))));
    expect(placed(issues)).toEqual([
      ['syntax.invalid-encoding', '', { line: 4, column: 1 }],
      ['schema.invalid-value', '/unit', { line: 12, column: lines[10]!.indexOf('"unit"') + 1 }],
    ]);
    expect(summary.read.lines).toBe(lines.length + 1);
  });

  it('skips a line over maxLineBytes without holding it, and checks the others', async () => {
    const lines = packageLines();
    const chunk = 1024 * 1024;
    const longLine = 256;
    let largestHeld = 0;
    async function* source() {
      yield lines.slice(0, 3).join('\n') + '\n';
      for (let i = 0; i < longLine; i++) {
        // Fresh chunks of a 256 MiB line: a reader that kept them would hold them all.
        yield new Uint8Array(chunk).fill(0x61);
        largestHeld = Math.max(largestHeld, process.memoryUsage().arrayBuffers);
      }
      yield '\n' + lines.slice(3).join('\n') + '\n' + line('organisation', { id: 'bad id' }) + '\n';
    }
    const { issues, summary } = await run(source(), { maxLineBytes: 4096 });
    expect(issues.map((i) => [i.code, i.params, lineOf(i)])).toEqual([
      ['syntax.line-too-long', { maxBytes: 4096 }, 4],
      ['schema.invalid-format', { zodCode: 'invalid_format', origin: 'string', format: 'regex', pattern: expect.any(String), field: 'id', form: 'organisation-id', value: 'bad id' }, lines.length + 2],
      ['schema.required', expect.objectContaining({ field: 'name' }), lines.length + 2],
      ['schema.required', expect.objectContaining({ field: 'organisationType' }), lines.length + 2],
      ['schema.required', expect.objectContaining({ field: 'countries' }), lines.length + 2],
    ]);
    expect(summary.read.lines).toBe(lines.length + 2);
    expect(largestHeld).toBeLessThan((longLine / 2) * chunk);
  });

  describe('rules across lines', () => {
    it('finds duplicate ids and names the line of the first', async () => {
      const lines = packageLines();
      const { issues } = await run(chunks([...lines, lines[10]].join('\n')));
      expect(issues.map((i) => [i.code, i.pointer, i.params, i.location])).toEqual([
        ['unique.duplicate-id', '/id', { recordType: 'observation', id: 'obs-pep-za-2020', first: 11 }, { line: 13, column: lines[10]!.indexOf('"id"') + 1 }],
      ]);
    });

    it('resolves references to records defined later in the stream', async () => {
      const lines = packageLines();
      // Meeting and observations first, organisations and facilities last.
      const reordered = [lines[0]!, lines[11]!, ...lines.slice(6, 11), ...lines.slice(1, 6)];
      expect((await run(chunks(reordered.join('\n')))).issues).toEqual([]);
    });

    it('reports references that never resolve when the stream ends, at the line that made them', async () => {
      const lines = packageLines();
      const orphan = line('observation', countObservation({ id: 'obs-orphan', reportingOrganisation: 'KE-NCB-000000', scope: { country: 'ZM', facility: 'zm-fac-99' } }));
      const { issues } = await run(chunks([...lines.slice(0, 6), orphan, ...lines.slice(6)].join('\n')));
      expect(placed(issues)).toEqual([
        ['ref.unknown-organisation', '/reportingOrganisation', { line: 7, column: 1 }],
        ['ref.unknown-facility', '/scope/facility', { line: 7, column: 1 }],
      ]);
    });

    it('checks a facility’s country against an observation on another line', async () => {
      const lines = packageLines();
      lines[9] = lines[9]!.replace('"country":"ZM"', '"country":"ZA"');
      expect(placed((await run(chunks(lines.join('\n')))).issues)).toEqual([
        ['ref.country-mismatch', '/scope/facility', { line: 10, column: lines[9]!.indexOf('"facility"') + 1 }],
      ]);
    });

    it('resolves references to a record that failed its shape', async () => {
      const lines = packageLines();
      lines[2] = lines[2]!.replace('"email":"info@zprt.example.org"', '"email":"not an address"');
      expect(placed((await run(chunks(lines.join('\n')))).issues)).toEqual([
        ['schema.invalid-format', '/email', { line: 3, column: lines[2]!.indexOf('"email"') + 1 }],
      ]);
    });

    it('adds up numerators by sex across lines', async () => {
      const lines = packageLines();
      lines[8] = lines[8]!.replace('"numerator":1225,', '"numerator":1300,').replace('"value":28.2', '"value":30');
      const { issues } = await run(chunks(lines.join('\n')));
      expect(issues.map((i) => [i.code, i.params, lineOf(i)])).toEqual([
        ['disagg.exceeds-total', { dimension: 'sex', field: 'numerator', sum: 1395, total: 1320, parts: 2 }, 9],
      ]);
    });

    it('resolves the publisher named in the header only among the organisations, saying that it is the publisher', async () => {
      const lines = packageLines().filter((l) => !l.startsWith(`{"type":"organisation","id":"${SECRETARIAT}"`));
      const withHeader = (await run(chunks(lines.join('\n')))).issues;
      expect(withHeader.length).toBeGreaterThan(0);
      expect(withHeader.map((i) => [i.code, i.params])).toEqual(withHeader.map(() => ['ref.unknown-organisation', { id: SECRETARIAT, suggestions: [], isPublisher: true }]));
      expect((await run(chunks(packageLines().join('\n')))).issues).toEqual([]);
      expect((await run(chunks(lines.slice(1).join('\n')))).issues.map((i) => [i.code, i.params])).toContainEqual(['ref.unknown-organisation', { id: SECRETARIAT, suggestions: [] }]);
    });

    it('resolves the knownOrganisations option', async () => {
      const withoutOrganisations = packageLines().filter((l) => !l.startsWith('{"type":"organisation"') && !l.startsWith('{"type":"package"'));
      expect((await run(chunks(withoutOrganisations.join('\n')))).issues.map((i) => i.code)).toContain('ref.unknown-organisation');
      const { issues } = await run(chunks(withoutOrganisations.join('\n')), { knownOrganisations: [SECRETARIAT, ZAMBIA_TRUST, CAPE_FORUM] });
      expect(issues).toEqual([]);
    });
  });

  describe('maxIssues', () => {
    const manyErrors = () => {
      const lines = packageLines();
      for (let i = 0; i < 50; i++) lines.push(line('observation', countObservation({ id: `obs-${i}`, reportingOrganisation: SECRETARIAT, unit: 'kg' })));
      return lines;
    };

    it('stops at maxIssues and says the summary is truncated', async () => {
      const { issues, summary } = await run(chunks(manyErrors().join('\n')), { maxIssues: 3 });
      expect(issues.map((i) => lineOf(i))).toEqual([13, 14, 15]);
      expect(summary).toMatchObject({ ok: false, truncated: true, read: { lines: 15, complete: false } });
    });

    it('is not truncated below maxIssues', async () => {
      const { issues, summary } = await run(chunks(manyErrors().join('\n')), { maxIssues: 500 });
      expect(issues).toHaveLength(50);
      expect(summary).toMatchObject({ ok: false, truncated: false, errors: 50 });
    });

    it('reads on past maxIssues warnings to find an error, and lists it in the place of the last warning', async () => {
      const lines = packageLines();
      lines[2] = lines[2]!.replace('"reintegration-housing"', '"prison-gardens"');
      lines.push(line('observation', countObservation({ id: 'obs-late', reportingOrganisation: SECRETARIAT, unit: 'kg' })));
      const { issues, summary } = await run(chunks(lines.join('\n')), { maxIssues: 1 });
      // The warning was yielded before the error took its place in the list.
      expect(issues.map((i) => i.severity)).toEqual(['warning', 'error']);
      expect(summary).toMatchObject({ ok: false, truncated: true, warnings: 1, errors: 1, issues: [issues[1]] });
    });
  });

  describe('sources', () => {
    const text = () => {
      const lines = packageLines();
      lines[10] = lines[10]!.replace('"unit":"count"', '"unit":"kg"');
      return lines.join('\n');
    };

    it('reads a web ReadableStream of bytes', async () => {
      const bytes = encoder.encode(text());
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.subarray(i, i + 100));
          controller.close();
        },
      });
      expect(placed((await run(stream)).issues)).toEqual([['schema.invalid-value', '/unit', expect.objectContaining({ line: 11 })]]);
    });

    it('reads a ReadableStream of text, and a stream that is only a reader', async () => {
      const stream = () => new ReadableStream<string>({ start: (c) => (c.enqueue(text()), c.close()) });
      expect((await run(stream())).issues.map((i) => i.code)).toEqual(['schema.invalid-value']);
      const readerOnly = { getReader: () => stream().getReader() } as unknown as ReadableStream<string>;
      expect((await run(readerOnly)).issues.map((i) => i.code)).toEqual(['schema.invalid-value']);
    });

    it('reads an empty stream', async () => {
      expect(await run(chunks())).toMatchObject({ issues: [{ code: 'file.empty', params: { blank: false } }], summary: { ok: false, read: { lines: 0 } } });
      expect(await run(chunks('\n  \r\n'))).toMatchObject({ issues: [{ code: 'file.empty', params: { blank: true } }], summary: { ok: false, read: { lines: 2 } } });
    });
  });
});
