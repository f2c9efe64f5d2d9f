import type { GovukSubmission } from '../report/model.js';

/**
 * The 14 figures as label and value rows, one row per box of the GOV.UK gender pay gap
 * service's form and in its order (METHOD §10.5): hourly pay gap mean and median; the pay
 * quarters from upper to lower, women before men; bonus gap mean and median; women, then men,
 * receiving a bonus. Values are as they are typed in, without the % sign (the form has it
 * outside the box), one decimal place; a blank box is "(blank)".
 */
export function govukRows(s: GovukSubmission): [string, string][] {
  const v = (n: number | null) => (n === null ? '(blank)' : (Object.is(n, -0) ? 0 : n).toFixed(1));
  const quarter = (name: string, q: { male: number | null; female: number | null }): [string, string][] => [
    [`${name} quarter: women (%)`, v(q.female)],
    [`${name} quarter: men (%)`, v(q.male)],
  ];
  return [
    ['Mean gender pay gap in hourly pay (%)', v(s.meanHourlyPayGapPercent)],
    ['Median gender pay gap in hourly pay (%)', v(s.medianHourlyPayGapPercent)],
    ...quarter('Upper', s.upperQuarter),
    ...quarter('Upper middle', s.upperMiddleQuarter),
    ...quarter('Lower middle', s.lowerMiddleQuarter),
    ...quarter('Lower', s.lowerQuarter),
    ['Mean gender pay gap in bonus pay (%)', v(s.meanBonusGapPercent)],
    ['Median gender pay gap in bonus pay (%)', v(s.medianBonusGapPercent)],
    ['Women who received bonus pay (%)', v(s.femalesReceivingBonusPercent)],
    ['Men who received bonus pay (%)', v(s.malesReceivingBonusPercent)],
  ];
}
