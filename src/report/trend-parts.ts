import { measure, valueOf, type PartMeasure } from './measures.js';
import type { PublishedReport } from './published.js';
import { readFigure, reasonOf, viewOf, type ReadFigure } from './published-status.js';

/**
 * The parts of the mean gap (--explain, METHOD §17.6) read back from saved reports for a trend
 * (METHOD §11.5). Parts over different columns are different figures (composition over band is
 * not composition over band × staff group), so each set of columns is its own series; a report
 * with no decomposition over a series' columns (made without --explain, or with other columns)
 * is a point with no value, status `absent` and reason `not-decomposed`.
 */
export interface Decomposed {
  /** The columns, as the latest report that used them gave them. */
  readonly over: readonly string[];
  /** The groups decomposed over them in any report, latest report's first. */
  readonly groups: readonly string[];
}

/** The same columns, in any order (crossing them in another order makes the same cells). */
export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/** Every set of columns a view was decomposed over in any of the reports, latest report first. */
export function decompositionsOf(reports: readonly PublishedReport[], viewKey: string): Decomposed[] {
  const out: { over: readonly string[]; groups: string[] }[] = [];
  for (const report of [...reports].reverse()) {
    const d = viewOf(report, viewKey)?.decomposition;
    if (d === undefined || d === null) continue;
    let entry = out.find((e) => sameColumns(e.over, d.columns));
    if (entry === undefined) out.push((entry = { over: d.columns, groups: [] }));
    for (const g of d.groups) if (!entry.groups.includes(g.group)) entry.groups.push(g.group);
  }
  return out;
}

/** A part of one group's mean gap over the columns `over`, in points, with its status and reason. */
export function readPart(report: PublishedReport, viewKey: string, group: string, m: PartMeasure, over: readonly string[]): ReadFigure {
  const view = viewOf(report, viewKey);
  const published = view?.groups.find((g) => g.group === group);
  if (view === undefined || published === undefined) return { value: null, status: 'absent', reason: null };
  const d = view.decomposition ?? null;
  if (d === null || !sameColumns(d.columns, over)) return { value: null, status: 'absent', reason: { code: 'not-decomposed', over, columns: d?.columns ?? null } };
  const decomposed = d.groups.find((g) => g.group === group);
  if (decomposed === undefined) {
    // Not decomposed in this report: the reference group or an undisclosed category; the mean gap's status says which.
    const gap = readFigure(report, view, published, measure('mean_gap'));
    return gap.value === null ? gap : { value: null, status: 'not-applicable', reason: null };
  }
  const value = valueOf(decomposed, m);
  if (value !== null) return { value, status: 'shown', reason: null };
  return decomposed.status === null ? { value: null, status: 'not-applicable', reason: null } : { value: null, status: decomposed.status.status, reason: reasonOf(decomposed.status) };
}
