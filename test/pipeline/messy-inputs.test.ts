import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { reportOfFile, reportOfText } from '../helpers/pipeline.js';
import { expectReconciled } from '../helpers/reconcile.js';
import { buildView } from '../../src/report/build-view.js';
import { viewContext } from '../../src/report/ordered.js';
import { MAX_CUSTOM_GROUPS } from '../../src/report/extra-views.js';
import type { Units } from '../../src/ingest/units.js';
import type { ViewDefinition } from '../../src/report/views.js';

/**
 * Issue 11, "No silently wrong figure": each messy input of the issue, read right or said
 * plainly. Library level (the report and its published JSON); the command line's streams and
 * documents are in test/cli/messy-cli.test.ts.
 */
const religion = (undisclosed?: string[]) => ({ extra: [{ name: 'religion', header: 'Religion', kind: 'column' as const, undisclosed }] });
const view = (json: { characteristics: readonly { characteristic: string }[] }, name: string) => json.characteristics.find((c) => c.characteristic === name) as any;

describe('group codes of any width (METHOD §5.5)', () => {
  it('a view of more than 65,535 groups is exact: no group wraps onto another or out of the view', () => {
    // 100 people at £10 in group 0 ("Big"), one at £50 in group 65,536 ("Wrapped"), one in each other group.
    const groups = 70_002;
    const wrapped = 65_536;
    const codes = new Uint32Array(100 + groups - 1);
    const pay = new Float64Array(codes.length).fill(20);
    pay.fill(10, 0, 100);
    for (let g = 1; g < groups; g++) codes[99 + g] = g;
    pay[99 + wrapped] = 50;
    const n = codes.length;
    const units: Units = {
      length: n,
      pay,
      bonus: new Float64Array(n),
      fullPay: new Uint8Array(n).fill(1),
      codes: { sex: new Uint8Array(n), ethnicity: new Uint8Array(n), disability: new Uint8Array(n) },
      staffGroup: new Int32Array(n).fill(-1),
      grade: new Int32Array(n).fill(-1),
      staffGroups: [],
      grades: [],
      extra: [],
      birth: new Float64Array(n).fill(Number.NaN),
    };
    const def: ViewDefinition = {
      characteristic: 'tag',
      view: 'tag',
      column: 'custom:tag',
      title: 'Tag',
      groups: Array.from({ length: groups }, (_, g) => ({ name: g === 0 ? 'Big' : g === wrapped ? 'Wrapped' : `V${g}`, reference: g === 0, comparable: true })),
      groupOfCode: Array.from({ length: groups }, (_, g) => g),
    };
    const report = buildView(def, viewContext(units, 0, true, new Map([['custom:tag', codes]])));
    const big = report.groups.find((g) => g.group === 'Big')!;
    const lost = report.groups.find((g) => g.group === 'Wrapped')!;
    expect([big.headcount, big.meanHourlyPay]).toEqual([100, 10]);
    expect([lost.headcount, lost.meanHourlyPay]).toEqual([1, 50]);
    expect(report.disclosure).toEqual({ disclosed: n, notDisclosed: 0, ratePercent: 100 });
  }, 60_000);

  it('a characteristic with more than 65,535 values is read exactly, through the whole pipeline', async () => {
    // 100 people at £10 in "Big", then 69,999 others one each; 16-bit codes put people of
    // value 65,536 into "Big".
    const rows = [...Array.from({ length: 100 }, () => ['Female', '10', 'Big']), ...Array.from({ length: 69_999 }, (_, i) => [i % 2 ? 'Male' : 'Female', '20', `V${i}`])];
    const { json } = await reportOfText(csv(['Gender', 'Hourly Rate', 'Religion'], rows), { minGroupSize: 0, ...religion() });
    const big = view(json, 'religion').groups.find((g: { group: string }) => g.group === 'Big')!;
    expect([big.headcount, big.meanHourlyPay]).toEqual([100, 10]);
    expect(view(json, 'religion').groups).toHaveLength(70_000);
  }, 120_000);

  it('refuses a characteristic of more values than the limit, saying how many and what the limit is', async () => {
    const rows = Array.from({ length: MAX_CUSTOM_GROUPS + 1 }, (_, i) => [i % 2 ? 'Male' : 'Female', '20', `V${i}`]);
    await expect(reportOfText(csv(['Gender', 'Hourly Rate', 'Religion'], rows), { minGroupSize: 0, ...religion() })).rejects.toThrow(
      `the characteristic religion (column "Religion") has ${(MAX_CUSTOM_GROUPS + 1).toLocaleString('en-GB')} different values; paygap reports at most ${MAX_CUSTOM_GROUPS.toLocaleString('en-GB')} groups in a characteristic`,
    );
  }, 120_000);
});

