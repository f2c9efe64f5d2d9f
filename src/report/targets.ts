import { oneDecimal } from '../metrics/round.js';
import { measure, type Measure } from './measures.js';
import type { PublishedReport } from './published.js';
import { readFigure, viewOf, type PointReason, type PointStatus } from './published-status.js';

/**
 * Improvement-plan targets (HIA 3; METHOD §11.7): a figure of one group in one view, a value
 * to reach and a date to reach it by, starting from the same figure in a baseline report.
 * Progress is measured against the straight line from the baseline value at the baseline's
 * snapshot date to the target value at the target date. Pure: reports in, progress out.
 */
export interface Target {
  /** "characteristic/view", e.g. "sex/sex" or "ethnicity/binary". */
  readonly view: string;
  readonly group: string;
  /** A measure id from the catalogue, e.g. "median_gap". */
  readonly measure: string;
  /** The value to reach, in the measure's unit (percent for gaps). */
  readonly target: number;
  /** The date to reach it by, YYYY-MM-DD. */
  readonly by: string;
  /** The baseline report, as written in the config file. */
  readonly baseline: string;
}

/** A saved report and the name it was given (the file as written). */
export interface ReportAt {
  readonly report: PublishedReport;
  readonly file: string;
}

export interface TargetPoint {
  readonly snapshotDate: string | null;
  readonly file: string;
  readonly value: number | null;
  readonly status: PointStatus;
  readonly reason: PointReason;
}

/** on-track / off-track before the target date; met / missed from it on. */
export type TargetStatus = 'on-track' | 'off-track' | 'met' | 'missed' | 'not-assessable';

/** Why progress cannot be assessed. */
export type TargetReason =
  | { readonly code: 'figure-missing'; readonly in: 'baseline' | 'current' }
  | { readonly code: 'no-snapshot-date'; readonly in: 'baseline' | 'current' }
  | { readonly code: 'target-date-not-after-baseline' }
  | { readonly code: 'current-before-baseline' };

export interface TargetProgress {
  readonly target: Target;
  readonly label: string;
  readonly unit: Measure['unit'];
  readonly gap: boolean;
  readonly baseline: TargetPoint;
  /** The report before the current one (report --previous, or a trend's last but one), if any. */
  readonly previous: TargetPoint | null;
  readonly current: TargetPoint;
  /** The value on the straight-line path at the current report's snapshot date. */
  readonly expected: number | null;
  /** Share of the time from baseline to target date gone by at the current report (0 to 1). */
  readonly elapsed: number | null;
  readonly status: TargetStatus;
  readonly reason: TargetReason | null;
}

const DAY = 86_400_000;
const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;

/** Whole days from one YYYY-MM-DD date to another. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/**
 * A figure as people see it (METHOD §12.1): percentages to one decimal place, money to the
 * penny, counts whole. Whether a target is on track is judged on these, like compare's
 * direction, so the verdict always agrees with the figures shown.
 */
export function asPublished(m: Measure, value: number): number {
  if (m.unit === 'percent') return oneDecimal(value);
  if (m.unit === 'people') return Math.round(value);
  return Math.round(value * 100) / 100;
}

/**
 * The value on the straight line from (baseline date, baseline value) to (target date,
 * target value) at `date`; the target value itself from the target date on.
 *
 * @example pathValue(10, '2024-03-31', 0, '2028-03-31', '2026-03-31') // 10 − 10 × 730 ÷ 1461 = 5.0034…
 */
export function pathValue(baseline: number, from: string, target: number, by: string, date: string): number {
  const share = Math.min(1, daysBetween(from, date) / daysBetween(from, by));
  return baseline + (target - baseline) * share;
}

/**
 * On track (or met) when the figure now is at least where the path says it should be, on
 * published figures. A gap is judged by its size (distance from 0): on track when |now| ≤
 * |expected|, so a gap that closed past 0 by less than planned still counts. Other figures
 * are judged in the direction of the target: at or above the path when the target is above
 * the baseline, at or below it when below; a target equal to the baseline must be held.
 */
export function isOnTrack(m: Measure, baseline: number, target: number, expected: number, now: number): boolean {
  const [b, t, e, n] = [baseline, target, expected, now].map((v) => asPublished(m, v)) as [number, number, number, number];
  if (m.gap) return Math.abs(n) <= Math.abs(e);
  if (t > b) return n >= e;
  if (t < b) return n <= e;
  return n === t;
}

function pointOf(at: ReportAt, t: Target, m: Measure): TargetPoint {
  const view = viewOf(at.report, t.view);
  const figure = readFigure(at.report, view, view?.groups.find((g) => g.group === t.group), m);
  return { snapshotDate: at.report.snapshotDate, file: at.file, ...figure };
}

/** What stops an assessment, if anything, in the order a reader would fix them. */
function obstacle(t: Target, baseline: TargetPoint, current: TargetPoint): TargetReason | null {
  if (baseline.snapshotDate === null) return { code: 'no-snapshot-date', in: 'baseline' };
  if (current.snapshotDate === null) return { code: 'no-snapshot-date', in: 'current' };
  if (daysBetween(baseline.snapshotDate, t.by) <= 0) return { code: 'target-date-not-after-baseline' };
  if (daysBetween(baseline.snapshotDate, current.snapshotDate) < 0) return { code: 'current-before-baseline' };
  if (baseline.value === null) return { code: 'figure-missing', in: 'baseline' };
  if (current.value === null) return { code: 'figure-missing', in: 'current' };
  return null;
}

/** A target's progress at the current report (METHOD §11.7). */
export function targetProgress(t: Target, baselineAt: ReportAt, currentAt: ReportAt, previousAt?: ReportAt): TargetProgress {
  const m = measure(t.measure);
  const baseline = pointOf(baselineAt, t, m);
  const current = pointOf(currentAt, t, m);
  const previous = previousAt === undefined ? null : pointOf(previousAt, t, m);
  const common = { target: t, label: m.label, unit: m.unit, gap: m.gap, baseline, previous, current };
  const reason = obstacle(t, baseline, current);
  const from = baseline.snapshotDate as string;
  const now = current.snapshotDate as string;
  // Where the path is at the current report can be said whenever the dates allow, even if a figure is missing.
  const datesUsable = reason === null || reason.code === 'figure-missing';
  const expected = datesUsable && baseline.value !== null ? pathValue(baseline.value, from, t.target, t.by, now) : null;
  const elapsed = datesUsable ? Math.min(1, daysBetween(from, now) / daysBetween(from, t.by)) : null;
  if (reason !== null || expected === null) return { ...common, expected, elapsed, status: 'not-assessable', reason };
  const onTrack = isOnTrack(m, baseline.value as number, t.target, expected, current.value as number);
  const due = daysBetween(t.by, now) >= 0;
  const status: TargetStatus = due ? (onTrack ? 'met' : 'missed') : onTrack ? 'on-track' : 'off-track';
  return { ...common, expected, elapsed, status, reason: null };
}
