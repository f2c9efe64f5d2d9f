import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

const staff = csv(
  ['Staff No', 'Gender', 'Rate Per Hour', 'Hourly Rate'],
  [
    ['1', 'Male', '20', '20'],
    ['2', 'Female', '15', '15'],
    ['3', 'Female', '16', '16'],
  ],
);

function place(config: object, name = 'paygap.config.json'): string {
  const cwd = mkdtempSync(join(tmpdir(), 'paygap-sources-'));
  writeFileSync(join(cwd, 'staff.csv'), staff);
  writeFileSync(join(cwd, name), JSON.stringify(config));
  return cwd;
}

const config = { payMethod: 'hourly-rate', map: { employeeNumber: 'Staff No' }, minGroupSize: 0 };

describe('where each setting came from', () => {
  it('JSON method.settingSources: config file by name, command line, default', async () => {
    const cwd = place(config);
    const result = await runCli(['report', 'staff.csv', '--unit', 'assignment', '--map', 'hourlyRate=Rate Per Hour', '--format', 'json', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    const { method } = JSON.parse(result.stdout);
    expect(method.settingSources).toMatchObject({
      payMethod: { from: 'config', file: 'paygap.config.json' },
      minGroupSize: { from: 'config', file: 'paygap.config.json' },
      unit: { from: 'command line' },
      map: { from: 'config and command line', file: 'paygap.config.json' },
      payPeriod: { from: 'default' },
      within: { from: 'default' },
    });
    // Output-only options are not settings of the report.
    for (const key of ['format', 'quiet', 'output', 'config', 'threads']) expect(method.settingSources).not.toHaveProperty(key);
    expect(method.payMethodReason).toBe('chosen in paygap.config.json (payMethod)');
    expect(method.unitReason).toBe('chosen with --unit assignment');
    expect(method.columns).toMatchObject({ employeeNumber: 'Staff No', hourlyRate: 'Rate Per Hour' });
  });

  it('names the file given with --config, and keeps the command-line wording for the command line', async () => {
    const cwd = place({ unit: 'assignment' }, 'monthly.json');
    const result = await runCli(['report', 'staff.csv', '--config', 'monthly.json', '--pay-method', 'hourly-rate', '--format', 'json', '--quiet'], { cwd });
    const { method } = JSON.parse(result.stdout);
    expect(method.unitReason).toBe('chosen in monthly.json (unit)');
    expect(method.payMethodReason).toBe('chosen with --pay-method hourly-rate');
    expect(method.settingSources.unit).toEqual({ from: 'config', file: 'monthly.json' });
  });

  it('the table header says it on one line', async () => {
    const cwd = place({ payMethod: 'hourly-rate', unit: 'assignment' });
    const result = await runCli(['report', 'staff.csv', '--min-group-size', '0', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hourly pay    hourly-rate: chosen in paygap.config.json (payMethod)\n');
    expect(result.stdout).toContain('Settings      from paygap.config.json: unit, payMethod; command line: minGroupSize; others default\n');
  });

  it('with no config file and no settings given, all are default', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'paygap-sources-'));
    writeFileSync(join(cwd, 'staff.csv'), staff);
    const result = await runCli(['report', 'staff.csv', '--quiet', '--no-color'], { cwd });
    expect(result.stdout).toContain('Settings      all default\n');
    expect(result.stdout).toContain('Hourly pay    hourly-rate: chosen automatically: the file has "Hourly Rate"');
  });
});
