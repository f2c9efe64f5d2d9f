import type { Benchmark } from '../report/benchmark.js';
import { csvLines } from './csv.js';
import { pointReasonText, systemReasonText } from './trend-words.js';

/**
 * `paygap benchmark --format csv`: tidy long format, one row per view, measure, group and
 * organisation (`row` `organisation`), then the system's row (`row` `system`, with the range
 * across organisations for measures that cannot be combined). Values unrounded; `status` is
 * the figure's typed status (METHOD §13.2; for the system also `not-combinable`, METHOD §15.2).
 */
export const BENCHMARK_CSV_COLUMNS = [
  'row', 'characteristic', 'view', 'group', 'reference_group', 'measure', 'organisation', 'snapshot_date', 'value', 'population', 'unit',
  'status', 'reason', 'reason_code', 'difference_from_system', 'range_low', 'range_high',
];

export function renderBenchmarkCsv(b: Benchmark): string {
  const rows: (string | number | null)[][] = [BENCHMARK_CSV_COLUMNS];
  const dateOf = new Map(b.organisations.map((o) => [o.name, o.snapshotDate]));
  for (const v of b.views) {
    for (const m of v.measures) {
      for (const g of m.groups) {
        const base = [v.characteristic, v.view, g.group, v.referenceGroup ?? ''];
        for (const o of g.organisations) {
          rows.push(['organisation', ...base, m.measure, o.organisation, dateOf.get(o.organisation) ?? null, o.value, o.population, m.unit, o.status, pointReasonText(o), o.reason?.code ?? '', o.difference, null, null]);
        }
        const s = g.system;
        rows.push(['system', ...base, m.measure, '', null, s.value, s.population, m.unit, s.status, systemReasonText(s), s.reason?.code ?? '', null, g.range?.low ?? null, g.range?.high ?? null]);
      }
    }
  }
  return csvLines(rows);
}
