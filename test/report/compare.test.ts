import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, direction } from '../../src/report/compare.js';
import { changeText } from '../../src/render/compare-table.js';
import { reportJson, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'paygap-compare-'));

describe('direction', () => {
  it.each([
    [10, 8, 'narrowed'],
    [8, 10, 'widened'],
    [-10, -8, 'narrowed'],
    [-8, -10, 'widened'],
    [10, -5, 'narrowed and reversed'],
    [5, -10, 'widened and reversed'],
    [5, -5, 'reversed'],
    [8.94, 8.86, 'unchanged'],
    [0, 0, 'unchanged'],
  ])('%d → %d: %s', (then, now, word) => {
    expect(direction(then, now)).toBe(word);
  });

  it('always agrees with the figures shown: narrowed exactly when the shown gap is closer to 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (then, now) => {
        const shown = (n: number) => Math.abs(Math.round(n * 10) / 10);
        const word = direction(then, now);
        expect(word.startsWith('narrowed')).toBe(shown(now) < shown(then));
        expect(word.startsWith('widened')).toBe(shown(now) > shown(then));
        // The change shown has the sign of the difference of the values shown.
        const text = changeText({ figure: 'medianGapPercent', label: '', previous: then, current: now, change: now - then, direction: word });
        const diff = Math.round(now * 10) - Math.round(then * 10);
        expect(text.startsWith(diff > 0 ? '+' : diff < 0 ? '−' : '±')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('paygap compare', () => {
  it('a report compared with itself shows no change anywhere', async () => {
    const report = await reportJson(['fixtures/esr-sample.csv', '--quiet']);
    const comparison = compareReports(report, report);
    expect(comparison.warnings).toEqual([]);
    for (const view of comparison.characteristics) {
      for (const g of view.groups) {
        for (const f of g.figures) {
          if (f.change !== null) expect(f.change).toBe(0);
          if (f.direction !== null) expect(f.direction).toBe('unchanged');
        }
      }
    }
  });

  it('compares two years and warns when the methods differ', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, (await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet', '--snapshot-date', '2024-03-31'])).stdout);
    writeFileSync(b, (await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet', '--snapshot-date', '2025-03-31', '--unit', 'assignment'])).stdout);
    const result = await runCli(['compare', a, b, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('unit was person, now assignment');
    const comparison = JSON.parse(result.stdout);
    const female = comparison.characteristics[0].groups.find((g: { group: string }) => g.group === 'Female');
    const median = female.figures.find((f: { figure: string }) => f.figure === 'medianGapPercent');
    expect(median.change).toBeCloseTo(median.current - median.previous, 12);
    const markdown = await runCli(['compare', a, b, '--format', 'markdown', '--quiet']);
    expect(markdown.stdout).toMatch(/The median hourly pay gap between men and women (narrowed|widened|unchanged)/);
    expect((await runCli(['compare', a, b, '--quiet'])).stdout).toContain('Median hourly pay gap');
  });

  it('refuses files that are not paygap reports', async () => {
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, 'hello');
    const wrong = join(dir, 'y.json');
    writeFileSync(wrong, JSON.stringify({ schemaVersion: 2 }));
    expect((await runCli(['compare', notJson, notJson])).stderr).toMatch(/is not JSON/);
    const result = await runCli(['compare', wrong, wrong]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/schemaVersion: expected schemaVersion 1/);
  });
});
