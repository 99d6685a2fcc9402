/**
 * The licences a package's `license` may name without a warning: SPDX identifiers of licences that data and other
 * works are published under, matched as SPDX matches them (in any case). A `LicenseRef-` identifier names a licence
 * of the publisher's own; a web address, any licence.
 */
import type { RecordReport } from './structural.js';
import { suggestionsInList } from './suggestions.js';

/** Every version of every Creative Commons licence SPDX lists, and the IGO ports that UN agencies publish under. */
function creativeCommons(): string[] {
  const versions = ['1.0', '2.0', '2.5', '3.0', '4.0'];
  const kinds = ['BY', 'BY-SA', 'BY-NC', 'BY-ND', 'BY-NC-SA', 'BY-NC-ND'];
  return [
    ...kinds.flatMap((kind) => versions.map((version) => `CC-${kind}-${version}`)),
    ...['BY', 'BY-SA', 'BY-NC-SA', 'BY-NC-ND'].map((kind) => `CC-${kind}-3.0-IGO`),
    'CC0-1.0', 'CC-PDDC', 'CC-PDM-1.0',
  ];
}

let known: { ids: string[]; lower: Set<string> } | undefined;

/** The licences known, made when the first package is checked. */
function knownLicences(): { ids: string[]; lower: Set<string> } {
  if (known) return known;
  const ids = [
    ...creativeCommons(),
    // Open Data Commons, the Community Data License Agreements, and governments' open licences.
    'ODbL-1.0', 'ODC-By-1.0', 'PDDL-1.0', 'CDLA-Permissive-1.0', 'CDLA-Permissive-2.0', 'CDLA-Sharing-1.0', 'O-UDA-1.0',
    'OGL-UK-1.0', 'OGL-UK-2.0', 'OGL-UK-3.0', 'OGL-Canada-2.0', 'etalab-2.0', 'DL-DE-BY-2.0', 'DL-DE-ZERO-2.0', 'NLOD-1.0', 'NLOD-2.0',
    'OGDL-Taiwan-1.0',
    // Software licences some publish data under.
    'MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'Unlicense', '0BSD',
    // SPDX's word for a licence not stated, which a hub's export of packages of several publishers says.
    'NOASSERTION',
  ];
  return (known = { ids, lower: new Set(ids.map((id) => id.toLowerCase())) });
}

/**
 * The known licences nearest to a licence written otherwise: `CC BY 4.0`, as Creative Commons writes it, is
 * `CC-BY-4.0` alone (spaces read as SPDX's hyphens), `CC-BY4.0` among its near neighbours.
 */
export function licencesNear(license: string): string[] {
  return suggestionsInList(license.trim().replace(/\s+/g, '-'), knownLicences().ids);
}

/** Warns about a package's licence that is neither a web address nor an SPDX identifier known here, with the nearest. */
export function checkLicence(license: unknown, report: RecordReport): void {
  if (typeof license !== 'string' || /^https?:\/\//i.test(license) || /^LicenseRef-/i.test(license)) return;
  if (knownLicences().lower.has(license.toLowerCase())) return;
  report('package.unknown-licence', ['license'], { value: license, suggestions: licencesNear(license) });
}
