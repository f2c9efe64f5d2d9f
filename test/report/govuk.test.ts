import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { reportOfText } from '../helpers/pipeline.js';
import { govukFigures } from '../../src/report/govuk.js';
import { govukRows } from '../../src/render/govuk-rows.js';
import { govukNoteText } from '../../src/render/reasons.js';
import type { GovukSubmission } from '../../src/report/model.js';

/**
 * The GOV.UK figures checked against the gender pay gap service's own rules (METHOD §10): the
 * figures it requires, its ranges, 100.0 for both bonus gaps when men but no women received a
 * bonus, the form's order, and rounding that treats −0.25 as +0.25.
 */
type Stub = { headcount?: number; relevant?: number; recipients?: number | null; receiving?: number | null; meanGap?: number | null; bonusGap?: number | null; quarters?: number[] };
function group(name: string, reference: boolean, s: Stub) {
  const q = s.quarters ?? [5, 5, 5, 5];
  const band = (i: number) => ({ count: q[i]!, percent: null });
  return {
    group: name,
    reference,
    headcount: s.headcount ?? 20,
    relevantHeadcount: s.relevant ?? 20,
    meanGapPercent: reference ? null : (s.meanGap ?? 10),
    medianGapPercent: reference ? null : (s.meanGap ?? 10),
    bonus: { recipients: s.recipients ?? 5, receivingPercent: s.receiving ?? 25, meanGapPercent: reference ? null : (s.bonusGap ?? 20), medianGapPercent: reference ? null : (s.bonusGap ?? 20) },
    quartiles: { lower: band(0), lowerMiddle: band(1), upperMiddle: band(2), upper: band(3) },
  };
}
const figures = (men: Stub, women: Stub, options = {}) => govukFigures({ groups: [group('Male', true, men), group('Female', false, women)] } as never, options) as GovukSubmission;
const words = (s: GovukSubmission) => s.notes.map(govukNoteText);

describe('rounding for the service (METHOD §12.1)', () => {
  it.each([
    [-0.25, -0.3],
    [0.25, 0.3],
    [-2.25, -2.3],
    [2.25, 2.3],
    [-0.04, -0],
    [8.94, 8.9],
  ])('a gap of %d is published as %d', (gap, shown) => {
    expect(figures({}, { meanGap: gap }).meanHourlyPayGapPercent).toBe(shown);
  });
});

describe('the service’s rules', () => {
  it('men but no women received a bonus: both bonus gaps are 100.0, with a note', () => {
    const s = figures({}, { recipients: 0, receiving: 0, bonusGap: null });
    expect(s).toMatchObject({ meanBonusGapPercent: 100, medianBonusGapPercent: 100, femalesReceivingBonusPercent: 0 });
    expect(words(s)).toEqual(["men received bonuses and no woman did, so both bonus gaps are 100.0 (women's bonus pay is 0), as the service expects"]);
  });

  it('men whose % receiving rounds to 0.0: the service reads no man, so the gaps are blank and it says why', () => {
    const s = figures({ recipients: 1, receiving: 0.049 }, {});
    expect(s).toMatchObject({ meanBonusGapPercent: null, medianBonusGapPercent: null, malesReceivingBonusPercent: 0 });
    expect(words(s)[0]).toBe(
      '1 man received a bonus, but the % of men receiving one is 0.0 at one decimal place, which the service reads as no man receiving a bonus: it refuses bonus gaps then, so they are left blank',
    );
  });

  it('a gap below −999,999,999 is refused, saying which figure and what to check', () => {
    const s = figures({}, { bonusGap: -1_500_000_000 });
    expect(words(s)).toEqual([
      'the service will refuse the mean gender pay gap in bonus pay: -1,500,000,000.0 is outside the range it accepts (-999,999,999 to 100); check the pay and bonus columns for amounts in the wrong units',
      'the service will refuse the median gender pay gap in bonus pay: -1,500,000,000.0 is outside the range it accepts (-999,999,999 to 100); check the pay and bonus columns for amounts in the wrong units',
    ]);
  });

  it('every figure it requires is there on an ordinary file: no note', () => {
    expect(figures({}, {}).notes).toEqual([]);
  });
});

