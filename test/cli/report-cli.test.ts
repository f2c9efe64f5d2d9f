import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'paygap-cli-'));
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const small = csv(
  ['Employee Number', 'Gender', 'Ethnic Origin', 'Disability', 'Hourly Rate'],
  [
    ['1', 'Male', 'A White - British', 'No', '20'],
    ['2', 'Female', 'N Black or Black British - African', 'Yes', '15'],
    ['3', 'Female', 'A White - British', 'No', '17'],
    ['4', 'Male', 'H Asian or Asian British - Indian', 'No', '22'],
  ],
);

describe('paygap report: exit codes and streams', () => {
  it('prints tables on stdout and exits 0', async () => {
    const result = await runCli(['report', file('small.csv', small), '--min-group-size', '0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Sex');
    expect(result.stdout).toContain('for every £1 men earn, women earn 76p');
    expect(result.stderr).toContain('no Full Pay column');
  });

  it('--format json prints exactly one JSON document and nothing else', async () => {
    const result = await runCli(['report', file('small.csv', small), '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toBe('');
  });

  it('reads stdin for -', async () => {
    const result = await runCli(['report', '-', '--format', 'json'], { stdin: small });
    expect(JSON.parse(result.stdout).input.file).toBe('-');
    expect(JSON.parse(result.stdout).population.rowsRead).toBe(4);
  });

  it('handles a BOM and CRLF line ends', async () => {
    const text = `\ufeff${small.replaceAll('\n', '\r\n')}`;
    const result = await runCli(['report', '-', '--format', 'json'], { stdin: text });
    const report = JSON.parse(result.stdout);
    expect(report.method.columns.employeeNumber).toBe('Employee Number');
    expect(report.population.rowsValid).toBe(4);
  });

  it('reports invalid rows on stderr with line, column, value and what was expected, and excludes them', async () => {
    const text = csv(
      ['Employee Number', 'Gender', 'Hourly Rate'],
      [
        ['1', 'Male', '20'],
        ['2', 'Female', 'twelve'],
        ['3', 'Female', '-4'],
        ['4', 'Male', '£1,000,000'],
        ['5', 'Female', '15'],
      ],
    );
    const result = await runCli(['report', '-', '--format', 'json'], { stdin: text });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('3 of 5 rows are invalid');
    expect(result.stderr).toContain('line 3, Hourly Rate = "twelve": expected hourly rate in pounds');
    expect(result.stderr).toContain('line 4, Hourly Rate = "-4": expected hourly rate of 0 or more');
    expect(result.stderr).toContain('line 5, Hourly Rate = "£1,000,000": expected hourly rate of at most 10,000');
    const report = JSON.parse(result.stdout);
    expect(report.population).toMatchObject({ rowsRead: 5, rowsValid: 2, rowsInvalid: 3 });
    const invalid = report.population.exclusions.filter((e: { stage: string }) => e.stage === 'invalid-row');
    expect(invalid.reduce((s: number, e: { count: number }) => s + e.count, 0)).toBe(3);
    // Reports carry reasons, never the offending values.
    expect(result.stdout).not.toContain('twelve');
  });

  it('lists the first 20 invalid rows, then counts the rest by reason', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [String(i), 'Male', 'bad']);
    rows.push(['99', 'Female', '10']);
    const result = await runCli(['report', '-', '--quiet', '--format', 'json'], { stdin: csv(['Employee Number', 'Gender', 'Hourly Rate'], rows) });
    expect(result.stderr).toBe('');
    const loud = await runCli(['report', '-', '--format', 'json'], { stdin: csv(['Employee Number', 'Gender', 'Hourly Rate'], rows) });
    expect(loud.stderr.match(/^ {2}line /gm)).toHaveLength(20);
    expect(loud.stderr).toContain('10 issues not shown above');
    expect(loud.stderr).toMatch(/30 {2}Hourly Rate: expected hourly rate in pounds/);
  });

  it('--strict turns any invalid row into exit 1 with no report', async () => {
    const text = csv(['Gender', 'Hourly Rate'], [['Male', '20'], ['Female', 'x']]);
    const result = await runCli(['report', '-', '--strict'], { stdin: text });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--strict: 1 invalid row (listed above)');
  });

  it('a missing pay column is exit 1 with the headers found, the aliases accepted and a --map hint', async () => {
    const result = await runCli(['report', '-'], { stdin: 'Gender,Pay\nMale,10\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no pay column');
    expect(result.stderr).toContain('headers found: "Gender", "Pay"');
    expect(result.stderr).toContain('Hourly Rate, Hourly Pay, Basic Hourly Rate');
    expect(result.stderr).toContain('--map');
  });

  it('--map reads a field from another header', async () => {
    const result = await runCli(['report', '-', '--map', 'hourlyRate=Pay', '--format', 'json'], { stdin: 'Gender,Pay\nMale,10\nFemale,9\n' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).method.columns.hourlyRate).toBe('Pay');
  });

  it('a characteristic named with --by but absent is a missing-column error', async () => {
    const result = await runCli(['report', '-', '--by', 'sex,disability'], { stdin: 'Gender,Hourly Rate\nMale,10\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing required column disability');
    expect(result.stderr).toContain('"Disability", "Disability Flag", "Disabled"');
  });

  it('a default characteristic whose column is absent is skipped with a warning', async () => {
    const result = await runCli(['report', '-', '--format', 'json'], { stdin: 'Gender,Hourly Rate\nMale,10\nFemale,8\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no ethnicity column');
    expect(JSON.parse(result.stdout).characteristics.map((c: { view: string }) => c.view)).toEqual(['sex']);
  });

  it('no valid rows is exit 1', async () => {
    const result = await runCli(['report', '-'], { stdin: 'Gender,Hourly Rate\nMale,x\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no valid rows');
  });

  it('an empty file, a header-only file, a missing file and a directory are exit 1 with one line', async () => {
    for (const [args, message] of [
      [[file('empty.csv', '')], 'is empty'],
      [[file('header.csv', 'Gender,Hourly Rate\n')], 'no data rows'],
      [[join(dir, 'nope.csv')], 'no such file'],
      [[dir], 'is a directory'],
    ] as const) {
      const result = await runCli(['report', ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  });

  it.runIf(process.getuid?.() !== 0)('an unreadable file is exit 1', async () => {
    const path = file('secret.csv', small);
    chmodSync(path, 0o000);
    const result = await runCli(['report', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('permission denied');
  });

  it.each([
    [['report', 'x.csv', '--unit', 'team'], /Allowed choices are person, assignment, primary/],
    [['report', 'x.csv', '--min-group-size', 'ten'], /whole number/],
    [['report', 'x.csv', '--map', 'pay=Pay'], /expected field=Header/],
    [['report', 'x.csv', '--by', 'religion'], /comma-separated list of sex, ethnicity, disability/],
    [['report', 'x.csv', '--snapshot-date', '31/02/2025'], /expected a date/],
    [['report'], /missing required argument/],
    [['report', 'x.csv', '--frobnicate'], /unknown option/],
    [['frobnicate'], /unknown command/],
  ])('usage error %j exits 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('--help and --version exit 0 on stdout', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('colours only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const path = file('c.csv', small);
    const ansi = /\u001b\[/;
    expect((await runCli(['report', path, '--quiet'], { tty: true })).stdout).toMatch(ansi);
    expect((await runCli(['report', path, '--quiet'], { tty: false })).stdout).not.toMatch(ansi);
    expect((await runCli(['report', path, '--quiet'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['report', path, '--quiet', '--no-color'], { tty: true })).stdout).not.toMatch(ansi);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const out = join(dir, 'out', 'report.json');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const result = await runCli(['report', file('o.csv', small), '--format', 'json', '--output', out, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const { readFileSync, readdirSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });
});

describe('paygap columns and validate', () => {
  it('columns lists every field with its aliases', async () => {
    const result = await runCli(['columns']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('employeeNumber');
    expect(result.stdout).toContain('Ethnic Origin');
    const json = JSON.parse((await runCli(['columns', '--format', 'json'])).stdout);
    expect(json.find((f: { field: string }) => f.field === 'hourlyRate').aliases).toContain('Basic Hourly Rate');
  });

  it('validate prints rows, reasons, unrecognised codes and disclosure, without pay figures', async () => {
    const text = csv(
      ['Employee Number', 'Gender', 'Ethnic Origin', 'Disability', 'Hourly Rate'],
      [
        ['1', 'Male', 'A White - British', 'No', '20'],
        ['2', 'Female', 'Martian', 'Sometimes', '15'],
        ['3', 'Female', 'Z Not Stated', 'Not Declared', 'oops'],
      ],
    );
    const result = await runCli(['validate', '-', '--format', 'json'], { stdin: text });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toMatchObject({ read: 3, valid: 2, invalid: 1 });
    expect(report.unrecognised).toEqual(
      expect.arrayContaining([
        { field: 'ethnicity', value: 'Martian', count: 1 },
        { field: 'disability', value: 'Sometimes', count: 1 },
      ]),
    );
    const ethnicity = report.characteristics.find((c: { characteristic: string }) => c.characteristic === 'ethnicity');
    expect(ethnicity).toMatchObject({ disclosed: 1, notDisclosed: 1, ratePercent: 50 });
    expect(result.stdout).not.toContain('meanHourlyPay');
    expect((await runCli(['validate', '-', '--strict'], { stdin: text })).code).toBe(1);
    const table = await runCli(['validate', '-'], { stdin: text });
    expect(table.stdout).toContain('Unrecognised codes');
    expect(table.stdout).toContain('disclosure 50.0%');
  });
});

describe('accounting for every row', () => {
  it('a person with one invalid assignment is left out whole, and every row is counted', async () => {
    const text = csv(
      ['Employee Number', 'Gender', 'Hourly Rate', 'Contracted Hours'],
      [
        ['1', 'Male', '20', '30'],
        ['1', 'Male', 'oops', '7.5'],
        ['2', 'Female', '15', '37.5'],
        ['3', 'Female', '16', '37.5'],
      ],
    );
    const result = await runCli(['report', '-', '--format', 'json', '--min-group-size', '0'], { stdin: text });
    const p = JSON.parse(result.stdout).population;
    expect(p).toMatchObject({ rowsRead: 4, rowsValid: 3, rowsInvalid: 1, assignmentsUsed: 2, relevantEmployees: 2 });
    const notUsed = p.exclusions.filter((e: { stage: string }) => e.stage === 'row-not-used');
    expect(notUsed).toEqual([{ reason: 'another assignment of the same person is invalid (--unit person)', count: 1, stage: 'row-not-used' }]);
    // rows read = invalid + used + not used
    expect(p.rowsInvalid + p.assignmentsUsed + notUsed[0].count).toBe(p.rowsRead);
  });
});
