import { describe, it, expect } from 'vitest';
import { indicatorCatalogue } from '../src/catalogue/indicators.js';
import { IndicatorDefinition } from '../src/model/indicator.js';
import { codelists, type CodelistId } from '../src/codelists/codes.js';
import * as labels from '../src/codelists/labels.js';
import type { CodelistLabels, LabelLocale } from '../src/codelists/labels.js';

const locales: Record<LabelLocale, CodelistLabels> = {
  en: labels.en,
  ru: labels.ru,
  uk: labels.uk,
  fr: labels.fr,
  es: labels.es,
};

/** The codelists that carry labels (country names come from `Intl.DisplayNames`). */
const labelledLists = (Object.keys(codelists) as CodelistId[]).filter(
  (id): id is Exclude<CodelistId, 'country'> => id !== 'country',
);

/** How many codes a locale may label exactly as English does (e.g. "COVID-19"). */
const MAX_SAME_AS_ENGLISH = 5;

describe('indicator catalogue', () => {
  it('is not empty', () => {
    expect(indicatorCatalogue.length).toBeGreaterThan(0);
  });

  it.each(indicatorCatalogue.map((d) => [d.code, d] as const))('%s parses as an IndicatorDefinition', (_, definition) => {
    const result = IndicatorDefinition.safeParse(definition);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it('has unique codes', () => {
    const codes = indicatorCatalogue.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names, describes and defines the numerator of every entry in every locale', () => {
    for (const d of indicatorCatalogue) {
      for (const lang of Object.keys(locales)) {
        expect(d.name[lang]?.trim(), `${d.code} name.${lang}`).toBeTruthy();
        expect(d.description[lang]?.trim(), `${d.code} description.${lang}`).toBeTruthy();
        expect(d.numerator?.[lang]?.trim(), `${d.code} numerator.${lang}`).toBeTruthy();
      }
      expect(d.name.ru, `${d.code} name.ru is Cyrillic`).toMatch(/[А-Яа-яЁё]/);
      // Ukrainian has letters Russian lacks (і, ї, є, ґ) and lacks some it has (ы, э, ё): a copied Russian text shows.
      expect(d.name.uk, `${d.code} name.uk is Ukrainian`).toMatch(/[іїєґІЇЄҐ]/);
      expect(`${d.name.uk} ${d.description.uk}`, `${d.code} uk is not Russian`).not.toMatch(/[ыэёъЫЭЁЪ]/);
    }
  });

  it('has a denominator exactly when the calculation needs one', () => {
    for (const d of indicatorCatalogue) {
      if (d.calculation === 'count') {
        expect(d.denominator, `${d.code} is a count`).toBeUndefined();
      } else {
        for (const lang of Object.keys(locales)) expect(d.denominator?.[lang]?.trim(), `${d.code} denominator.${lang}`).toBeTruthy();
      }
    }
  });

  it('pairs each unit with a matching calculation', () => {
    for (const d of indicatorCatalogue) {
      switch (d.unit) {
        case 'percent':
          expect(['proportion', 'ratio'], d.code).toContain(d.calculation);
          break;
        case 'count':
          expect(d.calculation, d.code).toBe('count');
          break;
        case 'rate-per-100000':
        case 'rate-per-10000':
          expect(d.calculation, d.code).toBe('rate');
          break;
        default:
          throw new Error(`${d.code}: unexpected unit ${d.unit}`);
      }
    }
  });

  it('uses only known disaggregation dimensions and interventions', () => {
    const dimensions: readonly string[] = codelists.disaggregationDimension.codes;
    const focusAreas: readonly string[] = codelists.focusArea.codes;
    for (const d of indicatorCatalogue) {
      for (const dim of d.disaggregations) expect(dimensions, d.code).toContain(dim);
      for (const area of d.interventions) expect(focusAreas, d.code).toContain(area);
    }
  });

  it('splits the GAM prison prevention indicator into its counts', () => {
    const prevention = indicatorCatalogue.filter((d) => d.reference === 'hiv-prevention-programmes-prisons');
    expect(prevention).toHaveLength(10);
    for (const d of prevention) {
      expect(d.framework).toBe('unaids-gam');
      expect(d.unit).toBe('count');
      // The registry asks for the counts without breakdown; the people tested it breaks down by sex and age for prevalence.
      expect(d.disaggregations).toEqual(d.code === 'prisons-people-tested-for-hiv' ? ['sex', 'ageGroup'] : []);
    }
  });

  it('says in Ukrainian that needles and condoms are distributed (розповсюджені), keeping поширеність for prevalence', () => {
    // "Поширені" reads as "spread"; the programmes' word for giving out needles and condoms is розповсюдження.
    const spread: string[] = [];
    for (const d of indicatorCatalogue) {
      for (const [field, text] of [['name', d.name.uk], ['description', d.description.uk], ['numerator', d.numerator?.uk], ['denominator', d.denominator?.uk]]) {
        if (text && /поширен(?!іст|ост)/i.test(text)) spread.push(`${d.code} ${field}.uk`);
      }
    }
    for (const [id, list] of Object.entries(labels.uk)) for (const [code, label] of Object.entries(list)) if (/поширен(?!іст|ост)/i.test(label)) spread.push(`${id}.${code}`);
    expect(spread).toEqual([]);
    for (const code of ['prisons-needles-distributed', 'prisons-condoms-distributed']) {
      const definition = indicatorCatalogue.find((d) => d.code === code)!;
      expect(`${definition.name.uk} ${definition.numerator?.uk}`, code).toMatch(/^\S+ розповсюджені .* розповсюджені /);
    }
    expect(indicatorCatalogue.find((d) => d.code === 'hiv-prevalence-prisoners')!.name.uk).toMatch(/^Поширеність ВІЛ/);
  });

  it.each(['prisons-people-living-with-hiv', 'prisons-people-with-hcv', 'prisons-people-with-tb'])(
    'says in every locale that GAM takes %s as a number or a percentage',
    (code) => {
      const percentage = { en: /percentage/, ru: /процент/, uk: /відсоток/, fr: /pourcentage/, es: /porcentaje/ };
      const definition = indicatorCatalogue.find((d) => d.code === code)!;
      for (const [lang, word] of Object.entries(percentage)) expect(definition.description[lang], `${code} description.${lang}`).toMatch(word);
    },
  );
});

describe('codelist labels', () => {
  for (const [locale, table] of Object.entries(locales)) {
    it(`${locale} labels every code of every codelist except country`, () => {
      for (const id of labelledLists) {
        const list = table[id] as Record<string, string> | undefined;
        expect(list, `${locale}.${id}`).toBeDefined();
        for (const code of codelists[id].codes) {
          expect(list?.[code]?.trim(), `${locale}.${id}.${code}`).toBeTruthy();
        }
        expect(Object.keys(list ?? {}).sort(), `${locale}.${id} has no stray codes`).toEqual(
          [...codelists[id].codes].sort(),
        );
      }
    });
  }

  for (const locale of ['ru', 'uk', 'fr', 'es'] as const) {
    it(`${locale} labels are translated, not copied from English`, () => {
      const same: string[] = [];
      for (const id of labelledLists) {
        const mine = locales[locale][id] as Record<string, string>;
        const english = labels.en[id] as Record<string, string>;
        for (const code of codelists[id].codes) {
          if (mine[code] === english[code]) same.push(`${id}.${code}`);
        }
      }
      expect(same.length, `same as English: ${same.join(', ')}`).toBeLessThanOrEqual(MAX_SAME_AS_ENGLISH);
    });
  }

  it.each(['ru', 'uk'] as const)('writes %s labels in Cyrillic', (locale) => {
    const latinOnly: string[] = [];
    for (const id of labelledLists) {
      const list = labels[locale][id] as Record<string, string>;
      for (const [code, label] of Object.entries(list)) {
        if (/[A-Za-z]/.test(label) && !/[А-Яа-яЁёІіЇїЄєҐґ]/.test(label) && label !== 'COVID-19') latinOnly.push(`${id}.${code}`);
      }
    }
    expect(latinOnly).toEqual([]);
  });

  it('writes Ukrainian labels without the letters only Russian has', () => {
    const russian: string[] = [];
    for (const id of labelledLists) {
      for (const [code, label] of Object.entries(labels.uk[id] as Record<string, string>)) if (/[ыэёъЫЭЁЪ]/.test(label)) russian.push(`${id}.${code}`);
    }
    expect(russian).toEqual([]);
  });
});
