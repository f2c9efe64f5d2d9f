import Table from 'cli-table3';
import type { Series, Trend } from '../report/trend.js';
import { isKeptBack } from '../report/published-status.js';
import { targetsTable } from './targets-text.js';
import { terminalText } from './terminal-text.js';
import { differenceText, pointReasonText, pointText } from './trend-words.js';

/**
 * `paygap trend` for people: per view, each group's figures in every report, oldest first,
 * and the change from the first report to the last; the figures not shown and why; then the
 * improvement-plan targets. Hourly pay in pounds is in the JSON, CSV and documents.
 */
export const TABLE_MEASURES = new Set(['headcount', 'mean_gap', 'median_gap', 'mean_bonus_gap', 'median_bonus_gap', 'bonus_receiving', 'quarter_upper_share']);

/** A series worth a row: at least one figure shown or kept back (not only reference, undisclosed, n/a or absent). */
export const informative = (s: Series): boolean => s.points.some((p) => p.status === 'shown' || isKeptBack(p.status));

/** "−1.8 pts narrowed": the change from the first report to the last, and its direction for a gap. */
export function overallText(s: Series): string {
  if (s.overall === null) return '';
  const change = differenceText(s.unit, s.overall.to, s.overall.from);
  return s.overall.direction === null ? change : `${change} ${s.overall.direction}`;
}

/** "Female, Median hourly pay gap, 2023-03-31: fewer than 10 full-pay employees", for every figure kept back. */
export function notShown(series: readonly Series[]): string[] {
  return series.flatMap((s) => s.points.filter((p) => isKeptBack(p.status)).map((p) => `${s.group}, ${s.label}, ${p.snapshotDate ?? p.file}: ${pointReasonText(p)}`));
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
    for (const s of rows) table.push([terminalText(s.group), s.label, ...s.points.map((p) => pointText(p, s.unit)), overallText(s)]);
    out.push('', terminalText(`${first.title} (reference: ${first.referenceGroup})`), table.toString());
    for (const line of notShown(rows)) out.push(terminalText(`  Not shown: ${line}`));
  }
  return `${out.join('\n')}\n${targetsTable(trend.targets)}`;
}
