import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTrend, orderReports } from '../../src/report/trend.js';
import { lineChart } from '../../src/render/line-chart.js';
import { renderTrendHtml } from '../../src/render/trend-html.js';
import { renderTrendCsv } from '../../src/render/trend-csv.js';
import { renderTrendTable } from '../../src/render/trend-table.js';
import { renderTrendMarkdown } from '../../src/render/trend-markdown.js';
import { SMALL, savedReport, type GroupFigures } from '../helpers/saved-report.js';

const year = (date: string | null, female: GroupFigures, extra = {}) => ({ file: `${date ?? 'undated'}.json`, report: savedReport(date, { Female: female }, extra) });
const medianSeries = (trend: ReturnType<typeof buildTrend>) => trend.series.find((s) => s.group === 'Female' && s.measure === 'median_gap')!;

describe('buildTrend', () => {
  it('puts reports given in any order into snapshot-date order', () => {
    const trend = buildTrend([year('2023-03-31', { medianGapPercent: 7 }), year('2021-03-31', { medianGapPercent: 9 }), year('2022-03-31', { medianGapPercent: 8 })]);
    expect(trend.order).toBe('snapshot-date');
    expect(trend.reports.map((r) => r.snapshotDate)).toEqual(['2021-03-31', '2022-03-31', '2023-03-31']);
    expect(medianSeries(trend).points.map((p) => p.value)).toEqual([9, 8, 7]);
    expect(medianSeries(trend).overall).toMatchObject({ from: 9, to: 7, change: -2, direction: 'narrowed' });
  });

  it('keeps the order given, and says so, when a report has no snapshot date', () => {
    const { ordered, order, warnings } = orderReports([year('2023-03-31', {}), year(null, {}), year('2021-03-31', {})]);
    expect(order).toBe('as-given');
    expect(ordered.map((r) => r.file)).toEqual(['2023-03-31.json', 'undated.json', '2021-03-31.json']);
    expect(warnings.join()).toContain('undated.json has no snapshot date');
  });

  it('warns about the same snapshot date twice, a method change and a different organisation', () => {
    const trend = buildTrend([year('2022-03-31', {}, { organisation: 'North' }), year('2022-03-31', {}, { organisation: 'South', unit: 'assignment' })]);
    expect(trend.warnings.join('\n')).toMatch(/same snapshot date/);
    expect(trend.warnings.join('\n')).toMatch(/unit was person, now assignment/);
    expect(trend.warnings.join('\n')).toMatch(/different organisations: North, South/);
    expect(trend.organisation).toBeNull();
  });

  it('a withheld figure is a point with no value, its typed status and its reason', () => {
    const trend = buildTrend([year('2021-03-31', { medianGapPercent: 9 }), year('2022-03-31', { status: { medianGapPercent: SMALL } }), year('2023-03-31', { medianGapPercent: 7 })]);
    expect(medianSeries(trend).points[1]).toEqual({ snapshotDate: '2022-03-31', file: '2022-03-31.json', value: null, status: 'suppressed', reason: { code: 'small-group', minGroupSize: 10, population: 'full-pay' } });
    const table = renderTrendTable(trend);
    expect(table).toContain('Not shown: Female, Median hourly pay gap, 2022-03-31: fewer than 10 full-pay employees');
    expect(renderTrendCsv(trend)).toContain('figure,sex,sex,Female,Male,median_gap,2022-03-31,2022-03-31.json,,percent,suppressed,fewer than 10 full-pay employees,small-group');
  });

  it('reads a report made before figureStatus: a missing figure of a suppressed group is withheld, reason not recorded', () => {
    const legacy = { file: 'old.json', report: savedReport('2022-03-31', { Male: { legacy: true }, Female: { legacy: true, suppressed: true } }) };
    const trend = buildTrend([year('2021-03-31', { medianGapPercent: 9 }), legacy]);
    expect(medianSeries(trend).points[1]).toMatchObject({ value: null, status: 'withheld', reason: null });
    // The reference group's gap in the same old report is still the reference group's, and a not-suppressed group's missing figure is not applicable.
    const male = trend.series.find((s) => s.group === 'Male' && s.measure === 'median_gap')!;
    expect(male.points[1]).toMatchObject({ status: 'reference', reason: { code: 'reference-group' } });
    const old = buildTrend([year('2021-03-31', {}), year('2022-03-31', { legacy: true, suppressed: false })]);
    expect(medianSeries(old).points[1]).toMatchObject({ status: 'not-applicable', reason: null });
    expect(renderTrendTable(trend)).toContain('withheld (the report was made before paygap recorded why)');
  });

  it('a view or group missing from a report is an absent point', () => {
    const noFemale = { file: 'x.json', report: savedReport('2022-03-31', {}) };
    (noFemale.report.characteristics[0] as unknown as { groups: unknown[] }).groups.pop();
    const trend = buildTrend([year('2021-03-31', { medianGapPercent: 9 }), noFemale]);
    expect(medianSeries(trend).points[1]).toMatchObject({ value: null, status: 'absent' });
  });
});

