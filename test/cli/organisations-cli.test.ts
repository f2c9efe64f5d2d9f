import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { workbookBytes } from '../helpers/workbook.js';

/**
 * `paygap report A.csv B.csv …` and `paygap validate A.csv B.csv …` on the command line
 * (METHOD §16): what each file is called, which mistakes stop the run before anything is
 * read (exit 2), which files cannot be read together (exit 1), and that --previous, targets
 * and --output keep working.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function folder(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-orgs-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const HEADER = ['Employee Number', 'Assignment Number', 'Gender', 'Disability', 'Hourly Rate', 'Bonus Pay', 'Full Pay'];
const people = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => [String(from + i), `${from + i}-1`, i % 2 ? 'Male' : 'Female', i % 5 ? 'No' : 'Yes', (12 + (i % 9)).toFixed(2), i % 4 ? 0 : 250, 'Y']);
const A = csv(HEADER, people(30));
const B = csv(HEADER, [...people(24), ['25', '25-1', 'Female', 'No', 'twelve', 0, 'Y']]);
// The same columns in another order, one of them named by another alias.
const C = csv(['Hourly Pay', 'Gender', 'Employee Number', 'Full Pay', 'Bonus Pay', 'Disability', 'Assignment Number'], people(20).map((r) => [r[4], r[2], r[0], r[6], r[5], r[3], r[1]]));

describe('paygap report with several exports', () => {
  const dir = folder({ 'a.csv': A, 'b.csv': B, 'c.csv': C });

  it('names each organisation by its file, or by --organisation, and lists invalid rows by file and line', async () => {
    const result = await runCli(['report', 'a.csv', 'b.csv', 'c.csv', '--organisation', 'b.csv=Bee Trust', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.inputs.map((i: any) => [i.file, i.organisation, i.rowsRead, i.rowsInvalid])).toEqual([
      ['a.csv', 'a', 30, 0],
      ['b.csv', 'Bee Trust', 25, 1],
      ['c.csv', 'c', 20, 0],
    ]);
    expect(json.inputs[2].columns.hourlyRate).toBe('Hourly Pay');
    expect(json.breakdowns[0].subgroups.map((s: any) => s.subgroup)).toEqual(['a', 'Bee Trust', 'c']);
    expect(result.stderr).toContain('paygap: b.csv: 1 of 25 rows is invalid and left out:');
    expect(result.stderr).toContain('  b.csv, line 26, Hourly Rate = "twelve": expected hourly rate in pounds');
  });

  it('shows each file’s rows in the tables', async () => {
    const result = await runCli(['report', 'a.csv', 'b.csv', '--quiet'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Each file     a.csv (organisation a): 30 rows read, 30 valid, 0 invalid\n              b.csv (organisation b): 25 rows read, 24 valid, 1 invalid');
    expect(result.stdout).toContain('Within each organisation');
  });

  it('reads a workbook beside a CSV file, naming its rows by file, sheet and row', async () => {
    const rows = B.trim().split('\n').map((line) => line.split(','));
    const here = folder({ 'a.csv': A, 'b.xlsx': await workbookBytes([{ name: 'Staff', rows }]) });
    const result = await runCli(['report', 'a.csv', 'b.xlsx', '--format', 'json'], { cwd: here });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).inputs[1]).toMatchObject({ file: 'b.xlsx', sheet: 'Staff', organisation: 'b', rowsInvalid: 1 });
    expect(result.stderr).toContain('  b.xlsx, sheet Staff, row 26, Hourly Rate = "twelve"');
  });

  it.each([
    ['the same file twice', ['a.csv', 'a.csv'], '"a.csv" is given twice: give each export once'],
    ['the same file by two paths', ['a.csv', './a.csv'], '"a.csv" and "./a.csv" are the same file'],
    ['the same file through a link', ['a.csv', 'link.csv'], '"a.csv" and "link.csv" are the same file'],
    ['stdin twice', ['-', 'a.csv', '-'], '- (stdin) is given 2 times: stdin can be read once'],
    ['--organisation naming a file not given', ['a.csv', 'b.csv', '--organisation', 'x.csv=X'], '--organisation x.csv=X: "x.csv" is not one of the files given ("a.csv", "b.csv")'],
    ['--organisation for one export', ['a.csv', '--organisation', 'a.csv=A'], 'for the organisation of a report of one export, use --organisation-name'],
    ['--organisation twice for a file', ['a.csv', 'b.csv', '--organisation', 'a.csv=A', '--organisation', './a.csv=B'], '--organisation names "./a.csv" twice'],
    ['two files with the same label', ['a.csv', 'b.csv', '--organisation', 'b.csv=a'], '"a.csv" and "b.csv" would both be the organisation "a"'],
    ['two files with the same name in two folders', ['x/staff.csv', 'y/staff.csv'], '"x/staff.csv" and "y/staff.csv" would both be the organisation "staff"'],
    ['an --organisation without a label', ['a.csv', 'b.csv', '--organisation', 'a.csv='], '--organisation a.csv=: expected file=Label'],
    ['--output onto one of the exports', ['a.csv', 'b.csv', '--output', 'b.csv'], '--output b.csv is the input b.csv'],
  ])('%s: exit 2 before anything is read', async (_name, args, message) => {
    const here = folder({ 'a.csv': A, 'b.csv': B, 'x/staff.csv': A, 'y/staff.csv': B });
    symlinkSync(join(here, 'a.csv'), join(here, 'link.csv'));
    for (const command of ['report', 'validate']) {
      const result = await runCli([command, ...args], { cwd: here, stdin: A });
      expect(result.code, `${command}: ${result.stderr}`).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
    }
  });

  const withTrust = (text: string, trust: string) => `${text.trim().split('\n').map((l, i) => `${l},${i ? trust : 'Trust'}`).join('\n')}\n`;

  it.each([
    ['different pay methods', { 'a.csv': A, 's.csv': csv(['Employee Number', 'Gender', 'Disability', 'Annual Salary', 'Bonus Pay', 'Full Pay'], [['1', 'Male', 'No', '30000', 0, 'Y']]) }, [], 'the files would be read by different pay methods: "a.csv": hourly-rate'],
    ['a column one file lacks', { 'a.csv': A, 'n.csv': csv(['Employee Number', 'Gender', 'Disability', 'Hourly Rate', 'Full Pay'], [['1', 'Male', 'No', '12', 'Y']]) }, [], 'the files do not have the same columns: bonusPay is not in every file'],
    ['a file with no pay column', { 'a.csv': A, 'p.csv': csv(['Employee Number', 'Gender', 'Basic Pay'], [['1', 'Male', '12']]) }, [], 'p.csv: no pay column'],
    ['a file with a header and no rows', { 'a.csv': A, 'h.csv': `${HEADER.join(',')}\n` }, [], 'h.csv: the file has a header but no data rows'],
    ['a file whose rows are all invalid', { 'a.csv': A, 'i.csv': csv(HEADER, [['1', '1-1', 'Male', 'No', 'x', 0, 'Y']]) }, ['--quiet'], 'i.csv: no valid rows: all 1 rows are invalid'],
    ['an organisation column missing from a file', { 'a.csv': withTrust(A, 'North'), 'b.csv': B }, ['--map', 'organisation=Trust'], 'b.csv: --map organisation="Trust": the file has no such header'],
  ] as const)('%s: exit 1, saying which file', async (_name, files, args, message) => {
    const here = folder(files);
    const result = await runCli(['report', ...Object.keys(files), ...args], { cwd: here });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('an organisation column wins over --organisation, and says so', async () => {
    const here = folder({ 'a.csv': withTrust(A, 'North'), 'b.csv': withTrust(B, 'South') });
    const result = await runCli(['report', 'a.csv', 'b.csv', '--map', 'organisation=Trust', '--organisation', 'a.csv=Ignored', '--format', 'json'], { cwd: here });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('paygap: warning: --organisation has no effect: each row\'s organisation is read from the column "Trust"');
    const json = JSON.parse(result.stdout);
    expect(json.breakdowns[0].subgroups.map((s: any) => s.subgroup)).toEqual(['North', 'South']);
    expect(json.inputs.map((i: any) => i.organisation)).toEqual([null, null]);
  });

  it('--previous and the config file’s targets work as with one export', async () => {
    const first = await runCli(['report', 'a.csv', 'b.csv', '--snapshot-date', '2024-03-31', '--format', 'json', '--output', 'prev.json', '--quiet'], { cwd: dir });
    expect(first.code).toBe(0);
    const html = await runCli(['report', 'a.csv', 'b.csv', 'c.csv', '--previous', 'prev.json', '--format', 'html', '--quiet'], { cwd: dir });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<!doctype html>');
    writeFileSync(join(dir, 'paygap.config.json'), JSON.stringify({ targets: [{ view: 'sex/sex', group: 'Female', measure: 'mean_gap', target: 0, by: '2028-03-31', baseline: 'prev.json' }] }));
    const json = await runCli(['report', 'a.csv', 'b.csv', '--snapshot-date', '2025-03-31', '--previous', 'prev.json', '--format', 'json', '--quiet'], { cwd: dir });
    rmSync(join(dir, 'paygap.config.json'));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).targets).toHaveLength(1);
  });
});

describe('paygap validate with several exports', () => {
  const dir = folder({ 'a.csv': A, 'b.csv': B });

  it('reports each file’s rows, and --strict stops on an invalid row in any of them', async () => {
    const result = await runCli(['validate', 'a.csv', 'b.csv', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.rows).toMatchObject({ read: 55, valid: 54, invalid: 1 });
    expect(json.inputs.map((i: any) => [i.file, i.organisation, i.rowsRead, i.rowsValid, i.rowsInvalid])).toEqual([
      ['a.csv', 'a', 30, 30, 0],
      ['b.csv', 'b', 25, 24, 1],
    ]);
    expect(result.stderr).toContain('b.csv, line 26, Hourly Rate = "twelve"');
    const strict = await runCli(['validate', 'a.csv', 'b.csv', '--strict', '--quiet'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('b.csv (organisation b): 25 rows read, 24 valid, 1 invalid');
  });
});
