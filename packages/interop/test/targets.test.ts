import { describe, expect, it } from 'vitest';
import { recordTypes, validate } from '@phx/schema';
import { exportPackage, exportTargets, fieldMaps, importPackage, importSources, type ExportTarget, type ImportSource } from '../src/targets.js';
import { gamDhis2Template } from '../src/dhis2/template.js';
import { examplePackage } from './support.js';

const pkg = examplePackage();
const header = { license: 'CC-BY-4.0' };
type Shape = { _zod: { def: { type: string; shape?: Record<string, Shape>; innerType?: Shape } } };

/** The fields of a record schema, nested objects as dotted paths. */
function schemaFields(shape: Record<string, Shape>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    const inner = field._zod.def.type === 'optional' ? field._zod.def.innerType! : field;
    const nested = inner._zod.def.type === 'object' && !['name', 'description'].includes(name) ? inner._zod.def.shape : undefined;
    const dotted = nested ? schemaFields(nested, `${prefix}${name}.`) : [];
    return [`${prefix}${name}`, ...dotted];
  });
}

describe('every target', () => {
  it.each(exportTargets)('%s: the example package exports, and its field map names every field of every record type it carries', (target) => {
    const { files, notes } = exportPackage(pkg, target);
    expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
    expect(files[0]!.role).toBe('data');
    expect(files[0]!.content.length).toBeGreaterThan(100);
    for (const [type, mappings] of Object.entries(fieldMaps[target])) {
      if (type === 'package') continue;
      const named = new Set(mappings!.map((m) => m.field));
      const shape = (recordTypes[type as keyof typeof recordTypes].schema as unknown as { shape: Record<string, Shape> }).shape;
      for (const field of schemaFields(shape)) {
        const covered = named.has(field) || [...named].some((n) => n.startsWith(`${field}.`) || field.startsWith(`${n}.`));
        expect(covered, `${target} ${type}.${field}`).toBe(true);
      }
    }
  });

  it.each([
    ['fhir', 'fhir'],
    ['dhis2', 'dhis2'],
    ['dhis2-csv', 'dhis2-csv'],
    ['sdmx-csv', 'sdmx-csv'],
  ] as [ExportTarget, ImportSource][])('%s export imports back as a valid package', (target, source) => {
    const { files } = exportPackage(pkg, target);
    const { package: back, notes } = importPackage(files[0]!.content, source, { header: { ...header, publisher: pkg.publisher } });
    expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
    expect(back!.observations!.length).toBeGreaterThan(0);
    const errors = validate(back!, { now: new Date('2022-01-01T00:00:00Z') }).issues.filter((i) => i.severity === 'error' && !i.code.startsWith('ref.'));
    expect(errors).toEqual([]);
  });

  it.each(importSources)('%s import completed with the records the source does not carry is valid, references and all', (source) => {
    const { files } = exportPackage(pkg, source);
    const { package: back } = importPackage(files[0]!.content, source, { header: { ...header, publisher: pkg.publisher }, knownRecords: pkg });
    expect(validate(back!, { now: new Date('2022-01-01T00:00:00Z') }).issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Only the records referred to are added (FHIR carries every organisation itself): those that report, and the publisher.
    const referred = new Set([pkg.publisher.id, ...back!.observations!.map((o) => o.reportingOrganisation)]);
    if (source !== 'fhir') expect(new Set(back!.organisations!.map((o) => o.id))).toEqual(referred);
  });

  it('reports a mapping that does not pass its schema, and text that is not JSON, as errors', () => {
    expect(exportPackage(pkg, 'dhis2', { mapping: { dataElements: 'none' } }).notes[0]).toMatchObject({ code: 'dhis2.mapping-invalid', severity: 'error' });
    for (const source of importSources.filter((s) => s !== 'sdmx-csv' && s !== 'dhis2-csv')) {
      expect(importPackage('{', source, { header }).notes[0]!.severity).toBe('error');
    }
  });
});

describe('a DHIS2 export that would send no data value', () => {
  // A mapping of one indicator the example package has no observation of: every observation is left out.
  const template = gamDhis2Template();
  const mapping = { ...template, dataElements: template.dataElements.filter((element) => !pkg.observations!.some((o) => o.indicator === element.indicator)).slice(0, 1) };

  it.each(['dhis2', 'dhis2-csv'] as const)('%s: makes no file, with an error note that says so before the warnings that say why', (target) => {
    const { files, notes } = exportPackage(pkg, target, { mapping });
    expect(files).toEqual([]);
    expect(notes[0]).toMatchObject({ code: 'dhis2.nothing-to-send', severity: 'error', params: {}, count: 1 });
    expect(notes[0]!.message).toBe('no observation could be sent to DHIS2, so no file is made: the warnings say why');
    expect(notes.filter((note) => note.severity === 'error')).toHaveLength(1);
    const unmapped = notes.filter((note) => note.code === 'dhis2.unmapped-indicator');
    expect(unmapped.reduce((sum, note) => sum + note.count, 0)).toBe(pkg.observations!.length);
  });

  it('of a package without observations makes no file either; the other targets write what the package holds', () => {
    const { observations: _, ...empty } = pkg;
    for (const target of ['dhis2', 'dhis2-csv'] as const) {
      const { files, notes } = exportPackage(empty, target);
      expect(files).toEqual([]);
      expect(notes[0]).toMatchObject({ code: 'dhis2.nothing-to-send', severity: 'error' });
    }
    for (const target of exportTargets.filter((t) => !t.startsWith('dhis2'))) {
      const { files, notes } = exportPackage(empty, target);
      expect(files.length, target).toBeGreaterThan(0);
      expect(notes.filter((note) => note.severity === 'error'), target).toEqual([]);
    }
  });
});
