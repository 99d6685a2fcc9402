import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/catalogue/indicators.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { formatIssue } from '../../src/validate/messages.js';
import { impliedCount, valueOfParts } from '../../src/validate/arithmetic.js';
import { changed, codes, countObservation, expectClean, expectOnly, NOW, prevalence, ZAMBIA_TRUST, type Loose } from './fixtures.js';

const check = (record: Loose) => validateRecord('observation', record, { now: NOW });

function occupancy(numerator: number, denominator: number, value: number): Loose {
  return { ...prevalence('obs-occ', numerator, denominator, value), indicator: 'prison-occupancy' };
}

function tbRate(fields: Loose): Loose {
  return { ...prevalence('obs-tb', 0, 1, 0), indicator: 'tb-notification-rate-prisons', unit: 'rate-per-100000', ...fields };
}

describe('arith.value-mismatch', () => {
  it('accepts a value rounded to the decimals it is written with', () => {
    // 1320 / 4600 = 28.695652…%
    for (const value of [28.695652, 28.7, 28.70, 29, 28.6957]) expectClean(check(prevalence('obs', 1320, 4600, value)));
  });

  it('rejects a value off by more than its rounding', () => {
    for (const value of [28.6, 28.8, 30, 28.69]) {
      const issue = expectOnly(check(prevalence('obs', 1320, 4600, value)), 'arith.value-mismatch', '/value');
      expect(issue.params.value).toBe(value);
    }
    expect(check(prevalence('obs', 1320, 4600, 28.6)).issues[0]).toMatchObject({ code: 'arith.value-mismatch', params: { expected: 28.7 } });
  });

  it('accepts a value exactly half a unit off (it rounds either way)', () => {
    // 1 / 8 = 12.5%: written as 12 or 13, both round from 12.5.
    expectClean(check(prevalence('obs', 50, 400, 13)));
    expectClean(check(prevalence('obs', 50, 400, 12)));
  });

  it('compares rates per 100 000 and per 10 000 on their own scale', () => {
    // 9800 / 755 000 × 100 000 = 1298.01…
    expectClean(check(tbRate({ numerator: 9800, denominator: 755_000, value: 1298 })));
    expectClean(check(tbRate({ numerator: 9800, denominator: 755_000, value: 1298.01 })));
    expectOnly(check(tbRate({ numerator: 9800, denominator: 755_000, value: 1.298 })), 'arith.value-mismatch', '/value');
    const deaths = { ...tbRate({}), indicator: 'deaths-in-custody-rate', unit: 'rate-per-10000', numerator: 42, denominator: 61_000, value: 6.9 };
    expectClean(check(deaths));
    expectOnly(check({ ...deaths, value: 0.69 }), 'arith.value-mismatch', '/value');
  });

  it('reports a value written with hundreds of decimals', () => {
    const issue = expectOnly(check(tbRate({ numerator: 12, denominator: 1000, value: 1e-300 })), 'arith.value-mismatch', '/value');
    expect(issue.params).toEqual({ value: 1e-300, expected: 1200 });
  });

  it('requires the value of a count to equal its numerator', () => {
    expectOnly(check(countObservation({ numerator: 5200, value: 5300 })), 'arith.value-mismatch', '/value');
  });

  it('does not compare when the value is absent', () => {
    const { value: _, ...record } = prevalence('obs', 1320, 4600, 0);
    expect(codes(check(record))).toEqual(['observation.value-missing']);
  });
});

describe('valueOfParts', () => {
  it('gives the value the arithmetic rule expects of every catalogue indicator, at full precision and rounded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...indicatorCatalogue), fc.nat(1_000_000), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (definition, a, b, decimals) => {
        const [numerator, denominator] = definition.calculation === 'proportion' ? [Math.min(a, b), Math.max(a, b)] : [a, b];
        const value = valueOfParts(definition, numerator, denominator)!;
        expect(value).toBe(definition.calculation === 'count' ? numerator : (numerator / denominator) * { percent: 100, 'rate-per-100000': 100_000, 'rate-per-10000': 10_000, count: 1 }[definition.unit]!);
        for (const written of [value, Number(value.toFixed(decimals))]) {
          const record = { ...prevalence('obs', numerator, denominator, written), indicator: definition.code, unit: definition.unit };
          expect(check(record).issues.filter((issue) => issue.code.startsWith('arith.'))).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives no value without the parts the calculation needs, or over a denominator of 0', () => {
    const percent = { calculation: 'proportion', unit: 'percent' } as const;
    expect([valueOfParts(percent, 3, 0), valueOfParts(percent, undefined, 10), valueOfParts(percent, 3)]).toEqual([undefined, undefined, undefined]);
    expect([valueOfParts({ calculation: 'count', unit: 'count' }, 12), valueOfParts({ calculation: 'count', unit: 'count' }, undefined)]).toEqual([12, undefined]);
  });
});

