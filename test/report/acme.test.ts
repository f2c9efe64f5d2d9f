import { describe, expect, it } from 'vitest';
import { reportJson } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

/**
 * The GOV.UK "Making your calculations" worked examples for the fictional Acme Ltd,
 * reproduced by constructing exports that have the figures the guidance gives.
 * Each example is built on its own: the guidance's examples are not one data set.
 */
type Person = { sex: 'Male' | 'Female'; rate: number; bonus?: number; fullPay?: 'Y' | 'N' };
const repeat = (n: number, person: Person): Person[] => Array.from({ length: n }, () => person);

function exportOf(people: Person[]): string {
  return csv(
    ['Employee Number', 'Gender', 'Hourly Rate', 'Bonus Pay', 'Full Pay'],
    people.map((p, i) => [`E${i}`, p.sex, p.rate, p.bonus ?? 0, p.fullPay ?? 'Y']),
  );
}

const sexView = async (people: Person[]) => {
  const report = await reportJson(['-', '--min-group-size', '0'], { stdin: exportOf(people) });
  const view = report.characteristics.find((c: { view: string }) => c.view === 'sex');
  const group = (name: string) => view.groups.find((g: { group: string }) => g.group === name);
  return { report, view, male: group('Male'), female: group('Female') };
};

describe('GOV.UK Acme worked examples', () => {
  it('mean gap: men £23,550 over 1,345, women £46,900 over 3,100 → 13.59%', async () => {
    const { male, female } = await sexView([
      ...repeat(1344, { sex: 'Male', rate: 17.5 }),
      { sex: 'Male', rate: 30 },
      ...repeat(3099, { sex: 'Female', rate: 15.13 }),
      { sex: 'Female', rate: 12.13 },
    ]);
    expect(male.headcount).toBe(1345);
    expect(female.headcount).toBe(3100);
    expect(male.meanHourlyPay).toBeCloseTo(23550 / 1345, 10);
    expect(female.meanHourlyPay).toBeCloseTo(46900 / 3100, 10);
    expect(female.meanGapPercent.toFixed(2)).toBe('13.59');
  });

  it('median gap: man 673 earns £15, women 1,550 and 1,551 earn £13 and £15 → 6.67%', async () => {
    const { male, female } = await sexView([
      ...repeat(672, { sex: 'Male', rate: 10 }),
      { sex: 'Male', rate: 15 },
      ...repeat(672, { sex: 'Male', rate: 20 }),
      ...repeat(1549, { sex: 'Female', rate: 10 }),
      { sex: 'Female', rate: 13 },
      { sex: 'Female', rate: 15 },
      ...repeat(1549, { sex: 'Female', rate: 20 }),
    ]);
    expect(male.medianHourlyPay).toBe(15);
    expect(female.medianHourlyPay).toBe(14);
    expect(female.medianGapPercent.toFixed(2)).toBe('6.67');
  });

  it('bonus: 94.5% of men and 64.0% of women; mean bonus gap 9.7%, median 3.3%', async () => {
    // 4,500 relevant employees, 55 of them not on full pay (bonus counts them; hourly pay does not).
    // Men: 1,300 of 1,375 receive; 500 × £510, 300 × £2,300, 500 × £2,400 → mean £1,650, median £2,300.
    // Women: 2,000 of 3,125; 800 × £212.50, 400 × £2,225, 800 × £2,400 → mean £1,490, median £2,225.
    const { report, male, female } = await sexView([
      ...repeat(500, { sex: 'Male', rate: 15, bonus: 510 }),
      ...repeat(300, { sex: 'Male', rate: 15, bonus: 2300 }),
      ...repeat(500, { sex: 'Male', rate: 15, bonus: 2400 }),
      ...repeat(55, { sex: 'Male', rate: 15 }),
      ...repeat(20, { sex: 'Male', rate: 15, fullPay: 'N' }),
      ...repeat(800, { sex: 'Female', rate: 15, bonus: 212.5 }),
      ...repeat(400, { sex: 'Female', rate: 15, bonus: 2225 }),
      ...repeat(800, { sex: 'Female', rate: 15, bonus: 2400 }),
      ...repeat(1090, { sex: 'Female', rate: 15 }),
      ...repeat(35, { sex: 'Female', rate: 15, fullPay: 'N' }),
    ]);
    expect(report.population.relevantEmployees).toBe(4500);
    expect(report.population.fullPayEmployees).toBe(4445);
    expect(male.relevantHeadcount).toBe(1375);
    expect(female.relevantHeadcount).toBe(3125);
    expect(male.bonus.recipients).toBe(1300);
    expect(female.bonus.recipients).toBe(2000);
    expect(male.bonus.receivingPercent.toFixed(1)).toBe('94.5');
    expect(female.bonus.receivingPercent.toFixed(1)).toBe('64.0');
    expect(male.bonus.mean).toBeCloseTo(1650, 9);
    expect(female.bonus.mean).toBeCloseTo(1490, 9);
    expect(male.bonus.median).toBe(2300);
    expect(female.bonus.median).toBe(2225);
    expect(female.bonus.meanGapPercent.toFixed(1)).toBe('9.7');
    expect(female.bonus.medianGapPercent.toFixed(1)).toBe('3.3');
  });

  it('pay quarters for 4,445 staff match the GOV.UK table', async () => {
    // Each quarter on its own rate, so no tie crosses a boundary.
    const quarter = (rate: number, men: number, women: number) => [
      ...repeat(men, { sex: 'Male' as const, rate }),
      ...repeat(women, { sex: 'Female' as const, rate }),
    ];
    const { view, male, female } = await sexView([
      ...quarter(10, 187, 925),
      ...quarter(12, 110, 1001),
      ...quarter(15, 298, 813),
      ...quarter(20, 750, 361),
    ]);
    expect(view.quartileSizes).toEqual({ lower: 1112, lowerMiddle: 1111, upperMiddle: 1111, upper: 1111 });
    const table = (g: { quartiles: Record<string, { count: number; percent: number }> }) =>
      ['lower', 'lowerMiddle', 'upperMiddle', 'upper'].map((b) => [g.quartiles[b].count, g.quartiles[b].percent.toFixed(1)]);
    expect(table(male)).toEqual([
      [187, '16.8'],
      [110, '9.9'],
      [298, '26.8'],
      [750, '67.5'],
    ]);
    expect(table(female)).toEqual([
      [925, '83.2'],
      [1001, '90.1'],
      [813, '73.2'],
      [361, '32.5'],
    ]);
  });

  it('tie example through the whole pipeline: 9 women + 1 man lower, 27 + 3 lower middle', async () => {
    const { male, female } = await sexView([
      ...repeat(15, { sex: 'Male', rate: 5 }),
      ...repeat(15, { sex: 'Female', rate: 6 }),
      ...repeat(36, { sex: 'Female', rate: 9 }),
      ...repeat(4, { sex: 'Male', rate: 9 }),
      ...repeat(10, { sex: 'Male', rate: 20 }),
      ...repeat(40, { sex: 'Male', rate: 30 }),
      ...repeat(40, { sex: 'Female', rate: 40 }),
    ]);
    expect(male.quartiles.lower.count).toBe(15 + 1);
    expect(female.quartiles.lower.count).toBe(15 + 9);
    expect(male.quartiles.lowerMiddle.count).toBe(3 + 10);
    expect(female.quartiles.lowerMiddle.count).toBe(27);
  });
});
