/** The client's types are generated from the contract; they agree with @phx/schema's, and they narrow as promised. */
import type { Collection as SchemaCollection, DataPackageInput, Facility as SchemaFacility, IndicatorDefinition as SchemaIndicator, Meeting as SchemaMeeting, Observation as SchemaObservation, Organisation as SchemaOrganisation, RecordType as SchemaRecordType, ValidationIssue as SchemaIssue } from '@phx/schema';
import type { ImportSummary as ContractSummary, ProblemDocument as ContractProblem, ProblemSlug as ContractSlug } from '@phx/schema/api';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient, isValidationFailed, ProblemError, type Collection, type Facility, type HubSettings, type ImportSummary, type IndicatorDefinition, type Meeting, type Observation,
  type Organisation, type DataPackage, type Page, type ProblemDocument, type ProblemSlug, type RecordType, type ValidationIssue, type Versioned,
} from '../src/index.js';

const client = createClient({ baseUrl: 'http://127.0.0.1:8080', token: 't' });

describe('types generated from the OpenAPI document agree with the contract', () => {
  it('records, both ways', () => {
    expectTypeOf<Organisation>().toExtend<SchemaOrganisation>();
    expectTypeOf<SchemaOrganisation>().toExtend<Organisation>();
    expectTypeOf<Facility>().toExtend<SchemaFacility>();
    expectTypeOf<SchemaFacility>().toExtend<Facility>();
    expectTypeOf<IndicatorDefinition>().toExtend<SchemaIndicator>();
    expectTypeOf<SchemaIndicator>().toExtend<IndicatorDefinition>();
    expectTypeOf<Observation>().toExtend<SchemaObservation>();
    expectTypeOf<SchemaObservation>().toExtend<Observation>();
    expectTypeOf<Meeting>().toExtend<SchemaMeeting>();
    expectTypeOf<SchemaMeeting>().toExtend<Meeting>();
    expectTypeOf<DataPackage>().toExtend<DataPackageInput>();
    expectTypeOf<DataPackageInput>().toExtend<DataPackage>();
  });

  it('collections and record types', () => {
    expectTypeOf<Collection>().toEqualTypeOf<SchemaCollection>();
    expectTypeOf<RecordType>().toEqualTypeOf<SchemaRecordType>();
  });

  it('answers and problems', () => {
    // Params are typed per code in @phx/schema; on the wire, and so here, they are an object of them.
    expectTypeOf<Omit<SchemaIssue, 'params'>>().toExtend<Omit<ValidationIssue, 'params'>>();
    type ParamsAside<T extends { issues: { params: object }[] }> = Omit<T, 'issues'> & { issues: Omit<T['issues'][number], 'params'>[] };
    expectTypeOf<ParamsAside<ImportSummary>>().toEqualTypeOf<ParamsAside<ContractSummary>>();
    expectTypeOf<ProblemSlug>().toEqualTypeOf<ContractSlug>();
    expectTypeOf<ProblemDocument>().toExtend<ContractProblem>();
  });
});

describe('the client', () => {
  it('reads records of the right type', () => {
    expectTypeOf(client.observations.get('o')).resolves.toEqualTypeOf<Versioned<Observation>>();
    expectTypeOf(client.facilities.page()).resolves.toEqualTypeOf<Page<Facility>>();
    expectTypeOf(client.indicators.list()).toEqualTypeOf<AsyncIterableIterator<IndicatorDefinition>>();
  });

  it('accepts only the filters of a collection', () => {
    client.observations.list({ indicator: 'x', country: 'ZA', organisation: 'o', facility: 'f', from: '2020-01-01', to: '2020-12-31' });
    // @ts-expect-error facilities are not filtered by indicator
    client.facilities.list({ indicator: 'x' });
    // @ts-expect-error a country is an ISO code
    client.facilities.list({ country: 'South Africa' });
  });

  it('needs ifMatch to change a record, and offers no writes on indicators', () => {
    // @ts-expect-error ifMatch is required
    void client.observations.update('o', { notes: 'x' }, {});
    // @ts-expect-error the catalogue is read-only
    void client.indicators.create;
    expectTypeOf(client.packages.import).returns.resolves.toEqualTypeOf<ImportSummary>();
    // @ts-expect-error a record is checked against its schema
    void client.observations.create({ id: 'o' });
  });

  it('calls any operation by path, typed from paths', () => {
    expectTypeOf(client.call('get', '/v1/meetings/{id}', { path: { id: 'm' } })).resolves.toHaveProperty('data').toEqualTypeOf<Meeting>();
    // @ts-expect-error the path needs its id
    void client.call('get', '/v1/meetings/{id}', {});
    // @ts-expect-error no PUT on the catalogue
    void client.call('put', '/v1/indicators/{code}', { path: { code: 'x' } });
    expectTypeOf(client.call('get', '/schemas/v1/{file}', { path: { file: 'Observation.schema.json' } })).resolves.toHaveProperty('data').toEqualTypeOf<Record<string, unknown>>();
    // @ts-expect-error the hub serves the schemas of the format only
    void client.call('get', '/schemas/v1/{file}', { path: { file: 'Prison.schema.json' } });
  });

  it("gives the hub's settings as the operation does", () => {
    expectTypeOf(client.settings()).resolves.toEqualTypeOf<HubSettings>();
    expectTypeOf(client.call('get', '/v1/settings', {})).resolves.toHaveProperty('data').toEqualTypeOf<HubSettings>();
    expectTypeOf<HubSettings['suppressionThreshold']>().toEqualTypeOf<number>();
  });

  it('narrows a problem on its slug', () => {
    const error = new ProblemError({ type: 'about:blank', title: 'x', status: 500 }, new Response());
    if (error.is('validation-failed')) expectTypeOf(error.problem.issues).toEqualTypeOf<ValidationIssue[]>();
    if (error.is('precondition-failed')) expectTypeOf(error.problem.etag).toEqualTypeOf<string>();
    const unknown: unknown = error;
    if (isValidationFailed(unknown)) expectTypeOf(unknown.slug).toEqualTypeOf<'validation-failed'>();
  });
});
