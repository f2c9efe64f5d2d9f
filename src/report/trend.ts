import { direction, methodDifferences, type Direction } from './compare.js';
import { TRENDED, TRENDED_PARTS, type Measure, type PartMeasure } from './measures.js';
import type { PublishedReport, PublishedView } from './published.js';
import { readFigure, viewOf, type ReadFigure } from './published-status.js';
import { decompositionsOf, readPart } from './trend-parts.js';
import { targetProgress, type ReportAt, type Target, type TargetPoint, type TargetProgress } from './targets.js';

/**
 * A trend over two or more saved reports of one organisation (METHOD §11.5): for every
 * headline view, group and trended measure, the figure in each report, in snapshot-date
 * order, with its typed status, so a figure withheld in one year is a gap in the line with
 * its reason; and, from reports made with --explain, the parts of each mean gap (METHOD §17.6),
 * one series per set of columns. Pure: reports in, trend out. `paygap trend --format json` writes it as is.
 */
export interface TrendReport {
  readonly file: string;
  readonly sha256: string;
  readonly snapshotDate: string | null;
  readonly organisation: string | null;
  readonly toolVersion: string;
}

export interface Series {
  readonly characteristic: string;
  readonly view: string;
  readonly title: string;
  readonly group: string;
  readonly referenceGroup: string;
  readonly measure: string;
  /** A part of the mean gap (METHOD §17.6): the --explain columns its cells were over; null for the other measures. */
  readonly over: readonly string[] | null;
  readonly label: string;
  readonly unit: Measure['unit'];
  readonly gap: boolean;
  /** One point per report, in the trend's order. */
  readonly points: readonly TargetPoint[];
  /** First report to last, when both figures are shown: the change and, for gaps, its direction (METHOD §11.3). */
  readonly overall: { readonly from: number; readonly to: number; readonly change: number; readonly direction: Direction | null } | null;
}

export interface Trend {
  readonly schemaVersion: 1;
  readonly kind: 'trend';
  /** The organisation the reports name, when they all name the same one. */
  readonly organisation: string | null;
  /** How the reports were put in order. */
  readonly order: 'snapshot-date' | 'as-given';
  readonly reports: readonly TrendReport[];
  readonly warnings: readonly string[];
  readonly series: readonly Series[];
  readonly targets: readonly TargetProgress[];
}

/** A target and its baseline report, read. */
export interface TargetInput {
  readonly target: Target;
  readonly baseline: ReportAt;
}

const key = (v: { characteristic: string; view: string }) => `${v.characteristic}/${v.view}`;
const organisationOf = (r: PublishedReport): string | null => r.organisation?.name ?? null;
const nameOf = (at: ReportAt) => (at.report.snapshotDate === null ? at.file : `${at.report.snapshotDate} (${at.file})`);

/**
 * Snapshot-date order when every report has a date (reports of the same date keep the order
 * given); otherwise the order given, with a warning.
 */
export function orderReports(inputs: readonly ReportAt[]): { ordered: ReportAt[]; order: Trend['order']; warnings: string[] } {
  const undated = inputs.filter((r) => r.report.snapshotDate === null);
  if (undated.length > 0) {
    return { ordered: [...inputs], order: 'as-given', warnings: [`${undated.map((r) => r.file).join(', ')} ha${undated.length === 1 ? 's' : 've'} no snapshot date, so the reports are shown in the order given`] };
  }
  const ordered = [...inputs].sort((a, b) => (a.report.snapshotDate as string).localeCompare(b.report.snapshotDate as string));
  const warnings: string[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const [a, b] = [ordered[i - 1] as ReportAt, ordered[i] as ReportAt];
    if (a.report.snapshotDate === b.report.snapshotDate) warnings.push(`${a.file} and ${b.file} have the same snapshot date (${a.report.snapshotDate})`);
  }
  return { ordered, order: 'snapshot-date', warnings };
}

