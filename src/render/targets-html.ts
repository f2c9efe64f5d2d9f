import { daysBetween, type TargetPoint, type TargetProgress } from '../report/targets.js';
import { lineChart, type ChartTarget } from './line-chart.js';
import { escape } from './svg.js';
import { TARGET_HEADINGS, targetCells } from './targets-text.js';
import { pointReasonText, pointText, targetTitle, unitValue } from './trend-words.js';

/**
 * Improvement-plan targets in HTML (METHOD §11.7): the table of every target and, for
 * `paygap report --previous`, a small line chart per target (baseline, previous and current
 * figures, the dashed path to the target). `paygap trend` draws the paths on its own charts.
 */

/** A date as a chart's x position (days since 1970). */
export const dayOf = (date: string): number => daysBetween('1970-01-01', date);

/** The dashed path of a target for a chart whose x is the date, or null when it cannot be drawn. */
export function chartTarget(p: TargetProgress): ChartTarget | null {
  const from = p.baseline.snapshotDate;
  if (from === null || p.baseline.value === null || daysBetween(from, p.target.by) <= 0) return null;
  const now = p.current.snapshotDate;
  const expected =
    p.expected === null || now === null ? null : { x: dayOf(now), value: p.expected, text: `On the path to the target at ${now}: ${unitValue(p.unit, p.expected)}` };
  return { label: `Target path: ${targetTitle(p)}, from ${unitValue(p.unit, p.baseline.value)} at ${from}`, from: { x: dayOf(from), value: p.baseline.value }, to: { x: dayOf(p.target.by), value: p.target.target }, expected };
}

/** One target's own chart: its figures in the baseline, previous and current reports, and its path. */
function targetChart(p: TargetProgress, id: string): string {
  const target = chartTarget(p);
  const points = [p.baseline, p.previous, p.current].filter((x): x is TargetPoint => x !== null && x.snapshotDate !== null);
  if (target === null || points.length === 0) return '';
  const unique = [...new Map(points.map((x) => [x.snapshotDate, x])).values()].sort((a, b) => (a.snapshotDate as string).localeCompare(b.snapshotDate as string));
  return lineChart({
    id,
    title: targetTitle(p),
    summary: `${p.target.group}, ${p.label.toLowerCase()} in each report, and the straight-line path from the baseline to the target.`,
    ticks: [...unique.map((x) => ({ x: dayOf(x.snapshotDate as string), label: x.snapshotDate as string })), { x: dayOf(p.target.by), label: p.target.by }],
    lines: [{ name: p.target.group, points: unique.map((x) => ({ x: dayOf(x.snapshotDate as string), value: x.value, text: x.value === null ? `${pointText(x, p.unit)}: ${pointReasonText(x)}` : pointText(x, p.unit) })) }],
    targets: [target],
    format: (v) => unitValue(p.unit, v),
    zero: p.gap,
  });
}

/** The targets section: a table (and with `charts`, one chart per target); '' when there are none. */
export function targetsHtml(progress: readonly TargetProgress[], charts: boolean): string {
  if (progress.length === 0) return '';
  const rows = progress.map((p) => `<tr>${targetCells(p).map((c, i) => (i === 0 ? `<th scope="row">${escape(c)}</th>` : `<td>${escape(c)}</td>`)).join('')}</tr>`);
  return [
    '<section class="view" id="targets"><h2>Improvement-plan targets</h2>',
    '<p class="meta">The path is the straight line from the baseline figure at its snapshot date to the target at the target date; a figure is on track when it is at least where the path is now, judged on the published figures (a gap by its size).</p>',
    `<table><caption class="meta">Progress on each target</caption><thead><tr>${TARGET_HEADINGS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    ...(charts ? progress.map((p, i) => targetChart(p, `target-${i}`)) : []),
    '</section>',
  ].join('\n');
}