/** A saved report whose sex view was split over `columns` (--explain), with Female's parts (or none, and a status). */
function explained(date: string, columns: string[], parts: number[] | null, status: object | null = null) {
  const at = year(date, { meanGapPercent: parts === null ? null : parts.reduce((a, b) => a + b, 0) });
  const amount = (points: number) => ({ pounds: points / 10, points });
  const p = parts === null ? null : { composition: amount(parts[0]!), withinCell: amount(parts[1]!), referenceOnlyCells: amount(parts[2]!), groupOnlyCells: amount(parts[3]!) };
  Object.assign(at.report.characteristics[0]!, { decomposition: { method: 'nopo-2008', columns, breakdown: columns.join(' × '), referenceGroup: 'Male', median: null, groups: [{ group: 'Female', meanGap: null, parts: p, status, withheldCells: null, cells: [] }] } });
  return at;
}

describe('buildTrend: the parts of the mean gap (--explain, METHOD §11.5, §17.6)', () => {
  const part = (trend: ReturnType<typeof buildTrend>, measure: string) => trend.series.find((s) => s.group === 'Female' && s.measure === measure)!;

  it('reads each part in points; a withheld decomposition keeps its typed status and reason', () => {
    const trend = buildTrend([explained('2021-03-31', ['band'], [3, 2, 1, 0]), explained('2022-03-31', ['band'], null, { ...SMALL, text: 'x' }), explained('2023-03-31', ['band'], [2, 2, 0.5, -0.5])]);
    expect(part(trend, 'mean_gap_composition')).toMatchObject({ over: ['band'], overall: { from: 3, to: 2, change: -1, direction: 'narrowed' } });
    expect(part(trend, 'mean_gap_reference_only_cells').points.map((p) => p.value)).toEqual([1, null, 0.5]);
    expect(part(trend, 'mean_gap_within_cell').points[1]).toMatchObject({ value: null, status: 'suppressed', reason: { code: 'small-group', minGroupSize: 10, population: 'full-pay' } });
    expect(renderTrendTable(trend)).toContain('Not shown: Female, Mean gap part: within cells over band (points), 2022-03-31: fewer than 10 full-pay employees');
  });

  it('the same columns crossed in another order are the same series', () => {
    const trend = buildTrend([explained('2021-03-31', ['band', 'staffGroup'], [3, 2, 1, 0]), explained('2022-03-31', ['staffGroup', 'band'], [1, 1, 1, 1])]);
    expect(trend.series.filter((s) => s.measure === 'mean_gap_composition').map((s) => s.points.map((p) => p.value))).toEqual([[3, 1]]);
  });

  it('escapes a column name from the data in every format', () => {
    const hostile = 'x\u001b[2J|*y*<b>';
    const trend = buildTrend([explained('2021-03-31', [hostile], [3, 2, 1, 0]), explained('2022-03-31', [hostile], [1, 1, 1, 1])]);
    expect(renderTrendTable(trend)).not.toContain('\u001b');
    expect(renderTrendMarkdown(trend)).toContain('| Mean gap part: composition over x&#27;\\[2J\\|\\*y\\*&lt;b&gt; \\(points\\) |');
    expect(renderTrendHtml(trend)).not.toContain('<b>');
    // CSV is for machines: the name as it is, last on the row (a leading = would be defused by csvCell).
    expect(renderTrendCsv(trend)).toContain(',mean_gap_composition,2021-03-31,2021-03-31.json,3,percent,shown,,,x\u001b[2J|*y*<b>\r\n');
  });
});

describe('line charts', () => {
  const segments = (svg: string) => (svg.match(/<line [^>]*stroke="#0072B2"/g) ?? []).length;
  const chart = (values: (number | null)[]) =>
    lineChart({
      id: 'c',
      title: 'T',
      summary: 'S.',
      ticks: values.map((_, i) => ({ x: i, label: `y${i}` })),
      lines: [{ name: 'Female', points: values.map((v, i) => ({ x: i, value: v, text: v === null ? 'withheld (fewer than 10 full-pay employees)' : `${v}%` })) }],
      targets: [],
      format: String,
      zero: true,
    });

  it('draws a segment only between neighbouring shown figures: a withheld one is a gap in the line', () => {
    expect(segments(chart([1, 2, 3]))).toBe(2);
    expect(segments(chart([1, null, 3]))).toBe(0);
    expect(segments(chart([1, 2, null, 4, 5]))).toBe(2);
  });

  it('says every point, the withheld one with its reason, in its text alternative', () => {
    const svg = chart([1, null, 3]);
    expect(svg).toMatch(/role="img" aria-labelledby="c-t c-d"/);
    expect(svg).toContain('<desc id="c-d">S. Female: y0 1%; y1 withheld (fewer than 10 full-pay employees); y2 3%.</desc>');
  });

  it('the trend page: a chart per view and measure with its table, the target path, escaped names', () => {
    const target = { view: 'sex/sex', group: 'Female', measure: 'median_gap', target: 0, by: '2026-03-31', baseline: 'a.json' };
    const reports = [year('2022-03-31', { medianGapPercent: 9 }), year('2023-03-31', { medianGapPercent: 8 })];
    const trend = buildTrend(reports, [{ target, baseline: reports[0]! }]);
    const html = renderTrendHtml({ ...trend, organisation: '<b>Trust</b>' });
    expect(html).toContain('&lt;b&gt;Trust&lt;/b&gt;');
    expect(html).not.toContain('<b>Trust');
    // The report's page shell: a policy that runs no script and allows only this page's style sheet.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}';`);
    expect(html).toMatch(/stroke-dasharray="6 4"><title>Target path: Female, median hourly pay gap \(sex\/sex\): 0\.0% by 2026-03-31/);
    expect(html).toContain('<caption class="meta">Median hourly pay gap, Sex, by report</caption>');
    expect(html).not.toMatch(/<script/);
  });
});
