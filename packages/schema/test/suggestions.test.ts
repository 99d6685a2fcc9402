import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Suggestions, suggestionsInList } from '../src/validate/suggestions.js';
import { codeNamed, namesOfCodes, suggestionsFor } from '../src/validate/code-names.js';
import { nameKey } from '../src/validate/name-key.js';
import { codelists, type CodelistId } from '../src/codelists/codes.js';
import { codelistLabels } from '../src/codelists/index.js';

/** True when `part` is whole words at the start or the end of `whole` (the reference of word matches). */
function isPart(part: string, whole: string): boolean {
  const words = whole.split('-');
  return part.length >= 2 && part !== whole && words.some((_, i) => words.slice(0, i).join('-') === part || words.slice(i + 1).join('-') === part);
}

/** The plain reference: the edit distance with swaps of neighbours (optimal string alignment), the whole table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('suggestionsFor', () => {
  it('puts a known confusion first, then the nearest codes', () => {
    expect(suggestionsFor('UK', codelists.country.codes)).toEqual(['GB', 'UA', 'UG']);
    expect(suggestionsFor('percentage', codelists.unit.codes)).toEqual(['percent']);
    expect(suggestionsFor('women', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('Total', codelists.ageGroup.codes)).toEqual(['all']);
  });

  it('gives only the value itself when it differs in capitals alone, and each value once', () => {
    expect(suggestionsFor('zm', codelists.country.codes)).toEqual(['ZM']);
    expect(suggestionsFor('Female', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('PHX-ORG-0010', ['PHX-ORG-0001', 'PHX-ORG-0001'])).toEqual(['PHX-ORG-0001']);
  });

  it('knows a country by its name in each of the five languages', () => {
    for (const name of ['Ukraine', 'Україна', 'украина', 'Royaume-Uni', 'Reino Unido', 'Zambia']) {
      expect(suggestionsFor(name, codelists.country.codes)[0], name).toBe(name === 'Zambia' ? 'ZM' : /uk|укр/i.test(name) ? 'UA' : 'GB');
    }
    // Only among the values asked about: a name is not a unit.
    expect(suggestionsFor('Ukraine', codelists.unit.codes)).toEqual([]);
  });

  // Every label of every code of a closed list, in the five languages: what the template's Codelists sheet pairs with
  // each code. (An open list's unknown code is the rules' warning, without labels.)
  const labelled = (Object.keys(codelists) as CodelistId[]).filter((list) => list !== 'country' && !codelists[list].open).flatMap((list) =>
    (['en', 'ru', 'uk', 'fr', 'es'] as const).flatMap((locale) =>
      Object.entries(codelistLabels[locale][list as Exclude<CodelistId, 'country'>] as Record<string, string>).map(([code, label]) => ({ list, locale, code, label })),
    ),
  );

  it('knows a code by its label in each of the five languages, in any case and between spaces, and suggests it alone', () => {
    expect(suggestionsFor('Жіноча', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('Кількість', codelists.unit.codes)).toEqual(['count']);
    expect(suggestionsFor('Женский', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('Féminin', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('Hombre', codelists.sex.codes)).toEqual(['male']);
    expect(suggestionsFor('25 років і старше', codelists.ageGroup.codes)).toEqual(['25+']);
    expect(suggestionsFor('18-24 years', codelists.ageGroup.codes)).toEqual(['18-24']);
    expect(suggestionsFor("В'язниця", codelists.facilityType.codes)).toEqual(['prison']);
    fc.assert(
      fc.property(fc.constantFrom(...labelled), fc.constantFrom('as is', 'lower', 'upper', 'keyboard apostrophes'), fc.constantFrom('', ' ', '  '), ({ list, code, label }, shape, space) => {
        const shaped = { 'as is': label, lower: label.toLowerCase(), upper: label.toUpperCase(), 'keyboard apostrophes': label.replace(/[’ʼ]/g, "'") }[shape];
        const typed = space + shaped + space;
        expect(suggestionsFor(typed, codelists[list].codes)).toEqual([code]);
      }),
      { numRuns: 1000 },
    );
    // Only among the codes asked about: a sex is not a unit.
    expect(suggestionsFor('Жіноча', codelists.unit.codes)).toEqual([]);
  });

  it('knows a code by its label with a slip in it, before any code near the value', () => {
    expect(suggestionsFor('Жіночий', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('Женская', codelists.sex.codes)).toEqual(['female']);
    expect(suggestionsFor('Кількисть', codelists.unit.codes)).toEqual(['count']);
    expect(suggestionsFor('Procent', codelists.unit.codes)[0]).toBe('percent');
    // One letter changed, dropped or doubled in a label of six letters or more (and short enough to compare, with the slip, letter by letter): its code is among those suggested.
    const long = labelled.filter(({ label }) => label.length >= 6 && label.length < 64);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.constantFrom('change', 'drop', 'double'), ({ list, code, label }, at, slip) => {
        const i = at % label.length;
        const typed = slip === 'drop' ? label.slice(0, i) + label.slice(i + 1) : slip === 'double' ? label.slice(0, i + 1) + label.slice(i) : label.slice(0, i) + (label[i] === 'x' ? 'y' : 'x') + label.slice(i + 1);
        // A slip that makes another code's label (`Taux pour 10 000` with a 0 doubled) names that code.
        fc.pre(!labelled.some((other) => other.list === list && other.code !== code && other.label.toLowerCase() === typed.toLowerCase()));
        expect(suggestionsFor(typed, codelists[list].codes)).toContain(code);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes no word that names a code of another list for a slip from a name of this one', () => {
    expect(suggestionsFor('Hombre', codelists.unit.codes)).toEqual([]);
    expect(suggestionsFor('Hombre', codelists.sex.codes)).toEqual(['male']);
    // Real words in the five languages, each the name of a code of some list (a label, a word for men or women, a
    // country), typed in a column of another list: a suggestion is a code of this list near the word, never the code
    // of a name a letter or two from it (`Nombre`, count, for `Hombre`).
    const words = [
      'Hombre', 'Hombres', 'Homme', 'Femme', 'Mujer', 'Mujeres', 'Women', 'Men', 'Жінка', 'Жінки', 'Чоловік', 'Мужчина', 'Женщины',
      'Masculin', 'Féminin', 'Чоловіча', 'Мужской', 'Masculino', 'Femenino', 'Female', 'Male', 'Кількість', 'Количество', 'Nombre',
      'Número', 'Count', 'Percent', 'Відсоток', 'Процент', 'Pourcentage', 'Porcentaje', 'Inconnu', 'Desconocido', 'Невідомо', 'Prison', 'Тюрьма',
      'В’язниця', 'Centro penitenciario', 'Other', 'Інше', 'Другое', 'Autre', 'Otro', 'Україна', 'Ukraine', 'Ucrania', 'Zambia', 'Замбія',
      'Chad', 'Tchad', 'Oman', 'Perú', 'Peru', 'Mali', 'Niger', 'Nigeria', 'Iran', 'Irak', 'Iraq', 'Chile', 'Cuba', 'Togo',
    ];
    const lists = (Object.keys(codelists) as CodelistId[]).filter((list) => namesOfCodes(codelists[list].codes) !== undefined);
    const misled: string[] = [];
    for (const list of lists) {
      const own = namesOfCodes(codelists[list].codes)!;
      for (const word of words) {
        if (own.has(nameKey(word))) continue;
        expect(lists.some((other) => namesOfCodes(codelists[other].codes)!.has(nameKey(word))), word).toBe(true);
        const slipped = suggestionsFor(word, codelists[list].codes).filter((code) => !suggestionsInList(word, codelists[list].codes).includes(code));
        if (slipped.length > 0) misled.push(`${word} in ${list}: ${slipped.join(', ')}`);
      }
    }
    expect(misled).toEqual([]);
    // A slip that is no word of any list still finds its code.
    expect(suggestionsFor('Nombr', codelists.unit.codes)).toEqual(['count']);
    expect(suggestionsFor('Hombrx', codelists.sex.codes)).toContain('male');
  });

  it('knows a country by its ISO 3166-1 alpha-3 code, in any case, and not by a slip in one', () => {
    const pairs: [string, string][] = [
      ['UKR', 'UA'], ['ZMB', 'ZM'], ['GBR', 'GB'], ['DEU', 'DE'], ['CHE', 'CH'], ['ESP', 'ES'], ['RUS', 'RU'], ['MDA', 'MD'], ['GEO', 'GE'], ['KAZ', 'KZ'],
      ['KOR', 'KR'], ['PRK', 'KP'], ['ZAF', 'ZA'], ['NLD', 'NL'], ['AUT', 'AT'], ['AUS', 'AU'], ['ALA', 'AX'], ['ZWE', 'ZW'], ['AND', 'AD'], ['BLR', 'BY'],
    ];
    for (const [alpha3, code] of pairs) {
      expect(suggestionsFor(alpha3, codelists.country.codes), alpha3).toEqual([code]);
      expect(suggestionsFor(alpha3.toLowerCase(), codelists.country.codes), alpha3).toEqual([code]);
    }
    expect(suggestionsFor('Test', codelists.country.codes)).toEqual([]);
  });

  it('tells every country by its own alpha-3 code', () => {
    const names = namesOfCodes(codelists.country.codes)!;
    const alpha3 = [...names].filter(([name]) => /^[a-z]{3}$/.test(name));
    // One code of three letters for each country, each its own.
    expect(alpha3.length).toBe(codelists.country.codes.length);
    expect(new Set(alpha3.map(([, code]) => code)).size).toBe(codelists.country.codes.length);
  });

  it('finds a code given by its first or last words, after the near typos', () => {
    expect(suggestionsFor('unaids', codelists.framework.codes)).toEqual(['unaids-gam']);
    expect(suggestionsFor('southern-africa', codelists.region.codes)).toEqual(['eastern-southern-africa']);
    expect(suggestionsFor('unaids-gma', codelists.framework.codes)).toEqual(['unaids-gam']);
    expect(suggestionsFor('who-europe', codelists.framework.codes)).toEqual(['who-europe-hipeds']);
    expect(suggestionsFor('ZA-NPO-123', ['ZA-NPO-123-456', 'ZA-NPO-124'])).toEqual(['ZA-NPO-124', 'ZA-NPO-123-456']);
  });

  it('finds typos: a letter changed, dropped, added or two swapped', () => {
    const codes = codelists.focusArea.codes;
    expect(suggestionsFor('harm-reductoin', ['harm-reduction', 'legal-aid'])).toEqual(['harm-reduction']);
    expect(suggestionsFor('tuberculosi', codes)).toEqual(['tuberculosis']);
    expect(suggestionsFor('ZA-NPO-123-465', ['ZA-NPO-123-456', 'GB-CHC-1234567'])).toEqual(['ZA-NPO-123-456']);
    expect(suggestionsFor('hiv-prevalance-prisoners', ['hiv-prevalence-prisoners', 'hcv-positivity-prisoners'])).toEqual(['hiv-prevalence-prisoners']);
  });

  it('suggests nothing far away, nothing for an empty or a huge value, and at most three', () => {
    expect(suggestionsFor('completely-different', codelists.unit.codes)).toEqual([]);
    expect(suggestionsFor('', codelists.country.codes)).toEqual([]);
    expect(suggestionsFor('x'.repeat(10_000), ['x'])).toEqual([]);
    expect(suggestionsFor('A', codelists.country.codes).length).toBe(3);
  });

  it('suggests exactly the known values within reach, by the plain reference, nearest first', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(word, fc.uniqueArray(word, { maxLength: 8 }), (value, known) => {
        const reach = Math.max(1, Math.floor(value.length / 3));
        const rank = (code: string): number => {
          const d = reference(value, code);
          return d <= reach ? d : isPart(value, code) ? reach + 0.5 : Infinity;
        };
        const near = known.filter((code) => rank(code) <= reach + 0.5);
        // The value itself (in this alphabet, capitals cannot differ) is suggested alone.
        const within = near.includes(value) ? [value] : near;
        const suggested = suggestionsFor(value, known);
        expect(suggested.length).toBe(Math.min(3, within.length));
        for (const code of suggested) expect(within).toContain(code);
        const ranks = suggested.map(rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        // None left out is nearer than one given.
        for (const code of within.filter((other) => !suggested.includes(other))) expect(rank(code)).toBeGreaterThanOrEqual(ranks.at(-1)!);
      }),
      { numRuns: 500 },
    );
  });
});

describe('codeNamed', () => {
  const countries = codelists.country.codes;

  it('gives the code a value is or names, as suggestionsFor suggests it alone: a code in any case, an alpha-3 code, a name in any of the five languages', () => {
    for (const value of ['UA', 'ua', 'UKR', 'ukr', 'Україна', 'Ukraine', 'украина', 'Украина', 'Ucrania', ' Ukraine ']) {
      expect(codeNamed(value, countries), value).toBe('UA');
      expect(suggestionsFor(value.trim(), countries), value).toEqual(['UA']);
    }
    expect(codeNamed('ZMB', countries)).toBe('ZM');
    expect(codeNamed('Замбия', countries)).toBe('ZM');
    expect(codeNamed('Жіноча', codelists.sex.codes)).toBe('female');
  });

  it('knows a country by its official name in the five languages: its formal words left out, in any order', () => {
    const named: [string, string][] = [
      ['Republic of Moldova', 'MD'], ['Республика Молдова', 'MD'], ['Республіка Молдова', 'MD'], ['République de Moldavie', 'MD'], ['República de Moldavia', 'MD'],
      ['Moldova, Republic of', 'MD'], ['Moldova (the Republic of)', 'MD'], ['Russian Federation', 'RU'], ['Российская Федерация', 'RU'],
      ['Російська Федерація', 'RU'], ['Fédération de Russie', 'RU'], ['Federación de Rusia', 'RU'], ['Kyrgyz Republic', 'KG'], ['Кыргызская Республика', 'KG'],
      ['Киргизька Республіка', 'KG'], ['République kirghize', 'KG'], ['República Kirguisa', 'KG'], ['Кыргызстан', 'KG'], ['Republic of Belarus', 'BY'],
      ['Республика Беларусь', 'BY'], ['Czech Republic', 'CZ'], ['Islamic Republic of Iran', 'IR'], ['United Republic of Tanzania', 'TZ'],
      ['Democratic Republic of the Congo', 'CD'], ['Republic of the Congo', 'CG'], ['Republic of China', 'TW'], ['Соединённые Штаты', 'US'],
    ];
    for (const [value, code] of named) {
      expect(codeNamed(value, countries), value).toBe(code);
      // Suggested alone where a cell holds it in place of the code.
      expect(suggestionsFor(value, countries), value).toEqual([code]);
    }
    // Only among the codes asked about.
    expect(codeNamed('Republic of Moldova', codelists.sex.codes)).toBeUndefined();
  });

  it('takes no words two names share for part of a slip: no country is hinted that a name does not name', () => {
    // `Республика Атлантида` is within reach of no name but by the word it shares with `Республика Корея` (KR).
    for (const value of ['Республика Атлантида', "Democratic People's Republic of Korea", 'Корейская Народно-Демократическая Республика', 'Republic of Korea', 'Republic', 'Республика']) {
      expect(suggestionsFor(value, countries), value).toEqual([]);
    }
    for (const value of ['Республика Атлантида', "Democratic People's Republic of Korea", 'Republic of Korea', 'Republic']) expect(codeNamed(value, countries), value).toBeUndefined();
    // A slip in a word of its own is still one.
    expect(suggestionsFor('Республика Карея', countries)).toEqual(['KR']);
    // `Республика Молдова` is five letters from `Республика Корея`, and names Moldova.
    expect(suggestionsFor('Республика Молдова', countries)).toEqual(['MD']);
  });

  it('reads ё as е, as Russian is mostly typed', () => {
    for (const value of ['Отчет', 'ОТЧЕТ', 'Отчёт', 'ОТЧЁТ']) {
      expect(codeNamed(value, codelists.documentType.codes), value).toBe('report');
      expect(suggestionsFor(value, codelists.documentType.codes), value).toEqual(['report']);
    }
  });

  it('gives nothing for a value that only comes near a code or a name, or names a code of no list asked for', () => {
    for (const value of ['Ukrain', 'UK', 'XX', 'GER', '', 'Atlantis']) expect(codeNamed(value, countries), value).toBeUndefined();
    expect(codeNamed('Україна', codelists.sex.codes)).toBeUndefined();
    expect(codeNamed('UA', ['ZM', 'MD'])).toBeUndefined();
  });
});

describe('Suggestions', () => {
  it('reads the known values when a value needs them, and looks each value up once', () => {
    let reads = 0;
    const known = ['ZA-NPO-123-456'];
    const nearest = new Suggestions(() => (reads++, known));
    expect(reads).toBe(0);
    expect(nearest.for('ZA-NPO-123-465')).toEqual(['ZA-NPO-123-456']);
    known.push('ZA-NPO-123-465x');
    expect(nearest.for('ZA-NPO-123-465')).toEqual(['ZA-NPO-123-456']);
    expect(reads).toBe(1);
  });

  it('stops suggesting when the comparisons it may spend are spent', () => {
    const known = Array.from({ length: 300 }, (_, i) => `ZA-NPO-${i}`);
    const nearest = new Suggestions(() => known, 1000);
    const given = Array.from({ length: 10 }, (_, i) => nearest.for(`ZA-NPO-${i}x`));
    // Four lookups of 300 values spend 1000 comparisons; the rest get none.
    expect(given.slice(0, 4).every((suggestions) => suggestions.length > 0)).toBe(true);
    expect(given.slice(4)).toEqual(Array(6).fill([]));
  });

  it('gives suggestions for at most 1000 distinct values', () => {
    const nearest = new Suggestions(() => ['abc']);
    const given = Array.from({ length: 1200 }, (_, i) => nearest.for(`ab${i}`));
    expect(given.filter((suggestions) => suggestions.length > 0).length).toBeLessThanOrEqual(1000);
    expect(given.at(-1)).toEqual([]);
  });
});

describe('suggestionsInList', () => {
  it('answers like suggestionsFor, for the same list again and again', () => {
    for (let i = 0; i < 3; i++) expect(suggestionsInList('UK', codelists.country.codes)).toEqual(suggestionsFor('UK', codelists.country.codes));
    for (let i = 0; i < 2500; i++) expect(suggestionsInList(`U${i % 1500}`, codelists.country.codes)).toEqual(suggestionsFor(`U${i % 1500}`, codelists.country.codes));
  });
});
