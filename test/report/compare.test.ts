import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, direction } from '../../src/report/compare.js';
import { changeText, valueText } from '../../src/render/compare-table.js';
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

  it.each([
    ['a gap', 'medianGapPercent', 'percent'],
    ['a difference in pounds', 'medianPayDifference', 'GBP per hour'],
  ] as const)('always agrees with the figures shown, for %s: narrowed exactly when the shown figure is closer to 0', (_, path, unit) => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (then, now) => {
        const figure = { figure: path, label: '', unit, previous: then, current: now, change: now - then, direction: direction(then, now, unit) };
        // The figures as a reader sees them, read back from what the table prints.
        const shown = (n: number) => Number(valueText(figure, n).replace('%', '').replace('£', ''));
        const word = figure.direction;
        expect(word.startsWith('narrowed')).toBe(Math.abs(shown(now)) < Math.abs(shown(then)));
        expect(word.startsWith('widened')).toBe(Math.abs(shown(now)) > Math.abs(shown(then)));
        // The change printed is the difference of the two figures printed.
        const text = changeText(figure);
        const printed = Number(text.replace('−', '-').replace('±', '').replace(' pts', '').replace('£', ''));
        expect(printed).toBeCloseTo(shown(now) - shown(then), 9);
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
    const figures = comparison.characteristics.flatMap((view) => view.groups.flatMap((g) => g.figures));
    for (const f of figures) {
      expect(f.previous).toBe(f.current);
      expect(f.change).toBe(f.current === null ? null : 0);
      // Gaps, in percent and in pounds, have a direction.
      expect(f.direction).toBe(f.current !== null && (f.label.endsWith('gap') || f.label.includes('difference')) ? 'unchanged' : null);
    }
    // Most figures of the sample are shown, so the checks above are not vacuous.
    expect(figures.filter((f) => f.change === 0).length).toBeGreaterThan(100);
    expect(figures.filter((f) => f.direction === 'unchanged').length).toBeGreaterThan(20);
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
    expect(result.stderr).toMatch(/y\.json is a report of schemaVersion 2, which paygap .* cannot read: it reads schemaVersion 1 only/);
  });
});