describe('a literal answer "Unknown" in a custom characteristic (METHOD §5.5)', () => {
  const rows = [
    ['Male', '20', 'Unknown'],
    ['Male', '22', 'Unknown'],
    ['Female', '18', 'Unknown'],
    ['Female', '16', 'Christian'],
    ['Female', '14', ''],
    ['Male', '30', ''],
    ['Female', '10', 'Prefer not to say'],
  ];
  const text = csv(['Gender', 'Hourly Rate', 'Religion'], rows);
  const summary = (v: any) => v.groups.map((g: any) => [g.group, g.comparable, g.relevantHeadcount]);

  it('is undisclosed by default (it matches "unknown"), but a group of its own, apart from the blank cells', async () => {
    const { json } = await reportOfText(text, { minGroupSize: 0, ...religion() });
    expect(summary(view(json, 'religion'))).toEqual([
      ['Christian', true, 1],
      ['(blank)', false, 2],
      ['Prefer not to say', false, 1],
      ['Unknown', false, 3],
    ]);
    expectReconciled(json);
  });

  it('is a real answer when --undisclosed does not list it: the reference group with its 3 people, never headcount 0', async () => {
    const { json } = await reportOfText(text, { minGroupSize: 0, ...religion(['Prefer not to say']) });
    const v = view(json, 'religion');
    expect(v.referenceGroup).toBe('Unknown');
    expect(summary(v)).toEqual([
      ['Unknown', true, 3],
      ['Christian', true, 1],
      ['(blank)', false, 2],
      ['Prefer not to say', false, 1],
    ]);
    // Unknown mean (20 + 22 + 18) / 3 = 20; Christian 16: (20 − 16) / 20.
    expect(v.groups[1].meanGapPercent).toBeCloseTo(20, 10);
    expect(v.disclosure).toMatchObject({ disclosed: 4, notDisclosed: 3 });
  });

  it('leaves blank cells named "Unknown" when no answer is written so', async () => {
    const { json } = await reportOfText(csv(['Gender', 'Hourly Rate', 'Religion'], [['Male', '20', 'Christian'], ['Female', '18', '']]), { minGroupSize: 0, ...religion() });
    expect(summary(view(json, 'religion'))).toEqual([
      ['Christian', true, 1],
      ['Unknown', false, 1],
    ]);
  });

  it('a characteristic whose every answer is undisclosed has no view (no empty reference) and a warning', async () => {
    const all = csv(['Gender', 'Hourly Rate', 'Religion'], [['Male', '20', ''], ['Female', '18', 'Prefer not to say']]);
    const { json } = await reportOfText(all, { minGroupSize: 0, ...religion() });
    expect(json.characteristics.map((c) => c.characteristic)).toEqual(['sex']);
    expect(json.warnings).toContain(
      'religion: none of the 2 relevant employees has a disclosed answer in column "Religion" (every one is blank or undisclosed), ' +
        'so there is no group to compare with and no religion figures are given; the disclosure rate is 0%',
    );
  });
});