describe('impliedCount', () => {
  /**
   * The counts a percentage written `digits / 10^decimals` gives with a denominator, by whole numbers: those whose
   * percentage is within half a unit of the value's last decimal, ends included.
   */
  function countsOf(digits: number, decimals: number, denominator: number): number[] {
    const counts: number[] = [];
    // |count × 100 / denominator − digits / 10^d| ≤ ½ × 10^−d, times 2 × 10^d × denominator: whole numbers only.
    const scale = 2 * 10 ** decimals;
    for (let count = 0; count * 100 * scale <= (2 * digits + 1) * denominator; count++) {
      if (Math.abs(count * 100 * scale - 2 * digits * denominator) <= denominator) counts.push(count);
    }
    return counts;
  }

  it('is the one count a percentage and its denominator leave, and nothing when they leave none or several', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), (denominator, decimals, share) => {
        // The percentage of a count, written with `decimals` decimals, as a data officer's sheet rounds it.
        let digits = Math.round((Math.round(share * denominator) * 100 * 10 ** decimals) / denominator);
        const value = digits / 10 ** decimals;
        // The value is written with the decimals it needs (12.50 is 12.5 in JSON): a trailing 0 says nothing.
        let written = decimals;
        while (written > 0 && digits % 10 === 0) [digits, written] = [digits / 10, written - 1];
        const counts = countsOf(digits, written, denominator);
        expect(impliedCount('percent', value, denominator)).toBe(counts.length === 1 ? counts[0] : undefined);
      }),
    );
    // 1 % of 120 is 1 (0 is 0 %, 2 is 1.67 %); 100 % of 102 is 102; 0.3 % of 1000 is 3.
    expect([impliedCount('percent', 1, 120), impliedCount('percent', 100, 102), impliedCount('percent', 0.3, 1000)]).toEqual([1, 102, 3]);
    // 5 % of 1000 is anything from 45 to 55; 60 per 100 000 of 8 523.5 is no whole number (5.07 to 5.16).
    expect([impliedCount('percent', 5, 1000), impliedCount('rate-per-100000', 60, 8523.5), impliedCount('count', 3, 10)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('arith.numerator-exceeds-denominator', () => {
  it('rejects a proportion whose numerator is larger than its denominator', () => {
    const result = check(prevalence('obs', 120, 100, 120));
    expect(result.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['arith.numerator-exceeds-denominator', '/numerator'],
      ['arith.percent-out-of-range', '/value'],
    ]);
    expect(result.issues[0]!.params).toEqual({ numerator: 120, denominator: 100 });
  });

  it('accepts a ratio above 100: occupancy of an overcrowded prison', () => {
    expectClean(check(occupancy(1520, 800, 190)));
    expectClean(check(occupancy(270_000, 132_000, 204.5)));
  });

  it('accepts a rate whose numerator is larger than its denominator', () => {
    expectClean(check(tbRate({ numerator: 30, denominator: 20, value: 150_000 })));
  });
});

describe('arith.percent-out-of-range', () => {
  it('rejects a proportion above 100; a negative value is a shape error', () => {
    const { numerator: _n, denominator: _d, ...above } = prevalence('obs', 0, 1, 104.5);
    expectOnly(check(above), 'arith.percent-out-of-range', '/value');
    expectOnly(check({ ...above, value: -1 }), 'schema.too-small', '/value');
    expectClean(check({ ...above, value: 100 }));
    expectClean(check({ ...above, value: 0 }));
  });

  it('accepts a ratio above 100; no value of any unit may be negative', () => {
    const { numerator: _n, denominator: _d, ...ratio } = occupancy(0, 1, 250);
    expectClean(check(ratio));
    expectOnly(check({ ...ratio, value: -5 }), 'schema.too-small', '/value');
    expectOnly(check(tbRate({ numerator: 12, denominator: 100_000, value: -12 })), 'schema.too-small', '/value');
  });
});

describe('arith.zero-denominator', () => {
  it('rejects a denominator of 0 for proportions, ratios and rates', () => {
    expectOnly(check(prevalence('obs', 0, 0, 0)), 'arith.zero-denominator', '/denominator');
    expectOnly(check(occupancy(10, 0, 0)), 'arith.zero-denominator', '/denominator');
    expectOnly(check(tbRate({ numerator: 12, denominator: 0, value: 0 })), 'arith.zero-denominator', '/denominator');
  });
});

describe('arith.count-not-integer', () => {
  it('takes a rate\'s denominator as it comes, since it may be an average population, and no other indicator\'s', () => {
    const rate = { ...prevalence('obs-deaths', 14, 8523.5, 16.4), indicator: 'deaths-in-custody-rate', unit: 'rate-per-10000' };
    expectClean(check(rate));
    expectOnly(check({ ...rate, numerator: 14.5, value: 17 }), 'arith.count-not-integer', '/numerator');
    expectOnly(check(prevalence('obs', 30, 600.5, 5)), 'arith.count-not-integer', '/denominator');
  });

  it('rejects a count with a fraction, in value, numerator or denominator', () => {
    const { numerator: _, ...byValue } = countObservation({ value: 12.5 });
    const issue = expectOnly(check(byValue), 'arith.count-not-integer', '/value');
    expect(issue.params).toEqual({ field: 'value', value: 12.5 });
    expect(formatIssue(issue, 'en')).toBe('Value 12.5 is not a whole number: this indicator is a count, so write the number counted; a share or an average is another indicator');
    const numerator = expectOnly(check(prevalence('obs', 13.5, 100, 13.5)), 'arith.count-not-integer', '/numerator');
    expect(formatIssue(numerator, 'uk')).toBe('Чисельник 13,5 — не ціле число: запишіть саму кількість, цілим числом; частка чи коефіцієнт записуються у значення');
    expect(formatIssue(numerator, 'en')).toBe('Numerator 13.5 is not a whole number: write the whole number counted; a share or a rate goes in the value');
    expect(codes(check(countObservation({ numerator: 12.5, value: 12.5 })))).toEqual(['arith.count-not-integer', 'arith.count-not-integer']);
    expectOnly(check(prevalence('obs', 13.5, 100, 13.5)), 'arith.count-not-integer', '/numerator');
    expectOnly(check(prevalence('obs', 13, 100.5, 12.94)), 'arith.count-not-integer', '/denominator');
  });

  it('accepts a fractional value of a percentage or a rate', () => {
    expectClean(check(prevalence('obs', 95, 260, 36.54)));
  });
});

describe('arith.confidence-level-fraction', () => {
  const withLevel = (level: number) => ({ ...prevalence('obs', 1320, 4600, 28.7), confidenceInterval: { lower: 27.4, upper: 30, level } });

  it('warns of a level written as a fraction, as R, Stata and Excel write it, and says what to write', () => {
    const issue = expectOnly(check(withLevel(0.95)), 'arith.confidence-level-fraction', '/confidenceInterval/level');
    expect([issue.severity, issue.params]).toEqual(['warning', { level: 0.95, percent: 95 }]);
    expect(issue.message).toBe('Confidence level 0.95: the level is in percent, so this is a 0.95 % interval; for a 95 % one, write 95');
    expect(expectOnly(check(withLevel(0.9)), 'arith.confidence-level-fraction', '/confidenceInterval/level').params.percent).toBe(90);
  });

  it('takes a level in percent as it is', () => {
    for (const level of [1, 50, 90, 95, 99.9]) expectClean(check(withLevel(level)));
  });
});

describe('arith.value-outside-interval', () => {
  const estimate = (value: number, lower: number, upper: number): Loose => {
    const { numerator: _n, denominator: _d, ...record } = prevalence('obs-est', 0, 1, value);
    return { ...record, dataSource: 'estimate', confidenceInterval: { lower, upper, level: 95 } };
  };

  it('accepts a value inside its interval, bounds included', () => {
    for (const value of [5, 6.1, 7]) expectClean(check(estimate(value, 5, 7)));
  });

  it('rejects a value outside its interval, and a reversed interval', () => {
    const issue = expectOnly(check(estimate(4.6, 5, 7)), 'arith.value-outside-interval', '/confidenceInterval');
    expect(issue.params).toEqual({ value: 4.6, lower: 5, upper: 7 });
    expectOnly(check(estimate(7.2, 5, 7)), 'arith.value-outside-interval', '/confidenceInterval');
    expectOnly(check(estimate(6, 7, 5)), 'arith.value-outside-interval', '/confidenceInterval');
  });

  it('checks the interval of an estimated count too', () => {
    const people = countObservation({ indicator: 'prisons-people-living-with-hiv', numerator: 900, value: 900, dataSource: 'estimate' });
    expectClean(check({ ...people, confidenceInterval: { lower: 800, upper: 1000 } }));
    expectOnly(check({ ...people, confidenceInterval: { lower: 1000, upper: 1200 } }), 'arith.value-outside-interval', '/confidenceInterval');
    expectOnly(check({ ...people, confidenceInterval: { lower: 1000, upper: 800 } }), 'arith.value-outside-interval', '/confidenceInterval');
  });

  it('says a reversed interval is reversed when a suppressed observation has no value', () => {
    const { numerator: _n, denominator: _d, value: _v, ...record } = prevalence('obs-est', 0, 1, 1);
    const result = validateRecord('observation', { ...record, suppressed: true, confidenceInterval: { lower: 7, upper: 5 } }, { now: NOW });
    const issue = expectOnly(result, 'arith.value-outside-interval', '/confidenceInterval');
    expect(issue.message).toBe('The confidence interval 7–5 is reversed');
    expect(formatIssue(issue, 'ru')).toBe('Границы доверительного интервала 7–5 перепутаны');
  });
});

describe('observation.value-missing', () => {
  it('rejects an observation that is neither given a value nor suppressed', () => {
    const { value: _, ...record } = countObservation();
    expectOnly(check(record), 'observation.value-missing', '');
    const pkg = changed((p) => delete p.observations[3].value);
    expectOnly(validate(pkg, { now: NOW }), 'observation.value-missing', '/observations/3');
  });

  it('accepts a suppressed observation without value', () => {
    const { value: _v, numerator: _n, ...record } = countObservation({ suppressed: true });
    expectClean(check(record));
  });
});

describe('observation.denominator-missing', () => {
  it('rejects a numerator without denominator where the indicator needs one', () => {
    const { denominator: _, ...record } = prevalence('obs', 1320, 4600, 28.7);
    expectOnly(check(record), 'observation.denominator-missing', '/denominator');
  });

  it('accepts a proportion given as a value only, and a count without denominator', () => {
    const { numerator: _n, denominator: _d, ...valueOnly } = prevalence('obs', 0, 1, 28.7);
    expectClean(check(valueOnly));
    expectClean(check(countObservation()));
  });
});

describe('indicator.unit-mismatch', () => {
  it('rejects an observation whose unit is not its indicator’s, and skips its arithmetic', () => {
    const issue = expectOnly(check({ ...prevalence('obs', 1320, 4600, 99), unit: 'count' }), 'indicator.unit-mismatch', '/unit');
    expect(issue.params).toEqual({ indicator: 'hiv-prevalence-prisoners', unit: 'count', expected: 'percent' });
  });

  it('knows the unit of every catalogue indicator', () => {
    for (const definition of indicatorCatalogue) {
      const record = { ...countObservation(), indicator: definition.code, unit: definition.unit === 'count' ? 'percent' : 'count' };
      expect(codes(check(record))).toContain('indicator.unit-mismatch');
    }
  });
});

describe('a package of arithmetic', () => {
  it('reports each problem at its observation', () => {
    const pkg = changed((p) => {
      p.observations[0].value = 31;
      p.observations[3].denominator = 0;
      p.observations.push({ ...countObservation({ id: 'obs-needles', reportingOrganisation: ZAMBIA_TRUST, value: 5200.5 }) });
    });
    expect(validate(pkg, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toEqual([
      ['arith.value-mismatch', '/observations/0/value'],
      ['arith.zero-denominator', '/observations/3/denominator'],
      ['arith.count-not-integer', '/observations/5/value'],
    ]);
  });
});
