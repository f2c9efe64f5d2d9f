import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

/**
 * The trend and benchmark commands, targets and --organisation-name through the command
 * line: a few years of one generated organisation (paygap sample --year) and three
 * organisations, reported once, then read back.
 */
const cwd = mkdtempSync(join(tmpdir(), 'paygap-trend-'));
const at = (name: string) => join(cwd, name);
const run = (args: readonly string[]) => runCli(args, { cwd });

async function ok(args: readonly string[]): Promise<string> {
  const result = await run(args);
  if (result.code !== 0) throw new Error(`paygap ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  for (const year of [2022, 2023, 2024]) {
    writeFileSync(at(`${year}.csv`), await ok(['sample', '--rows', '900', '--seed', '5', '--year', String(year)]));
    await ok(['report', `${year}.csv`, '--snapshot-date', `${year}-03-31`, '--organisation-name', 'Example Trust', '--format', 'json', '--quiet', '--output', `${year}.json`]);
  }
  for (const [name, rows, seed] of [['north', 1200, 1], ['south', 2500, 2], ['east', 150, 3]] as const) {
    writeFileSync(at(`${name}.csv`), await ok(['sample', '--rows', String(rows), '--seed', String(seed)]));
    await ok(['report', `${name}.csv`, '--snapshot-date', '2025-03-31', '--format', 'json', '--quiet', '--output', `${name}.json`]);
  }
  writeFileSync(at('future.json'), JSON.stringify({ schemaVersion: 2, characteristics: [] }));
}, 240_000);

describe('paygap report --organisation-name', () => {
  it('records the name in the JSON, from the command line or the config file; null when not given', async () => {
    expect(JSON.parse(readFileSync(at('2022.json'), 'utf8')).organisation).toEqual({ name: 'Example Trust' });
    expect(JSON.parse(readFileSync(at('north.json'), 'utf8')).organisation).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'paygap-org-'));
    writeFileSync(join(dir, 'paygap.config.json'), JSON.stringify({ organisationName: 'Config Trust' }));
    const report = JSON.parse((await runCli(['report', at('east.csv'), '--format', 'json', '--quiet'], { cwd: dir })).stdout);
    expect(report.organisation).toEqual({ name: 'Config Trust' });
    expect((await runCli(['report', at('east.csv'), '--organisation-name', ' '], { cwd: dir })).code).toBe(2);
  });
});

describe('paygap trend', () => {
  it('sorts reports given in any order by snapshot date; JSON series with typed statuses', async () => {
    const trend = JSON.parse(await ok(['trend', '2024.json', '2022.json', '2023.json', '--format', 'json']));
    expect(trend).toMatchObject({ kind: 'trend', organisation: 'Example Trust', order: 'snapshot-date' });
    expect(trend.reports.map((r: { file: string }) => r.file)).toEqual(['2022.json', '2023.json', '2024.json']);
    const female = trend.series.find((s: { view: string; group: string; measure: string }) => s.view === 'sex' && s.group === 'Female' && s.measure === 'median_gap');
    expect(female.points.map((p: { snapshotDate: string }) => p.snapshotDate)).toEqual(['2022-03-31', '2023-03-31', '2024-03-31']);
    expect(Object.keys(female.points[0])).toEqual(['snapshotDate', 'file', 'value', 'status', 'reason']);
    const statuses = new Set(trend.series.flatMap((s: { points: { status: string }[] }) => s.points.map((p) => p.status)));
    expect([...statuses]).toEqual(expect.arrayContaining(['shown', 'reference', 'suppressed']));
  });

  it('writes every format', async () => {
    const files = ['2022.json', '2023.json', '2024.json'];
    expect(await ok(['trend', ...files])).toContain('Pay gaps over time: Example Trust (3 reports, by snapshot date)');
    expect(await ok(['trend', ...files, '--format', 'markdown'])).toContain('| Group | Figure | 2022-03-31 | 2023-03-31 | 2024-03-31 | First → last |');
    expect((await ok(['trend', ...files, '--format', 'csv'])).split('\r\n')[0]).toBe('row,characteristic,view,group,reference_group,measure,snapshot_date,file,value,unit,status,reason,reason_code,explain_columns');
    const html = await ok(['trend', ...files, '--format', 'html']);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('aria-labelledby="trend-0-0-0-t trend-0-0-0-d"');
  });

  it('refuses one report, a report of an unknown schema version, and an output onto an input', async () => {
    const one = await run(['trend', '2022.json']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('trend takes two or more reports');
    const future = await run(['trend', '2022.json', 'future.json']);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('future.json is a report of schemaVersion 2, which paygap 0.1.0 cannot read: it reads schemaVersion 1 only');
    expect((await run(['trend', '2022.json', '2023.json', '--output', '2023.json'])).code).toBe(2);
  });

  it('warns when the methods differ', async () => {
    await ok(['report', '2024.csv', '--snapshot-date', '2024-09-30', '--unit', 'assignment', '--format', 'json', '--quiet', '--output', 'assignment.json']);
    const result = await run(['trend', '2022.json', 'assignment.json']);
    expect(result.stderr).toContain('unit was person, now assignment');
    expect((await run(['trend', '2022.json', 'assignment.json', '--quiet'])).stderr).toBe('');
  });
});

describe('targets in the config file', () => {
  const config = (targets: unknown) => writeFileSync(at('paygap.config.json'), JSON.stringify({ targets }));
  const target = { view: 'sex/sex', group: 'Female', measure: 'mean_gap', target: 0, by: '2030-03-31', baseline: '2022.json' };

  it.each([
    [{ ...target, measure: 'gap' }, /targets\.0\.measure: expected a measure id: headcount, relevant_headcount/],
    [{ ...target, by: 'soon' }, /targets\.0\.by: expected the date to reach it by, e\.g\. 2028-03-31/],
    [{ ...target, view: 'Sex' }, /targets\.0\.view: expected a view such as sex\/sex/],
    [{ ...target, target: '0' }, /targets\.0\.target: expected the value to reach/],
    [{ ...target, colour: 'red' }, /targets\.0\.colour: not a setting paygap knows/],
  ])('names the key and the problem: %j', async (bad, message) => {
    config([bad]);
    const result = await run(['trend', '2022.json', '2023.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('trend shows each target: the figure now, the path now and the verdict, in every format', async () => {
    config([target, { ...target, view: 'disability', group: 'Disabled', measure: 'median_gap', baseline: 'missing.json' }]);
    expect((await run(['trend', '2022.json', '2023.json'])).stderr).toContain('targets.1.baseline in paygap.config.json: cannot read missing.json: no such file');
    config([target]);
    const trend = JSON.parse(await ok(['trend', '2023.json', '2024.json', '--format', 'json']));
    const [p] = trend.targets;
    expect(p).toMatchObject({ target, baseline: { snapshotDate: '2022-03-31', file: '2022.json' }, previous: { snapshotDate: '2023-03-31' }, current: { snapshotDate: '2024-03-31' } });
    // From the baseline figure at 2022-03-31 to 0 at 2030-03-31: 731 of 2,922 days gone at 2024-03-31.
    expect(p.expected).toBeCloseTo(p.baseline.value * (1 - 731 / 2922), 10);
    expect(['on-track', 'off-track']).toContain(p.status);
    expect(await ok(['trend', '2023.json', '2024.json'])).toContain('Improvement-plan targets');
    expect(await ok(['trend', '2023.json', '2024.json', '--format', 'csv'])).toMatch(/\r\ntarget:progress,sex,sex,Female,,mean_gap,2024-03-31,2022\.json,,percent,(on|off)-track,/);
    expect(await ok(['trend', '2023.json', '2024.json', '--format', 'html'])).toMatch(/stroke-dasharray="6 4"><title>Target path: Female, mean hourly pay gap/);
  });

  it('report --previous shows the targets in every format; without targets, --previous still needs --format html', async () => {
    config([target]);
    const json = JSON.parse(await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--previous', '2023.json', '--format', 'json', '--quiet']));
    expect(json.targets[0]).toMatchObject({ status: expect.stringMatching(/track/), previous: { file: '2023.json' }, current: { file: '2024.csv', snapshotDate: '2024-03-31' } });
    expect(await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--previous', '2023.json', '--quiet'])).toContain('Improvement-plan targets');
    expect(await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--previous', '2023.json', '--quiet', '--format', 'markdown'])).toContain('## Improvement-plan targets');
    expect(await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--previous', '2023.json', '--quiet', '--format', 'csv'])).toMatch(/\r\ntarget,progress,sex,sex,Female,,mean_gap,,percent,,(on|off)-track,/);
    expect(await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--previous', '2023.json', '--quiet', '--format', 'html'])).toContain('<section class="view" id="targets">');
    // The report itself is unchanged by targets when --previous is not given.
    const plain = JSON.parse(await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--format', 'json', '--quiet']));
    expect(plain.targets).toBeUndefined();
    config([]);
    const bad = await run(['report', '2024.csv', '--previous', '2023.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--previous goes with --format html, or with targets in the config file');
  });
});

describe('paygap benchmark', () => {
  it('names organisations by --name, else the report, else the file; system figures and warnings', async () => {
    const result = await run(['benchmark', 'north.json', 'south.json', 'east.json', '2024.json', '--name', 'north.json=North Trust', '--format', 'json']);
    expect(result.code).toBe(0);
    const b = JSON.parse(result.stdout);
    expect(b.organisations.map((o: { name: string }) => o.name)).toEqual(['North Trust', 'south.json', 'east.json', 'Example Trust']);
    const gap = b.views[0].measures.find((m: { measure: string }) => m.measure === 'mean_gap').groups.find((g: { group: string }) => g.group === 'Female');
    expect(gap.system).toMatchObject({ status: 'shown', reason: null });
    expect(gap.organisations).toHaveLength(4);
    const withheld = b.views.flatMap((v: { measures: { groups: { system: { status: string } }[] }[] }) => v.measures.flatMap((m) => m.groups)).filter((g: { system: { status: string } }) => g.system.status === 'withheld');
    expect(withheld.length).toBeGreaterThan(0);
  });

  it('writes every format', async () => {
    const files = ['north.json', 'south.json', 'east.json'];
    expect(await ok(['benchmark', ...files])).toContain('Organisations side by side: north.json (2025-03-31), south.json (2025-03-31), east.json (2025-03-31)');
    expect(await ok(['benchmark', ...files, '--format', 'markdown'])).toContain('#### Mean hourly pay gap');
    expect((await ok(['benchmark', ...files, '--format', 'csv'])).split('\r\n')[0]).toBe('row,characteristic,view,group,reference_group,measure,organisation,snapshot_date,value,population,unit,status,reason,reason_code,difference_from_system,range_low,range_high');
    expect(await ok(['benchmark', ...files, '--format', 'html'])).toMatch(/<svg class="chart"[^>]*aria-labelledby="bench-0-0-t bench-0-0-d"/);
  });

  it('refuses one report, an unknown --name file, two organisations of one name, and unknown schema versions', async () => {
    expect((await run(['benchmark', 'north.json'])).code).toBe(2);
    const unknown = await run(['benchmark', 'north.json', 'south.json', '--name', 'west.json=West']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('west.json is not one of the reports');
    const twice = await run(['benchmark', '2022.json', '2023.json']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('are both named Example Trust');
    expect((await run(['benchmark', 'north.json', 'future.json'])).stderr).toContain('schemaVersion 2');
  });
});

describe('paygap sample --year', () => {
  it('leaves the default output as it was, and makes another year different', async () => {
    const bundled = readFileSync('fixtures/esr-sample.csv', 'utf8');
    expect(await ok(['sample', '--rows', '2000', '--seed', '1'])).toBe(bundled);
    expect(await ok(['sample', '--rows', '2000', '--seed', '1', '--year', '2025'])).toBe(bundled);
    expect(await ok(['sample', '--rows', '2000', '--seed', '1', '--year', '2022'])).not.toBe(bundled);
    expect((await run(['sample', '--year', '22'])).code).toBe(2);
  });
});
