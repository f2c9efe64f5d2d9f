import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/run-cli.js';

/**
 * `--format xlsx`: a workbook with a summary, a sheet per view, the GOV.UK figures and the
 * method; real numbers with number formats, words for figures not shown; never to a
 * terminal; written through --output's safe writer.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const workdir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-xlsx-out-'));
  made.push(dir);
  return dir;
};
const SAMPLE = join(process.cwd(), 'fixtures/esr-sample.csv');

async function workbookOf(args: readonly string[]): Promise<{ book: ExcelJS.Workbook; json: Record<string, any> }> {
  const dir = workdir();
  const common = ['report', SAMPLE, '--snapshot-date', '2025-03-31', '--quiet', ...args];
  const result = await runCli([...common, '--format', 'xlsx', '--output', 'report.xlsx'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toBe('');
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(dir, 'report.xlsx')) as unknown as ArrayBuffer);
  const json = JSON.parse((await runCli([...common, '--format', 'json'])).stdout);
  return { book, json };
}

/** The row of a group in a view sheet, as { heading: cell }. */
function groupRow(sheet: ExcelJS.Worksheet, group: string): Map<string, ExcelJS.Cell> {
  let header: ExcelJS.Row | undefined;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'Group') header = row;
    else if (header !== undefined && found === undefined && row.getCell(1).value === group) found = row;
  });
  expect(found, `${group} in ${sheet.name}`).toBeDefined();
  const cells = new Map<string, ExcelJS.Cell>();
  header!.eachCell((cell, column) => cells.set(String(cell.value), found!.getCell(column)));
  return cells;
}

describe('--format xlsx', () => {
  it('writes a summary, a sheet per view, the GOV.UK figures and the method', async () => {
    const { book, json } = await workbookOf(['--intersect', 'sex,ethnicity', '--within', 'band']);
    const names = book.worksheets.map((w) => w.name);
    expect(names.slice(0, 8)).toEqual(['Summary', 'Sex', 'Ethnicity (detailed)', 'Ethnicity (broad)', 'Ethnicity (binary)', 'Ethnicity (white-british)', 'Disability', 'Sex × binary']);
    expect(names).toContain('Band – Sex');
    expect(names.slice(-2)).toEqual(['GOV.UK', 'Method']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(book.getWorksheet('Summary')!.getCell('B2').value).toBe(SAMPLE);
    const govuk: string[] = [];
    book.getWorksheet('GOV.UK')!.eachRow((row) => govuk.push(`${row.getCell(1).value}=${row.getCell(2).value}`));
    expect(govuk).toContain(`Median gender pay gap (hourly pay)=${json.govukSubmission.medianHourlyPayGapPercent / 100}`);
    const method: unknown[] = [];
    book.getWorksheet('Method')!.eachRow((row) => method.push(row.getCell(1).value));
    expect(method).toContain('on reduced or nil pay because of leave (counted for bonus figures only)');
  });

  it('keeps figures as unrounded numbers with number formats: money, percentages as fractions, counts', async () => {
    const { book, json } = await workbookOf([]);
    const female = json.characteristics[0].groups[1];
    const row = groupRow(book.getWorksheet('Sex')!, 'Female');
    expect(row.get('Full-pay staff')!.value).toBe(female.headcount);
    expect(row.get('Full-pay staff')!.numFmt).toBe('#,##0');
    expect(row.get('Mean hourly pay (£)')!.value).toBe(female.meanHourlyPay);
    expect(row.get('Mean hourly pay (£)')!.numFmt).toBe('£#,##0.00');
    expect(row.get('Median hourly pay gap')!.value).toBeCloseTo(female.medianGapPercent / 100, 15);
    expect(row.get('Median hourly pay gap')!.numFmt).toBe('0.0%');
    expect(row.get('Mean bonus (£)')!.value).toBe(female.bonus.mean);
  });

  it('shows a figure that is not shown as a word, never a number, with the reason', async () => {
    const { book, json } = await workbookOf([]);
    const view = json.characteristics.find((c: { view: string }) => c.view === 'disability');
    const notDeclared = view.groups.find((g: { group: string }) => g.group === 'Not declared');
    expect(notDeclared.meanHourlyPay).toBeNull(); // withheld to protect another cell, in the JSON too
    const row = groupRow(book.getWorksheet('Disability')!, 'Not declared');
    expect(row.get('Mean hourly pay (£)')!.value).toBe('withheld');
    expect(row.get('Mean hourly pay gap')!.value).toBe('–');
    expect(row.get('Why figures are missing')!.value).toContain('withheld so that a suppressed figure cannot be worked out from the totals');
    expect(groupRow(book.getWorksheet('Sex')!, 'Male').get('Mean hourly pay gap')!.value).toBe('reference');
  });

  it('adds interval columns with --ci', async () => {
    const { book, json } = await workbookOf(['--ci', '95', '--resamples', '200']);
    const row = groupRow(book.getWorksheet('Sex')!, 'Female');
    expect(row.get('Median gap: interval low')!.value).toBeCloseTo(json.characteristics[0].groups[1].confidence.medianGapPercent.low / 100, 15);
  });

  it('writes text from the data as text: never a formula, and nothing XML cannot hold', async () => {
    const rows = Array.from({ length: 24 }, (_, i) => `E${i},${i % 2 ? 'Male' : 'Female'},${10 + i},${['=HYPERLINK("http://x")', '+44 1', 'Plain\u0007bell'][i % 3]}`);
    const dir = workdir();
    writeFileSync(join(dir, 'staff.csv'), `Employee Number,Gender,Hourly Rate,Team\n${rows.join('\n').replaceAll('\\u0007', '\u0007')}\n`);
    const result = await runCli(['report', 'staff.csv', '--characteristic', 'team=Team', '--quiet', '--format', 'xlsx', '--output', 'r.xlsx'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'r.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Team')!;
    const formula = groupRow(sheet, '=HYPERLINK("http://x")').get('Group')!;
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(groupRow(sheet, 'Plainbell').get('Group')!.value).toBe('Plainbell');
  });

  it('is refused on a terminal without --output (it is binary), and written to a pipe', async () => {
    const tty = await runCli(['report', SAMPLE, '--format', 'xlsx'], { tty: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('--format xlsx writes a workbook (binary), not text for a terminal: add --output report.xlsx');
    const piped = await runCli(['report', SAMPLE, '--format', 'xlsx', '--quiet']);
    expect(piped.code).toBe(0);
    expect(piped.stdoutBytes.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004'));
  });
});
