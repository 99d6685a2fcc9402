import { describe, expect, it } from 'vitest';
import { validateNdjson } from '../src/validate/sync.js';
import { validate } from '../src/validate/sync.js';
import { idAlphabet, random } from './random.js';
import { countObservation, NOW, smallPackage, type Loose } from './rules/fixtures.js';

/** `count` distinct ids made by `draw`, in the order drawn. */
function distinctIds(count: number, draw: (i: number) => string): string[] {
  const ids = new Set<string>();
  for (let i = 0; ids.size < count; i++) ids.add(draw(i));
  return [...ids];
}

/**
 * Ids of exactly 15 characters, each kept after the byte of its length: 65 536 of them fill the first 1 MiB page of the
 * id table to its last byte, and the next starts the second.
 */
const fixedLength = (count: number) => distinctIds(count, (i) => `obs-${String(i).padStart(11, '0')}`);

/** Ids of every length the schema allows (1 to 128 characters), drawn from the whole id alphabet. */
function randomLength(count: number): string[] {
  const next = random(65537);
  const char = (alphabet: string) => alphabet[Math.floor(next() * alphabet.length)]!;
  return distinctIds(count, () => {
    const length = next() < 0.8 ? 1 + Math.floor(next() * 32) : 1 + Math.floor(next() * 128);
    let id = char(idAlphabet.slice(0, 62));
    while (id.length < length) id += char(idAlphabet);
    return id;
  });
}

/**
 * Valid observations with these ids, spread over areas (some named in Cyrillic) so that groups vary too. Each is
 * the total of a group of its own: two totals of one group would be a duplicate.
 */
function observations(ids: readonly string[]): Loose[] {
  return ids.map((id, i) => countObservation({ id, scope: { country: 'ZM', subnationalArea: i % 3 === 0 ? `Район ${i}` : `District ${i}` } }));
}

async function drain(lines: string[]): Promise<{ errors: number; warnings: number; observations: number | undefined }> {
  async function* chunks() {
    // Chunks of about 1 MiB that cut lines anywhere, as a file stream does.
    const text = lines.join('\n') + '\n';
    for (let at = 0; at < text.length; at += 1 << 20) yield text.slice(at, at + (1 << 20));
  }
  const validation = validateNdjson(chunks(), { now: NOW });
  for (;;) {
    const step = await validation.next();
    if (step.done) return { errors: step.value.errors, warnings: step.value.warnings, observations: step.value.read.records.observation };
  }
}

function asNdjson(records: Loose[]): string[] {
  const { organisations, facilities, indicators, observations: _, meetings: __, ...header } = smallPackage();
  return [
    JSON.stringify({ type: 'package', ...header }),
    ...[['organisation', organisations], ['facility', facilities], ['indicator', indicators]].flatMap(([type, list]) =>
      (list as Loose[]).map((record) => JSON.stringify({ type, ...record })),
    ),
    ...records.map((record) => JSON.stringify({ type: 'observation', ...record })),
  ];
}

function asPackageText(records: Loose[]): string {
  const pkg = smallPackage();
  pkg.observations = records;
  pkg.meetings = [];
  return JSON.stringify(pkg, null, 2);
}

// Hundreds of thousands of records: minutes on a loaded 2-core machine, not the usual seconds.
const atScale = { timeout: 600_000 };

describe.each([
  ['65 537 ids of 15 characters', () => fixedLength(65_537)],
  ['120 000 ids of random lengths (about 3 MiB of them)', () => randomLength(120_000)],
])('%s', atScale, (_, ids) => {
  const records = observations(ids());

  it('validate clean as NDJSON', async () => {
    expect(await drain(asNdjson(records))).toEqual({ errors: 0, warnings: 0, observations: records.length });
  });

  it('validate clean as .phx.json', () => {
    const result = validate(asPackageText(records), { now: NOW });
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('report a repeated id however far into the file', async () => {
    const repeated = [...records, { ...records[records.length - 1]!, id: records[1]!.id, scope: { country: 'ZM', subnationalArea: 'Elsewhere' } }];
    const result = validate(asPackageText(repeated), { now: NOW });
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual([['unique.duplicate-id', `/observations/${records.length}/id`]]);
  });
});
