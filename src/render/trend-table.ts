import Table from 'cli-table3';
import { TRENDED_PARTS } from '../report/measures.js';
import type { Series, Trend } from '../report/trend.js';
import { isKeptBack } from '../report/published-status.js';
import { targetsTable } from './targets-text.js';
import { terminalText } from './terminal-text.js';
import { differenceText, pointReasonText, pointText } from './trend-words.js';

/**
 * `paygap trend` for people: per view, each group's figures in every report, oldest first,
 * and the change from the first report to the last; the figures not shown and why; then the
 * improvement-plan targets. The parts of a mean gap (--explain) are rows under the group's
 * figures, their label naming the columns (a column's name comes from the data). Hourly pay in pounds is in the JSON, CSV and documents.
 */
export const TABLE_MEASURES = new Set(['headcount', 'mean_gap', 'median_gap', 'mean_bonus_gap', 'median_bonus_gap', 'bonus_receiving', 'quarter_upper_share', ...TRENDED_PARTS.map((m) => m.id)]);

/** A series worth a row: at least one figure shown or kept back (not only reference, undisclosed, n/a or absent). */
export const informative = (s: Series): boolean => s.points.some((p) => p.status === 'shown' || isKeptBack(p.status));

/** "−1.8 pts narrowed": the change from the first report to the last, and its direction for a gap. */
export function overallText(s: Series): string {
  if (s.overall === null) return '';
  const change = differenceText(s.unit, s.overall.to, s.overall.from);
  return s.overall.direction === null ? change : `${change} ${s.overall.direction}`;
}

/** "Female, Median hourly pay gap, 2023-03-31: fewer than 10 full-pay employees", for every figure kept back; and each report without the parts of the mean gap. */
export function notShown(series: readonly Series[]): string[] {
  const keptBack = series.flatMap((s) => s.points.filter((p) => isKeptBack(p.status)).map((p) => `${s.group}, ${s.label}, ${p.snapshotDate ?? p.file}: ${pointReasonText(p)}`));
  // A report with no split of the mean gap over a series' columns: once per report and set of columns, not per group and part.
  const unsplit = series.flatMap((s) => s.points.filter((p) => p.reason?.code === 'not-decomposed').map((p) => `parts of the mean gap over ${(s.over ?? []).join(' × ')}, ${p.snapshotDate ?? p.file}: ${pointReasonText(p)}`));
  return [...keptBack, ...new Set(unsplit)];
}

/** The heading of a report's column: its snapshot date, or its file when it has none. */
export const columnName = (r: Trend['reports'][number]): string => r.snapshotDate ?? r.file;

export function renderTrendTable(trend: Trend): string {
  const out = [
    terminalText(`Pay gaps over time${trend.organisation === null ? '' : `: ${trend.organisation}`} (${trend.reports.length} reports, ${trend.order === 'snapshot-date' ? 'by snapshot date' : 'in the order given'})`),
    'Gaps: positive means the group is paid less than the reference group; "narrowed" means closer to 0.',
  ];
  for (const w of trend.warnings) out.push(terminalText(`Warning: ${w}`));
  const views = [...new Map(trend.series.map((s) => [`${s.characteristic}/${s.view}`, s])).values()];
  for (const first of views) {
    const rows = trend.series.filter((s) => s.characteristic === first.characteristic && s.view === first.view && TABLE_MEASURES.has(s.measure) && informative(s));
    const table = new Table({
      head: ['Group', 'Figure', ...trend.reports.map((r) => terminalText(columnName(r))), 'First → last'],
      colWidths: [20, 22, ...trend.reports.map(() => 12), 18],
      wordWrap: true,
      style: { head: [], border: [], compact: true },
    });
    for (const s of rows) table.push([terminalText(s.group), terminalText(s.label), ...s.points.map((p) => pointText(p, s.unit)), overallText(s)]);
    out.push('', terminalText(`${first.title} (reference: ${first.referenceGroup})`), table.toString());
    for (const line of notShown(rows)) out.push(terminalText(`  Not shown: ${line}`));
  }
  return `${out.join('\n')}\n${targetsTable(trend.targets)}`;
}
