import { describe, expect, it } from 'vitest';
import { reportJson } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

/** 12 men, 4 women, 1 not recorded; bonuses for 11 men and 2 women. */
const text = csv(
  ['Employee Number', 'Gender', 'Disability', 'Hourly Rate', 'Bonus Pay', 'Full Pay'],
  [
    ...Array.from({ length: 12 }, (_, i) => [`M${i}`, 'Male', 'No', 20 + i, i < 11 ? 500 : 0, 'Y']),
    ...Array.from({ length: 4 }, (_, i) => [`F${i}`, 'Female', 'Yes', 15 + i, i < 2 ? 300 : 0, 'Y']),
    ['X1', '', 'No', 18, 0, 'Y'],
  ],
);

const group = (report: { characteristics: { view: string; groups: { group: string }[] }[] }, view: string, name: string) =>
  report.characteristics.find((c) => c.view === view)!.groups.find((g) => g.group === name) as Record<string, any>;

describe('--min-group-size', () => {
  it('withholds a small group’s pay, gaps, bonus amounts and quarters, keeping headcounts', async () => {
    const report = await reportJson(['-', '--quiet'], { stdin: text });
    const female = group(report, 'sex', 'Female');
    expect(female).toMatchObject({
      headcount: 4,
      relevantHeadcount: 4,
      suppressed: true,
      suppressionReason: 'fewer than 10 full-pay employees',
      meanHourlyPay: null,
      medianHourlyPay: null,
      meanGapPercent: null,
      medianGapPercent: null,
      bonus: { recipients: null, receivingPercent: null, mean: null, median: null, meanGapPercent: null, medianGapPercent: null },
    });
    expect(female.quartiles.lower).toEqual({ count: null, percent: null });
    expect(female.nullReasons['bonus.mean']).toBe('fewer than 10 bonus recipients');
    expect(female.nullReasons.quartiles).toBe('fewer than 10 full-pay employees');
    // The men (12) are not small, but with the women withheld their figures would give the
    // women's back (the quarter sizes and the full total are published), so they are
    // withheld too, to protect the women; their headcounts stay.
    const male = group(report, 'sex', 'Male');
    expect(male.headcount).toBe(12);
    expect(male.meanHourlyPay).toBeNull();
    expect(male.figureStatus.meanHourlyPay).toEqual({ status: 'withheld', reason: 'protects-another-cell' });
    expect(male.nullReasons.meanHourlyPay).toBe('withheld so that a suppressed figure cannot be worked out from the totals');
    expect(male.nullReasons.meanGapPercent).toBe('this is the reference group');
    expect(report.disclosureControl.cellsWithheld.protectingOthers).toBeGreaterThan(0);
  });

  it('withholds gaps when the reference group is small', async () => {
    const report = await reportJson(['-', '--quiet', '--min-group-size', '13'], { stdin: text });
    const female = group(report, 'sex', 'Female');
    expect(female.nullReasons.meanGapPercent).toBe('reference group: fewer than 13 full-pay employees');
    const disabled = group(report, 'disability', 'Disabled');
    expect(disabled.meanGapPercent).toBeNull();
    // Non-disabled: 12 men + 1 not recorded = 13, not small; Disabled (4) is, so the
    // Non-disabled figures are withheld to protect them.
    const nonDisabled = group(report, 'disability', 'Non-disabled');
    expect(nonDisabled.headcount).toBe(13);
    expect(nonDisabled.figureStatus.meanHourlyPay).toMatchObject({ status: 'withheld' });
    expect(group(report, 'disability', 'Disabled').figureStatus.meanHourlyPay).toMatchObject({ status: 'suppressed', reason: 'small-group', minGroupSize: 13 });
  });

  it('0 turns suppression off', async () => {
    const report = await reportJson(['-', '--quiet', '--min-group-size', '0'], { stdin: text });
    const female = group(report, 'sex', 'Female');
    expect(female.suppressed).toBe(false);
    expect(female.meanHourlyPay).toBeCloseTo(16.5, 10);
    // (25.5 − 16.5) ÷ 25.5 × 100
    expect(female.meanGapPercent).toBeCloseTo((9 / 25.5) * 100, 10);
    expect(female.bonus.receivingPercent).toBe(50);
  });

  it('keeps the not-recorded person out of the sex view but counts them', async () => {
    const report = await reportJson(['-', '--quiet'], { stdin: text });
    const sex = report.characteristics.find((c: { view: string }) => c.view === 'sex');
    expect(sex.excluded).toEqual([{ reason: 'sex not recorded (not Male or Female)', relevant: 1, fullPay: 1 }]);
    expect(sex.disclosure).toEqual({ disclosed: 16, notDisclosed: 1, ratePercent: (16 / 17) * 100 });
    expect(Object.values(sex.quartileSizes).reduce((a: number, b) => a + (b as number), 0)).toBe(16);
  });
});