/** Method and reference-group changes between neighbouring reports; views not in every report; differing organisations. */
function warningsOf(ordered: readonly ReportAt[], viewKeys: readonly string[]): string[] {
  const warnings: string[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const [a, b] = [ordered[i - 1] as ReportAt, ordered[i] as ReportAt];
    for (const w of methodDifferences(a.report, b.report)) warnings.push(`${nameOf(a)} → ${nameOf(b)}: ${w}`);
    for (const now of b.report.characteristics) {
      const then = viewOf(a.report, key(now));
      if (then !== undefined && then.referenceGroup !== now.referenceGroup) {
        warnings.push(`${nameOf(a)} → ${nameOf(b)}: ${key(now)}: the reference group changed from ${then.referenceGroup} to ${now.referenceGroup}`);
      }
    }
  }
  for (const k of viewKeys) {
    const missing = ordered.filter((r) => viewOf(r.report, k) === undefined).map((r) => r.file);
    if (missing.length > 0) warnings.push(`${k} is not in ${missing.join(', ')}`);
  }
  const names = [...new Set(ordered.map((r) => organisationOf(r.report)).filter((n) => n !== null))];
  if (names.length > 1) warnings.push(`the reports name different organisations: ${names.join(', ')}`);
  return warnings;
}

/** Every item of every list, latest list first, each once, in the order first met. */
function union<T>(lists: readonly (readonly T[])[]): T[] {
  return [...new Set([...lists].reverse().flat())];
}

/** The series of one measure of one group; a part of the mean gap when `over` (its columns) is given. */
function seriesOf(ordered: readonly ReportAt[], viewKey: string, group: string, m: Measure, over: readonly string[] | null = null): Series {
  const latest = [...ordered].reverse().map((r) => viewOf(r.report, viewKey)).find((v): v is PublishedView => v !== undefined) as PublishedView;
  const read = (at: ReportAt): ReadFigure => {
    if (over !== null) return readPart(at.report, viewKey, group, m as PartMeasure, over);
    const view = viewOf(at.report, viewKey);
    return readFigure(at.report, view, view?.groups.find((g) => g.group === group), m);
  };
  const points = ordered.map((at): TargetPoint => ({ snapshotDate: at.report.snapshotDate, file: at.file, ...read(at) }));
  const [first, last] = [points[0]?.value ?? null, points[points.length - 1]?.value ?? null];
  const overall = first === null || last === null ? null : { from: first, to: last, change: last - first, direction: m.gap ? direction(first, last) : null };
  const label = over === null ? m.label : `${m.label} over ${over.join(' × ')} (points)`;
  return { characteristic: latest.characteristic, view: latest.view, title: latest.title, group, referenceGroup: latest.referenceGroup, measure: m.id, over, label, unit: m.unit, gap: m.gap, points, overall };
}

/** The trend of the reports given (any order) and the progress of each target at the latest report. */
export function buildTrend(inputs: readonly ReportAt[], targets: readonly TargetInput[] = []): Trend {
  const { ordered, order, warnings } = orderReports(inputs);
  const viewKeys = union(ordered.map((r) => r.report.characteristics.map(key)));
  const series = viewKeys.flatMap((k) => {
    const groups = union(ordered.map((r) => viewOf(r.report, k)?.groups.map((g) => g.group) ?? []));
    const decomposed = decompositionsOf(ordered.map((r) => r.report), k);
    return groups.flatMap((group) => [
      ...TRENDED.map((m) => seriesOf(ordered, k, group, m)),
      ...decomposed.filter((d) => d.groups.includes(group)).flatMap((d) => TRENDED_PARTS.map((m) => seriesOf(ordered, k, group, m, d.over))),
    ]);
  });
  const current = ordered[ordered.length - 1] as ReportAt;
  const previous = ordered[ordered.length - 2];
  const names = [...new Set(ordered.map((r) => organisationOf(r.report)))];
  return {
    schemaVersion: 1,
    kind: 'trend',
    organisation: names.length === 1 ? (names[0] ?? null) : null,
    order,
    reports: ordered.map((r) => ({ file: r.file, sha256: r.report.input.sha256, snapshotDate: r.report.snapshotDate, organisation: organisationOf(r.report), toolVersion: r.report.tool.version })),
    warnings: [...warnings, ...warningsOf(ordered, viewKeys)],
    series,
    targets: targets.map((t) => targetProgress(t.target, t.baseline, current, previous)),
  };
}
