import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRENDED_PARTS } from '../../src/report/measures.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `paygap trend` over reports made with `--explain` (METHOD §11.5, §17.6): the parts of each
 * mean gap are series whose points are the reports' own parts; a report made without
 * --explain, or with other columns, is a gap with its reason; other columns are other series.
 */
const cwd = mkdtempSync(join(tmpdir(), 'paygap-trend-explain-'));
const at = (name: string) => join(cwd, name);

async function ok(args: readonly string[]): Promise<string> {
  const result = await runCli(args, { cwd });
  if (result.code !== 0) throw new Error(`paygap ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

interface Point {
  readonly snapshotDate: string;
  readonly value: number | null;
  readonly status: string;
  readonly reason: { code: string; over?: string[]; columns?: string[] | null } | null;
}
interface Series {
  readonly view: string;
  readonly characteristic: string;
  readonly group: string;
  readonly measure: string;
  readonly over: string[] | null;
  readonly label: string;
  readonly points: Point[];
}
interface Decomposed {
  readonly group: string;
  readonly parts: Record<string, { points: number }> | null;
}

const report = (name: string) => JSON.parse(readFileSync(at(name), 'utf8'));
const decompositionOf = (file: string, group: string): Decomposed | undefined =>
  report(file)
    .characteristics.find((c: { characteristic: string; view: string }) => c.characteristic === 'sex' && c.view === 'sex')
    .decomposition?.groups.find((g: Decomposed) => g.group === group);
const trendOf = async (files: readonly string[]) => JSON.parse(await ok(['trend', ...files, '--format', 'json'])) as { series: Series[] };
const partsOf = (trend: { series: Series[] }, over: string) => trend.series.filter((s) => s.characteristic === 'sex' && s.view === 'sex' && s.group === 'Female' && s.over?.join(',') === over);

beforeAll(async () => {
  for (const year of [2023, 2024, 2025]) {
    writeFileSync(at(`${year}.csv`), await ok(['sample', '--seed', '1', '--year', String(year), '--rows', '2000']));
    const common = [`${year}.csv`, '--snapshot-date', `${year}-03-31`, '--format', 'json', '--quiet'];
    await ok(['report', ...common, '--explain', 'band', '--output', `r${year}.json`]);
  }
  await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--format', 'json', '--quiet', '--output', 'plain2024.json']);
  await ok(['report', '2024.csv', '--snapshot-date', '2024-03-31', '--format', 'json', '--quiet', '--explain', 'staffGroup', '--output', 'staff2024.json']);
}, 240_000);

describe('paygap trend over reports made with --explain', () => {
  it('trends each part of the mean gap, in points, equal to the parts in each report', async () => {
    const files = ['r2023.json', 'r2024.json', 'r2025.json'];
    const series = partsOf(await trendOf(files), 'band');
    expect(series.map((s) => s.measure)).toEqual(TRENDED_PARTS.map((m) => m.id));
    expect(series[0]!.label).toBe('Mean gap part: composition over band (points)');
    for (const [i, m] of TRENDED_PARTS.entries()) {
      const expected = files.map((f) => decompositionOf(f, 'Female')!.parts![m.part]!.points);
      expect(expected.every((v) => typeof v === 'number')).toBe(true);
      expect(series[i]!.points.map((p) => p.value)).toEqual(expected);
      expect(series[i]!.points.every((p) => p.status === 'shown')).toBe(true);
    }
    // The parts still add up to the mean gap trended beside them.
    const gap = (await trendOf(files)).series.find((s) => s.view === 'sex' && s.group === 'Female' && s.measure === 'mean_gap')!;
    gap.points.forEach((p, k) => expect(series.reduce((sum, s) => sum + (s.points[k]!.value as number), 0)).toBeCloseTo(p.value as number, 9));
  });

  it('a report made without --explain is a gap in the line, with its reason, in every format', async () => {
    const files = ['r2023.json', 'plain2024.json', 'r2025.json'];
    const composition = partsOf(await trendOf(files), 'band')[0]!;
    expect(composition.points.map((p) => p.value)).toEqual([decompositionOf('r2023.json', 'Female')!.parts!.composition!.points, null, decompositionOf('r2025.json', 'Female')!.parts!.composition!.points]);
    expect(composition.points[1]).toMatchObject({ status: 'absent', reason: { code: 'not-decomposed', over: ['band'], columns: null } });
    const table = await ok(['trend', ...files]);
    expect(table).toContain('Mean gap part: composition over band');
    expect(table).toContain('not split');
    expect(table).toContain('Not shown: parts of the mean gap over band, 2024-03-31: the report was made without --explain band');
    expect(await ok(['trend', ...files, '--format', 'markdown'])).toMatch(/\| Female \| Mean gap part: within cells over band \\\(points\\\) \| [^|]+ \| not split \|/);
    const csv = await ok(['trend', ...files, '--format', 'csv']);
    expect(csv.split('\r\n')[0]).toBe('row,characteristic,view,group,reference_group,measure,snapshot_date,file,value,unit,status,reason,reason_code,explain_columns');
    expect(csv).toContain('figure,sex,sex,Female,Male,mean_gap_composition,2024-03-31,plain2024.json,,percent,absent,the report was made without --explain band,not-decomposed,band');
    const html = await ok(['trend', ...files, '--format', 'html']);
    expect(html).toContain('<h3>Mean gap part: composition over band (points)</h3>');
    expect(html).toContain('Female: not split (the report was made without --explain band)');
  });

  it('reports made without --explain have no part series at all', async () => {
    const trend = await trendOf(['plain2024.json', 'plain2024.json']);
    expect(trend.series.filter((s) => s.over !== null)).toEqual([]);
    expect(trend.series.every((s) => s.over === null)).toBe(true);
  });

  it('parts over other columns are another series, not points of the same line (METHOD §11.5)', async () => {
    const files = ['r2023.json', 'staff2024.json', 'r2025.json'];
    const trend = await trendOf(files);
    const band = partsOf(trend, 'band');
    const staff = partsOf(trend, 'staffGroup');
    expect(band).toHaveLength(4);
    expect(staff).toHaveLength(4);
    expect(band[0]!.points[1]).toMatchObject({ value: null, status: 'absent', reason: { code: 'not-decomposed', over: ['band'], columns: ['staffGroup'] } });
    expect(staff[0]!.points.map((p) => p.value)).toEqual([null, decompositionOf('staff2024.json', 'Female')!.parts!.composition!.points, null]);
    expect(staff[0]!.points[0]).toMatchObject({ reason: { code: 'not-decomposed', over: ['staffGroup'], columns: ['band'] } });
    expect(await ok(['trend', ...files])).toContain('Not shown: parts of the mean gap over band, 2024-03-31: the report split the gap over staffGroup, not band (--explain band)');
  });
});
