import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { runCli } from '../helpers/run-cli.js';
import { csvAsSheetRows, workbookBytes, type CellValue } from '../helpers/workbook.js';
import { plainDecimal } from '../../src/io/sheet-cell.js';

/**
 * Reading an Excel workbook: the same people give the same figures as CSV, the header is
 * found below title rows, empty rows and merged cells are handled, and every problem is
 * named by sheet, row and column. Workbooks are built in code.
 */
const SAMPLE = readFileSync('fixtures/esr-sample.csv', 'utf8');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding the files given. */
function folder(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-xlsx-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The sample as a workbook, with two title rows and a blank row above the header (built once, read by several tests). */
let sampleBytes: Promise<Buffer> | undefined;
function sampleWorkbook(): Promise<Buffer> {
  return (sampleBytes ??= makeSampleWorkbook());
}
async function makeSampleWorkbook(): Promise<Buffer> {
  const { header, rows, dateColumn } = csvAsSheetRows(SAMPLE);
  return workbookBytes([
    { name: 'Staff', rows: [['Pay gap extract, March 2025'], ['Produced by ESR BI'], [], header, ...rows], merges: ['A1:P1'], formats: { [dateColumn]: 'dd/mm/yyyy' } },
    { name: 'Notes', rows: [['not this sheet']] },
  ]);
}

const HEADER = ['Employee Number', 'Gender', 'Hourly Rate', 'Staff Group'];
const people = (n: number, rate = 15): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [`E${i + 1}`, i % 2 === 0 ? 'Male' : 'Female', rate + (i % 7), 'Nursing']);

