import type ExcelJS from 'exceljs';

/**
 * Adds a sheet of facilities as people make one by hand: named as they like, field paths in its first row, a
 * blank row, a capacity typed as text with a space between its thousands. It reads as two facilities in Lviv and
 * Kyiv, the second capacity noted as read from a local form.
 */
export function addFacilitiesByHand(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Мої установи');
  sheet.addRow(['id', 'country', 'facilityType', 'capacity']);
  sheet.addRow(['ua-lviv-19', 'UA', 'prison', 1200]);
  sheet.addRow([]);
  sheet.addRow(['ua-kyiv-sizo', 'UA', 'pre-trial-detention', '2 850']);
  return sheet;
}
