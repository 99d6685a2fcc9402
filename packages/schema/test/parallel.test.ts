/**
 * Checking an NDJSON stream's lines on other threads changes how fast it is checked, never what is said: with
 * `parallel` (pieces of lines checked elsewhere, the rules spanning records here in the order of the lines) and
 * without, a stream gives the same issues — code, path, params, message, location, in the same order — counts,
 * summary (lines and bytes read, also where `maxIssues` stops reading) and result. The built package is tested,
 * as a program uses it: its worker is a built file.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { toNdjsonLines, validateFile, type ParallelChecks, type ValidateNdjsonOptions, type ValidationIssue } from '@phx/schema';
import { workerThreads } from '@phx/schema/node';
import { PieceBuffers } from '../src/formats/line-pieces.js';
import { checkLines } from '../src/validate/line-tape.js';
import { type ValidateFileOptions } from '../src/file/validate-file.js';
import { validateFile as validateFileHere } from '../src/file/validate-file-sync.js';
import { validateNdjson } from '../src/validate/sync.js';
import { validateInPieces, type PieceChecks } from '../src/validate/ndjson-pieces.js';
import { packageHeaderShape } from '../src/model/package.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';
import { countObservation, NOW, smallPackage } from './rules/small-package.js';
import { fuzzed } from './support/fuzz.js';
import { foresight, observationsOfGroupsOfOne } from './support/foresight.js';
import { slotsOf } from './support/tables.js';

const encoder = new TextEncoder();

/** What a run says: every issue as yielded, and the result. */
async function run(chunks: readonly (string | Uint8Array)[], options: ValidateNdjsonOptions): Promise<{ issues: ValidationIssue[]; result: unknown }> {
  const issues: ValidationIssue[] = [];
  const validation = validateNdjson((async function* () {
    yield* chunks;
  })(), options);
  for (;;) {
    const step = await validation.next();
    if (step.done) return { issues, result: step.value };
    issues.push(step.value);
  }
}

/**
 * The checks of `workerThreads()` run on this thread instead, in pieces of `size` bytes, `inFlight` at a time,
 * each piece, its tape and the spare tape handed over and back as they are between threads; each answer comes after
 * `delays[i]` turns of the event loop, so that later pieces may be done before earlier ones.
 */
function onThisThread(size: number, inFlight: number, delays: readonly number[] = []): ParallelChecks {
  const pieces: PieceChecks = {
    fromBytes: 0,
    pieceBytes: size,
    inFlight,
    start(settings) {
      const check = checkLines(structuredClone(settings));
      let sent = 0;
      return {
        async check(bytes, spare) {
          const turns = delays.length > 0 ? delays[sent++ % delays.length]! : 0;
          // Handed over as a worker is: the bytes sent, and the spare tape, are detached until they come back.
          const handed = structuredClone({ bytes, spare }, { transfer: [bytes.buffer as ArrayBuffer, ...(spare ? [spare.steps, spare.numbers] : [])] });
          const tape = await check(handed.bytes, handed.spare);
          for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
          return structuredClone({ tape, bytes: handed.bytes }, { transfer: [handed.bytes.buffer as ArrayBuffer, tape.steps.buffer as ArrayBuffer, tape.numbers.buffer as ArrayBuffer] });
        },
        close: async () => undefined,
      };
    },
  };
  return { validateNdjson: (source, options) => validateInPieces(source, options, pieces) };
}

/** Chunks of a text of at most `size` characters, so that lines are split across chunks. */
function chunked(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Options that change what is reported and how: the language, limits, a small depth (the text walk reports it). */
const optionSets: ValidateNdjsonOptions[] = [
  { now: NOW },
  { now: NOW, locale: 'ru', maxIssues: 3 },
  { now: NOW, maxIssues: 1 },
  { now: NOW, maxDepth: 2 },
  { now: NOW, maxDepth: 1, locale: 'fr', maxLineBytes: 300 },
];

/** Expects a stream to give the same with its lines checked in pieces elsewhere as all here. */
async function expectSame(chunks: readonly (string | Uint8Array)[], options: ValidateNdjsonOptions, parallel: ParallelChecks): Promise<void> {
  const here = await run(chunks, options);
  const elsewhere = await run(chunks, { ...options, parallel });
  expect(elsewhere).toEqual(here);
}

const dataDir = new URL('../../../examples/data/', import.meta.url);
/** A package's records as NDJSON lines; a text that is not JSON as it is (then each of its lines is a line). */
function asLines(text: string): string {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return text;
  }
  return pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) ? [...toNdjsonLines(pkg as Record<string, unknown>)].join('\n') : text;
}

