/**
 * Why a figure is or is not shown, as data (METHOD §8, §13.2). Every figure in the report model is
 * a value with a status from a closed set, and a figure that is not shown carries a reason
 * code with its parameters. Only renderers turn codes into words (render/reasons.ts); no
 * code decides anything by reading a sentence, so rewording one can never un-withhold a
 * figure.
 */
export const FIGURE_STATUSES = ['shown', 'reference', 'undisclosed', 'not-comparable', 'suppressed', 'withheld', 'not-applicable'] as const;
/**
 * - shown: the figure is published.
 * - reference: the reference group's own gap (a group has no gap against itself).
 * - undisclosed: an undisclosed category (not stated, unknown) is never compared.
 * - not-comparable: the gap cannot be formed (the reference has no figure, or it is 0).
 * - suppressed: the group is smaller than the minimum group size (--min-group-size).
 * - withheld: withheld to protect another cell (complementary suppression).
 * - not-applicable: there is nothing to compute (no one in the group, no bonus column).
 */
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

/**
 * The figures of a group that can be missing, by the key the report uses for them. The four
 * quarter cells share one key: they are shown or withheld together.
 */
export const FIGURE_KEYS = [
  'meanHourlyPay',
  'medianHourlyPay',
  'meanGapPercent',
  'medianGapPercent',
  'meanPayDifference',
  'medianPayDifference',
  'bonus.recipients',
  'bonus.receivingPercent',
  'bonus.mean',
  'bonus.median',
  'bonus.meanGapPercent',
  'bonus.medianGapPercent',
  'quartiles',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The population a figure is computed on. */
export const POPULATION_NAMES = ['full-pay', 'relevant', 'recipients'] as const;
export type PopulationName = (typeof POPULATION_NAMES)[number];

export type Reason =
  | { readonly code: 'reference-group' }
  | { readonly code: 'undisclosed-category' }
  | { readonly code: 'small-group'; readonly minGroupSize: number; readonly population: PopulationName }
  | { readonly code: 'protects-another-cell' }
  | { readonly code: 'no-bonus-column' }
  | { readonly code: 'empty-group'; readonly population: PopulationName }
  | { readonly code: 'empty-quarter' }
  | { readonly code: 'reference-zero' }
  /** A decomposition (METHOD §17): no cell has people of both the group and the reference group. */
  | { readonly code: 'no-common-cell' }
  /** A decomposition of medians: a median is not a sum of parts (METHOD §17). */
  | { readonly code: 'not-decomposable' };

export type ReasonCode = Reason['code'];

/** Every reason code, for the published schema (report-schema.ts); `satisfies` keeps it complete. */
export const REASON_CODES = [
  'reference-group',
  'undisclosed-category',
  'small-group',
  'protects-another-cell',
  'no-bonus-column',
  'empty-group',
  'empty-quarter',
  'reference-zero',
  'no-common-cell',
  'not-decomposable',
] as const satisfies readonly ReasonCode[];
type Missing = Exclude<ReasonCode, (typeof REASON_CODES)[number]>;
/** A compile error here means a reason code is missing from REASON_CODES. */
export const REASON_CODES_COMPLETE: Missing extends never ? true : never = true;

/** A figure that is not shown: its status, the reason, and whether the reason is the reference group's. */
export interface FigureState {
  readonly status: Exclude<FigureStatus, 'shown'>;
  readonly reason: Reason;
  /** The reason is about the reference group (a gap whose reference figure is missing). */
  readonly ofReference?: true;
}

/** A computed figure: a number, or the state that says why there is none. */
export type Figure = { readonly value: number; readonly state?: undefined } | { readonly value: null; readonly state: FigureState };

const STATUS_OF: Readonly<Record<ReasonCode, Exclude<FigureStatus, 'shown'>>> = {
  'reference-group': 'reference',
  'undisclosed-category': 'undisclosed',
  'small-group': 'suppressed',
  'protects-another-cell': 'withheld',
  'no-bonus-column': 'not-applicable',
  'empty-group': 'not-applicable',
  'empty-quarter': 'not-applicable',
  'reference-zero': 'not-comparable',
  'no-common-cell': 'not-comparable',
  'not-decomposable': 'not-applicable',
};

export const shown = (value: number): Figure => ({ value });

/** The state of a figure that is not shown, for this reason. */
export function stateFor(reason: Reason): FigureState {
  return { status: STATUS_OF[reason.code], reason };
}

/** A figure that is not shown, for this reason. */
export function missing(reason: Reason): Figure {
  return { value: null, state: stateFor(reason) };
}

/**
 * A gap that cannot be formed because the reference group's figure is missing: withheld
 * or suppressed reference figures keep their status (so the gap is withheld too); a
 * reference figure that does not exist makes the gap not comparable.
 */
export function ofReference(state: FigureState): FigureState {
  const status = state.status === 'suppressed' || state.status === 'withheld' ? state.status : 'not-comparable';
  return { status, reason: state.reason, ofReference: true };
}

/** Withheld or suppressed: a figure kept back for privacy, as opposed to one that does not exist. */
export const isProtected = (state: FigureState | undefined): boolean => state?.status === 'suppressed' || state?.status === 'withheld';