describe('columns that look like a field (METHOD §1.2, rule 5)', () => {
  it('"Contracted Hours per Week" and "Bonus Amount" are listed with the --map that reads them', async () => {
    const { json } = await reportOfFile('fixtures/bad/near-miss-headers.csv', { minGroupSize: 0, by: ['sex'] });
    expect(json.warnings).toEqual([
      'no bonus column (accepted headers: Bonus Pay, Bonus, Bonus Paid): no bonus figure can be worked out, and none is given',
      'column "Contracted Hours per Week" is not read, but looks like contractedHours: if it is, add --map contractedHours="Contracted Hours per Week"',
      'column "Bonus Amount" is not read, but looks like bonusPay: if it is, add --map bonusPay="Bonus Amount"',
      '2 people have more than one assignment and the file has no contracted hours column (accepted headers: Contracted Hours, Normal Hours, Weekly Hours), ' +
        "so their assignments' hourly pay is averaged with equal weights, not by hours",
    ]);
  });

  it('the GOV.UK note says the file has no bonus column, never that no man received a bonus', async () => {
    const { json } = await reportOfFile('fixtures/bad/near-miss-headers.csv', { minGroupSize: 0, by: ['sex'] });
    const s = json.govukSubmission!;
    expect(s).toMatchObject({ meanBonusGapPercent: null, medianBonusGapPercent: null, malesReceivingBonusPercent: null, femalesReceivingBonusPercent: null });
    expect(s.notes.join(' ')).not.toMatch(/no man received/);
    expect(s.notes[0]).toMatch(/^the file has no bonus column, so no bonus figure can be worked out and all four are left blank; the service will refuse/);
  });

  it('with the --map the warnings give, hours weight the assignments and bonuses count', async () => {
    const map = new Map([
      ['contractedHours', 'Contracted Hours per Week'],
      ['bonusPay', 'Bonus Amount'],
    ] as const);
    const { json } = await reportOfFile('fixtures/bad/near-miss-headers.csv', { minGroupSize: 0, by: ['sex'], map });
    expect(json.warnings).toEqual([]);
    const women = json.characteristics[0]!.groups[1]!;
    // Person 1: (20 × 30 + 12 × 7.5) ÷ 37.5 = 18.40 by hours (equal weights gave 16.00).
    // Women: 18.40, 15, 14 → mean 15.80.
    expect(women.meanHourlyPay).toBeCloseTo(15.8, 10);
    expect(women.bonus.recipients).toBe(1);
  });

  it('two columns that could be sex are not resolved silently', async () => {
    const { json } = await reportOfFile('fixtures/bad/sex-and-gender.csv', { minGroupSize: 0, by: ['sex'] });
    expect(json.warnings).toContain(
      'two columns could be sex: "Gender" is read and "Sex" is not ("Gender" comes first in the headers accepted); to read "Sex" instead, add --map sex="Sex"',
    );
  });

  it('a column chosen with --map is not questioned', async () => {
    const { json } = await reportOfFile('fixtures/bad/sex-and-gender.csv', { minGroupSize: 0, by: ['sex'], map: new Map([['sex', 'Sex']]) });
    expect(json.warnings.filter((w) => /could be sex|looks like sex/.test(w))).toEqual([]);
    expect(json.characteristics[0]!.groups.map((g) => g.relevantHeadcount)).toEqual([1, 3]);
  });
});

