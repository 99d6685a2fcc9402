import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/sync.js';
import { changed, expectClean, expectOnly, NOW } from './fixtures.js';

describe('package.unknown-licence', () => {
  it('warns about a licence that names none, with the nearest known one, and the package stays valid', () => {
    const result = validate(changed((p) => (p.license = 'CC-BY4.0')), { now: NOW });
    const issue = expectOnly(result, 'package.unknown-licence', '/license');
    expect(result.ok).toBe(true);
    expect(issue.params).toEqual({ value: 'CC-BY4.0', suggestions: ['CC-BY-4.0', 'CC-BY-1.0', 'CC-BY-2.0'] });
    expect(issue.message).toBe(
      'Licence "CC-BY4.0" is not an SPDX identifier PHX knows of a licence for data, such as CC-BY-4.0, CC0-1.0 or ODbL-1.0: check it at https://spdx.org/licenses/, or give the licence\'s web address; did you mean "CC-BY-4.0", "CC-BY-1.0", or "CC-BY-2.0"?',
    );
    expectOnly(validate(changed((p) => (p.license = 'whatever')), { now: NOW }), 'package.unknown-licence', '/license');
  });

  it('is quiet about the licences data is published under, in any case, about a web address and a licence of the publisher’s own', () => {
    for (const license of ['CC-BY-4.0', 'cc-by-4.0', 'CC0-1.0', 'CC-BY-NC-SA-3.0-IGO', 'ODbL-1.0', 'OGL-UK-3.0', 'https://example.org/licence', 'LicenseRef-ministry-open-data', 'NOASSERTION']) {
      expectClean(validate(changed((p) => (p.license = license)), { now: NOW }));
    }
  });

  // Every Creative Commons licence SPDX lists is known, whatever its version: a reference built apart from the rule's list.
  it('knows every version of every Creative Commons licence, and nothing one letter away from one', () => {
    const kinds = ['BY', 'BY-SA', 'BY-NC', 'BY-ND', 'BY-NC-SA', 'BY-NC-ND'];
    const versions = ['1.0', '2.0', '2.5', '3.0', '4.0'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...versions), fc.boolean(), (kind, version, misspelt) => {
        const license = misspelt ? `CC-${kind}${version}` : `CC-${kind}-${version}`;
        const codes = validate(changed((p) => (p.license = license)), { now: NOW }).issues.map((issue) => issue.code);
        expect(codes).toEqual(misspelt ? ['package.unknown-licence'] : []);
      }),
    );
  });

  it('suggests the SPDX identifier of a licence written as Creative Commons writes it, with spaces', () => {
    const cases: [string, string[]][] = [['CC BY 4.0', ['CC-BY-4.0']], ['cc by-nc-sa 4.0 ', ['CC-BY-NC-SA-4.0']], ['CC0 1.0', ['CC0-1.0']], ['free to use', []]];
    for (const [license, suggestions] of cases) {
      const issue = expectOnly(validate(changed((p) => (p.license = license)), { now: NOW, locale: 'uk' }), 'schema.invalid-union', '/license');
      expect(issue.params.suggestions ?? []).toEqual(suggestions);
      if (suggestions.length > 0) expect(issue.message).toMatch(new RegExp(`можливо, ви мали на увазі «${suggestions[0]}»\\?$`));
    }
  });
});