describe('from an export', () => {
  const text = (rows: (string | number)[][]) => csv(['Gender', 'Hourly Rate', 'Bonus Pay', 'Full Pay'], rows);
  const people = (sex: string, n: number, bonus = '0', full = 'Y') => Array.from({ length: n }, (_, i) => [sex, String(12 + i), bonus, full]);

  it('men but no women received a bonus', async () => {
    const { json } = await reportOfText(text([...people('Male', 4, '300'), ...people('Male', 2), ...people('Female', 6)]), { minGroupSize: 0 });
    expect(json.govukSubmission).toMatchObject({ meanBonusGapPercent: 100, medianBonusGapPercent: 100, malesReceivingBonusPercent: 66.7, femalesReceivingBonusPercent: 0 });
  });

  it('no woman on full pay: the hourly gaps the service requires are blank, and the note says so', async () => {
    const { json } = await reportOfText(text([...people('Male', 6), ...people('Female', 6, '0', 'N')]), { minGroupSize: 0 });
    const s = json.govukSubmission!;
    expect(s.meanHourlyPayGapPercent).toBeNull();
    expect(s.notes).toEqual([
      'no man received a bonus, so the bonus gaps are left blank, as the service asks',
      'the service will refuse the mean gender pay gap in hourly pay: no woman is a full-pay relevant employee, so there is no gap to work out; check the sex and Full Pay columns',
      'the service will refuse the median gender pay gap in hourly pay: no woman is a full-pay relevant employee, so there is no gap to work out; check the sex and Full Pay columns',
    ]);
  });

  it('an empty pay quarter (three people on full pay) is refused by name', async () => {
    const { json } = await reportOfText(text([['Male', '12', '0', 'Y'], ['Female', '13', '0', 'Y'], ['Male', '14', '0', 'Y']]), { minGroupSize: 0 });
    expect(json.govukSubmission!.upperQuarter).toEqual({ male: null, female: null });
    expect(json.govukSubmission!.notes).toContain(
      'the service will refuse the upper quarter figures: fewer than four men and women are on full pay, so this pay quarter is empty, and the service needs all eight quarter figures',
    );
  });
});

describe('listing for the service’s form', () => {
  it('is in the form’s order, one line per box, values as typed in (no % sign)', () => {
    const s = figures({ receiving: 75 }, { receiving: 28.571, meanGap: 11.32, bonusGap: 40, quarters: [3, 1, 1, 1] });
    const rows = govukRows(s);
    expect(rows.map(([label]) => label)).toEqual([
      'Mean gender pay gap in hourly pay (%)',
      'Median gender pay gap in hourly pay (%)',
      'Upper quarter: women (%)',
      'Upper quarter: men (%)',
      'Upper middle quarter: women (%)',
      'Upper middle quarter: men (%)',
      'Lower middle quarter: women (%)',
      'Lower middle quarter: men (%)',
      'Lower quarter: women (%)',
      'Lower quarter: men (%)',
      'Mean gender pay gap in bonus pay (%)',
      'Median gender pay gap in bonus pay (%)',
      'Women who received bonus pay (%)',
      'Men who received bonus pay (%)',
    ]);
    expect(rows.map(([, value]) => value)).toEqual(['11.3', '11.3', '16.7', '83.3', '16.7', '83.3', '16.7', '83.3', '37.5', '62.5', '40.0', '40.0', '28.6', '75.0']);
  });

  it('shows −0 as 0.0 and a blank box as (blank)', () => {
    const rows = govukRows(figures({}, { meanGap: -0.04 }, { hasBonusColumn: false }));
    expect(rows[0]![1]).toBe('0.0');
    expect(rows[10]![1]).toBe('(blank)');
  });
});
