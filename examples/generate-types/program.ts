// A program typed only by the types generated from the JSON Schema (no zod, no @phx/schema).
import type { DataPackage, Observation } from './phx-types.js';

export function observationsOf(pkg: DataPackage, country: string): Observation[] {
  return (pkg.observations ?? []).filter((observation) => observation.scope.country === country);
}

const pkg: DataPackage = {
  phxVersion: '1.0',
  id: 'example',
  publisher: { id: 'PHX-ORG-0001', name: 'Network secretariat' },
  license: 'CC-BY-4.0',
  publishedAt: '2021-01-01T00:00:00Z',
  observations: [],
};
console.log(observationsOf(pkg, 'ZM').length);
