import { indicatorCatalogue, type DataPackage, type IndicatorDefinition } from '@phx/schema';

/** The indicator definitions a package can use: the catalogue, then the package's own (which win). */
export function indicatorsOf(pkg: Pick<DataPackage, 'indicators'>): Map<string, IndicatorDefinition> {
  const byCode = new Map<string, IndicatorDefinition>();
  for (const definition of indicatorCatalogue) byCode.set(definition.code, definition);
  for (const definition of pkg.indicators ?? []) byCode.set(definition.code, definition);
  return byCode;
}

/** Whether an indicator definition is the catalogue's own (so a target need not carry it). */
export function isCatalogued(definition: IndicatorDefinition): boolean {
  return indicatorCatalogue.some((entry) => entry.code === definition.code);
}
