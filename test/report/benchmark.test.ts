import { describe, expect, it } from 'vitest';
import { buildBenchmark, type Benchmark, type OrganisationReport } from '../../src/report/benchmark.js';
import { measure, valueOf } from '../../src/report/measures.js';
import { sampleLines } from '../../src/sample/generate.js';
import { renderBenchmarkCsv } from '../../src/render/benchmark-csv.js';
import { renderBenchmarkTable } from '../../src/render/benchmark-text.js';
import { reportOfText } from '../helpers/pipeline.js';
import { SMALL, savedReport } from '../helpers/saved-report.js';

const figure = (b: Benchmark, view: string, id: string, group: string) => b.views.find((v) => `${v.characteristic}/${v.view}` === view)!.measures.find((m) => m.measure === id)!.groups.find((g) => g.group === group)!;

describe('system figures, checked by hand (METHOD §15.2)', () => {
  // North: men £20.00 × 10, women £15.00 × 30; South: men £22.00 × 30, women £18.00 × 10.
  const north = savedReport('2025-03-31', { Male: { headcount: 10, meanHourlyPay: 20, recipients: 2, relevantHeadcount: 12 }, Female: { headcount: 30, meanHourlyPay: 15, meanGapPercent: 25, recipients: 3, relevantHeadcount: 33 } });
  const south = savedReport('2024-03-31', { Male: { headcount: 30, meanHourlyPay: 22, recipients: 6, relevantHeadcount: 30 }, Female: { headcount: 10, meanHourlyPay: 18, meanGapPercent: (4 / 22) * 100, recipients: 1, relevantHeadcount: 10 } });
  const b = buildBenchmark([{ name: 'North', file: 'n.json', report: north }, { name: 'South', file: 's.json', report: south }]);

  it('a mean from the means × headcounts, not the mean of the means', () => {
    // Men (200 + 660) ÷ 40 = 21.50; women (450 + 180) ÷ 40 = 15.75.
    expect(figure(b, 'sex/sex', 'mean_hourly_pay', 'Male').system).toEqual({ value: 21.5, status: 'shown', reason: null, population: 40 });
    expect(figure(b, 'sex/sex', 'mean_hourly_pay', 'Female').system.value).toBe(15.75);
    // Gap (21.50 − 15.75) ÷ 21.50 = 26.744186…%; the mean of the two gaps would be 21.59%.
    expect(figure(b, 'sex/sex', 'mean_gap', 'Female').system.value).toBeCloseTo(26.7441860465, 9);
  });

  it('% receiving a bonus from all recipients over all relevant staff', () => {
    // Women (3 + 1) ÷ (33 + 10) = 9.302…%.
    expect(figure(b, 'sex/sex', 'bonus_receiving', 'Female').system.value).toBeCloseTo((4 / 43) * 100, 12);
  });

  it('each organisation against the system figure, and no system figure for medians', () => {
    expect(figure(b, 'sex/sex', 'mean_gap', 'Female').organisations[0]).toMatchObject({ organisation: 'North', value: 25, population: 30 });
    expect(figure(b, 'sex/sex', 'mean_gap', 'Female').organisations[0]!.difference).toBeCloseTo(25 - 26.7441860465, 9);
    expect(figure(b, 'sex/sex', 'median_gap', 'Female').system).toMatchObject({ value: null, status: 'not-combinable', reason: { code: 'not-combinable' } });
    expect(renderBenchmarkTable(b)).toContain('−1.7 pts');
  });

  it('a figure withheld in one organisation is withheld in the benchmark, and so is every system figure that needs it', () => {
    const withheld = savedReport('2024-03-31', { Male: { headcount: 30, meanHourlyPay: 22 }, Female: { headcount: 8, status: { meanHourlyPay: SMALL, meanGapPercent: SMALL } } });
    const c = buildBenchmark([{ name: 'North', file: 'n.json', report: north }, { name: 'Small', file: 's.json', report: withheld }]);
    const pay = figure(c, 'sex/sex', 'mean_hourly_pay', 'Female');
    expect(pay.organisations[1]).toMatchObject({ value: null, status: 'suppressed', reason: { code: 'small-group' }, difference: null });
    // Not the shown organisation's £15.00 passed off as the system's.
    expect(pay.system).toMatchObject({ value: null, status: 'withheld', reason: { code: 'withheld-in', organisations: ['Small'] } });
    expect(figure(c, 'sex/sex', 'mean_gap', 'Female').system).toMatchObject({ value: null, status: 'withheld' });
    // The men's figures are all shown, so theirs is computed.
    expect(figure(c, 'sex/sex', 'mean_hourly_pay', 'Male').system.value).toBeCloseTo((200 + 660) / 40, 12);
    expect(renderBenchmarkCsv(c)).toContain('system,sex,sex,Female,Male,mean_hourly_pay,,,,,GBP per hour,withheld,"withheld: the figure is withheld in Small');
  });

  it('no system gaps, with a warning, when the organisations use different reference groups; method differences listed', () => {
    const female = savedReport('2024-03-31', { Male: { headcount: 30, meanHourlyPay: 22 }, Female: { headcount: 10, meanHourlyPay: 18 } }, { reference: 'Female', unit: 'assignment' });
    const c = buildBenchmark([{ name: 'North', file: 'n.json', report: north }, { name: 'South', file: 's.json', report: female }]);
    expect(figure(c, 'sex/sex', 'mean_gap', 'Female').system).toMatchObject({ status: 'not-comparable', reason: { code: 'reference-groups-differ' } });
    expect(c.warnings.join('\n')).toContain('sex/sex: the reference groups differ (Male for North, Female for South)');
    expect(c.warnings.join('\n')).toContain('unit is person for North, assignment for South');
  });
});

