import type ExcelJS from 'exceljs';

type Row = Readonly<Record<string, string | number>>;

const byGroup: Row[] = [
  { id: 'ua-hiv-2020-f', 'disaggregation.sex': 'female', numerator: 46, denominator: 610, value: 7.5 },
  { id: 'ua-hiv-2020-m', 'disaggregation.sex': 'male', numerator: 512, denominator: 9840, value: 5.2 },
  { id: 'ua-hiv-2020', numerator: 558, denominator: 10450, value: 5.3 },
];

/**
 * The observations of the spreadsheets guide's example (docs/csv.md), by field path: HIV prevalence in Ukraine's
 * prisons in 2020, for women, for men and for everyone.
 */
export const guideObservations: readonly Row[] = byGroup.map((row) => ({
  indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-21514560', 'scope.country': 'UA', 'period.start': '2020-01-01', 'period.end': '2020-12-31', unit: 'percent', dataSource: 'routine-programme-data',
  ...row,
}));

/**
 * Fills the observations sheet of a workbook made by `phx template` (field paths in row 2) with `rows` from row 3, as a
 * user types them; gives the column of a field path, from 1.
 */
export function fillObservations(workbook: ExcelJS.Workbook, rows: readonly Row[]): (path: string) => number {
  const sheet = workbook.getWorksheet('observations')!;
  const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
  const column = (path: string): number => paths.indexOf(path) + 1;
  rows.forEach((row, at) => {
    for (const [path, value] of Object.entries(row)) sheet.getCell(3 + at, column(path)).value = value;
  });
  return column;
}
