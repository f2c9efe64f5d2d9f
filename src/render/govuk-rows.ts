import type { GovukSubmission } from '../report/model.js';

/** The 14 figures as label and value rows, as the service lists them; blanks shown as "(blank)". */
export function govukRows(s: GovukSubmission): [string, string][] {
  const v = (n: number | null) => (n === null ? '(blank)' : `${n.toFixed(1)}%`);
  const pair = (q: { male: number | null; female: number | null }) => `${v(q.male)} / ${v(q.female)}`;
  return [
    ['Mean gender pay gap (hourly pay)', v(s.meanHourlyPayGapPercent)],
    ['Median gender pay gap (hourly pay)', v(s.medianHourlyPayGapPercent)],
    ['Mean bonus gender pay gap', v(s.meanBonusGapPercent)],
    ['Median bonus gender pay gap', v(s.medianBonusGapPercent)],
    ['Men receiving a bonus', v(s.malesReceivingBonusPercent)],
    ['Women receiving a bonus', v(s.femalesReceivingBonusPercent)],
    ['Lower quarter: men / women', pair(s.lowerQuarter)],
    ['Lower middle quarter: men / women', pair(s.lowerMiddleQuarter)],
    ['Upper middle quarter: men / women', pair(s.upperMiddleQuarter)],
    ['Upper quarter: men / women', pair(s.upperQuarter)],
  ];
}