async function json(dir: string, file: string, ...args: string[]) {
  const result = await runCli(['report', file, '--format', 'json', '--quiet', ...args], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const withoutInput = ({ input: _input, ...rest }: Record<string, unknown>) => rest;

describe('an Excel workbook', () => {
  it.each([
    ['the headline report', ['--snapshot-date', '2025-03-31']],
    ['breakdowns, intersections, age bands and intervals', ['--snapshot-date', '2025-03-31', '--within', 'band', '--intersect', 'sex,ethnicity', '--age', '--ci', '95', '--resamples', '200']],
  ])('gives exactly the figures the same people give as CSV: %s', async (_name, args) => {
    const dir = folder({ 'staff.csv': SAMPLE, 'staff.xlsx': await sampleWorkbook() });
    const fromCsv = await json(dir, 'staff.csv', ...args);
    const fromXlsx = await json(dir, 'staff.xlsx', ...args);
    expect(withoutInput(fromXlsx)).toEqual(withoutInput(fromCsv));
    expect(fromXlsx.input).toMatchObject({ file: 'staff.xlsx', sheet: 'Staff', headerRow: 4, delimiter: '' });
    expect(fromXlsx.population.rowsRead).toBe(2000);
  });

  it('finds the header below title rows, skips empty rows and fills merged cells as Excel shows them', async () => {
    const rows = people(20);
    for (const row of rows.slice(1, 10)) row[3] = null;
    const bytes = await workbookBytes([
      {
        name: 'Export',
        rows: [['Workforce extract'], ['Trust name', null, null, 'March'], HEADER, ...rows.slice(0, 10), [], [null, null, null, null], ...rows.slice(10)],
        // Staff group merged down rows 4–13 (only its top cell holds the value); a title merged across.
        merges: ['A1:D1', 'D4:D13'],
      },
    ]);
    const dir = folder({ 'x.xlsx': bytes });
    const result = await runCli(['validate', 'x.xlsx', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const quality = JSON.parse(result.stdout);
    expect(quality.input).toMatchObject({ sheet: 'Export', headerRow: 3 });
    expect(quality.rows).toMatchObject({ read: 20, valid: 20, invalid: 0 });
    const report = await json(dir, 'x.xlsx', '--within', 'staffGroup', '--min-group-size', '0');
    expect(report.breakdowns[0].subgroups.map((s: { subgroup: string; relevantEmployees: number }) => [s.subgroup, s.relevantEmployees])).toEqual([['Nursing', 20]]);
  });

  it('names each problem by sheet, row and column, and reads text cells with the CSV rules', async () => {
    const rows = people(12);
    rows[3] = ['E4', 'Female', 'twelve', 'Nursing']; // row 5 of the sheet
    rows[4] = ['E5', 'Male', -3, 'Nursing'];
    rows[5] = ['E6', 'Male', '£31.50', 'Nursing']; // money as text, read as in CSV
    rows[6] = ['E1', 'Female', 20, 'Nursing']; // E1 again, with another sex
    const dir = folder({ 'x.xlsx': await workbookBytes([{ name: 'Staff', rows: [HEADER, ...rows] }]) });
    const result = await runCli(['report', 'x.xlsx', '--min-group-size', '0'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('sheet Staff, row 5, Hourly Rate = "twelve": expected hourly rate in pounds, such as 15.50 or £15.50');
    expect(result.stderr).toContain('sheet Staff, row 6, Hourly Rate = "-3": expected hourly rate of 0 or more');
    expect(result.stderr).toMatch(/sheet Staff, row (2|8), Employee Number = "E1": this person's assignments disagree on sex/);
    expect(result.stderr).not.toMatch(/\bline \d/);
    const report = await json(dir, 'x.xlsx', '--min-group-size', '0');
    expect(report.population).toMatchObject({ rowsRead: 12, rowsInvalid: 4 });
  });

  it('says "row" for a repeated assignment number', async () => {
    const dir = folder({
      'x.xlsx': await workbookBytes([{ name: 'Staff', rows: [['Assignment Number', 'Gender', 'Hourly Rate'], ['A1', 'Male', 10], ['A2', 'Female', 11], ['A1', 'Male', 12]] }]),
    });
    const result = await runCli(['report', 'x.xlsx', '--min-group-size', '0'], { cwd: dir });
    expect(result.stderr).toContain('sheet Staff, row 4, Assignment Number = "A1": the same assignment number is on row 2');
  });

  it('reads formula results, rich text and TRUE/FALSE as the values they show', async () => {
    const header = ['Employee Number', 'Gender', 'Hourly Rate', 'Full Pay'];
    const rows: CellValue[][] = [
      ['E1', { richText: [{ text: 'Fe' }, { text: 'male' }] }, { formula: '10*2', result: 20 }, true],
      ['E2', 'Male', 25, false],
      ['E3', 'Male', 30, 'Y'],
    ];
    const dir = folder({ 'x.xlsx': await workbookBytes([{ name: 'Staff', rows: [header, ...rows] }]) });
    const report = await json(dir, 'x.xlsx', '--min-group-size', '0');
    const sex = report.characteristics[0];
    expect(sex.groups.map((g: { group: string; headcount: number; meanHourlyPay: number }) => [g.group, g.headcount, g.meanHourlyPay])).toEqual([
      ['Male', 1, 30],
      ['Female', 1, 20],
    ]);
    expect(report.population.exclusions).toContainEqual(expect.objectContaining({ stage: 'not-full-pay', count: 1 }));
  });

  it('reads the sheet named by --sheet (or the config file), and lists the sheets when there is no such sheet', async () => {
    const bytes = await workbookBytes([
      { name: 'Cover', rows: [['About this workbook']] },
      { name: 'Staff 2025', rows: [HEADER, ...people(4)] },
    ]);
    const dir = folder({ 'x.xlsx': bytes, 'paygap.config.json': JSON.stringify({ sheet: 'Staff 2025' }) });
    expect((await json(dir, 'x.xlsx', '--min-group-size', '0')).input.sheet).toBe('Staff 2025');
    // Without it, the first sheet: no header there, so its first row is taken and the columns are missing.
    const first = await runCli(['validate', 'x.xlsx'], { cwd: folder({ 'x.xlsx': bytes }) });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('"About this workbook"');
    const missing = await runCli(['report', 'x.xlsx', '--sheet', 'Staff 2024'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('x.xlsx has no sheet named "Staff 2024"');
    expect(missing.stderr).toContain('sheets: "Cover", "Staff 2025"');
  });

  it('takes the first sheet by default; an empty one is a data error', async () => {
    const dir = folder({ 'x.xlsx': await workbookBytes([{ name: 'Blank', rows: [] }, { name: 'Staff', rows: [HEADER, ...people(4)] }]) });
    const result = await runCli(['report', 'x.xlsx'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('x.xlsx: sheet "Blank" is empty');
  });

  it('reads a workbook on stdin, and warns that --sheet does nothing for CSV', async () => {
    const bytes = await workbookBytes([{ name: 'Staff', rows: [HEADER, ...people(4)] }]);
    const fromStdin = await runCli(['report', '-', '--format', 'json', '--quiet', '--min-group-size', '0'], { stdin: bytes });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout).input).toMatchObject({ file: '-', sheet: 'Staff', headerRow: 1 });
    const csv = await runCli(['report', '-', '--format', 'json', '--sheet', 'Staff', '--min-group-size', '0'], { stdin: 'Gender,Hourly Rate\nMale,10\nFemale,11\n' });
    expect(JSON.parse(csv.stdout).warnings).toContain('sheet "Staff" was asked for, but stdin is CSV, not a workbook: --sheet has no effect');
  });

  it.each([
    ['an Excel 97–2003 file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Excel 97–2003 workbook \(\.xls\) or a password-protected one[\s\S]*save it as "Excel Workbook \(\.xlsx\)"/],
    ['a damaged zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /is not a readable Excel workbook \(\.xlsx\)/],
  ])('%s is a data error with what to do', async (_name, bytes, message) => {
    const dir = folder({ 'x.xlsx': bytes });
    const result = await runCli(['report', 'x.xlsx'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('paygap init on a workbook', () => {
  it('finds the header below the titles and names the sheet in the config it writes', async () => {
    const bytes = await workbookBytes([
      { name: 'Cover', rows: [['About']] },
      { name: 'Staff', rows: [['Extract, March'], [], ['Staff No', ...HEADER.slice(1)], ...people(3)] },
    ]);
    const dir = folder({ 'x.xlsx': bytes });
    const result = await runCli(['init', 'x.xlsx', '--sheet', 'Staff'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Headers in x.xlsx, sheet Staff (row 3):');
    const config = JSON.parse(readFileSync(join(dir, 'paygap.config.json'), 'utf8'));
    expect(config).toMatchObject({ sheet: 'Staff', map: { sex: 'Gender', hourlyRate: 'Hourly Rate', staffGroup: 'Staff Group' } });
    const report = await runCli(['report', 'x.xlsx', '--quiet', '--min-group-size', '0', '--format', 'json', '--map', 'employeeNumber=Staff No'], { cwd: dir });
    expect(JSON.parse(report.stdout).input).toMatchObject({ sheet: 'Staff', headerRow: 3 });
  });
});

describe('plainDecimal', () => {
  it('writes every finite number in plain digits that read back to the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = plainDecimal(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(plainDecimal(31000.5)).toBe('31000.5');
  });
});

describe('a workbook whose sheet is stored before its shared strings (as Excel and exceljs store them)', () => {
  // Read in that order, exceljs used to copy the sheet to a temporary file first: with no
  // writable temporary folder the run failed, and in a busy process it failed now and then.
  it('is read as it is unzipped, with no temporary file', async () => {
    const rows: CellValue[][] = [['Employee Number', 'Gender', 'Hourly Rate'], ...Array.from({ length: 30 }, (_, i) => [i + 1, i % 2 ? 'Male' : 'Female', 10 + i])];
    const dir = folder({ 'x.xlsx': await workbookBytes([{ name: 'Staff', rows }]) });
    const run = spawnSync(process.execPath, ['bin/paygap.js', 'report', join(dir, 'x.xlsx'), '--format', 'json', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: join(dir, 'no-such-folder') },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).population.rowsValid).toBe(30);
  });
});
