/** The GOV.UK submission's part of the report model (METHOD §10); re-exported by model.ts. */

/**
 * The 14 figures of the GOV.UK gender pay gap service (METHOD §10), at one decimal place, and
 * the notes that say why a figure is as it is and which ones the service will refuse.
 */
export interface GovukSubmission {
  readonly meanHourlyPayGapPercent: number | null;
  readonly medianHourlyPayGapPercent: number | null;
  readonly meanBonusGapPercent: number | null;
  readonly medianBonusGapPercent: number | null;
  readonly malesReceivingBonusPercent: number | null;
  readonly femalesReceivingBonusPercent: number | null;
  readonly lowerQuarter: { readonly male: number | null; readonly female: number | null };
  readonly lowerMiddleQuarter: { readonly male: number | null; readonly female: number | null };
  readonly upperMiddleQuarter: { readonly male: number | null; readonly female: number | null };
  readonly upperQuarter: { readonly male: number | null; readonly female: number | null };
  readonly notes: readonly GovukNote[];
}

/** A figure (or quarter pair) of the submission, by its key. */
export type GovukFigure = Exclude<keyof GovukSubmission, 'notes'>;

/** Why a figure the service requires is missing or out of its range (METHOD §10.4). */
export type GovukRefusal = 'no-full-pay-men' | 'no-full-pay-women' | 'no-men' | 'no-women' | 'empty-quarter' | 'out-of-range';

/** Why a GOV.UK figure is as it is (the renderers say it in words, render/reasons.ts). */
export type GovukNote =
  /** No man received a bonus: the bonus gaps are blank, as the service asks. */
  | { readonly code: 'no-male-bonus' }
  /** Men received bonuses, but so few that their % rounds to 0.0, which the service reads as none. */
  | { readonly code: 'male-bonus-rounds-to-zero'; readonly recipients: number }
  /** Men but no women received a bonus: both bonus gaps are 100.0, as the service expects. */
  | { readonly code: 'no-female-bonus' }
  /** The file has no bonus column: the four bonus figures cannot be worked out (the service refuses). */
  | { readonly code: 'no-bonus-column' }
  /** The service will refuse this figure. */
  | { readonly code: 'refused'; readonly figure: GovukFigure; readonly why: GovukRefusal; readonly value?: number }
  | { readonly code: 'few-people'; readonly who: 'men' | 'women'; readonly people: number; readonly minGroupSize: number };