/** Every example as NDJSON: the NDJSON files, and each package's records as lines. */
const examples: [string, string][] = [
  ...readdirSync(dataDir).filter((name) => name.endsWith('.phx.ndjson')).map((name) => [name, readFileSync(new URL(name, dataDir), 'utf8')] as [string, string]),
  ...readdirSync(new URL('invalid/', dataDir)).filter((name) => name.includes('.phx.')).map((name): [string, string] => {
    const text = readFileSync(new URL(`invalid/${name}`, dataDir), 'utf8');
    return [`invalid/${name}`, name.endsWith('.ndjson') ? text : asLines(text)];
  }),
];

describe('every example, in pieces checked elsewhere', () => {
  it.each(examples)('%s', async (_, text) => {
    for (const options of optionSets) {
      for (const [size, inFlight] of [[1, 1], [200, 2], [700, 3]] as const) {
        await expectSame(chunked(text, 97), options, onThisThread(size, inFlight, [0, 3, 1]));
      }
    }
  });
});

const smallLines = [...toNdjsonLines(smallPackage())];

/**
 * Lines that fail their shape, with personal data and small counts the privacy rules report all the same: one of an
 * indicator of the catalogue, one of an indicator the data defines (checked again where the data is known), an
 * organisation with a person's mailbox, a meeting with a name in its title.
 */
const brokenLines = (() => {
  const pkg = smallPackage();
  const note = 'Засуджений Петренко Іван Олегович, 12.03.1987 р.н., тел. +380671234567';
  pkg.observations[1] = { ...pkg.observations[1], disaggregation: { sex: 'Жіноча' }, numerator: 3, value: 1.2, notes: note };
  pkg.observations.push({ ...pkg.observations[4], id: 'obs-halfway', indicator: 'halfway-house-places', numerator: 2, value: '2', notes: 'Mrs Tembo' });
  pkg.observations.push({ ...pkg.observations[4], id: 'obs-suppressed', numerator: 4, value: 4, suppressed: 'yes', notes: 42 });
  pkg.organisations[2] = { ...pkg.organisations[2], countries: [], email: 'jane.doe@forum.example.org' };
  pkg.meetings[0] = { ...pkg.meetings[0], format: 'by phone', title: { en: 'Meeting with Mr Banda, born 12.03.1987' } };
  return [...toNdjsonLines(pkg)];
})();

describe('streams that end or break oddly', () => {
  const cases: [string, (string | Uint8Array)[]][] = [
    ['a bad last line without a newline', [smallLines.join('\n'), '\n{"type": "observation", "id": ']],
    ['a bad last line with a newline', [`${smallLines.join('\n')}\n{"type": "observation"\n`]],
    ['blank lines, CRLF and a byte order mark on a line', [`\r\n${smallLines.join('\r\n')}\n\n  \n\uFEFF${smallLines[1]}\n`]],
    ['bytes that are not UTF-8', [encoder.encode(`${smallLines[0]}\n`), new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 10]), encoder.encode(smallLines.slice(1).join('\n'))]],
    ['lines too long, held and not', [`${smallLines.join('\n')}\n${'x'.repeat(5000)}\n${smallLines[2]}\n${'y'.repeat(320)}\n${'z'.repeat(2000)}`]],
    ['only blank lines', ['\n \n\t\n']],
    ['nothing', []],
    ['a header after records', [`${smallLines.slice(1).join('\n')}\n${smallLines[0]}`]],
    ['records that fail their shape, with personal data and small counts', [brokenLines.join('\n')]],
    ['references to the publisher, which no organisation record has', [smallLines.filter((line) => !line.startsWith(`{"type":"organisation","id":"${smallPackage().publisher.id}"`)).join('\n')]],
    ['the catalogue redefined by the data', [[
      JSON.stringify({ type: 'indicator', code: 'prison-population', name: { en: 'Prisoners' }, unit: 'percent', framework: 'unaids-gam', disaggregations: [] }),
      ...smallLines.filter((line) => line.includes('"observation"')).map((line) => line.replace(/"indicator":"[^"]*"/, '"indicator":"prison-population"')),
    ].join('\n')]],
  ];
  it.each(cases)('%s', async (_, chunks) => {
    for (const options of [...optionSets, { now: NOW, maxLineBytes: 1000 }]) {
      for (const size of [1, 300, 1 << 16]) await expectSame(chunks, options, onThisThread(size, 2, [2, 0]));
    }
  });
});

