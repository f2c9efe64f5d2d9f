import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

const sample = resolve('fixtures/esr-sample.csv');
const fresh = () => mkdtempSync(join(tmpdir(), 'paygap-config-'));
const odd = csv(
  ['Staff No', 'Sex', 'Rate Per Hour', 'Ethnic Origin'],
  [
    ['1', 'Male', '20', 'A'],
    ['2', 'Female', '15', 'N'],
    ['3', 'Female', '16', 'A'],
  ],
);

describe('paygap.config.json', () => {
  it('is found in the working directory and supplies the mapping and settings', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'staff.csv'), odd);
    writeFileSync(
      join(cwd, 'paygap.config.json'),
      JSON.stringify({ map: { employeeNumber: 'Staff No', hourlyRate: 'Rate Per Hour' }, minGroupSize: 0, unit: 'assignment' }),
    );
    const result = await runCli(['report', 'staff.csv', '--format', 'json', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.method).toMatchObject({ unit: 'assignment', minGroupSize: 0, columns: { hourlyRate: 'Rate Per Hour', employeeNumber: 'Staff No' } });
  });

  it('is overridden by the command line, key by key', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'staff.csv'), odd);
    writeFileSync(join(cwd, 'monthly.json'), JSON.stringify({ map: { hourlyRate: 'Rate Per Hour' }, minGroupSize: 0, unit: 'assignment' }));
    const result = await runCli(['report', 'staff.csv', '--config', 'monthly.json', '--min-group-size', '3', '--format', 'json', '--quiet'], { cwd });
    expect(JSON.parse(result.stdout).method).toMatchObject({ unit: 'assignment', minGroupSize: 3 });
  });

  it.each([
    [{ minGroupSize: -1 }, /minGroupSize: Too small/i],
    [{ unit: 'team' }, /unit: Invalid option/i],
    [{ map: { pay: 'Pay' } }, /map\.pay/],
    [{ colour: 'blue' }, /colour: not a setting paygap knows/],
    [{ by: ['religion'] }, /by\.0/],
  ])('names the key and the problem: %j', async (config, message) => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'paygap.config.json'), JSON.stringify(config));
    const result = await runCli(['report', sample], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('rejects a file that is not JSON, and a --config that does not exist', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'paygap.config.json'), '{ "unit": ');
    expect((await runCli(['report', sample], { cwd })).stderr).toMatch(/is not valid JSON/);
    expect((await runCli(['report', sample, '--config', 'nope.json'], { cwd })).stderr).toMatch(/--config nope.json: cannot read it/);
  });
});

describe('--reference', () => {
  it('makes another group the reference, listed first, with gaps against it', async () => {
    const base = JSON.parse((await runCli(['report', sample, '--format', 'json', '--quiet'])).stdout);
    const flipped = JSON.parse((await runCli(['report', sample, '--format', 'json', '--quiet', '--reference', 'sex=Female'])).stdout);
    const [male, female] = base.characteristics[0].groups;
    const sex = flipped.characteristics[0];
    expect(sex.referenceGroup).toBe('Female');
    expect(sex.groups.map((g: { group: string }) => g.group)).toEqual(['Female', 'Male']);
    expect(sex.groups[1].meanGapPercent).toBeCloseTo(((female.meanHourlyPay - male.meanHourlyPay) / female.meanHourlyPay) * 100, 10);
    // Other views are unchanged.
    expect(flipped.characteristics[2]).toEqual(base.characteristics[2]);
  });

  it('accepts view or characteristic/view, and refuses an undisclosed group', async () => {
    const ok = await runCli(['report', sample, '--format', 'json', '--quiet', '--reference', 'ethnicity/broad=Asian or Asian British']);
    expect(JSON.parse(ok.stdout).characteristics[2].referenceGroup).toBe('Asian or Asian British');
    const bad = await runCli(['report', sample, '--reference', 'broad=Unknown']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be one of "White", "Mixed"/);
  });
});

describe('paygap init', () => {
  it('shows the mapping it found and writes a config a report then uses', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'staff.csv'), readFileSync(sample));
    const result = await runCli(['init', 'staff.csv'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hourlyRate         ← "Hourly Rate"');
    const config = JSON.parse(readFileSync(join(cwd, 'paygap.config.json'), 'utf8'));
    expect(config).toMatchObject({ payMethod: 'hourly-rate', unit: 'person', map: { sex: 'Gender' } });
    const report = await runCli(['report', 'staff.csv', '--format', 'json', '--quiet'], { cwd });
    expect(report.code).toBe(0);
    // Refuses to overwrite without --force.
    expect((await runCli(['init', 'staff.csv'], { cwd })).code).toBe(2);
    expect((await runCli(['init', 'staff.csv', '--force'], { cwd })).code).toBe(0);
  });

  it('proposes what it can for a file with unknown headers, and says what is missing', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'odd.csv'), odd);
    const result = await runCli(['init', 'odd.csv'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/hourlyRate\s+accepted: .*perhaps "Rate Per Hour"\?/);
    expect(result.stdout).toContain('Before a report can run: no pay column');
  });
});

describe('privacy', () => {
  it('no report holds an employee number or a single person\'s pay', async () => {
    const text = readFileSync(sample, 'utf8');
    const employees = new Set(text.split('\r\n').slice(1).map((line) => line.split(',')[0]).filter(Boolean));
    for (const format of ['json', 'table']) {
      const out = (await runCli(['report', sample, '--format', format, '--quiet'])).stdout;
      for (const employee of employees) expect(out.includes(employee as string)).toBe(false);
    }
    // With the default minimum group size, no group's pay figure comes from one person.
    const report = JSON.parse((await runCli(['report', sample, '--format', 'json', '--quiet'])).stdout);
    for (const view of report.characteristics) {
      for (const g of view.groups) if (g.headcount > 0 && g.headcount < 10) expect(g.meanHourlyPay).toBeNull();
    }
  });
});
