import { TRENDED_PARTS } from '../report/measures.js';
import type { Series, Trend } from '../report/trend.js';
import { lineChart, type ChartTarget } from './line-chart.js';
import { missingCell, page } from './page.js';
import { escape } from './svg.js';
import { chartTarget, dayOf, targetsHtml } from './targets-html.js';
import { columnName, informative, notShown } from './trend-table.js';
import { pointReasonText, pointText, unitValue } from './trend-words.js';

/**
 * `paygap trend --format html`: one self-contained page. Per view, a line chart per charted
 * measure (the mean and median hourly pay gaps, and any measure with a target), one line per
 * group, with the table of the same figures beside it; a figure withheld in a year is a gap
 * in its line, and its reason is listed under the table; a target is a dashed path on its
 * chart (METHOD §11.5, §11.7). The parts of the mean gap (--explain, METHOD §17.6) get a chart
 * each, per set of columns they were split over.
 */
const CHARTED = ['median_gap', 'mean_gap'];
/** A chart's series: one measure, and for a part of the mean gap one set of columns. */
const chartKey = (s: Series): string => `${s.measure}|${(s.over ?? []).join(',')}`;
/** Lines per chart, so each stays readable; a view with more groups gets more charts. */
const LINES_PER_CHART = 6;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function figuresTable(trend: Trend, series: readonly Series[], caption: string): string {
  const head = `<thead><tr><th scope="col">Group</th>${trend.reports.map((r) => `<th scope="col">${escape(columnName(r))}</th>`).join('')}</tr></thead>`;
  const rows = series.map(
    (s) => `<tr><th scope="row">${escape(s.group)}</th>${s.points.map((p) => `<td>${p.value === null ? missingCell(pointText(p, s.unit), pointReasonText(p)) : escape(pointText(p, s.unit))}</td>`).join('')}</tr>`,
  );
  const notes = notShown(series);
  return (
    `<table><caption class="meta">${escape(caption)}</caption>${head}<tbody>${rows.join('')}</tbody></table>` +
    (notes.length > 0 ? `<ul class="meta">${notes.map((n) => `<li>Not shown: ${escape(n)}</li>`).join('')}</ul>` : '')
  );
}

/** The charts of one view and measure, with the targets drawn on them (dated reports only). */
function charts(trend: Trend, series: readonly Series[], id: string): string[] {
  const first = series[0] as Series;
  const dated = trend.order === 'snapshot-date';
  const xOf = (i: number) => (dated ? dayOf(trend.reports[i]!.snapshotDate as string) : i);
  const relevant = dated ? trend.targets.filter((p) => p.target.view === `${first.characteristic}/${first.view}` && p.target.measure === first.measure) : [];
  const ticks = trend.reports.map((r, i) => ({ x: xOf(i), label: columnName(r) }));
  for (const p of relevant) if (!ticks.some((t) => t.x === dayOf(p.target.by))) ticks.push({ x: dayOf(p.target.by), label: p.target.by });
  ticks.sort((a, b) => a.x - b.x);
  return chunks(series, LINES_PER_CHART).map((part, k) =>
    lineChart({
      id: `${id}-${k}`,
      title: `${first.title}: ${first.label.toLowerCase()}${part.length < series.length ? ` (${k + 1} of ${Math.ceil(series.length / LINES_PER_CHART)})` : ''}`,
      summary: `${first.label} of each group in each report${first.gap ? `, against ${first.referenceGroup}; positive means paid less` : ''}.`,
      ticks,
      lines: part.map((s) => ({ name: s.group, points: s.points.map((p, i) => ({ x: xOf(i), value: p.value, text: p.value === null ? `${pointText(p, s.unit)} (${pointReasonText(p)})` : pointText(p, s.unit) })) })),
      targets: relevant.filter((p) => part.some((s) => s.group === p.target.group)).map(chartTarget).filter((t): t is ChartTarget => t !== null),
      format: (v) => unitValue(first.unit, v),
      zero: first.gap,
    }),
  );
}

function viewSection(trend: Trend, viewKey: string, index: number): string {
  const inView = trend.series.filter((s) => `${s.characteristic}/${s.view}` === viewKey);
  const first = inView[0] as Series;
  const measures = new Set([...CHARTED, ...trend.targets.filter((p) => p.target.view === viewKey).map((p) => p.target.measure), ...TRENDED_PARTS.map((m) => m.id)]);
  const keys = [...measures].flatMap((id) => [...new Set(inView.filter((s) => s.measure === id).map(chartKey))]);
  const parts = [`<section class="view" id="view-${index}"><h2>${escape(first.title)}</h2><p class="meta">Reference group: ${escape(first.referenceGroup)}.</p>`];
  keys.forEach((key, k) => {
    const series = inView.filter((s) => chartKey(s) === key && informative(s));
    if (series.length === 0) return;
    const label = (series[0] as Series).label;
    parts.push(`<h3>${escape(label)}</h3>`, ...charts(trend, series, `trend-${index}-${k}`), figuresTable(trend, series, `${label}, ${first.title}, by report`));
  });
  parts.push('</section>');
  return parts.join('\n');
}

export function renderTrendHtml(trend: Trend): string {
  const title = `Pay gaps over time${trend.organisation === null ? '' : `: ${trend.organisation}`}`;
  const views = [...new Set(trend.series.map((s) => `${s.characteristic}/${s.view}`))];
  return page(title, [
    `<h1>${escape(title)}</h1>`,
    `<p class="meta">${trend.reports.map((r) => `${escape(columnName(r))} (${escape(r.file)})`).join(' · ')}</p>`,
    '<p class="meta">A positive gap means the group is paid less than the reference group. A gap in a line is a figure not shown that year; the table under the chart says why.</p>',
    ...trend.warnings.map((w) => `<p class="meta">Note: ${escape(w)}</p>`),
    targetsHtml(trend.targets, false),
    ...views.map((k, i) => viewSection(trend, k, i)),
  ]);
}
