import type { TargetProgress } from '../report/targets.js';
import { csvLines } from './csv.js';
import { pointReasonText, targetStatusText } from './trend-words.js';

/**
 * Improvement-plan targets as tidy rows (METHOD §11.7), for the CSV of `paygap trend` and of
 * `paygap report --previous`: for each target, one row for each of its points (`baseline`,
 * `previous`, `current`), one for the path's value now (`expected`), one for the target
 * itself (`target`, dated by the target date) and one for the verdict (`progress`, whose
 * status is on-track, off-track, met, missed or not-assessable).
 */
export interface TargetRow {
  readonly view: string;
  readonly group: string;
  readonly measure: string;
  readonly unit: string;
  readonly kind: 'baseline' | 'previous' | 'current' | 'expected' | 'target' | 'progress';
  readonly date: string | null;
  readonly file: string;
  readonly value: number | null;
  readonly status: string;
  readonly reason: string;
  readonly reasonCode: string;
}

export function targetRows(progress: readonly TargetProgress[]): TargetRow[] {
  return progress.flatMap((p) => {
    const t = p.target;
    const base = { view: t.view, group: t.group, measure: t.measure, unit: p.unit };
    const points = ([['baseline', p.baseline], ['previous', p.previous], ['current', p.current]] as const).flatMap(([kind, x]) =>
      x === null ? [] : [{ ...base, kind, date: x.snapshotDate, file: x.file, value: x.value, status: x.status, reason: pointReasonText(x), reasonCode: x.reason?.code ?? '' }],
    );
    return [
      ...points,
      { ...base, kind: 'expected' as const, date: p.current.snapshotDate, file: '', value: p.expected, status: p.expected === null ? 'not-applicable' : 'shown', reason: '', reasonCode: '' },
      { ...base, kind: 'target' as const, date: t.by, file: '', value: t.target, status: 'shown', reason: '', reasonCode: '' },
      { ...base, kind: 'progress' as const, date: p.current.snapshotDate, file: t.baseline, value: null, status: p.status, reason: targetStatusText(p), reasonCode: p.reason?.code ?? '' },
    ];
  });
}

/**
 * The targets as rows of the report's CSV (`paygap report --previous --format csv`), in its
 * columns: `section` is `target`, `subgroup` says which row it is and its date ("baseline
 * 2024-03-31", "target 2028-03-31", "progress"). No header: they follow the report's rows.
 */
export function reportCsvTargetRows(progress: readonly TargetProgress[]): string {
  if (progress.length === 0) return '';
  const rows = targetRows(progress).map((t) => {
    const [characteristic, view] = t.view.split('/');
    const subgroup = t.kind === 'progress' ? 'progress' : `${t.kind} ${t.date ?? t.file}`;
    return ['target', subgroup, characteristic ?? '', view ?? '', t.group, '', t.measure, t.value, t.unit, '', t.status, t.reason, t.reasonCode];
  });
  return csvLines(rows);
}
