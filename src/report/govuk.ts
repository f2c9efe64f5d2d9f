import type { CharacteristicReport, GovukNote, GovukSubmission, GroupReport } from './model.js';
import { oneDecimal } from '../metrics/round.js';

/**
 * The 14 figures the GOV.UK gender pay gap service asks for, from the sex view, at one
 * decimal place, as the service checks them:
 * - mean and median hourly pay gaps and bonus gaps (women against men), one decimal place;
 * - the bonus gaps are blank (null) when no man received a bonus (the service's rule);
 * - % of men and % of women receiving a bonus;
 * - % men and % women in each pay quarter, each pair adding up to exactly 100.0: the men's
 *   share is rounded to one place and the women's is 100.0 minus it.
 * They are computed without --min-group-size suppression: they are published by law by
 * employers with 250 or more staff.
 */

/**
 * The GOV.UK figures are never withheld, so they are flagged when they describe fewer than
 * K men or women (METHOD §10.4): a reader could learn something about those few people.
 */
function fewPeople(g: GroupReport, who: 'men' | 'women', k: number): GovukNote[] {
  const people = Math.min(g.headcount, g.relevantHeadcount);
  return k > 0 && people > 0 && people < k ? [{ code: 'few-people', who, people, minGroupSize: k }] : [];
}

export function govukFigures(sex: CharacteristicReport, minGroupSize = 0): GovukSubmission | null {
  const men = sex.groups.find((g) => g.group === 'Male');
  const women = sex.groups.find((g) => g.group === 'Female');
  if (men === undefined || women === undefined || !men.reference) return null;
  const round = (n: number | null) => (n === null ? null : oneDecimal(n));
  const noManBonus = (men.bonus.recipients ?? 0) === 0;
  const quarter = (band: 'lower' | 'lowerMiddle' | 'upperMiddle' | 'upper') => {
    const m = men.quartiles[band].count;
    const w = women.quartiles[band].count;
    if (m === null || w === null || m + w === 0) return { male: null, female: null };
    const maleTenths = Math.round((m / (m + w)) * 1000);
    return { male: maleTenths / 10, female: (1000 - maleTenths) / 10 };
  };
  return {
    meanHourlyPayGapPercent: round(women.meanGapPercent),
    medianHourlyPayGapPercent: round(women.medianGapPercent),
    meanBonusGapPercent: noManBonus ? null : round(women.bonus.meanGapPercent),
    medianBonusGapPercent: noManBonus ? null : round(women.bonus.medianGapPercent),
    malesReceivingBonusPercent: round(men.bonus.receivingPercent),
    femalesReceivingBonusPercent: round(women.bonus.receivingPercent),
    lowerQuarter: quarter('lower'),
    lowerMiddleQuarter: quarter('lowerMiddle'),
    upperMiddleQuarter: quarter('upperMiddle'),
    upperQuarter: quarter('upper'),
    notes: [...(noManBonus ? [{ code: 'no-male-bonus' } as const] : []), ...fewPeople(men, 'men', minGroupSize), ...fewPeople(women, 'women', minGroupSize)],
  };
}
