import { measure, type Measure } from './measures.js';
import type { PublishedGroup, PublishedReport, PublishedView } from './published.js';
import { isKeptBack, readFigure, type PointStatus, type ReadFigure } from './published-status.js';

/**
 * System-level figures from several organisations' published reports (METHOD §15.2), exactly
 * where the arithmetic allows and nowhere else:
 *
 * - counts add up (headcounts; bonus recipients);
 * - a mean is Σ (organisation's mean × its population) ÷ Σ populations: mean hourly pay over
 *   full-pay headcounts, mean bonus over recipients;
 * - % receiving a bonus is Σ recipients ÷ Σ relevant headcounts;
 * - a mean gap is (R − G) ÷ R × 100 from the system means of the reference group R and group G;
 * - medians and quarter shares cannot be made from aggregates: `not-combinable`.
 *
 * Only published figures are used, so a system figure can never carry more than the
 * reports do. When any organisation with people in the population keeps its figure back,
 * the system figure is withheld too (`withheld-in`), never summed from the others: a sum of
 * the shown ones would be a different figure presented as the system's, and with the system
 * total known from elsewhere it would give the withheld figure back by subtraction.
 */
export type SystemStatus = Exclude<PointStatus, 'absent'> | 'not-combinable';

export type SystemReason =
  | { readonly code: 'withheld-in'; readonly organisations: readonly string[]; readonly ofReference?: true }
  | { readonly code: 'missing-in'; readonly organisations: readonly string[]; readonly ofReference?: true }
  | { readonly code: 'not-combinable' }
  | { readonly code: 'reference-groups-differ' }
  | { readonly code: 'reference-group' }
  | { readonly code: 'undisclosed-category' }
  | { readonly code: 'empty-group'; readonly ofReference?: true }
  | { readonly code: 'reference-zero' };

export interface SystemFigure {
  readonly value: number | null;
  readonly status: SystemStatus;
  readonly reason: SystemReason | null;
  /** The people the figure is over (Σ of the measure's population), when known. */
  readonly population: number | null;
}

/** One organisation's group in a view. */
export interface Member {
  readonly organisation: string;
  readonly report: PublishedReport;
  readonly view: PublishedView;
  readonly group: PublishedGroup;
}

const shown = (value: number, population: number | null): SystemFigure => ({ value, status: 'shown', reason: null, population });
const missing = (status: SystemStatus, reason: SystemReason): SystemFigure => ({ value: null, status, reason, population: null });

const read = (member: Member, m: Measure): ReadFigure => readFigure(member.report, member.view, member.group, m);

/** The system figure can't be had: withheld when any organisation keeps its figure back, else missing. */
function unavailable(failures: readonly { organisation: string; figure: ReadFigure }[]): SystemFigure {
  const kept = failures.filter((f) => isKeptBack(f.figure.status)).map((f) => f.organisation);
  if (kept.length > 0) return missing('withheld', { code: 'withheld-in', organisations: kept });
  return missing('not-applicable', { code: 'missing-in', organisations: failures.map((f) => f.organisation) });
}

/** Σ of a count; every organisation's count must be published. */
function sum(members: readonly Member[], m: Measure): SystemFigure {
  const figures = members.map((member) => ({ organisation: member.organisation, figure: read(member, m) }));
  const failures = figures.filter((f) => f.figure.value === null);
  if (failures.length > 0) return unavailable(failures);
  const total = figures.reduce((s, f) => s + (f.figure.value as number), 0);
  return shown(total, total);
}

/**
 * Σ numerator ÷ Σ weight over the organisations whose weight is above 0 (an organisation with
 * nobody in the population adds nothing). `numerator` gives an organisation's share of the
 * total: mean × weight for a mean, the count for a share.
 */
function ratio(members: readonly Member[], weightOf: Measure, valueOf: Measure, numerator: (value: number, weight: number) => number, scale: number): SystemFigure {
  const failures: { organisation: string; figure: ReadFigure }[] = [];
  let top = 0;
  let bottom = 0;
  for (const member of members) {
    const weight = read(member, weightOf);
    if (weight.value === null) {
      failures.push({ organisation: member.organisation, figure: weight });
      continue;
    }
    if (weight.value === 0) continue;
    const value = read(member, valueOf);
    if (value.value === null) failures.push({ organisation: member.organisation, figure: value });
    else {
      top += numerator(value.value, weight.value);
      bottom += weight.value;
    }
  }
  if (failures.length > 0) return unavailable(failures);
  if (bottom === 0) return missing('not-applicable', { code: 'empty-group' });
  return shown((top / bottom) * scale, bottom);
}

/** The reference group the organisations share for a view, or null when they differ. */
export function sharedReference(views: readonly PublishedView[]): string | null {
  const references = new Set(views.map((v) => v.referenceGroup));
  return references.size === 1 ? ([...references][0] as string) : null;
}

/**
 * A gap (METHOD §6.3), or a difference in pounds (METHOD §6.7), from the system means of the
 * group and the reference group.
 */
function gap(members: readonly Member[], referenceMembers: readonly Member[], reference: string | null, m: Measure & { combine: { kind: 'gap' | 'difference' } }): SystemFigure {
  const group = members[0]?.group;
  if (group !== undefined && !group.comparable) return missing('undisclosed', { code: 'undisclosed-category' });
  if (reference === null) return missing('not-comparable', { code: 'reference-groups-differ' });
  if (group?.group === reference) return missing('reference', { code: 'reference-group' });
  const of = measure(m.combine.of);
  const r = systemFigure(referenceMembers, of, reference);
  if (r.value === null) return { ...r, status: r.status === 'withheld' ? 'withheld' : 'not-comparable', reason: { ...(r.reason as SystemReason), ofReference: true } as SystemReason, population: null };
  const g = systemFigure(members, of, reference);
  if (g.value === null) return { ...g, population: null };
  if (m.combine.kind === 'difference') return shown(r.value - g.value, g.population);
  if (r.value === 0) return missing('not-comparable', { code: 'reference-zero' });
  return shown(((r.value - g.value) / r.value) * 100, g.population);
}

/**
 * The system figure of a measure for one group, from the organisations that have the group
 * (`members`); for a gap, `referenceMembers` are the same organisations' reference groups.
 */
export function systemFigure(members: readonly Member[], m: Measure, reference: string | null, referenceMembers: readonly Member[] = []): SystemFigure {
  const c = m.combine;
  switch (c.kind) {
    case 'sum':
      return sum(members, m);
    case 'mean':
      return ratio(members, measure(c.weight), m, (value, weight) => value * weight, 1);
    case 'share':
      return ratio(members, measure(c.of), measure(c.count), (count) => count, 100);
    case 'gap':
    case 'difference':
      return gap(members, referenceMembers, reference, m as Measure & { combine: { kind: 'gap' | 'difference' } });
    case 'none':
      return missing('not-combinable', { code: 'not-combinable' });
  }
}
