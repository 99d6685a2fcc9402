/**
 * Build a data package in code with the inferred types, check it, and write it as .phx.json.
 *
 *   npx tsx examples/build-package.ts [out.phx.json]
 */
import { writeFileSync } from 'node:fs';
import { PHX_VERSION, SCHEMA_BASE_URL, validate, type DataPackage, type Observation } from '@phx/schema';

const publisher = { id: 'ZM-PACRA-120000123', name: 'Zambia Prisons Reintegration Trust' };

// Two sexes and their total: the rules check that the parts do not exceed the total.
const tested = { female: 180, male: 1220 };
const positive = { female: 21, male: 97 };
const observation = (sex: 'female' | 'male' | 'all', numerator: number, denominator: number): Observation => ({
  id: `zm-hiv-prevalence-2020-${sex}`,
  indicator: 'hiv-prevalence-prisoners',
  reportingOrganisation: publisher.id,
  scope: { country: 'ZM' },
  period: { start: '2020-01-01', end: '2020-12-31' },
  ...(sex === 'all' ? {} : { disaggregation: { sex } }),
  numerator,
  denominator,
  value: Number(((numerator / denominator) * 100).toFixed(1)),
  unit: 'percent',
  dataSource: 'routine-programme-data',
});

const pkg: DataPackage = {
  $schema: `${SCHEMA_BASE_URL}DataPackage.schema.json`,
  phxVersion: PHX_VERSION,
  id: 'zm-2020-hiv-testing',
  publisher,
  license: 'CC-BY-4.0',
  publishedAt: new Date('2021-03-01T09:00:00Z').toISOString(),
  organisations: [
    { id: publisher.id, name: { en: publisher.name }, organisationType: 'ngo', countries: ['ZM'], focusAreas: ['hiv-testing-counselling', 'reintegration-housing'] },
  ],
  observations: [
    observation('female', positive.female, tested.female),
    observation('male', positive.male, tested.male),
    observation('all', positive.female + positive.male, tested.female + tested.male),
  ],
};

const { ok, issues } = validate(pkg);
if (!ok) {
  for (const issue of issues) console.error(`${issue.pointer} ${issue.code} ${issue.message}`);
  process.exit(1);
}
const out = process.argv[2] ?? 'zm-2020.phx.json';
writeFileSync(out, JSON.stringify(pkg, null, 2) + '\n');
console.log(`wrote ${out} with ${pkg.observations?.length} observations`);
