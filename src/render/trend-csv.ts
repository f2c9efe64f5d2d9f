import type { Trend } from '../report/trend.js';
import { targetRows } from './targets-csv.js';
import { csvLines } from './csv.js';
import { pointReasonText } from './trend-words.js';

/**
 * `paygap trend --format csv`: tidy long format, one row per series and report (`row`
 * `figure`), then each target's rows (`row` `target:baseline`, `target:previous`,
 * `target:current`, `target:expected`, `target:target`, `target:progress`; METHOD §11.7).
 * Values unrounded; `status` is the figure's typed status (METHOD §13.2, or `absent`);
 * `explain_columns`: for a part of the mean gap (METHOD §17.6), the columns it was split over.
 */
export const TREND_CSV_COLUMNS = ['row', 'characteristic', 'view', 'group', 'reference_group', 'measure', 'snapshot_date', 'file', 'value', 'unit', 'status', 'reason', 'reason_code', 'explain_columns'];

export function renderTrendCsv(trend: Trend): string {
  const rows: (string | number | null)[][] = [TREND_CSV_COLUMNS];
  for (const s of trend.series) {
    for (const p of s.points) {
      rows.push(['figure', s.characteristic, s.view, s.group, s.referenceGroup, s.measure, p.snapshotDate, p.file, p.value, s.unit, p.status, pointReasonText(p), p.reason?.code ?? '', s.over?.join(',') ?? '']);
    }
  }
  for (const t of targetRows(trend.targets)) {
    const [characteristic, view] = t.view.split('/');
    rows.push([`target:${t.kind}`, characteristic ?? '', view ?? '', t.group, '', t.measure, t.date, t.file, t.value, t.unit, t.status, t.reason, t.reasonCode, '']);
  }
  return csvLines(rows);
}
