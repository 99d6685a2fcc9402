import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { columnHeading, fileFormats, formatIssue, issueCodes, readXlsx, validate, validateCsv, validateXlsx, type IssueCode } from '@phx/schema';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { invalidPackage, packageText, validPackage } from './fixtures/packages.js';
import { invalidCsv, semicolonCsv, slashDatesCsv } from './fixtures/tables.js';
import { chooseFiles, dropFiles, screenshot, waitForResults, type PageOptions } from './support/browser.js';
import { examplesDir } from './support/paths.js';
import { browserSession } from './support/session.js';

const require = createRequire(import.meta.url);

// Served from a sub-path: the page must not assume it lives at the root.
const session = browserSession('/tools/validator/');
const open = (options?: PageOptions): Promise<Page> => session.open(options);

/** The cells of the issues table, row by row, as shown. */
function issueRows(page: Page): Promise<string[][]> {
  return page.locator('#issues tbody tr').evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.innerText.trim())));
}

/** Clicks a download button of the page and gives the file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])) as [Download, void];
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The text of a file's summary card. */
function summaryOf(page: Page, name: string): Promise<string> {
  return page.locator('.file-summary', { has: page.getByRole('heading', { name, exact: true }) }).innerText();
}

/** Runs axe-core in the page and returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((node) => node.target.join(' ')) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}


describe('the example data', () => {
  it('says the dropped example package and its NDJSON twin are valid, with their records per type', async () => {
    const text = await readFile(join(examplesDir, 'network-meeting-2020.phx.json'), 'utf8');
    const ndjson = await readFile(join(examplesDir, 'network-meeting-2020.phx.ndjson'), 'utf8');
    const pkg = JSON.parse(text) as Record<string, unknown[]>;
    const page = await open();
    await dropFiles(page, [
      { name: 'network-meeting-2020.phx.json', text },
      { name: 'network-meeting-2020.phx.ndjson', text: ndjson },
    ]);
    await waitForResults(page);
    for (const name of ['network-meeting-2020.phx.json', 'network-meeting-2020.phx.ndjson']) {
      const summary = await summaryOf(page, name);
      expect(summary).toContain(`${name} is valid.`);
      for (const [collection, label] of [['organisations', 'Organisations'], ['facilities', 'Facilities'], ['observations', 'Observations'], ['meetings', 'Meetings']] as const) {
        expect(summary, name).toContain(`${label}\t${pkg[collection]!.length}`);
      }
    }
    await screenshot(page, 'example-valid');
  });

  it('shows the expected code of every invalid example at its line', async () => {
    const folder = join(examplesDir, 'invalid');
    const expected = JSON.parse(await readFile(join(folder, 'expected.json'), 'utf8')) as Record<string, { code: string; line: number; also?: string[] }>;
    const names = (await readdir(folder)).filter((name) => name !== 'expected.json');
    expect(names.sort()).toEqual(Object.keys(expected).sort());
    const page = await open();
    await chooseFiles(page, await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(folder, name), 'utf8') }))));
    await waitForResults(page);
    while (await page.locator('#show-more').isVisible()) await page.locator('#show-more').click();
    const rows = await issueRows(page);
    for (const name of names) {
      const { code, line, also = [] } = expected[name]!;
      expect(await summaryOf(page, name), name).toContain(issueCodes[code as IssueCode].severity === 'warning' ? 'is valid, with warnings' : 'has errors');
      const found = rows.filter((row) => row[0] === name);
      expect(found.some((row) => row[2] === code && row[6]!.startsWith(`line ${line}, column `)), `${name}: ${code} at line ${line}`).toBe(true);
      for (const other of also) expect(found.map((row) => row[2]), name).toContain(other);
    }
    await screenshot(page, 'example-invalid');
  });
});

describe('checking a .phx.json package', () => {
  it('says a dropped valid package is valid, with its records per type', async () => {
    const page = await open();
    await screenshot(page, 'start');
    await dropFiles(page, [{ name: 'zambia-2020.phx.json', text: packageText(validPackage) }]);
    await waitForResults(page);
    const summary = await summaryOf(page, 'zambia-2020.phx.json');
    expect(summary).toContain('zambia-2020.phx.json is valid.');
    expect(summary).toMatch(/Errors\s+0/);
    expect(summary).toMatch(/Organisations\s+2/);
    expect(summary).toMatch(/Facilities\s+1/);
    expect(summary).toMatch(/Observations\s+2/);
    await expect(page.locator('#issues').innerText()).resolves.toBe('No issues found.');
    await expect(page.locator('#status').innerText()).resolves.toBe('zambia-2020.phx.json is valid.');
    await screenshot(page, 'valid-package');
  });

  it('lists every issue with its code, record, field, message and line and column', async () => {
    const page = await open();
    const text = packageText(invalidPackage);
    await chooseFiles(page, [{ name: 'invalid.phx.json', text }]);
    await waitForResults(page);
    expect(await summaryOf(page, 'invalid.phx.json')).toContain('invalid.phx.json has errors and is not valid.');
    const expected = validate(text).issues;
    expect(expected.map((issue) => issue.code)).toEqual(['arith.numerator-exceeds-denominator', 'arith.percent-out-of-range', 'ref.unknown-organisation']);
    expect(await issueRows(page)).toEqual(
      expected.map((issue) => {
        const [, index] = issue.path as [string, number];
        const id = invalidPackage.observations![index]!.id;
        const { line, column } = issue.location as { line: number; column: number };
        return ['Error', issue.code, `observations[${index}] ${id}`, `/${issue.path.slice(2).join('/')}`, issue.message, `line ${line}, column ${column}`];
      }),
    );
    await screenshot(page, 'invalid-package');
  });

  it('shows the offending record when an issue is chosen, and returns focus when it closes', async () => {
    const page = await open();
    await chooseFiles(page, [{ name: 'invalid.phx.json', text: packageText(invalidPackage) }]);
    await waitForResults(page);
    const recordButton = page.getByRole('button', { name: 'observations[1] obs-2' });
    await recordButton.click();
    const dialog = page.getByRole('dialog', { name: 'Record: observations[1] obs-2' });
    await dialog.waitFor();
    expect(JSON.parse(await dialog.locator('pre').innerText())).toEqual(invalidPackage.observations![1]);
    expect(await dialog.innerText()).toContain('The issue is in this field: /reportingOrganisation');
    expect(await dialog.locator('.focus-line').innerText()).toBe('  "reportingOrganisation": "PHX-ORG-9999",');
    await screenshot(page, 'record-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await recordButton.evaluate((button) => button === document.activeElement)).toBe(true);
    // A click anywhere on a row opens its record too.
    await page.locator('#issues tbody tr').first().locator('td.message').click();
    await page.getByRole('dialog', { name: 'Record: observations[0] obs-1' }).waitFor();
  });

  it('filters issues by severity and code, and sorts them by any column', async () => {
    const page = await open();
    // A warning besides the errors: an email address in free text looks like personal data.
    const pkg = { ...invalidPackage, observations: [...invalidPackage.observations!, { ...validPackage.observations![1]!, id: 'obs-3', notes: 'Ask jane.doe@example.org for the registers' }] };
    const text = packageText(pkg);
    const codes = validate(text).issues.map((issue) => issue.code);
    expect(codes).toContain('privacy.personal-data');
    await chooseFiles(page, [{ name: 'mixed.phx.json', text }]);
    await waitForResults(page);
    const column = async (index: number): Promise<string[]> => (await issueRows(page)).map((row) => row[index]!);

    await page.getByRole('combobox', { name: 'Severity' }).selectOption('warning');
    expect(await column(1)).toEqual(['privacy.personal-data']);
    await expect(page.locator('#issues-count').innerText()).resolves.toBe(`Showing 1 of 1 issues.`);
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');
    await page.getByRole('combobox', { name: 'Code' }).selectOption('arith.percent-out-of-range');
    expect(await column(1)).toEqual(['arith.percent-out-of-range']);
    await page.getByRole('combobox', { name: 'Code' }).selectOption('all');

    await page.getByRole('button', { name: 'Code', exact: true }).click();
    expect(await column(1)).toEqual([...codes].sort());
    expect(await page.locator('#issues th', { has: page.locator('#sort-code') }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Code', exact: true }).click();
    expect(await column(1)).toEqual([...codes].sort().reverse());
    expect(await page.locator('#issues th', { has: page.locator('#sort-code') }).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Severity', exact: true }).click();
    expect(await column(0)).toEqual(['Error', 'Error', 'Error', 'Warning']);
  });

  it('downloads the issues as CSV and as JSON', async () => {
    const page = await open();
    const text = packageText(invalidPackage);
    await chooseFiles(page, [{ name: 'invalid.phx.json', text }]);
    await waitForResults(page);
    const download = async (name: string): Promise<{ file: string; text: string }> => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { file: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
    };
    const expected = validate(text).issues;
    const json = await download('Download issues (JSON)');
    expect(json.file).toBe('phx-issues.json');
    const parsed = JSON.parse(json.text) as { files: { name: string; ok: boolean }[]; issues: { file: string; code: string; location: unknown; message: string }[] };
    expect(parsed.files).toMatchObject([{ name: 'invalid.phx.json', ok: false }]);
    expect(parsed.issues.map(({ file, code, location, message }) => ({ file, code, location, message }))).toEqual(
      expected.map(({ code, location, message }) => ({ file: 'invalid.phx.json', code, location, message })),
    );
    const csv = await download('Download issues (CSV)');
    expect(csv.file).toBe('phx-issues.csv');
    // A byte order mark, so that Excel reads UTF-8 whatever the computer's code page.
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.text.slice(1).trim()).data;
    expect(rows[0]).toEqual(['File', 'Severity', 'Code', 'Record', 'Field', 'Message', 'Location']);
    // Each row as the table shows it: the record named, the field within it, the place in words.
    expect(rows.slice(1).map(([file, severity, code, , , message, place]) => [file, severity, code, message, place])).toEqual(
      expected.map(({ code, location, message }) => {
        const { line, column } = location as { line: number; column: number };
        return ['invalid.phx.json', 'Error', code, message, `line ${line}, column ${column}`];
      }),
    );
    rows.slice(1).forEach(([, , , record, field], i) => {
      expect(record).not.toBe('');
      expect(expected[i]!.pointer.endsWith(field!)).toBe(true);
    });
    // In Ukrainian, as Excel in a Ukrainian locale opens it: cells separated by `;`, the table's words and the messages in Ukrainian.
    await page.locator('#language').selectOption('uk');
    await page.getByRole('heading', { level: 1, name: 'Перевірка даних PHX' }).waitFor();
    // The issues follow the page's words once the worker has rendered their messages again, and their download with
    // them: the button is named in Ukrainian only then.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Завантажити зауваження (CSV)' }).click()]);
    const ukText = await readFile((await file.path())!, 'utf8');
    expect(ukText.charCodeAt(0)).toBe(0xfeff);
    const uk = Papa.parse<string[]>(ukText.slice(1).trim(), { delimiter: ';' }).data;
    expect(uk[0]).toEqual(['Файл', 'Важливість', 'Код', 'Запис', 'Поле', 'Повідомлення', 'Місце']);
    expect(uk.slice(1).map(([file, severity, code, , , message, place]) => [file, severity, code, message, place])).toEqual(
      validate(text, { locale: 'uk' }).issues.map(({ code, location, message }) => {
        const { line, column } = location as { line: number; column: number };
        return ['invalid.phx.json', 'Помилка', code, message, `рядок ${line}, стовпець ${column}`];
      }),
    );
  });

  it('checks several files at once, each with its own summary', async () => {
    const page = await open();
    await chooseFiles(page, [
      { name: 'valid.phx.json', text: packageText(validPackage) },
      { name: 'invalid.phx.json', text: packageText(invalidPackage) },
    ]);
    await waitForResults(page);
    expect(await summaryOf(page, 'valid.phx.json')).toContain('valid.phx.json is valid.');
    expect(await summaryOf(page, 'invalid.phx.json')).toContain('has errors');
    const rows = await issueRows(page);
    expect(rows.map((row) => row[0])).toEqual(['invalid.phx.json', 'invalid.phx.json', 'invalid.phx.json']);
  });
});

describe('checking a CSV table', () => {
  it('reads `;` separators with decimal commas and converts a valid table to .phx.json', async () => {
    const page = await open();
    await chooseFiles(page, [{ name: 'observations.csv', text: semicolonCsv }]);
    await waitForResults(page);
    const summary = await summaryOf(page, 'observations.csv');
    expect(summary).toContain('observations.csv is valid.');
    expect(summary).toMatch(/Observations\s+2/);
    await screenshot(page, 'valid-csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as .phx.json' }).click()]);
    expect(download.suggestedFilename()).toBe('observations.phx.json');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const pkg = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { observations: { id: string; value: number; numerator: number }[] };
    expect(pkg.observations.map(({ id, value, numerator }) => ({ id, value, numerator }))).toEqual([
      { id: 'obs-1', value: 12.5, numerator: 45 },
      { id: 'obs-2', value: 84.4, numerator: 38 },
    ]);
  });

  it('reads a table headed by the workbook’s Ukrainian headings under a title, as phx validate reads it', async () => {
    const [header, ...rows] = semicolonCsv.replace(/^\uFEFF/, '').split('\r\n');
    const headed = ['\uFEFFЗвіт за 2020 рік', header!.split(';').map((column) => columnHeading(column, 'uk')).join(';'), ...rows].join('\r\n');
    expect(validateCsv(headed).ok).toBe(true);
    const page = await open();
    await chooseFiles(page, [{ name: 'zvit.csv', text: headed }]);
    await waitForResults(page);
    const summary = await summaryOf(page, 'zvit.csv');
    expect(summary).toContain('zvit.csv is valid.');
    expect(summary).toMatch(/Observations\s+2/);
  });

  it('lists the issues of a table at their row and column, and offers no conversion', async () => {
    const page = await open();
    await chooseFiles(page, [{ name: 'invalid.csv', text: invalidCsv }]);
    await waitForResults(page);
    const expected = validateCsv(invalidCsv).issues;
    expect(expected.map((issue) => issue.code)).toEqual(['sheet.column-not-read', 'arith.numerator-exceeds-denominator', 'arith.percent-out-of-range']);
    const rows = await issueRows(page);
    // Each at its cell as Excel names it when it opens the file.
    expect(expected.map((issue) => issue.location)).toMatchObject([{ row: 1, column: 12 }, { row: 2, column: 7 }, { row: 2, column: 9 }]);
    expect(rows.map((row) => [row[1], row[2], row[5]])).toEqual([
      ['sheet.column-not-read', 'row 1', 'cell L1'],
      ['arith.numerator-exceeds-denominator', 'row 2', 'cell G2'],
      ['arith.percent-out-of-range', 'row 2', 'cell I2'],
    ]);
    expect(await page.getByRole('button', { name: 'Download as .phx.json' }).count()).toBe(0);
    await page.getByRole('button', { name: 'row 2' }).first().click();
    expect(JSON.parse(await page.getByRole('dialog').locator('pre').innerText())).toMatchObject({ id: 'obs-1', numerator: 400, denominator: 360 });
  });
});

describe('a thousand typed as 1.234 in a `;`-separated table', () => {
  it('is read as a thousand, with a warning at its cell that it may be a decimal, as phx validate gives it, in the page’s language; the table still converts', async () => {
    const csv = semicolonCsv.replace(';45;360;12,5;', ';45;1.800;2,5;');
    const expected = validateCsv(csv).issues.filter((issue) => issue.severity !== 'info');
    expect(expected.map((issue) => [issue.code, issue.location])).toEqual([['sheet.ambiguous-thousands', { row: 2, column: 8, text: { line: 2, column: 76 } }]]);
    const page = await open();
    await chooseFiles(page, [{ name: 'observations.csv', text: csv }]);
    await waitForResults(page);
    expect(await summaryOf(page, 'observations.csv')).toContain('observations.csv is valid, with warnings to look at.');
    const warnings = (await issueRows(page)).filter((row) => row[0] === 'Warning');
    expect(warnings.map((row) => [row[1], row[2], row[4], row[5]])).toEqual([['sheet.ambiguous-thousands', 'row 2', expected[0]!.message, 'cell H2']]);
    expect(expected[0]!.message).toContain('1.800 was read as 1800');
    const { bytes } = await download(page, 'Download as .phx.json');
    expect((JSON.parse(bytes.toString('utf8')) as { observations: { denominator: number }[] }).observations.map(({ denominator }) => denominator)).toEqual([1800, 45]);

    await page.getByLabel('Language').selectOption('uk');
    await expect.poll(async () => (await issueRows(page)).filter((row) => row[1] === 'sheet.ambiguous-thousands').map((row) => row[4])).toEqual([formatIssue(expected[0]!, 'uk')]);
    expect(formatIssue(expected[0]!, 'uk')).toBe('Стовпець «denominator»: 1.800 прочитано як 1800 — крапку сприйнято як роздільник тисяч, як пише Excel іспанською. Якщо крапка тут — десятковий знак, введіть 1,800; якщо число справді 1800, введіть його без крапки: 1800');
  });
});

describe('the order of day and month', () => {
  /** The periods of the .phx.json the page makes of a checked table. */
  async function periodsOf(page: Page): Promise<{ start: string; end: string }[]> {
    const { bytes } = await download(page, 'Download as .phx.json');
    return (JSON.parse(bytes.toString('utf8')) as { observations: { period: { start: string; end: string } }[] }).observations.map(({ period }) => period);
  }

  it('asks for the order of dates such as 03/04/2020 until it is chosen, reads the table again in it, as phx validate --date-order does, and keeps it', async () => {
    const page = await open();
    const name = 'observations-en-gb.csv';
    await chooseFiles(page, [{ name, text: slashDatesCsv }]);
    await waitForResults(page);
    expect(await page.getByLabel('Date order').inputValue()).toBe('');
    expect(await summaryOf(page, name)).toContain(`${name} has errors and is not valid.`);
    const unknown = validateCsv(slashDatesCsv).issues;
    expect(unknown.map((issue) => issue.code)).toEqual(['sheet.date-order-unknown', 'sheet.date-order-unknown']);
    expect((await issueRows(page)).map((row) => [row[1], row[4]])).toEqual(unknown.map((issue) => [issue.code, issue.message]));

    await page.getByLabel('Date order').selectOption('day-month');
    await expect.poll(() => summaryOf(page, name)).toContain(`${name} is valid.`);
    expect((await issueRows(page)).map((row) => row[1])).toEqual(validateCsv(slashDatesCsv, { dateOrder: 'day-month' }).issues.map((issue) => issue.code));
    expect(await periodsOf(page)).toEqual([{ start: '2020-02-01', end: '2020-04-03' }, { start: '2020-06-05', end: '2020-08-07' }]);
    await screenshot(page, 'date-order-day-month');

    await page.getByLabel('Date order').selectOption('month-day');
    await expect.poll(() => periodsOf(page)).toEqual([{ start: '2020-01-02', end: '2020-03-04' }, { start: '2020-05-06', end: '2020-07-08' }]);

    // The choice is kept on this computer, named in the page's language, and a row shown as a record has its dates read in it.
    await page.getByLabel('Date order').selectOption('day-month');
    await page.reload();
    await page.getByLabel('Language').selectOption('uk');
    const setting = page.getByLabel('Порядок дат');
    expect(await setting.inputValue()).toBe('day-month');
    expect(await setting.locator('option').allInnerTexts()).toEqual(['Автоматично', 'День, потім місяць (day-month): 03/04/2020 → 3 квітня 2020 р.', 'Місяць, потім день (month-day): 03/04/2020 → 4 березня 2020 р.']);
    const unfinished = slashDatesCsv.replace(',38,45,', ',50,45,');
    await chooseFiles(page, [{ name, text: unfinished }]);
    await waitForResults(page);
    expect((await issueRows(page)).map((row) => row[1])).toEqual(validateCsv(unfinished, { dateOrder: 'day-month' }).issues.map((issue) => issue.code));
    await page.getByRole('button', { name: 'рядок 3' }).first().click();
    expect(JSON.parse(await page.getByRole('dialog').locator('pre').innerText())).toMatchObject({ id: 'obs-2', period: { start: '2020-06-05', end: '2020-08-07' } });
  });
});