const header = fuzzed(z.strictObject(packageHeaderShape), 20);
const line = fc.oneof(
  ...recordTypeNames.map((type) => fuzzed(recordTypes[type].schema, 20).map((record) => JSON.stringify({ type, ...(record as object) }) ?? '')),
  header.map((record) => JSON.stringify(typeof record === 'object' && record !== null ? { type: 'package', ...record } : record) ?? ''),
  fc.constantFrom(...smallLines),
  fc.constantFrom('', '  ', '{', 'null', '[]', '{"type": 1}', '{"type": "nothing"}'),
);

describe('fuzzed streams', () => {
  it('give the same issues, in the same order, in pieces of any size checked in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 16 }),
        fc.constantFrom(...optionSets),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(3), { maxLength: 4 }),
        fc.integer({ min: 1, max: 200 }),
        async (lines, options, size, inFlight, delays, chunkSize) => {
          await expectSame(chunked(lines.join('\n'), chunkSize), options, onThisThread(size, inFlight, delays));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('validateFile', () => {
  it('says the same of a file, also how far it read where it stopped', async () => {
    // Records repeated: every id is a duplicate after the first round, an error on each line.
    const text = Array.from({ length: 400 }, () => smallLines.slice(1).join('\n')).join('\n');
    const bytes = encoder.encode(text);
    const chunks = async function* () {
      for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
    };
    for (const options of [{ now: NOW }, { now: NOW, maxIssues: 30 }, { now: NOW, maxIssues: 3000, locale: 'uk' as const }]) {
      const here = await validateFile(chunks(), { ...options, name: 'data.phx.ndjson' });
      const elsewhere = await validateFile(chunks(), { ...options, name: 'data.phx.ndjson', parallel: onThisThread(20_000, 3, [1, 0]) });
      expect(elsewhere).toEqual(here);
    }
  });
});

describe('validateFileAsync', () => {
  // Lines checked elsewhere come with their messages written there: a message that names the code of a name written in
  // its place is written here again, with the language loaded first.
  it('says what validateFile says of names written in place of codes, from no language loaded, in pieces checked elsewhere', async () => {
    const text = examples.find(([name]) => name === 'network-meeting-2020.phx.ndjson')![1].replaceAll('"people-in-prison"', '"Women in prison"');
    expect(text).toContain('"Women in prison"');
    const bytes = encoder.encode(text);
    for (const locale of ['en', 'uk'] as const) {
      vi.resetModules();
      const { validateFileAsync } = await import('../src/file/validate-file.js');
      const options = { now: NOW, locale, name: 'data.phx.ndjson' };
      const expected = await validateFileHere(bytes, options);
      expect(expected.issues.some(({ params }) => (params as { suggestions?: string[] }).suggestions?.includes('women-in-prison'))).toBe(true);
      expect(await validateFileAsync(bytes, { ...options, parallel: onThisThread(20_000, 3) })).toEqual(expected);
    }
  });
});

describe('a stream of known size', () => {
  /** The small package, then 4 000 observations each a group of its own, 600 of them with an id given before. */
  const text = [...smallLines, ...observationsOfGroupsOfOne(4000).map((observation) => JSON.stringify({ type: 'observation', ...observation }))].join('\n');
  const size = encoder.encode(text).length;

  it('makes its tables of ids, texts and groups, once an eighth is read, for what the whole stream promises; here and in pieces elsewhere', async () => {
    for (const parallel of [undefined, onThisThread(4096, 2)]) {
      const { scales, slots, restore } = foresight();
      try {
        await run(chunked(text, 1000), { now: NOW, size, parallel });
      } finally {
        restore();
      }
      // Once, for at most eight times what was read and an eighth more.
      expect(scales).toHaveLength(1);
      expect(scales[0]).toBeGreaterThan(7 * 1.125);
      expect(scales[0]).toBeLessThanOrEqual(8 * 1.125);
      // Among them the observations' ids (3 400 and the small package's), the areas and the groups (4 000 and more):
      // none grew after.
      expect([...slots.keys()].filter((table) => table.size >= 3400)).toHaveLength(3);
      for (const [table, foreseen] of slots) expect(slotsOf(table)).toBe(foreseen);
    }
    // Not told its size, or told one that is no number of bytes or is never reached: the tables grow as they fill.
    for (const options of [{}, { size: Number.NaN }, { size: Number.POSITIVE_INFINITY }, { size: 9 * size }]) {
      const { scales, restore } = foresight();
      try {
        await run(chunked(text, 1000), { now: NOW, ...options });
      } finally {
        restore();
      }
      expect(scales).toEqual([]);
    }
  });

  it('gives the same issues whatever size it is told, here and in pieces elsewhere', async () => {
    const chunks = chunked(text, 4096);
    const untold = await run(chunks, { now: NOW });
    expect(untold.issues.filter(({ code }) => code === 'unique.duplicate-id')).toHaveLength(600);
    for (const told of [size, 1, size >> 1, size * 2, -1, Number.NaN]) {
      expect(await run(chunks, { now: NOW, size: told })).toEqual(untold);
      expect(await run(chunks, { now: NOW, size: told, parallel: onThisThread(8192, 3, [0, 2]) })).toEqual(untold);
    }
  });

  it('is the size of the bytes validateFile() is given, of a stream when told, and of no file decoded from another encoding', async () => {
    const bytes = encoder.encode(text);
    const foreseen = async (input: Uint8Array | AsyncIterable<Uint8Array>, options: ValidateFileOptions) => {
      const { scales, restore } = foresight();
      try {
        await validateFileHere(input, { now: NOW, name: 'data.phx.ndjson', ...options });
      } finally {
        restore();
      }
      return scales.length;
    };
    const stream = async function* () {
      yield bytes;
    };
    expect(await foreseen(bytes, {})).toBe(1);
    expect(await foreseen(stream(), { size })).toBe(1);
    expect(await foreseen(stream(), {})).toBe(0);
    // Observations in Windows-1251, the first with a note in Russian: read as more bytes than the file has.
    const lines = [JSON.stringify({ type: 'observation', ...countObservation({ id: 'obs-noted', notes: 'Данные за год' }) }), ...text.split('\n').slice(smallLines.length)];
    const windows1251 = Uint8Array.from(lines.join('\n'), (char) => (char >= 'А' && char <= 'я' ? char.charCodeAt(0) - 0x410 + 0xc0 : char.charCodeAt(0)));
    expect(await foreseen(windows1251, { encoding: 'windows-1251' })).toBe(0);
    expect(await foreseen(windows1251, {})).toBe(1);
  });
});

describe('names written in place of ids', () => {
  /** An invalid facility and organisation that still have names, then observations and a meeting that refer to records by their names. */
  const namedLines = (() => {
    const pkg = smallPackage();
    pkg.facilities[0].name = 'Бучанська виправна колонія №85';
    pkg.facilities.push({ id: 'ua-kyiv-sizo', name: 'Київський слідчий ізолятор', country: 'UA', facilityType: 'prison', capacity: 'many' });
    pkg.organisations[2] = { ...pkg.organisations[2], countries: [], name: { uk: 'ГО «Світло надії»' } };
    pkg.observations[3].scope.facility = 'Бучанська виправна колонія № 85';
    pkg.observations[4] = { ...pkg.observations[4], reportingOrganisation: 'ГО "Світло надії"', scope: { country: 'UA', facility: 'київський слідчий ізолятор' } };
    pkg.meetings[0].organiser = 'Zambia Prisons Reintegration Trust';
    return [...toNdjsonLines(pkg)];
  })();

  it('are told to be the names of their records, on this thread and in pieces checked elsewhere', async () => {
    const here = await run([namedLines.join('\n')], { now: NOW });
    expect(here.issues.filter((issue) => 'nameOf' in issue.params).map((issue) => [issue.pointer, issue.params])).toEqual([
      ['/scope/facility', expect.objectContaining({ nameOf: 'facility', suggestions: ['zm-fac-01'] })],
      ['/reportingOrganisation', expect.objectContaining({ nameOf: 'organisation', suggestions: ['ZA-NPO-204-118'] })],
      ['/scope/facility', expect.objectContaining({ nameOf: 'facility', suggestions: ['ua-kyiv-sizo'] })],
      ['/organiser', expect.objectContaining({ nameOf: 'organisation', suggestions: ['ZM-PACRA-120045'] })],
    ]);
    for (const [size, inFlight] of [[1, 1], [300, 2], [2000, 3]] as const) {
      await expectSame(chunked(namedLines.join('\n'), 97), { now: NOW }, onThisThread(size, inFlight, [0, 3, 1]));
    }
  });
});

describe('worker threads', () => {
  /** A stream with something of everything: every example's lines, one after the other. */
  const everything = examples.map(([, text]) => text).join('\n');

  it.each([1, 2, 3])('%i threads give what one does', async (threads) => {
    for (const options of [optionSets[0]!, optionSets[1]!]) {
      await expectSame(chunked(everything, 4096), options, workerThreads(threads, { fromBytes: 0, pieceBytes: 2048 }));
    }
  });

  it('tell the privacy issues of records that fail their shape as this thread does', async () => {
    const { issues } = await run([brokenLines.join('\n')], optionSets[0]!);
    expect(issues.filter((issue) => issue.code.startsWith('privacy.')).map((issue) => [issue.code, (issue.location as { line?: number } | undefined)?.line, issue.pointer])).toEqual([
      ['privacy.personal-data', 4, '/email'],
      ['privacy.personal-data', 8, '/notes'],
      ['privacy.small-cell', 8, '/numerator'],
      ['privacy.personal-data', 12, '/notes'],
      ['privacy.small-cell', 12, '/numerator'],
      ['privacy.personal-data', 14, '/title/en'],
    ]);
    for (const threads of [1, 2]) await expectSame(chunked(brokenLines.join('\n'), 4096), optionSets[0]!, workerThreads(threads, { fromBytes: 0, pieceBytes: 512 }));
  });

  it('a stream smaller than `fromBytes` is checked on this thread alone', async () => {
    let started = 0;
    const pieces: PieceChecks = {
      fromBytes: everything.length + 1,
      pieceBytes: 1000,
      inFlight: 2,
      start: () => {
        started++;
        throw new Error('no threads for a small stream');
      },
    };
    await expectSame(chunked(everything, 4096), { now: NOW }, { validateNdjson: (source, options) => validateInPieces(source, options, pieces) });
    expect(started).toBe(0);
  });

  it('takes only a whole number of threads from 1', () => {
    for (const threads of [0, -1, 1.5, Number.NaN]) expect(() => workerThreads(threads)).toThrow(RangeError);
  });
});

describe('the buffers of pieces', () => {
  it('gives a buffer back for a piece that fits in it, and a new one, with room, for one that does not', () => {
    const buffers = new PieceBuffers(100);
    const first = buffers.take(40);
    expect([first.length, first.buffer.byteLength]).toEqual([40, 100]);
    buffers.give(first);
    const again = buffers.take(90);
    expect([again.length, again.buffer === first.buffer]).toEqual([90, true]);
    buffers.give(again);
    const larger = buffers.take(150);
    expect([larger.length, larger.buffer === first.buffer, larger.buffer.byteLength]).toEqual([150, false, 150]);
    // The buffer too small for it was let go, not kept to be taken again.
    expect(buffers.take(10).buffer).not.toBe(first.buffer);
  });
});
