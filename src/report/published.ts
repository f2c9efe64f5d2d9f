import type { Breakdown, CharacteristicReport, GovukSubmission, GroupReport, IntersectionReport, Report } from './model.js';
import type { FigureStatus, ReasonCode } from './status.js';
import type { CellContribution, DecomposedGroup, Decomposition } from './decomposition.js';

/**
 * The JSON report as published (schemaVersion 1, METHOD §13.1): the report model with each
 * group's figure statuses written out twice, as typed codes (`figureStatus`) for programs and
 * as sentences (`nullReasons`, `suppressionReason`) for people. Consumers depend on these
 * names; fields are only ever added. `paygap compare` reads reports in this shape.
 */
export interface PublishedState {
  readonly status: Exclude<FigureStatus, 'shown'>;
  readonly reason: ReasonCode;
  readonly minGroupSize?: number;
  readonly population?: string;
  /** The reason is the reference group's (a gap whose reference figure is missing). */
  readonly ofReference?: true;
}

export interface PublishedGroup extends Omit<GroupReport, 'status'> {
  /** True when any figure is withheld (suppressed or withheld to protect another cell). */
  readonly suppressed: boolean;
  /** The first suppression reason, in words, or null. */
  readonly suppressionReason: string | null;
  /** Figure key → why it is null, in words. */
  readonly nullReasons: Readonly<Record<string, string>>;
  /** Figure key → its status and reason code, for every figure that is not shown. */
  readonly figureStatus: Readonly<Record<string, PublishedState>>;
}

export interface PublishedView extends Omit<CharacteristicReport, 'groups' | 'decomposition'> {
  readonly groups: readonly PublishedGroup[];
  /** Headline views and intersections: the decomposition of the mean gaps (--explain), else null. */
  readonly decomposition?: PublishedDecomposition | null;
}

/** A status with its words, for figures outside a group's figureStatus (the decomposition's). */
export type PublishedReason = PublishedState & { readonly text: string };

/** The decomposition as published (METHOD §17): statuses as codes with their words. */
export interface PublishedDecomposition extends Omit<Decomposition, 'median' | 'groups'> {
  readonly median: PublishedReason;
  readonly groups: readonly (Omit<DecomposedGroup, 'state' | 'cells'> & {
    readonly status: PublishedReason | null;
    readonly cells: readonly (Omit<CellContribution, 'state'> & { readonly status: PublishedReason | null })[];
  })[];
}

export interface PublishedIntersection extends PublishedView {
  readonly withheld: IntersectionReport['withheld'];
}

export interface PublishedBreakdown extends Omit<Breakdown, 'subgroups'> {
  readonly subgroups: readonly (Omit<Breakdown['subgroups'][number], 'characteristics'> & { readonly characteristics: readonly PublishedView[] })[];
}

export interface PublishedGovuk extends Omit<GovukSubmission, 'notes'> {
  readonly notes: readonly string[];
}

export interface PublishedReport extends Omit<Report, 'characteristics' | 'intersections' | 'breakdowns' | 'govukSubmission'> {
  readonly characteristics: readonly PublishedView[];
  readonly intersections: readonly PublishedIntersection[];
  readonly breakdowns: readonly PublishedBreakdown[];
  readonly govukSubmission: PublishedGovuk | null;
}
