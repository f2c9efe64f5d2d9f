import { markdownText } from '../../src/render/markdown-text.js';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';
import { CHUNK_BYTES } from '../../src/ingest/load-parallel.js';

/**
 * Issue 11 at the command line: what a user sees of each messy input, on stderr (with the
 * exit code), in the JSON and in the documents, and the smaller cases of the item 7.
 */
const dir = mkdtempSync(join(tmpdir(), 'paygap-messy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => mkdtempSync(join(dir, 'cwd-'));
const bad = (name: string) => resolve('fixtures/bad', name);
const pence = bad('pence-hourly-rate.csv');
const PENCE_WARNING =
  'hourly pay above £500.00, which no NHS pay scale reaches (pence typed as pounds, an annual amount as hourly, or hours too small?): 1 row (line 11), ' +
  'left in the figures; check the export, or use --strict to stop on such rows';

describe('warnings in every place a reader looks', () => {
  it('an implausible rate: stderr has the line and the value; the JSON, Markdown and HTML have the line and the rule, not the value', async () => {
    const json = await runCli(['report', pence, '--by', 'sex', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toContain(
      'paygap: 1 row has values that no contract or pay scale has (left in the figures; --strict makes them invalid):\n' +
        '  line 11, Hourly Rate = £1,250.00 an hour: hourly pay above £500.00',
    );
    expect(json.stderr).toContain(`paygap: warning: ${PENCE_WARNING}\n`);
    expect(JSON.parse(json.stdout).warnings).toEqual([PENCE_WARNING]);
    expect(json.stdout).not.toMatch(/1,250|1250/);
    const markdown = await runCli(['report', pence, '--by', 'sex', '--format', 'markdown', '--quiet']);
    expect(markdown.stderr).toBe('');
    // Markdown escapes what it quotes (parentheses, ?), so the warning reads the same once rendered.
    expect(markdown.stdout).toContain(`> **Note:** ${markdownText(PENCE_WARNING)}`);
    const html = await runCli(['report', pence, '--by', 'sex', '--format', 'html', '--quiet']);
    expect(html.stdout).toContain('1 row (line 11), left in the figures');
  });

  it('--strict: the implausible row is an invalid row, listed with its value, and nothing is written', async () => {
    const result = await runCli(['report', pence, '--by', 'sex', '--strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('paygap: 1 of 40 rows is invalid and left out:\n  line 11, Hourly Rate = "£1,250.00 an hour": implausible: hourly pay above £500.00');
    expect(result.stderr).toContain('paygap: error: --strict: 1 invalid row (listed above); no report written');
  });

  it('the GOV.UK figures the service will refuse are warned about on stderr too', async () => {
    const result = await runCli(['report', bad('near-miss-headers.csv'), '--by', 'sex', '--format', 'json']);
    expect(result.stderr).toContain('paygap: warning: GOV.UK figures: the file has no bonus column, so no bonus figure can be worked out');
    expect(result.stderr).toContain('paygap: warning: column "Bonus Amount" is not read, but looks like bonusPay: if it is, add --map bonusPay="Bonus Amount"');
  });

  it('validate lists warnings on stderr; --quiet leaves stderr empty and the report, its result, on stdout', async () => {
    const loud = await runCli(['validate', bad('near-miss-headers.csv')]);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain('paygap: warning: column "Contracted Hours per Week" is not read');
    expect(loud.stdout).toContain('Warning: column "Contracted Hours per Week" is not read');
    const quiet = await runCli(['validate', bad('near-miss-headers.csv'), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    const strict = await runCli(['validate', pence, '--strict', '--quiet']);
    expect([strict.code, strict.stderr]).toEqual([1, 'paygap: error: --strict: 1 invalid row\n']);
  });

  it('validate accepts --no-color (it uses no colour)', async () => {
    const result = await runCli(['validate', bad('near-miss-headers.csv'), '--no-color', '--quiet']);
    expect(result.code).toBe(0);
  });
});

describe('messages quote at most 60 characters of a value, and say how long it was', () => {
  // 12.6 MB, a line longer than three of the parallel reader's chunks (it was 40 MB: what more
  // adds is time; the scanner's work is counted in test/io/scan-records.test.ts).
  it('a 12.6 MB header line, on two threads', async () => {
    const path = join(dir, 'long-header.csv');
    writeFileSync(path, `${'x'.repeat(3 * CHUNK_BYTES)}\nMale\n`);
    const result = await runCli(['report', path, '--threads', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`headers found (line 1): "${'x'.repeat(60)}"… (${(3 * CHUNK_BYTES).toLocaleString('en-GB')} characters)`);
    expect(result.stderr.length).toBeLessThan(1000);
  }, 60_000);

  it('a 10 MB config value', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'staff.csv'), csv(['Gender', 'Hourly Rate'], [['Male', '10']]));
    writeFileSync(join(cwd, 'paygap.config.json'), JSON.stringify({ map: { hourlyRate: 'y'.repeat(10_000_000) } }));
    const result = await runCli(['report', 'staff.csv'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`--map hourlyRate="${'y'.repeat(60)}"… (10,000,000 characters): the file has no such header`);
    expect(result.stderr.length).toBeLessThan(1000);
  }, 60_000);

  it('a long invalid cell, and a long config key', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'staff.csv'), csv(['Gender', 'Hourly Rate'], [['Male', '10'], ['Female', 'z'.repeat(5000)]]));
    const cell = await runCli(['report', 'staff.csv', '--format', 'json'], { cwd });
    expect(cell.stderr).toContain(`line 3, Hourly Rate = "${'z'.repeat(60)}"… (5,000 characters): expected hourly rate in pounds, such as 15.50 or £15.50`);
    writeFileSync(join(cwd, 'paygap.config.json'), JSON.stringify({ ['k'.repeat(5000)]: 1 }));
    const key = await runCli(['report', 'staff.csv'], { cwd });
    expect(key.code).toBe(2);
    expect(key.stderr).toContain(`${'k'.repeat(60)}… (5,000 characters): not a setting paygap knows`);
    expect(key.stderr.length).toBeLessThan(500);
  });
});

describe('the smaller cases', () => {
  // Written as text: JSON.stringify and object literals treat __proto__ as the prototype, not a key.
  it.each([
    ['{"map":{"__proto__":"Gender"}}', 'map.__proto__'],
    ['{"map":{"__proto__":{"hourlyRate":"Gender"}}}', 'map.__proto__'],
    ['{"referenceGroups":{"__proto__":"Female"}}', 'referenceGroups.__proto__'],
    ['{"__proto__":{"minGroupSize":0}}', '__proto__'],
  ])('a __proto__ key in the config is refused: %s', async (text, at) => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'staff.csv'), csv(['Gender', 'Hourly Rate'], [['Male', '10']]));
    writeFileSync(join(cwd, 'paygap.config.json'), text);
    const result = await runCli(['report', 'staff.csv'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${at}: not a setting paygap knows (a key of this name is never allowed)`);
  });

  it('paygap help nonexistent is a usage error', async () => {
    const result = await runCli(['help', 'nonexistent']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('paygap: help "nonexistent": no such command; the commands are report, validate, compare, trend, benchmark, init, columns, sample, schema');
    expect((await runCli(['help', 'report'])).code).toBe(0);
  });

  const ages = csv(
    ['Gender', 'Hourly Rate', 'Date of Birth'],
    [
      ['Male', '20', '1990-01-01'],
      ['Female', '18', '1995-01-01'],
    ],
  );
  it('--reference age=99 is a usage error (exit 2) before the export is read', async () => {
    const result = await runCli(['report', '-', '--age', '--snapshot-date', '2025-03-31', '--reference', 'age=99'], { stdin: ages });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reference age="99": expected one of the age bands 16–24, 25–34, 35–44, 45–54, 55–64, 65+');
  });

  it('--reference age=25-34 with a hyphen is the band 25–34', async () => {
    const result = await runCli(['report', '-', '--age', '--snapshot-date', '2025-03-31', '--reference', 'age=25-34', '--min-group-size', '0', '--format', 'json', '--quiet'], { stdin: ages });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).characteristics.find((c: any) => c.characteristic === 'age').referenceGroup).toBe('25–34');
  });

  it('UTF-16 with a lone surrogate is refused like invalid UTF-8, naming the line', async () => {
    const result = await runCli(['report', bad('utf16-lone-surrogate.csv')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('paygap: error: line 4: the file is not valid UTF-16 (a lone surrogate, or a character cut short)');
  });

  it('the hourly-rate message gives an hourly-sized example', async () => {
    const result = await runCli(['report', '-', '--quiet', '--format', 'json'], { stdin: csv(['Gender', 'Hourly Rate'], [['Male', '10'], ['Female', 'ten']]) });
    expect(JSON.parse(result.stdout).population.exclusions[0].reason).toBe('invalid row: Hourly Rate: expected hourly rate in pounds, such as 15.50 or £15.50');
  });

  it('"Excluded 2 invalid rows:", and "1 invalid row:"', async () => {
    const text = csv(['Gender', 'Hourly Rate'], [['Male', '10'], ['Female', 'x'], ['Female', 'y'], ['Male', '-1']]);
    const result = await runCli(['report', '-', '--quiet', '--min-group-size', '0'], { stdin: text });
    expect(result.stdout).toContain('Excluded      2 invalid rows: Hourly Rate: expected hourly rate in pounds, such as 15.50 or £15.50');
    expect(result.stdout).toContain('Excluded      1 invalid row: Hourly Rate: expected hourly rate of 0 or more');
  });
});
