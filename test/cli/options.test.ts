import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

/** A working directory holding `files`, e.g. a paygap.config.json and an export. */
function place(files: Record<string, string | object>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'paygap-options-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), typeof content === 'string' ? content : JSON.stringify(content));
  return cwd;
}

/** No grade or staff group column: `--within band` cannot run on it. */
const noGrade = csv(
  ['Employee Number', 'Gender', 'Ethnic Origin', 'Hourly Rate'],
  [
    ['1', 'Male', 'A White - British', '20'],
    ['2', 'Female', 'A White - British', '15'],
    ['3', 'Female', 'N Black or Black British - African', '16'],
  ],
);

describe('each command sees only its own settings', () => {
  const reportOnly = { within: 'band', intersect: ['sex,ethnicity'], ci: 95, resamples: 200, seed: 7, minGroupSize: 3, referenceGroups: { sex: 'Female' } };

  it('validate ignores report settings in the config file; report uses them', async () => {
    const cwd = place({ 'paygap.config.json': { ...reportOnly, unit: 'assignment' }, 'staff.csv': noGrade });
    const validate = await runCli(['validate', 'staff.csv', '--format', 'json', '--quiet'], { cwd });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const quality = JSON.parse(validate.stdout);
    // The reading settings it shares with report still apply, and say where they came from.
    expect(quality.unit).toBe('assignment');
    expect(quality.settingSources.unit).toEqual({ from: 'config', file: 'paygap.config.json' });
    for (const key of Object.keys(reportOnly)) expect(quality.settingSources).not.toHaveProperty(key);

    const report = await runCli(['report', 'staff.csv', '--quiet'], { cwd });
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('missing required column grade (--within band needs it)');
  });

  it('a key no command knows still stops validate, naming the key', async () => {
    const cwd = place({ 'paygap.config.json': { withn: 'band' }, 'staff.csv': noGrade });
    const result = await runCli(['validate', 'staff.csv'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('withn: not a setting paygap knows');
  });

  it('a report option on the command line of another command is a usage error', async () => {
    const cwd = place({ 'staff.csv': noGrade });
    const result = await runCli(['validate', 'staff.csv', '--within', 'band'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--within'/);
  });
});

/**
 * The input is a FIFO with no writer: opening it for reading waits for ever, so a run that
 * opens its input does not end. The wait is bounded; a run still going after it has opened
 * the input (and is abandoned, blocked, there).
 */
async function runWithoutInput(args: readonly string[], files: Record<string, string | object> = {}): Promise<CliResult> {
  const cwd = place(files);
  const fifo = join(cwd, 'staff.csv');
  execFileSync('mkfifo', [fifo]);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 5000)));
  const first = await Promise.race([runCli(['report', fifo, ...args], { cwd }), late]);
  clearTimeout(timer);
  if (first === 'late') throw new Error(`paygap report ${args.join(' ')} opened its input instead of refusing the options`);
  return first;
}

describe('combinations are checked before any input is read', () => {
  it.each([
    ['--previous without --format html', ['--previous', 'last-year.json'], {}, '--previous goes with --format html, or with targets in the config file (their progress is shown in every format); for compare tables, use paygap compare'],
    ['--previous with --format json', ['--previous', 'last-year.json', '--format', 'json'], {}, '--previous goes with --format html'],
    ['--age without --snapshot-date', ['--age'], {}, '--age needs --snapshot-date'],
    ['"age": true in the config without a snapshot date', [], { 'paygap.config.json': { age: true } }, '--age needs --snapshot-date'],
    ['--undisclosed naming no --characteristic', ['--undisclosed', 'religion=Prefer not to say'], {}, 'no --characteristic religion'],
    ['--output with an empty name', ['--output', ''], {}, "--output '': expected a file name"],
    ['a reference group that is not one of the view\'s', ['--reference', 'sex=Unknown'], {}, 'the reference group for sex/sex must be one of'],
  ])('%s: exit 2', async (_name, args, files, message) => {
    const result = await runWithoutInput(args, files);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('--output with an empty name is a usage error for validate too', async () => {
    const cwd = place({ 'staff.csv': noGrade });
    const result = await runCli(['validate', 'staff.csv', '--output', ''], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--output '': expected a file name");
  });
});

describe('--previous is read before the export', () => {
  it.each([
    ['missing', {}, 'cannot read last-year.json: no such file'],
    ['not a report', { 'last-year.json': { hello: 'world' } }, 'last-year.json is not a paygap report'],
  ])('a %s previous report stops the run at once (exit 1)', async (_name, files, message) => {
    const result = await runWithoutInput(['--format', 'html', '--previous', 'last-year.json'], files);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});

describe('--resamples and --seed without --ci', () => {
  it('are allowed, with a warning naming where each was set', async () => {
    const cwd = place({ 'paygap.config.json': { seed: 7 }, 'staff.csv': noGrade });
    const result = await runCli(['report', 'staff.csv', '--resamples', '500', '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('paygap: warning: --resamples has no effect without --ci');
    expect(result.stderr).toContain('paygap: warning: seed in paygap.config.json has no effect without --ci');
    expect((await runCli(['report', 'staff.csv', '--resamples', '500', '--quiet'], { cwd })).stderr).toBe('');
    expect((await runCli(['report', 'staff.csv', '--resamples', '500', '--ci', '95'], { cwd })).stderr).not.toContain('no effect');
  });

  it('are still checked: a bad value is exit 2', async () => {
    const result = await runWithoutInput(['--resamples', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected --resamples to be a whole number from 100 to 100000');
  });
});

describe('config values are read as JSON, not as command-line text', () => {
  it('a number out of range is named by its key, not by a flag', async () => {
    const cwd = place({ 'paygap.config.json': { seed: 3_000_000_000 }, 'staff.csv': noGrade });
    const result = await runCli(['report', 'staff.csv'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/seed: Too big/);
    expect(result.stderr).not.toContain('--seed');
  });

  it('a config value that the command line would check is checked under its key', async () => {
    const cwd = place({ 'paygap.config.json': { delimiter: 'semicolons', characteristics: [{ name: 'sex', column: 'Gender' }] }, 'staff.csv': noGrade });
    const result = await runCli(['report', 'staff.csv'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('delimiter: expected one character, or comma, semicolon, tab, pipe or auto');
    expect(result.stderr).toContain('characteristics.0.name: this characteristic is built in');
  });
});