describe('a CSV table saved in Windows-1251', () => {
  it('names the encoding, reads the file in it when asked, and shows its rows in Cyrillic', async () => {
    const text = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n' +
      'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,Добровільне тестування в СІЗО\r\n' +
      'obs-2,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2021-01-01,2021-12-31,400,360,111,percent,survey,Повторне тестування\r\n';
    const windows1251 = new TextDecoder('windows-1251');
    const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [windows1251.decode(Uint8Array.of(byte)), byte]));
    const page = await open();
    await page.locator('#file-input').setInputFiles({ name: 'cp1251.csv', mimeType: 'text/csv', buffer: Buffer.from(Uint8Array.from(text, (char) => byteOf.get(char)!)) });
    await waitForResults(page);
    expect((await issueRows(page)).map((row) => row[1])).toEqual(['syntax.invalid-encoding']);
    await page.getByRole('button', { name: 'Read it as Windows-1251 text' }).click();
    await expect.poll(async () => (await issueRows(page)).map((row) => row[1])).toEqual(validateCsv(new TextEncoder().encode(text)).issues.map((issue) => issue.code));
    const summary = await summaryOf(page, 'cp1251.csv');
    expect(summary).toMatch(/Encoding\s+Windows-1251/);
    expect(await page.getByRole('button', { name: 'Read it as Windows-1251 text' }).count()).toBe(0);
    await page.getByRole('button', { name: 'row 3' }).first().click();
    expect(JSON.parse(await page.getByRole('dialog').locator('pre').innerText())).toMatchObject({ id: 'obs-2', notes: 'Повторне тестування' });
  });
});

