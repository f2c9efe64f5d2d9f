import { describe, expect, it } from 'vitest';
import { reportOfFile, reportOfText } from '../helpers/pipeline.js';
import { renderCsv } from '../../src/render/csv.js';
import { compareReports } from '../../src/report/compare.js';
import type { PublishedReport, PublishedView } from '../../src/report/published.js';

/** METHOD Appendix A: men 12, 12, 14, 18; women 11, 11.5, 12, 12, 12, 16 (full pay). */
const APPENDIX_A = `Employee Number,Assignment Number,Gender,Hourly Rate,Contracted Hours,Bonus Pay,Full Pay
101,101,F,11.00,37.5,0,Y
102,102,F,11.50,37.5,100,Y
103,103,F,12.00,37.5,0,Y
104,104,F,12.00,37.5,0,Y
105,105,F,12.00,37.5,0,Y
106,106,M,12.00,37.5,200,Y
107,107,M,12.00,37.5,0,Y
108,108,M,14.00,37.5,300,Y
109,109,F,17.00,30,500,Y
109,109-1,F,12.00,7.5,0,Y
110,110,M,18.00,37.5,1000,Y
111,111,F,20.00,37.5,0,N
`;

/** Every table of a published report: headline views, intersections and breakdown subgroups. */
const tablesOf = (json: PublishedReport): PublishedView[] => [
  ...json.characteristics,
  ...json.intersections,
  ...json.breakdowns.flatMap((b) => b.subgroups.flatMap((sg) => sg.characteristics)),
];

describe('pay differences in pounds (METHOD §6.7)', () => {
  it('are the reference group’s mean and median minus the group’s, by hand on Appendix A', async () => {
    const { json } = await reportOfText(APPENDIX_A, { minGroupSize: 0 });
    const [men, women] = json.characteristics[0]!.groups;
    // Men's mean 56 ÷ 4 = 14.00, women's 74.50 ÷ 6 = 12.4167: £1.5833 an hour; medians 13 − 12 = £1.00.
    expect(women!.meanPayDifference).toBeCloseTo(14 - 74.5 / 6, 12);
    expect(women!.medianPayDifference).toBe(1);
    expect(men!.meanPayDifference).toBeNull();
    expect(men!.figureStatus.meanPayDifference).toEqual({ status: 'reference', reason: 'reference-group' });
    expect(men!.nullReasons.medianPayDifference).toBe('this is the reference group');
  });

  it('are withheld exactly when the gap is, with the same status, in every table (sample, by band, sex × ethnicity)', async () => {
    const { json } = await reportOfFile('fixtures/esr-sample.csv', { within: 'band', intersect: [['sex/sex', 'ethnicity/binary']], intersecting: ['sex', 'ethnicity'] });
    let shown = 0;
    let hidden = 0;
    for (const view of tablesOf(json)) {
      const reference = view.groups.find((g) => g.reference);
      for (const g of view.groups) {
        for (const [gap, difference, average] of [
          ['meanGapPercent', 'meanPayDifference', 'meanHourlyPay'],
          ['medianGapPercent', 'medianPayDifference', 'medianHourlyPay'],
        ] as const) {
          expect(g[difference] === null, `${view.view} ${g.group}`).toBe(g[gap] === null);
          expect(g.figureStatus[difference]).toEqual(g.figureStatus[gap]);
          if (g[difference] === null) hidden++;
          else {
            shown++;
            expect(g[difference]).toBe((reference![average] as number) - (g[average] as number));
          }
        }
      }
    }
    // Both cases occur, so the checks are not vacuous.
    expect(shown).toBeGreaterThan(100);
    expect(hidden).toBeGreaterThan(100);
  });

  it('are CSV rows in pounds per hour, and compared year on year by direction', async () => {
    const { report, json } = await reportOfText(APPENDIX_A, { minGroupSize: 0 });
    const rows = renderCsv(report).split('\r\n').filter((r) => r.includes(',mean_pay_difference,'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^headline,,sex,sex,Female,Male,mean_pay_difference,1\.58333\d*,GBP per hour,full-pay,shown,,$/);
    const change = compareReports(json, json).characteristics[0]!.groups[1]!.figures.find((f) => f.figure === 'meanPayDifference');
    expect(change).toMatchObject({ unit: 'GBP per hour', change: 0, direction: 'unchanged' });
  });
});
