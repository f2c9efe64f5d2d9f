import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { expectReconciled } from '../helpers/reconcile.js';

/**
 * The bad-input corpus (fixtures/bad): every file gives a clear message, the right exit code,
 * and either a complete report (exit 0, every row accounted for) or nothing on stdout.
 */
const bad = (name: string) => `fixtures/bad/${name}`;
const dir = mkdtempSync(join(tmpdir(), 'paygap-bad-'));

describe.each([
  ['empty.csv', [], /empty\.csv is empty: expected a header row/],
  ['header-only.csv', [], /the file has a header but no data rows/],
  ['no-recognised-headers.csv', [], /none of the headers is one paygap knows[\s\S]*headers found \(line 1\): "Name", "Colour", "Size"[\s\S]*paygap columns/],
  ['missing-pay-column.csv', [], /no pay column[\s\S]*headers found: "Employee Number", "Gender", "Ethnic Origin", "Basic Pay"[\s\S]*--map/],
  ['duplicate-headers.csv', [], /the header "Gender" appears more than once[\s\S]*--map/],
  ['unclosed-quote.csv', [], /line 4: a quoted field is never closed/],
  ['binary-garbage.bin', [], /NUL bytes, so it is not a CSV text file[\s\S]*--encoding utf16le/],
  ['windows-1252.csv', [], /line 2: the file is not valid UTF-8[\s\S]*--encoding windows-1252/],
  ['ragged-rows.csv', ['--strict'], /--strict: 2 invalid rows/],
])('%s %j: exit 1', (file, args, message) => {
  it('says what is wrong and where, and prints no report', async () => {
    const result = await runCli(['report', bad(file), '--format', 'json', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe('');
  });
});

describe.each([
  // file, extra args, rows read, invalid, stderr must mention
  ['ragged-rows.csv', [], 6, 2, [/line 4: expected 8 fields, as in the header \(found 6 fields\)/, /line 6: expected 8 fields, as in the header \(found 10 fields\)/]],
  ['multiline-quoted-field.csv', [], 3, 0, []],
  ['semicolon-delimited.csv', [], 5, 0, []],
  ['tab-delimited.tsv', [], 5, 0, []],
  ['windows-1252.csv', ['--encoding', 'windows-1252'], 3, 0, []],
  ['utf16le-excel.csv', [], 5, 0, []],
  ['trailing-totals.csv', [], 7, 2, [/line 7, Employee Number = "Total": a totals or footer row/, /line 9, Employee Number = "Grand Total"/]],
  ['duplicate-assignments.csv', [], 6, 1, [/line 7, Assignment Number = "1002-1": the same assignment number is on line 3/]],
  ['conflicting-person.csv', [], 4, 2, [/line 2, Employee Number = "1": this person's assignments disagree on sex/]],
  [
    'bad-pay-values.csv',
    [],
    8,
    6,
    [/"-5.00": expected hourly rate of 0 or more/, /"NaN": expected hourly rate in pounds/, /"Infinity"/, /"1e308"/, /"twelve pounds"/, /"£1,00.00"/],
  ],
  ['bad-hours.csv', [], 6, 4, [/"0": contracted hours must be more than 0/, /"169": expected contracted hours per week as a number from 0 to 168/, /"-3"/, /"thirty"/]],
  ['blank-lines.csv', [], 4, 0, []],
] as const)('%s %j: exit 0', (file, args, rowsRead, rowsInvalid, messages) => {
  it('reports, accounts for every row and lists the invalid ones', async () => {
    const result = await runCli(['report', bad(file), '--format', 'json', '--min-group-size', '0', ...args]);
    expect(result.code).toBe(0);
    for (const m of messages) expect(result.stderr).toMatch(m);
    const report = JSON.parse(result.stdout);
    expect(report.population.rowsRead).toBe(rowsRead);
    expect(report.population.rowsInvalid).toBe(rowsInvalid);
    expectReconciled(report);
  });
});

describe('more bad input', () => {
  it('reads the multi-line quoted field as one value and the zero pay as not full pay', async () => {
    const result = await runCli(['report', bad('bad-pay-values.csv'), '--format', 'json', '--min-group-size', '0', '--quiet']);
    const report = JSON.parse(result.stdout);
    // "0" is a valid rate: a relevant employee, not on full pay (hourly pay 0).
    expect(report.population.exclusions).toContainEqual({ reason: 'hourly pay is 0 (counted for bonus figures only)', count: 1, stage: 'not-full-pay' });
  });

  it('names the delimiter and encoding it read', async () => {
    const semicolon = JSON.parse((await runCli(['report', bad('semicolon-delimited.csv'), '--format', 'json', '--quiet'])).stdout);
    expect(semicolon.input).toMatchObject({ delimiter: ';', encoding: 'utf8' });
    const utf16 = JSON.parse((await runCli(['report', bad('utf16le-excel.csv'), '--format', 'json', '--quiet'])).stdout);
    expect(utf16.input).toMatchObject({ delimiter: ',', encoding: 'utf16le' });
    const table = await runCli(['report', bad('semicolon-delimited.csv'), '--quiet']);
    expect(table.stdout).toContain('semicolon-delimited');
  });

  it('never prints mojibake: the Windows-1252 £ reads as £ with --encoding', async () => {
    const result = await runCli(['validate', bad('windows-1252.csv'), '--encoding', 'windows-1252', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).rows).toMatchObject({ read: 3, valid: 3 });
  });

  it('reads a 10 MB single field', async () => {
    const path = join(dir, 'huge-field.csv');
    writeFileSync(path, `Employee Number,Gender,Hourly Rate,Notes\n1,Male,12,"${'x'.repeat(10_000_000)}"\n2,Female,11,short\n`);
    const result = await runCli(['report', path, '--format', 'json', '--quiet', '--min-group-size', '0']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).population.rowsValid).toBe(2);
  });

  it('reads from stdin', async () => {
    const result = await runCli(['report', '-', '--format', 'json', '--quiet'], { stdin: readFileSync(bad('utf16le-excel.csv')) });
    expect(JSON.parse(result.stdout).population.rowsRead).toBe(5);
  });

  it('a directory, a missing file and an unreadable file are exit 1 with one line', async () => {
    const cases: [string, RegExp][] = [
      ['fixtures', /fixtures is a directory, not a CSV file/],
      ['fixtures/bad/no-such-file.csv', /cannot read fixtures\/bad\/no-such-file.csv: no such file/],
    ];
    for (const [path, message] of cases) {
      const result = await runCli(['report', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is exit 1 (not testable as root: root reads anything)', async () => {
    const path = join(dir, 'locked.csv');
    writeFileSync(path, 'Gender,Hourly Rate\nMale,1\n');
    chmodSync(path, 0o000);
    const result = await runCli(['report', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/permission denied/);
  });
});