/** An organisation's export from the sample generator, its employee and assignment numbers prefixed so they cannot meet another's. */
function organisation(prefix: string, rows: number, seed: number): string[] {
  return [...sampleLines({ rows, seed })].map((line, i) => (i === 0 ? line : `${prefix}${line.replace(',', `,${prefix}`)}`));
}

describe('system figures of generated organisations equal one report over their concatenated exports', () => {
  const orgs = [organisation('N', 1500, 11), organisation('S', 3100, 22), organisation('E', 700, 33)];
  const run = async (k: number) => {
    const reports = await Promise.all(orgs.map(async (lines) => (await reportOfText(lines.join(''), { minGroupSize: k })).json));
    const whole = (await reportOfText([orgs[0]![0]!, ...orgs.flatMap((lines) => lines.slice(1))].join(''), { minGroupSize: k })).json;
    const benchmark = buildBenchmark(reports.map((report, i): OrganisationReport => ({ name: `org ${i}`, file: `${i}.json`, report })));
    return { reports, whole, benchmark };
  };

  it('when nothing is withheld: mean pay, mean gaps, bonus shares and means, headcounts, in every view and group, to floating-point precision', async () => {
    const { whole, benchmark } = await run(0);
    const compared: [string, number, number][] = [];
    for (const view of whole.characteristics) {
      for (const g of view.groups) {
        for (const id of ['headcount', 'mean_hourly_pay', 'mean_gap', 'bonus_receiving', 'mean_bonus', 'mean_bonus_gap', 'relevant_headcount']) {
          const expected = valueOf(g, measure(id));
          const m = benchmark.views.find((v) => v.view === view.view)?.measures.find((x) => x.measure === id) ?? { groups: [] };
          const system = m.groups.find((x) => x.group === g.group)?.system;
          if (id === 'headcount' || id === 'relevant_headcount') {
            // Σ headcounts: the people each system mean is over.
            const over = benchmark.views.find((v) => v.view === view.view)!.measures.find((x) => x.measure === (id === 'headcount' ? 'mean_hourly_pay' : 'bonus_receiving'))!.groups.find((x) => x.group === g.group)!.system.population;
            if (over !== null) expect(over, `${view.view} ${g.group} ${id}`).toBe(expected);
            continue;
          }
          if (expected === null) {
            expect(system?.value ?? null, `${view.view} ${g.group} ${id}`).toBeNull();
            continue;
          }
          expect(system?.value, `${view.view} ${g.group} ${id}`).toBeTypeOf('number');
          compared.push([`${view.view} ${g.group} ${id}`, expected, system!.value as number]);
        }
      }
    }
    const worst = Math.max(...compared.map(([, a, b]) => Math.abs(a - b) / Math.max(1, Math.abs(a))));
    expect(compared.length).toBeGreaterThan(100);
    expect(worst).toBeLessThan(1e-11);
    const female = compared.find(([name]) => name === 'sex Female mean_gap')!;
    expect(female[2]).toBeCloseTo(female[1], 12);
    // Not the mean of the organisations' gaps, which differs by far more than the precision asked.
    const gaps = benchmark.views[0]!.measures.find((m) => m.measure === 'mean_gap')!.groups.find((g) => g.group === 'Female')!.organisations.map((o) => o.value as number);
    expect(Math.abs(gaps.reduce((s, x) => s + x, 0) / gaps.length - female[1])).toBeGreaterThan(0.01);
  }, 120_000);

  it('a withheld figure in any organisation stays withheld in the benchmark, and no system figure is computed around it', async () => {
    const { reports, benchmark } = await run(10);
    let kept = 0;
    for (const view of benchmark.views) {
      for (const m of view.measures) {
        for (const g of m.groups) {
          g.organisations.forEach((o, i) => {
            const source = reports[i]!.characteristics.find((c) => c.view === view.view)!.groups.find((x) => x.group === g.group)!;
            const value = valueOf(source, measure(m.measure));
            expect(o.value).toBe(value);
            if (value === null && (o.status === 'suppressed' || o.status === 'withheld')) kept++;
          });
          const protectedHere = g.organisations.some((o) => (o.status === 'suppressed' || o.status === 'withheld') && (o.population ?? 1) > 0);
          if (protectedHere && m.combination !== 'none' && m.combination !== 'gap') expect(g.system.value, `${view.view} ${g.group} ${m.measure}`).toBeNull();
          if (protectedHere && m.combination !== 'none' && m.combination !== 'gap') expect(g.system.status).toBe('withheld');
        }
      }
    }
    // The small organisation has withheld figures, so the checks above are not vacuous.
    expect(kept).toBeGreaterThan(20);
    const gaps = benchmark.views.flatMap((v) => v.measures.filter((m) => m.combination === 'gap').flatMap((m) => m.groups));
    expect(gaps.filter((g) => g.system.status === 'withheld').length).toBeGreaterThan(3);
  }, 120_000);
});
