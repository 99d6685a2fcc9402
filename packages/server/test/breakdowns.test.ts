/**
 * The rules that span the observations of a breakdown (one indicator, organisation, scope, period and data source)
 * hold across writes: a write is checked with the stored observations of its breakdowns, as if all were one file.
 */
import { validate, type Observation } from '@phx/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { organisation, ORG_A } from './fixtures/data.js';
import { startTestHub, testEngine, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

type Category = 'total' | 'female' | 'male' | 'transgender';

/** A count of a breakdown whose area is `area` (a breakdown of its own for each test); undefined is suppressed. */
function count(area: string, id: string, category: Category, n: number | undefined): Observation {
  return {
    id: `${area}-${id}`,
    indicator: 'prisons-people-tested-for-hiv',
    reportingOrganisation: ORG_A,
    scope: { country: 'ZA', subnationalArea: area },
    period: { start: '2022-01-01', end: '2022-12-31' },
    unit: 'count',
    dataSource: 'routine-programme-data',
    ...(category === 'total' ? {} : { disaggregation: { sex: category } }),
    ...(n === undefined ? { suppressed: true } : { numerator: n, value: n }),
  };
}

let packages = 0;
/** A package of ORG_A holding observations. */
function pkg(observations: Observation[]) {
  return {
    phxVersion: '1.0',
    id: `pkg-breakdowns-${++packages}`,
    publisher: { id: ORG_A, name: `Organisation ${ORG_A}` },
    license: 'CC-BY-4.0',
    publishedAt: '2024-03-01T12:00:00+00:00',
    organisations: [organisation(ORG_A)],
    observations,
  };
}

/** The status of a write and the codes of the issues of its problem. */
async function outcome(response: Response): Promise<{ status: number; codes: string[] }> {
  const body = (await response.json()) as { issues?: { code: string }[] };
  return { status: response.status, codes: (body.issues ?? []).map((issue) => issue.code) };
}

const importing = async (observations: Observation[]) => outcome(await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg(observations)));
const posting = async (observation: Observation) => outcome(await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation));
const refused = (code: string) => ({ status: 422, codes: [code] });

/** What POST /v1/validate says of a package of ORG_A holding observations: whether it is valid, and its issues' codes. */
async function validating(observations: Observation[]): Promise<{ status: number; ok: boolean; codes: string[] }> {
  const response = await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', pkg(observations));
  const body = (await response.json()) as { ok: boolean; issues: { code: string }[] };
  return { status: response.status, ok: body.ok, codes: body.issues.map((issue) => issue.code) };
}

async function etagOf(id: string): Promise<string> {
  return (await hub.call(hub.tokens.memberA, 'GET', `/v1/observations/${id}`)).headers.get('etag')!;
}

