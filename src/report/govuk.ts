import type { CharacteristicReport, GovukFigure, GovukNote, GovukSubmission, GroupReport } from './model.js';
import { oneDecimal } from '../metrics/round.js';

/**
 * The 14 figures the GOV.UK gender pay gap service asks for (METHOD §10), from the sex view,
 * at one decimal place, checked against the service's own rules (its report-figures form and
 * the helper that validates it):
 *
 * - mean and median hourly pay gaps, women against men: required, from −999,999,999 to 100;
 * - % of men and % of women receiving a bonus: required, 0 to 100;
 * - mean and median bonus gaps: required when the % of men receiving a bonus is above 0.0,
 *   and refused (blank) when it is 0.0; when men but no women received a bonus, both are
 *   100.0 (women's bonus pay is 0), which the service's integrity check expects; at most 100
 *   when women received one (a gap above 100 cannot arise from amounts of 0 or more);
 * - % men and % women in each pay quarter: all eight required, each pair adding up to exactly
 *   100.0: the men's share is rounded to one place and the women's is 100.0 minus it.
 *
 * A figure the service will refuse gets a note saying which and what to do. The figures are
 * computed without --min-group-size suppression: the law asks for them as they are.
 */
export interface GovukOptions {
  /** K: figures describing fewer people are flagged (METHOD §8.4), not withheld. */
  readonly minGroupSize?: number;
  /** Without a bonus column the bonus figures are unknown, not 0 (METHOD §6.5). */
  readonly hasBonusColumn?: boolean;
}

/** The service's range for a gap (hourly or bonus). */
export const GOVUK_GAP_RANGE = { min: -999_999_999, max: 100 } as const;

/** The notes that say the service will refuse a figure: also warnings on stderr. */
export const REFUSAL_NOTES: ReadonlySet<GovukNote['code']> = new Set(['refused', 'no-bonus-column']);

type Quarter = 'lower' | 'lowerMiddle' | 'upperMiddle' | 'upper';
const QUARTERS: readonly (readonly [Quarter, GovukFigure])[] = [
  ['upper', 'upperQuarter'],
  ['upperMiddle', 'upperMiddleQuarter'],
  ['lowerMiddle', 'lowerMiddleQuarter'],
  ['lower', 'lowerQuarter'],
];

const round = (n: number | null): number | null => (n === null ? null : oneDecimal(n));

/**
 * The GOV.UK figures are never withheld, so they are flagged when they describe fewer than
 * K men or women (METHOD §8.4): a reader could learn something about those few people.
 */
function fewPeople(g: GroupReport, who: 'men' | 'women', k: number): GovukNote[] {
  const people = Math.min(g.headcount, g.relevantHeadcount);
  return k > 0 && people > 0 && people < k ? [{ code: 'few-people', who, people, minGroupSize: k }] : [];
}

/** A quarter's pair: men's share rounded, women's 100.0 minus it; blank (and refused) when empty. */
function quarter(men: GroupReport, women: GroupReport, band: Quarter): { male: number | null; female: number | null } {
  const m = men.quartiles[band].count;
  const w = women.quartiles[band].count;
  if (m === null || w === null || m + w === 0) return { male: null, female: null };
  const maleTenths = Math.round((m / (m + w)) * 1000);
  return { male: maleTenths / 10, female: (1000 - maleTenths) / 10 };
}

/** The bonus gaps as the service takes them, and why (METHOD §10.3). */
function bonusGaps(men: GroupReport, women: GroupReport, hasBonusColumn: boolean): { mean: number | null; median: number | null; notes: GovukNote[] } {
  if (!hasBonusColumn) return { mean: null, median: null, notes: [{ code: 'no-bonus-column' }] };
  const recipients = men.bonus.recipients ?? 0;
  const menShown = round(men.bonus.receivingPercent);
  if (recipients === 0) return { mean: null, median: null, notes: [{ code: 'no-male-bonus' }] };
  if (menShown === 0) return { mean: null, median: null, notes: [{ code: 'male-bonus-rounds-to-zero', recipients }] };
  if ((women.bonus.recipients ?? 0) === 0) return { mean: 100, median: 100, notes: [{ code: 'no-female-bonus' }] };
  return { mean: round(women.bonus.meanGapPercent), median: round(women.bonus.medianGapPercent), notes: [] };
}

/** The notes for the figures the service requires that are blank or out of its range. */
function refusals(s: Omit<GovukSubmission, 'notes'>, women: GroupReport, hasBonusColumn: boolean): GovukNote[] {
  const notes: GovukNote[] = [];
  const gap = (figure: GovukFigure, value: number | null, bonus: boolean) => {
    if (value === null) {
      if (!bonus) notes.push({ code: 'refused', figure, why: women.headcount === 0 ? 'no-full-pay-women' : 'no-full-pay-men' });
    } else if (value < GOVUK_GAP_RANGE.min || value > GOVUK_GAP_RANGE.max) notes.push({ code: 'refused', figure, why: 'out-of-range', value });
  };
  gap('meanHourlyPayGapPercent', s.meanHourlyPayGapPercent, false);
  gap('medianHourlyPayGapPercent', s.medianHourlyPayGapPercent, false);
  for (const [, figure] of QUARTERS) if ((s[figure] as { male: number | null }).male === null) notes.push({ code: 'refused', figure, why: 'empty-quarter' });
  gap('meanBonusGapPercent', s.meanBonusGapPercent, true);
  gap('medianBonusGapPercent', s.medianBonusGapPercent, true);
  if (hasBonusColumn && s.femalesReceivingBonusPercent === null) notes.push({ code: 'refused', figure: 'femalesReceivingBonusPercent', why: 'no-women' });
  if (hasBonusColumn && s.malesReceivingBonusPercent === null) notes.push({ code: 'refused', figure: 'malesReceivingBonusPercent', why: 'no-men' });
  return notes;
}

export function govukFigures(sex: CharacteristicReport, options: GovukOptions = {}): GovukSubmission | null {
  const men = sex.groups.find((g) => g.group === 'Male');
  const women = sex.groups.find((g) => g.group === 'Female');
  if (men === undefined || women === undefined || !men.reference) return null;
  const hasBonusColumn = options.hasBonusColumn ?? true;
  const bonus = bonusGaps(men, women, hasBonusColumn);
  const figures = {
    meanHourlyPayGapPercent: round(women.meanGapPercent),
    medianHourlyPayGapPercent: round(women.medianGapPercent),
    meanBonusGapPercent: bonus.mean,
    medianBonusGapPercent: bonus.median,
    malesReceivingBonusPercent: round(men.bonus.receivingPercent),
    femalesReceivingBonusPercent: round(women.bonus.receivingPercent),
    lowerQuarter: quarter(men, women, 'lower'),
    lowerMiddleQuarter: quarter(men, women, 'lowerMiddle'),
    upperMiddleQuarter: quarter(men, women, 'upperMiddle'),
    upperQuarter: quarter(men, women, 'upper'),
  };
  const k = options.minGroupSize ?? 0;
  const notes = [...bonus.notes, ...refusals(figures, women, hasBonusColumn), ...fewPeople(men, 'men', k), ...fewPeople(women, 'women', k)];
  return { ...figures, notes };
}
