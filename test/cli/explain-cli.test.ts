import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportJson, runCli } from '../helpers/run-cli.js';

/**
 * `paygap report --explain` end to end (METHOD §17): the README's example as written, every
 * format, the config file's `explain`, crossed columns, and the errors a user can make.
 */
const SAMPLE = join(process.cwd(), 'fixtures/esr-sample.csv');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-explain-'));
  made.push(dir);
  return dir;
};

describe('paygap report --explain', () => {
  it('prints the README example: the sex gap split over pay bands', async () => {
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--explain', 'band']);
    expect(result.code).toBe(0);
    const section = result.stdout.slice(result.stdout.indexOf('Why the mean gaps: Sex, over pay band cells'));
    expect(section.length).toBeGreaterThan(1000);
    const text = section.replaceAll('\n  ', ' ');
    expect(text).toContain('Of the 17.0% mean gap between men and women (£3.89 an hour), 17.1 points (£3.92) come from composition');
    expect(text).toContain('and -0.1 points (-£0.03) from pay within the same pay band.');
    expect(text).toMatch(/│ Band 5 +│ +44 │ +235 │ +2\.1 │ +0\.0 │/);
    expect(text).toContain('The median gap is not split: a median is not a sum of parts');
    // Its cells are published as a breakdown, as --within band would.
    expect(result.stdout).toContain('Within each pay band');
    // The README shows this output as it is.
    const readme = readFileSync('README.md', 'utf8');
    const shown = readme.slice(readme.indexOf('```\nWhy the mean gaps: Sex, over pay band cells') + 4);
    expect(result.stdout).toContain(shown.slice(0, shown.indexOf('\n```')));
  });

  it.each([
    ['markdown', '### Why the mean gaps: Sex'],
    ['html', '<section class="view" id="explain-0"><h2>Why the mean gaps: Sex</h2>'],
    ['csv', 'explain band,,sex,sex,Female,Male,mean_gap_composition,17.11037126613'],
  ])('writes the decomposition in %s', async (format, expected) => {
    const result = await runCli(['report', SAMPLE, '--explain', 'band', '--format', format, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
    expect(result.stdout).toMatch(/not a sum of parts/);
  });

  it('writes a sheet per decomposed view in the workbook', async () => {
    const dir = folder();
    const result = await runCli(['report', SAMPLE, '--explain', 'band', '--by', 'sex', '--format', 'xlsx', '--output', 'r.xlsx', '--quiet'], { cwd: dir });
    expect(result.code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'r.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Why – Sex')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(row.values as unknown[]));
    const all = rows.find((r) => r[1] === 'Female' && r[2] === 'All cells')!;
    expect((all[5] as number).toFixed(1)).toBe('17.0');
    expect((all[7] as number).toFixed(1)).toBe('17.1');
    expect(rows.some((r) => r[2] === 'Band 9' && r[7] === 'withheld')).toBe(true);
  });

  it('takes explain from the config file, records where it came from, and crosses columns', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'paygap.config.json'), JSON.stringify({ explain: ['band', 'staffGroup'] }));
    const json = await reportJson([SAMPLE, '--quiet'], { cwd: dir });
    expect(json.method.settingSources.explain).toEqual({ from: 'config', file: 'paygap.config.json' });
    const d = json.characteristics[0].decomposition;
    expect(d).toMatchObject({ method: 'nopo-2008', columns: ['band', 'staffGroup'], breakdown: 'band × staffGroup', referenceGroup: 'Male' });
    expect(d.groups[0].cells.map((c: { cell: string }) => c.cell)).toContain('Band 5 × Nursing and Midwifery Registered');
    const plain = await reportJson([SAMPLE, '--quiet']);
    expect(plain.characteristics[0].decomposition).toBeNull();
  });

  it.each([
    [['--explain', 'band,band'], 2, 'expected 1 to 4 different columns'],
    [['--explain', 'band,grade,staffGroup,payScheme,Gender'], 2, 'expected 1 to 4 different columns'],
    [['--explain', 'Org L3'], 1, '--explain "Org L3": the file has no such column'],
    [['--explain', 'Employee Number'], 1, 'a breakdown is a short list of categories'],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const result = await runCli(['report', SAMPLE, ...args]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
