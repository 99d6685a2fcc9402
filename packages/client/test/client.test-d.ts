import type { Facility, IndicatorDefinition, Observation, ValidationIssue } from '@phx/schema';
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, ValidationFailedError, type ImportSummary, type Page, type Versioned } from '../src/index.js';

const client = createClient({ baseUrl: 'http://127.0.0.1:8080', token: 't' });

describe('resource methods are typed from the schemas', () => {
  it('reads records of the right type', () => {
    expectTypeOf(client.observations.get('o')).resolves.toEqualTypeOf<Versioned<Observation>>();
    expectTypeOf(client.facilities.page()).resolves.toEqualTypeOf<Page<Facility>>();
    expectTypeOf(client.indicators.list()).toEqualTypeOf<AsyncIterableIterator<IndicatorDefinition>>();
  });

  it('accepts only the filters of a collection', () => {
    client.observations.list({ indicator: 'x', country: 'ZA', organisation: 'o', facility: 'f', from: '2020-01-01', to: '2020-12-31' });
    // @ts-expect-error facilities are not filtered by indicator
    client.facilities.list({ indicator: 'x' });
  });

  it('needs ifMatch to change a record, and offers no writes on indicators', () => {
    // @ts-expect-error ifMatch is required
    void client.observations.update('o', { notes: 'x' }, {});
    // @ts-expect-error the catalogue is read-only
    void client.indicators.create;
    expectTypeOf(client.packages.import).returns.resolves.toEqualTypeOf<ImportSummary>();
  });

  it('types the issues of a validation failure', () => {
    expectTypeOf<ValidationFailedError['issues']>().toEqualTypeOf<ValidationIssue[]>();
    // @ts-expect-error a record is checked against its schema
    void client.observations.create({ id: 'o' });
  });
});
