import { valueOf, type Measure } from './measures.js';
import type { PublishedGroup, PublishedReport, PublishedState, PublishedView } from './published.js';
import type { FigureStatus, Reason } from './status.js';

/**
 * The status of one figure in a saved JSON report, for commands that read reports back
 * (trend, benchmark, targets). Reports carry each missing figure's typed status in
 * `figureStatus` (METHOD §13.2); reports made before that field existed are read by the
 * rules of METHOD §11.6, from the group's flags and counts, never from its sentences.
 */

/** A figure's status as read back; `absent` when the report has no such view or group. */
export type PointStatus = FigureStatus | 'absent';

/**
 * The reason code with its parameters (as in the report's `figureStatus`), or null when shown or
 * not recorded; `not-decomposed` (a trend's mean-gap part, METHOD §11.5): the report has no
 * decomposition over the series' columns (`over`), only over `columns`, or none (null).
 */
export type PointReason =
  | (Reason & { readonly ofReference?: true })
  | { readonly code: 'not-decomposed'; readonly over: readonly string[]; readonly columns: readonly string[] | null }
  | null;

export interface ReadFigure {
  readonly value: number | null;
  readonly status: PointStatus;
  readonly reason: PointReason;
}

const key = (v: { characteristic: string; view: string }) => `${v.characteristic}/${v.view}`;

/** A headline view of a report by "characteristic/view". */
export function viewOf(report: PublishedReport, viewKey: string): PublishedView | undefined {
  return report.characteristics.find((c) => key(c) === viewKey);
}

/** The typed reason of a published state: { code, …parameters, ofReference }. */
export function reasonOf(state: PublishedState): PointReason {
  const { status: _status, reason, ofReference, text: _text, ...params } = state as PublishedState & { text?: string };
  return { code: reason, ...params, ...(ofReference ? { ofReference } : {}) } as PointReason;
}

/** The count a measure is computed over, in this group (null when it is not published). */
export function populationOf(group: PublishedGroup, m: Measure): number | null {
  if (m.population === 'full-pay') return group.headcount;
  if (m.population === 'relevant') return group.relevantHeadcount;
  return typeof group.bonus?.recipients === 'number' ? group.bonus.recipients : null;
}

/**
 * A missing figure of a report made before `figureStatus` (METHOD §11.6): a reference
 * group's or undisclosed category's gap; nothing to compute (no bonus column, nobody in the
 * population); withheld when the group, or for a gap its reference group, is marked
 * `suppressed` (the reason is not recorded: which rule withheld it cannot be told apart);
 * otherwise not applicable.
 */
function legacyStatus(report: PublishedReport, view: PublishedView, group: PublishedGroup, m: Measure): ReadFigure {
  const missing = (status: FigureStatus, reason: PointReason): ReadFigure => ({ value: null, status, reason });
  if (m.gap && group.reference) return missing('reference', { code: 'reference-group' });
  if (m.gap && !group.comparable) return missing('undisclosed', { code: 'undisclosed-category' });
  if (m.block === 'bonus' && report.method.bonusColumn === false) return missing('not-applicable', { code: 'no-bonus-column' });
  if (populationOf(group, m) === 0) return missing('not-applicable', null);
  const reference = view.groups.find((g) => g.reference);
  if (group.suppressed === true || (m.gap && reference?.suppressed === true)) return missing('withheld', null);
  return missing('not-applicable', null);
}

/** A measure's value in a group of a saved report, with its status and reason. */
export function readFigure(report: PublishedReport, view: PublishedView | undefined, group: PublishedGroup | undefined, m: Measure): ReadFigure {
  if (view === undefined || group === undefined) return { value: null, status: 'absent', reason: null };
  const value = valueOf(group, m);
  if (value !== null) return { value, status: 'shown', reason: null };
  const statuses = (group as { figureStatus?: PublishedGroup['figureStatus'] }).figureStatus;
  if (statuses === undefined) return legacyStatus(report, view, group, m);
  const state = m.key === null ? undefined : statuses[m.key];
  return state === undefined ? { value: null, status: 'not-applicable', reason: null } : { value: null, status: state.status, reason: reasonOf(state) };
}

/** Withheld or suppressed: kept back for privacy (as opposed to a figure that does not exist). */
export const isKeptBack = (status: PointStatus): boolean => status === 'suppressed' || status === 'withheld';
