import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { reportJson, runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

/**
 * Bonus from several columns (METHOD §1.11): Clinical Excellence Awards in two columns,
 * summed per assignment, then per person like any bonus.
 */
const HEADERS = ['Employee Number', 'Assignment Number', 'Gender', 'Hourly Rate', 'Contracted Hours', 'Local CEA', 'National CEA'];
const ROWS = [
  ['1', '1-1', 'M', '40', '37.5', '1000', '5000'], // 6,000
  ['2', '2-1', 'M', '42', '37.5', '', '3000'], // 3,000
  ['3', '3-1', 'M', '30', '37.5', '0', ''], // none
  ['4', '4-1', 'F', '38', '20', '500', ''], // 500 + 750 on a second assignment = 1,250
  ['4', '4-2', 'F', '38', '17.5', '', '750'],
  ['5', '5-1', 'F', '28', '37.5', '2000', '2000'], // 4,000
  ['6', '6-1', 'F', '25', '37.5', '', ''], // none
];
const file = csv(HEADERS, ROWS);
const BOTH = ['--map', 'bonusPay=Local CEA', '--map', 'bonusPay=National CEA', '--min-group-size', '0', '--quiet'];

const dir = mkdtempSync(join(tmpdir(), 'paygap-bonus-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Men: 6,000 and 3,000 (2 of 3 receive); women: 1,250 and 4,000 (2 of 3), by hand. */
function expectSummed(report: any): void {
  const [men, women] = report.characteristics[0].groups;
  expect(men.bonus).toMatchObject({ recipients: 2, mean: 4500, median: 4500 });
  expect(women.bonus).toMatchObject({ recipients: 2, mean: 2625, median: 2625 });
  expect(women.bonus.meanGapPercent).toBeCloseTo(((4500 - 2625) / 4500) * 100, 12);
  expect(report.method.bonusColumns).toEqual(['Local CEA', 'National CEA']);
  expect(report.method.columns.bonusPay).toBe('Local CEA');
}

describe('bonus from several columns', () => {
  it('--map bonusPay twice sums the columns per assignment, and the report lists them', async () => {
    const result = await runCli(['report', '-', ...BOTH.filter((a) => a !== '--quiet'), '--format', 'json'], { stdin: file });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expectSummed(report);
    // Neither column is left over as an unread column that looks like a bonus.
    expect(result.stderr).not.toContain('is not read');
    expect(report.warnings.join(' ')).not.toContain('CEA');
  });

  it('reads the same from an array in the config file, and on two threads', async () => {
    const config = join(dir, 'paygap.config.json');
    writeFileSync(config, JSON.stringify({ map: { bonusPay: ['Local CEA', 'National CEA'] }, minGroupSize: 0 }));
    const path = join(dir, 'staff.csv');
    writeFileSync(path, file);
    expectSummed(await reportJson([path, '--config', config, '--quiet']));
    expectSummed(await reportJson([path, '--config', config, '--quiet', '--threads', '2']));
  });

  it('names the column of an unreadable amount, and leaves that row out', async () => {
    const bad = csv(HEADERS, [...ROWS, ['7', '7-1', 'M', '30', '37.5', '10', 'lots']]);
    const result = await runCli(['report', '-', ...BOTH.filter((a) => a !== '--quiet'), '--format', 'json'], { stdin: bad });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/line 9.*National CEA.*lots/s);
    expectSummed(JSON.parse(result.stdout));
  });

  it('shows the columns summed in the table header, the Markdown method and paygap validate', async () => {
    const table = await runCli(['report', '-', ...BOTH], { stdin: file });
    expect(table.stdout).toMatch(/^Bonus {9}the sum of "Local CEA" \+ "National CEA"$/m);
    const markdown = await runCli(['report', '-', ...BOTH, '--format', 'markdown'], { stdin: file });
    expect(markdown.stdout).toContain('Bonus pay is the sum of the columns "Local CEA", "National CEA".');
    const validate = await runCli(['validate', '-', '--map', 'bonusPay=Local CEA', '--map', 'bonusPay=National CEA', '--format', 'json'], { stdin: file });
    const bonus = JSON.parse(validate.stdout).columns.find((c: any) => c.field === 'bonusPay');
    expect(bonus).toEqual({ field: 'bonusPay', header: 'Local CEA', matchedBy: 'map', summedFrom: ['Local CEA', 'National CEA'] });
  });

  it.each([
    ['another field given twice', ['--map', 'hourlyRate=Local CEA', '--map', 'hourlyRate=National CEA'], /--map hourlyRate is given more than once: only bonusPay can be read from several columns/],
    ['the same column twice', ['--map', 'bonusPay=Local CEA', '--map', 'bonusPay=local cea'], /--map bonusPay="local cea" is given twice: each column is summed once/],
  ])('refuses %s (exit 2)', async (_, args, message) => {
    const result = await runCli(['report', '-', ...args], { stdin: file });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses an array for a field that cannot be summed in the config file (exit 2)', async () => {
    const config = join(dir, 'bad.config.json');
    writeFileSync(config, JSON.stringify({ map: { hourlyRate: ['Local CEA', 'National CEA'] } }));
    const result = await runCli(['report', '-', '--config', config], { stdin: file });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('map.hourlyRate: expected one header: only bonusPay can be read from several columns');
  });
});