describe(`the rules of a breakdown across writes (${testEngine})`, () => {
  it('refuses a suppressed count that stored counts give away, as in one package', async () => {
    const [total, male, female] = [count('cd', 'total', 'total', 50), count('cd', 'm', 'male', 47), count('cd', 'f', 'female', undefined)];
    expect(await importing([total, male, female])).toEqual(refused('privacy.complementary-disclosure'));
    expect(await importing([total, male])).toMatchObject({ status: 200 });
    expect(await posting(female)).toEqual(refused('privacy.complementary-disclosure'));
    expect(await importing([female])).toEqual(refused('privacy.complementary-disclosure'));
    expect((await hub.call(hub.tokens.reader, 'GET', `/v1/observations/${female.id}`)).status).toBe(404);
  });

  it('refuses a change that lets stored counts give a suppressed one away, by PATCH and by PUT', async () => {
    const total = count('cd-change', 'total', 'total', 50);
    const male = count('cd-change', 'm', 'male', undefined);
    expect(await importing([total, male, count('cd-change', 'f', 'female', undefined)])).toMatchObject({ status: 200 });
    const patched = await hub.call(hub.tokens.memberA, 'PATCH', `/v1/observations/${male.id}`, { suppressed: null, numerator: 47, value: 47 }, {
      'Content-Type': 'application/merge-patch+json',
      'If-Match': await etagOf(male.id),
    });
    expect(await outcome(patched)).toEqual(refused('privacy.complementary-disclosure'));
    const put = await hub.call(hub.tokens.memberA, 'PUT', `/v1/observations/${male.id}`, count('cd-change', 'm', 'male', 47), { 'If-Match': await etagOf(male.id) });
    expect(await outcome(put)).toEqual(refused('privacy.complementary-disclosure'));
    // Suppressing the total too leaves nothing to work out.
    const hidden = await hub.call(hub.tokens.memberA, 'PUT', `/v1/observations/${total.id}`, count('cd-change', 'total', 'total', undefined), { 'If-Match': await etagOf(total.id) });
    expect(hidden.status).toBe(200);
  });

  it('refuses a second total of a breakdown under a new id, and takes the same id again as a replacement', async () => {
    const total = count('dup', 'total', 'total', 50);
    const again = count('dup', 'total-again', 'total', 50);
    expect(await importing([total, again])).toEqual(refused('unique.duplicate-breakdown'));
    expect(await importing([total])).toMatchObject({ status: 200 });
    expect(await posting(again)).toEqual(refused('unique.duplicate-breakdown'));
    expect(await importing([again])).toEqual(refused('unique.duplicate-breakdown'));
    expect(await importing([count('dup', 'total', 'total', 60)])).toMatchObject({ status: 200 });
    const replaced = await hub.call(hub.tokens.memberA, 'PUT', `/v1/observations/${total.id}`, count('dup', 'total', 'total', 70), { 'If-Match': await etagOf(total.id) });
    expect(replaced.status).toBe(200);
  });

  it('is validated by POST /v1/validate as an import checks it, with the stored observations, and nothing is stored', async () => {
    const total = count('foretold', 'total', 'total', 50);
    expect(await importing([total, count('foretold', 'm', 'male', 47)])).toMatchObject({ status: 200 });
    const cases: [Observation[], string | undefined][] = [
      [[count('foretold', 'total-again', 'total', 50)], 'unique.duplicate-breakdown'],
      [[count('foretold', 'f', 'female', undefined)], 'privacy.complementary-disclosure'],
      [[count('foretold', 'f', 'female', 70)], 'disagg.exceeds-total'],
      // The same id replaces the stored one.
      [[count('foretold', 'total', 'total', 60)], undefined],
    ];
    for (const [observations, code] of cases) {
      const verdict = await validating(observations);
      expect(verdict, observations[0]!.id).toEqual({ status: 200, ok: code === undefined, codes: code === undefined ? [] : [code] });
      expect((await hub.call(hub.tokens.reader, 'GET', `/v1/observations/${observations[0]!.id}`)).status === 200).toBe(observations[0]!.id === total.id);
      expect(await importing(observations), observations[0]!.id).toEqual(code === undefined ? expect.objectContaining({ status: 200 }) : refused(code));
    }
  });

  it('refuses a part larger than the stored total, and a total smaller than the stored parts', async () => {
    expect(await importing([count('exceeds', 'total', 'total', 50), count('exceeds', 'f', 'female', 70)])).toEqual(refused('disagg.exceeds-total'));
    expect(await importing([count('exceeds', 'total', 'total', 50)])).toMatchObject({ status: 200 });
    expect(await posting(count('exceeds', 'f', 'female', 70))).toEqual(refused('disagg.exceeds-total'));
    expect(await importing([count('exceeds', 'f', 'female', 70)])).toEqual(refused('disagg.exceeds-total'));
    expect(await posting(count('exceeds', 'f', 'female', 30))).toMatchObject({ status: 201 });
    expect(await posting(count('exceeds', 'm', 'male', 30))).toEqual(refused('disagg.exceeds-total'));
    expect(await importing([count('exceeds', 'total', 'total', 20)])).toEqual(refused('disagg.exceeds-total'));
  });

  it('writes beside a stored breakdown that breaks the rules, unless the write takes part in what is wrong', async () => {
    // Stored before the hub checked breakdowns across writes: it gives the female count away and repeats its total.
    const store = await openStore(hub.db);
    try {
      const stored = [count('legacy', 'total', 'total', 50), count('legacy', 'm', 'male', 47), count('legacy', 'f', 'female', undefined), count('legacy', 'total-2', 'total', 50)];
      await store.transaction((tx) => tx.put(stored.map((body) => ({ type: 'observation', id: body.id, owner: ORG_A, body: body as never }))));
    } finally {
      await store.close();
    }
    // Another breakdown, and a part of this one in no breakdown that is wrong.
    expect(await posting({ ...count('legacy', 'other', 'total', 50), period: { start: '2021-01-01', end: '2021-12-31' } })).toMatchObject({ status: 201 });
    expect(await posting({ ...count('legacy', 'young', 'total', 20), disaggregation: { ageGroup: '<18' } })).toMatchObject({ status: 201 });
    expect(await importing([{ ...count('legacy', 'young', 'total', 25), disaggregation: { ageGroup: '<18' } }])).toMatchObject({ status: 200 });
    // Counts that take part in the breakdown by sex, or repeat the total: with the stored ones, as in one file.
    const male = await hub.call(hub.tokens.memberA, 'PUT', `/v1/observations/legacy-m`, count('legacy', 'm', 'male', 46), { 'If-Match': await etagOf('legacy-m') });
    expect(await outcome(male)).toEqual(refused('privacy.complementary-disclosure'));
    expect(await posting(count('legacy', 'f-2', 'female', 10))).toEqual(refused('unique.duplicate-breakdown'));
    expect(await importing([count('legacy', 'total-3', 'total', 50)])).toEqual(refused('unique.duplicate-breakdown'));
    // Suppressing the male count mends the disclosure.
    const mended = await hub.call(hub.tokens.memberA, 'PUT', `/v1/observations/legacy-m`, count('legacy', 'm', 'male', undefined), { 'If-Match': await etagOf('legacy-m') });
    expect(mended.status).toBe(200);
  });

  it('accepts every write of a set split at random iff the set is valid in one file; else refuses first the write that makes it invalid', async () => {
    let run = 0;
    const observation = fc.record({ category: fc.constantFrom<Category>('total', 'female', 'male', 'transgender'), n: fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }) });
    await fc.assert(
      fc.asyncProperty(fc.array(observation, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), async (drawn, cuts) => {
        const area = `split-${++run}`;
        const all = drawn.map(({ category, n }, i) => count(area, String(i), category, n));
        // Consecutive writes: a cut after a record starts a new write.
        const writes: Observation[][] = [[]];
        all.forEach((record, i) => {
          writes[writes.length - 1]!.push(record);
          if (cuts[i] && i < all.length - 1) writes.push([]);
        });
        const firstInvalid = writes.findIndex((_, k) => !validate(pkg(writes.slice(0, k + 1).flat())).ok);
        for (let k = 0; k < writes.length; k++) {
          const write = writes[k]!;
          // What the hub's validation says of a write foretells whether it is taken.
          expect((await validating(write)).ok).toBe(k !== firstInvalid);
          const { status } = write.length === 1 ? await posting(write[0]!) : await importing(write);
          if (k === firstInvalid) {
            expect(status).toBe(422);
            return;
          }
          expect(status).toBeLessThan(300);
        }
        expect(firstInvalid).toBe(-1);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