describe('plausibility of hourly pay, hours and FTE (METHOD §2.7)', () => {
  const pence = 'fixtures/bad/pence-hourly-rate.csv';
  const female = (json: any) => json.characteristics[0].groups[1];

  it('one rate typed in pence (1250 among £11–£57): a warning naming the line and the rule, with no value in the report', async () => {
    const { json } = await reportOfFile(pence, { minGroupSize: 0, by: ['sex'] });
    expect(json.warnings).toEqual([
      'hourly pay above £500.00, which no NHS pay scale reaches (pence typed as pounds, an annual amount as hourly, or hours too small?): 1 row (line 11), ' +
        'left in the figures; check the export, or use --strict to stop on such rows',
    ]);
    // The figure it would otherwise move silently: −158.0% with 1250, 16.3% with 12.50.
    expect(female(json).meanGapPercent).toBeCloseTo(-158.028, 3);
    const fixed = readFileSync(pence, 'utf8').replace(',1250,', ',12.50,');
    const corrected = (await reportOfText(fixed, { minGroupSize: 0, by: ['sex'] })).json;
    expect(female(corrected).meanGapPercent).toBeCloseTo(16.268, 3);
    expect(corrected.warnings).toEqual([]);
  });

  it('makes the row invalid under --strict, which stops the run', async () => {
    await expect(reportOfFile(pence, { minGroupSize: 0, by: ['sex'], strict: true })).rejects.toThrow('--strict: 1 invalid row (listed above); no report written');
  });

  it('period pay with 0.001 contracted hours: both the hours and the £517,411-an-hour pay are flagged', async () => {
    const { json } = await reportOfFile('fixtures/bad/tiny-contracted-hours.csv', { minGroupSize: 0, by: ['sex'], payMethod: 'period-pay' });
    expect(json.warnings).toEqual([
      'hourly pay above £500.00, which no NHS pay scale reaches (pence typed as pounds, an annual amount as hourly, or hours too small?): 1 row (line 8), ' +
        'left in the figures; check the export, or use --strict to stop on such rows',
      'contracted hours above 0 but below 1 a week, which no contract has (FTE typed in the hours column?): 1 row (line 8), ' +
        'left in the figures; check the export, or use --strict to stop on such rows',
    ]);
    expect(female(json).meanGapPercent).toBeCloseTo(99.966, 3);
    await expect(reportOfFile('fixtures/bad/tiny-contracted-hours.csv', { by: ['sex'], payMethod: 'period-pay', strict: true })).rejects.toThrow(/--strict: 1 invalid row/);
  });

  const rates = (extra: (string | number)[][], header = ['Gender', 'Hourly Rate', 'Full Pay']) =>
    csv(header, [...Array.from({ length: 10 }, (_, i) => [i % 2 ? 'Male' : 'Female', '10', 'Y']), ...extra]);

  it.each([
    ['far above the median (£250 against a median of £10.00)', [['Male', '250', 'Y']], 'hourly pay more than 20 times the organisation\'s median of £10.00: 1 row (line 12)'],
    ['below the floor on full pay', [['Male', '3.50', 'Y']], 'hourly pay on full pay below £5.00, under half the National Living Wage (pounds typed as thousands, or hours too large?): 1 row (line 12)'],
  ])('hourly pay %s', async (_, extra, warning) => {
    const { json } = await reportOfText(rates(extra), { minGroupSize: 0 });
    expect(json.warnings.filter((w) => w.startsWith('hourly pay'))).toEqual([`${warning}, left in the figures; check the export, or use --strict to stop on such rows`]);
  });

  it('a low rate on reduced pay, and a pay of 0, are not implausible', async () => {
    const { json } = await reportOfText(rates([['Male', '3.50', 'N'], ['Female', '0', 'Y']]), { minGroupSize: 0 });
    expect(json.warnings.filter((w) => w.startsWith('hourly pay'))).toEqual([]);
  });

  it('contracted hours above 80 a week, and FTE no contract has, with annual salaries', async () => {
    const header = ['Gender', 'Annual Salary', 'Contracted Hours', 'FTE', 'Full Pay'];
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => [i % 2 ? 'Male' : 'Female', '30000', '37.5', '1', 'Y']),
      ['Male', '30000', '90', '2', 'Y'], // 90 hours, FTE 2 (a 45-hour week)
      ['Female', '30000', '0.375', '0.01', 'Y'], // 0.375 hours (too few), FTE 0.01 (too small)
      ['Female', '30000', '67.5', '1.8', 'Y'], // FTE 1.8
    ];
    const { json } = await reportOfText(csv(header, rows), { minGroupSize: 0, payMethod: 'annual-salary' });
    const tail = 'left in the figures; check the export, or use --strict to stop on such rows';
    expect(json.warnings.filter((w) => /^(contracted hours|FTE)/.test(w))).toEqual([
      `contracted hours above 80 a week, which no contract has: 1 row (line 8), ${tail}`,
      `FTE above 1.5, which no single contract has: 2 rows (lines 8, 10), ${tail}`,
      `contracted hours above 0 but below 1 a week, which no contract has (FTE typed in the hours column?): 1 row (line 9), ${tail}`,
      `FTE above 0 but below 0.02, which no contract has (a percentage or hours typed as FTE?): 1 row (line 9), ${tail}`,
    ]);
  });
});