describe('a package as an Excel workbook', () => {
  it('offers a valid package as .xlsx, fetching the workbook writer only then; the workbook checks valid and comes back as the same package', async () => {
    const page = await open();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await chooseFiles(page, [{ name: 'zambia.phx.json', text: packageText(validPackage) }]);
    await waitForResults(page);
    expect(await page.getByRole('button', { name: 'Download as .phx.json' }).count()).toBe(0);
    expect(fetched.filter((url) => url.includes('exceljs'))).toEqual([]);
    const workbook = await download(page, 'Download as .xlsx');
    expect(workbook.name).toBe('zambia.xlsx');
    expect(fetched.filter((url) => url.includes('exceljs'))).toHaveLength(1);
    const read = await readXlsx(new Uint8Array(workbook.bytes));
    expect(read.issues).toEqual([]);
    expect(read.pkg).toEqual(JSON.parse(packageText(validPackage)));

    await page.locator('#file-input').setInputFiles({ name: workbook.name, mimeType: 'application/octet-stream', buffer: workbook.bytes });
    await page.locator('.file-summary', { has: page.getByRole('heading', { name: 'zambia.xlsx', exact: true }) }).waitFor();
    const summary = await summaryOf(page, 'zambia.xlsx');
    expect(summary).toContain('zambia.xlsx is valid.');
    expect(summary).toContain('Excel (.xlsx)');
    expect(await page.getByRole('button', { name: 'Download as .xlsx' }).count()).toBe(0);
    const json = await download(page, 'Download as .phx.json');
    expect(json.name).toBe('zambia.phx.json');
    expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(JSON.parse(packageText(validPackage)));
  });

  it('lists the issues of a workbook at their sheet and cell, and shows the row of its sheet as a record', async () => {
    const workbook = new ExcelJS.Workbook();
    const facilities = workbook.addWorksheet('facilities');
    facilities.addRow(['id', 'country', 'facilityType', 'capacity']);
    facilities.addRow(['zm-lusaka', 'ZM', 'prison', 1200]);
    facilities.addRow(['zm-kabwe', 'ZMX', 'prison', 800]);
    const organisations = workbook.addWorksheet('organisations');
    organisations.addRow(['id', 'name.en', 'organisationType', 'countries.0']);
    organisations.addRow(['ZM-PACRA-120000', 'Network', 'no-such-type', 'ZM']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const expected = (await validateXlsx(new Uint8Array(bytes))).issues.filter((issue) => issue.location);
    expect(expected.map((issue) => [issue.code, issue.location])).toEqual([
      ['schema.invalid-value', { sheet: 'organisations', row: 2, column: 3, cell: 'C2' }],
      ['schema.invalid-value', { sheet: 'facilities', row: 3, column: 2, cell: 'B3' }],
    ]);
    const page = await open();
    await page.locator('#file-input').setInputFiles({ name: 'network.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await waitForResults(page);
    const rows = (await issueRows(page)).filter((row) => row[5] !== '');
    expect(rows.map((row) => [row[1], row[2], row[5]])).toEqual([
      ['schema.invalid-value', 'sheet "facilities", row 3', 'sheet "facilities", cell B3'],
      ['schema.invalid-value', 'sheet "organisations", row 2', 'sheet "organisations", cell C2'],
    ]);
    await page.getByRole('button', { name: 'sheet "facilities", row 3' }).click();
    const dialog = page.getByRole('dialog');
    expect(JSON.parse(await dialog.locator('pre').innerText())).toEqual({ id: 'zm-kabwe', country: 'ZMX', facilityType: 'prison', capacity: 800 });
    expect(await dialog.locator('.focus-line').innerText()).toBe('  "country": "ZMX",');
  });

  it('writes a checked CSV table as a workbook with headings in the page’s language', async () => {
    const page = await open();
    await page.getByLabel('Language').selectOption('uk');
    await chooseFiles(page, [{ name: 'observations.csv', text: semicolonCsv }]);
    await waitForResults(page);
    const workbook = await download(page, 'Завантажити як .xlsx');
    expect(workbook.name).toBe('observations.xlsx');
    const read = await readXlsx(new Uint8Array(workbook.bytes));
    // A Package sheet waits for the header a CSV file does not hold, an organisations sheet for the organisation its rows name.
    expect(read.tables.map(({ sheet, table }) => [sheet, table.records.length])).toEqual([['Package', 0], ['organisations', 0], ['observations', 2]]);
    expect((read.pkg.observations as { value: number }[]).map((observation) => observation.value)).toEqual([12.5, 84.4]);
    expect(read.tables[1]!.table.headerRow).toBe(2);
  });
});

describe('languages', () => {
  it('switches the interface and the messages, and remembers the choice', async () => {
    const page = await open();
    const text = packageText(invalidPackage);
    await chooseFiles(page, [{ name: 'invalid.phx.json', text }]);
    await waitForResults(page);
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Проверка данных PHX' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    const expected = validate(text).issues.map((issue) => formatIssue(issue, 'ru'));
    await expect.poll(async () => (await issueRows(page)).map((row) => row[4])).toEqual(expected);
    expect(await summaryOf(page, 'invalid.phx.json')).toContain('В файле invalid.phx.json есть ошибки');
    expect((await issueRows(page))[0]![5]).toMatch(/^строка \d+, столбец \d+$/);
    await expect(page.locator('#rules-title').innerText()).resolves.toMatch(/^Коды правил \(\d+\)$/);
    await screenshot(page, 'invalid-package-ru');

    await page.reload();
    await page.getByRole('heading', { name: 'Проверка данных PHX' }).waitFor();
    expect(await page.getByLabel('Язык').inputValue()).toBe('ru');
    for (const [locale, title] of [['fr', 'Validateur de données PHX'], ['es', 'Validador de datos PHX'], ['en', 'PHX data validator']] as const) {
      await page.locator('#language').selectOption(locale);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
  });

  it('starts in the browser’s language when none was chosen', async () => {
    const page = await open({ locale: 'es-ES' });
    await page.getByRole('heading', { level: 1, name: 'Validador de datos PHX' }).waitFor();
  });
});

describe('reference', () => {
  it('lists the indicator catalogue and the rule codes from @phx/schema', async () => {
    const { indicatorCatalogue, issueCodes } = await import('@phx/schema');
    const page = await open();
    await page.getByText(/^Indicator catalogue/).click();
    const indicators = await page.locator('#indicators-body tbody tr').evaluateAll((rows) => rows.map((row) => row.id));
    expect(indicators).toEqual(indicatorCatalogue.map((indicator) => `indicator-${indicator.code}`));
    expect(await page.locator('#indicator-hiv-prevalence-prisoners').innerText()).toContain('HIV prevalence among people in prison');
    await page.getByText(/^Rule codes/).click();
    const rules = await page.locator('#rules-body tbody tr').evaluateAll((rows) => rows.map((row) => row.id));
    expect(rules).toEqual(Object.keys(issueCodes).map((code) => `rule-${code}`));
    await page.locator('#language').selectOption('fr');
    await expect.poll(() => page.locator('#indicator-hiv-prevalence-prisoners').innerText()).toContain('Prévalence du VIH chez les personnes détenues');
    await screenshot(page, 'reference-fr');
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations, before and after a check, with the reference and a record open', async () => {
    const page = await open({ bypassCSP: true });
    expect(await seriousViolations(page)).toEqual([]);
    await chooseFiles(page, [{ name: 'invalid.phx.json', text: packageText(invalidPackage) }]);
    await waitForResults(page);
    await page.getByText(/^Indicator catalogue/).click();
    await page.getByText(/^Rule codes/).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'observations[0] obs-1' }).first().click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers in the file chooser every file the page reads, workbooks included', async () => {
    const page = await open();
    const accept = (await page.locator('#file-input').getAttribute('accept'))!.split(',');
    const read = (['json', 'ndjson', 'csv', 'xlsx'] as const).flatMap((format) => [...fileFormats[format].extensions, ...fileFormats[format].mediaTypes]);
    // `.phx.json` is offered as `.json`: a chooser matches the last ending of a name.
    expect(read.filter((ending) => !accept.includes(ending.replace(/^\.phx\./, '.')))).toEqual([]);
    await expect(page.locator('#drop-zone').innerText()).resolves.toContain('.xlsx');
  });

  it('reaches every control by keyboard, with a visible focus', async () => {
    const page = await open();
    await chooseFiles(page, [{ name: 'invalid.phx.json', text: packageText(invalidPackage) }]);
    await waitForResults(page);
    const focused: { id: string; text: string; outline: string }[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          // The file input is hidden; its label is what shows the focus.
          const shown = element.id === 'file-input' ? (element.nextElementSibling as HTMLElement) : element;
          const style = getComputedStyle(shown);
          return { id: element.id, text: element.textContent?.trim() ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}` };
        }),
      );
    }
    const ids = focused.map((entry) => entry.id);
    for (const id of ['language', 'file-input', 'filter-severity', 'filter-code', 'download-csv', 'download-json', 'sort-code', 'sort-location']) expect(ids).toContain(id);
    expect(focused.some((entry) => entry.text === 'observations[0] obs-1')).toBe(true);
    expect(focused.some((entry) => entry.text.startsWith('Indicator catalogue'))).toBe(true);
    for (const entry of focused.filter((entry) => entry.id !== '')) expect(entry.outline, entry.id).toBe('solid 3px');

    // Sorting and opening a record work from the keyboard alone.
    await page.locator('#sort-code').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#issues th', { has: page.locator('#sort-code') }).getAttribute('aria-sort')).toBe('ascending');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sort-code');
    const record = page.getByRole('button', { name: 'observations[1] obs-2' });
    await record.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    // Focus moves into the dialog, onto the record, which can then be scrolled with the arrow keys.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.id)).toBe('record-dialog');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await record.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('fits a 360 px wide screen without scrolling sideways', async () => {
    const page = await open({ width: 360, bypassCSP: true });
    await chooseFiles(page, [{ name: 'invalid.phx.json', text: packageText(invalidPackage) }]);
    await waitForResults(page);
    await page.getByText(/^Indicator catalogue/).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The issues are cards that fit, with each value named.
    expect(await page.locator('#issues .table-scroll').evaluate((region) => region.scrollWidth <= region.clientWidth)).toBe(true);
    expect(await page.locator('#issues tbody tr').first().locator('td.message').evaluate((cell) => getComputedStyle(cell, '::before').content)).toMatch(/Message: /);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'invalid-package-360px');
  });
});
