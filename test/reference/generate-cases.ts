/**
 * Inputs for the reference comparison (test/reference.test.ts):
 * - realistic exports from `paygap sample` (the built binary),
 * - hand-built small CSVs aimed at one edge each,
 * - a seeded generator of messy files (header variants, money formats, ties, several
 *   assignments per person, undisclosed codes, invalid values, conflicts, small groups).
 */
import { csv } from '../helpers/csv.js';
import { sampleChunks } from '../../src/sample/generate.js';
import type { RefOptions } from './reference-impl.js';

export interface Case {
  readonly name: string;
  readonly csv: string;
  /** extra CLI arguments (after the file) */
  readonly args: readonly string[];
  /** the same options for the reference */
  readonly ref: RefOptions;
}

/** Exports already made, by rows and seed (a test file may ask for one several times). */
const made = new Map<string, string>();

/**
 * A synthetic ESR export from `paygap sample`'s generator, run in this process: the same bytes
 * the command writes (test/cli/trend-benchmark-cli.test.ts runs the command), without starting a
 * Node process for each.
 */
export function sampleCsv(rows: number, seed: number): string {
  const key = `${rows} ${seed}`;
  const text = made.get(key) ?? Buffer.concat([...sampleChunks({ rows, seed })]).toString('utf8');
  made.set(key, text);
  return text;
}

/** The option sets every sample file is run under. */
export const OPTION_SETS: ReadonlyArray<{ name: string; args: readonly string[]; ref: RefOptions }> = [
  { name: 'default', args: [], ref: {} },
  { name: '--unit assignment', args: ['--unit', 'assignment'], ref: { unit: 'assignment' } },
  { name: '--pay-method period-pay', args: ['--pay-method', 'period-pay'], ref: { payMethod: 'period-pay' } },
  { name: '--pay-method annual-salary', args: ['--pay-method', 'annual-salary'], ref: { payMethod: 'annual-salary' } },
  { name: '--min-group-size 0', args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } },
  { name: '--min-group-size 25', args: ['--min-group-size', '25'], ref: { minGroupSize: 25 } },
];

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

function shuffle<T>(r: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** "£1,234.50", "1234.50", "1,234.5", "1234" … all the same amount. */
function moneyText(r: () => number, amount: number): string {
  const style = Math.floor(r() * 4);
  const fixed = amount.toFixed(2);
  const withCommas = (s: string) => {
    const [int, dec] = s.split('.');
    return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dec === undefined ? '' : `.${dec}`);
  };
  if (style === 0) return fixed;
  if (style === 1) return `£${withCommas(fixed)}`;
  if (style === 2) return withCommas(fixed);
  return Number.isInteger(amount) ? String(amount) : String(amount);
}

// ---------------------------------------------------------------------------
// Hand-built cases
// ---------------------------------------------------------------------------

const ETH = {
  A: 'A White - British',
  B: 'B White - Irish',
  C: 'C White - Any other White background',
  D: 'D Mixed - White and Black Caribbean',
  H: 'H Asian or Asian British - Indian',
  J: 'J Asian or Asian British - Pakistani',
  M: 'M Black or Black British - Caribbean',
  N: 'N Black or Black British - African',
  R: 'R Chinese',
  S: 'S Any Other Ethnic Group',
  Z: 'Z Not Stated',
};

export function handCases(): Case[] {
  const cases: Case[] = [];

  // 1. Header variants, money with £ and commas, two assignments per person, bonus formats.
  {
    const header = ['EMPLOYEE_NO', 'SEX', 'ethnic category', 'Disability Flag', 'Hourly-Pay', 'Weekly Hours', 'BONUS PAID', 'full_pay'];
    const rows: (string | number)[][] = [];
    const rates = ['£15.33', '18.66', '£20.15', '12.31', '£1,234.5600', '14.89'];
    const eths = [ETH.A, 'A', ETH.N, 'N', ETH.H, ETH.Z, '99', '', ETH.C, 'C3 White - Any other white background'];
    const dis = ['No', 'N', 'Yes', 'y', 'Not Declared', 'Prefer not to say', 'Unspecified', ''];
    for (let p = 0; p < 40; p++) {
      const sex = p % 3 === 0 ? 'M' : p % 3 === 1 ? 'Female' : p % 7 === 0 ? '' : 'female';
      const emp = `E${1000 + p}`;
      const e = eths[p % eths.length]!;
      const d = dis[p % dis.length]!;
      const bonus = p % 5 === 0 ? `£${(1000 + p * 37).toLocaleString('en-GB')}.00` : p % 5 === 1 ? '' : p % 5 === 2 ? '0' : p % 5 === 3 ? '1,250' : '300.5';
      rows.push([emp, sex, e, d, rates[p % rates.length]!, p % 4 === 0 ? '22.5' : '37.5', bonus, 'Y']);
      if (p % 4 === 0) rows.push([emp, sex, e, d, rates[(p + 2) % rates.length]!, '7.5', p % 8 === 0 ? '£50.00' : '', p % 16 === 0 ? 'N' : 'yes']);
    }
    cases.push({ name: 'header variants, £ and commas, two assignments', csv: csv(header, rows), args: [], ref: {} });
    cases.push({ name: 'header variants (k=3)', csv: csv(header, rows), args: ['--min-group-size', '3'], ref: { minGroupSize: 3 } });
    cases.push({ name: 'header variants (assignment unit, k=0)', csv: csv(header, rows), args: ['--unit', 'assignment', '--min-group-size', '0'], ref: { unit: 'assignment', minGroupSize: 0 } });
  }

  // 2. GOV.UK worked example: 40 people on one rate (36 women, 4 men), 10 seats in the lower
  //    quarter and 30 in the lower middle -> lower 9 W + 1 M, lower middle 27 W + 3 M.
  cases.push({ name: 'GOV.UK tie example', csv: govukTieCsv(), args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });

  // 3. Exact fractional-part ties: 6 people tied across the lower/lower-middle boundary (2 seats
  //    below, 4 above): 4 White British, 1 Black African, 1 Not stated. Each share of the 2 lower
  //    seats is x/3 exactly (4*2/6 = 1 + 1/3, 1*2/6 = 1/3), so the leftover seat goes to the
  //    larger remaining count (White British), not to whichever float 1/3 happens to be bigger.
  {
    const header = ['Ethnic Origin', 'Gender', 'Hourly Rate'];
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 4; i++) rows.push([i % 2 ? ETH.N : ETH.A, i % 2 ? 'Male' : 'Female', (10 + i / 10).toFixed(2)]);
    const tied = [ETH.A, ETH.Z, ETH.A, ETH.N, ETH.A, ETH.A];
    tied.forEach((e, i) => rows.push([e, i % 2 ? 'Male' : 'Female', '12.00']));
    for (let i = 0; i < 14; i++) rows.push([[ETH.A, ETH.N, ETH.H, ETH.Z][i % 4]!, i % 3 ? 'Female' : 'Male', (13 + i / 10).toFixed(2)]);
    const text = csv(header, rows);
    cases.push({ name: 'exact fraction ties (k=0)', csv: text, args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
    cases.push({ name: 'exact fraction ties, reversed rows (k=0)', csv: csv(header, [...rows].reverse()), args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
  }

  // 4. Leftover seat tie broken by name: 4 people on one rate, one per group.
  {
    const header = ['Gender', 'Ethnicity', 'Disabled', 'Basic Hourly Rate'];
    const rows = [
      ['M', ETH.M, 'Yes', '15.00'],
      ['F', ETH.D, 'No', '15.00'],
      ['M', ETH.H, 'Not Declared', '15.00'],
      ['F', ETH.A, '', '15.00'],
      ['F', ETH.S, 'Unspecified', '15.00'],
      ['M', ETH.R, 'Prefer not to say', '15.00'],
      ['F', ETH.J, 'no', '15.00'],
    ];
    cases.push({ name: 'ties broken by group name (k=0)', csv: csv(header, rows), args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
    cases.push({ name: 'ties broken by group name, 4 rows (k=0)', csv: csv(header, rows.slice(0, 4)), args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
  }

  // 5. Suppression boundaries: 10 men, 9 women (one more woman on reduced pay: relevant 10,
  //    full-pay 9); bonus recipients 10 men, 9 women; ethnicity 10 A, 9 N, 1 B.
  {
    const header = ['Employee Number', 'Gender', 'Ethnic Origin', 'Disability', 'Hourly Rate', 'Bonus Pay', 'Full Pay'];
    const rows: (string | number)[][] = [];
    let n = 0;
    for (let i = 0; i < 10; i++) rows.push([`P${n++}`, 'Male', ETH.A, 'No', (20 + i).toFixed(2), (500 + i * 10).toFixed(2), 'Y']);
    for (let i = 0; i < 9; i++) rows.push([`P${n++}`, 'Female', ETH.N, i < 4 ? 'Yes' : 'No', (18 + i).toFixed(2), (400 + i * 20).toFixed(2), 'Y']);
    rows.push([`P${n++}`, 'Female', ETH.B, 'Yes', '19.00', '', 'N']);
    rows.push([`P${n++}`, '', '', '', '17.00', '', 'Y']);
    const text = csv(header, rows);
    for (const k of [0, 9, 10, 11]) cases.push({ name: `suppression boundaries (k=${k})`, csv: text, args: ['--min-group-size', String(k)], ref: { minGroupSize: k } });
  }

  // 6. Reduced pay, zero pay, flag spellings, undisclosed and label-only codes.
  {
    const header = ['Staff Number', 'Legal Sex', 'Ethnicity', 'Disability', 'Hourly Rate', 'Contracted Hours', 'Bonus', 'Full Pay'];
    const rows: (string | number)[][] = [];
    const eths = [ETH.A, 'Z', 'Not stated', 'Prefer not to say', '99 Not Known', '', 'Martian', 'White - Irish', 'Black or Black British - African', 'C3 White - Any other white background', 'A-White British', ETH.R, ETH.S, 'LH Any other Asian'];
    const flagsY = ['Y', 'yes', 'TRUE', '1', '', 'y'];
    const flagsN = ['N', 'no', 'False', '0', 'n'];
    for (let p = 0; p < 60; p++) {
      const emp = `S${p}`;
      const sex = p % 2 ? 'Male' : 'Female';
      const e = eths[p % eths.length]!;
      const d = ['No', 'Yes', 'Not Declared', 'Unspecified', ''][p % 5]!;
      const rate = p % 11 === 0 ? '0' : (12 + (p % 6) * 1.5).toFixed(2);
      const bonus = p % 3 === 0 ? (100 * (p % 7)).toFixed(2) : '';
      const fp = p % 9 === 0 ? flagsN[p % flagsN.length]! : flagsY[p % flagsY.length]!;
      rows.push([emp, sex, e, d, rate, '37.5', bonus, fp]);
      if (p % 6 === 0) rows.push([emp, sex === 'Male' ? 'm' : ' female ', e, d.toUpperCase(), '30.00', p % 12 === 0 ? '' : '15', '', p % 4 === 0 ? 'N' : 'Y']);
    }
    cases.push({ name: 'reduced pay, zero pay, undisclosed codes', csv: csv(header, rows), args: ['--min-group-size', '2'], ref: { minGroupSize: 2 } });
    cases.push({ name: 'reduced pay, zero pay, undisclosed codes (assignment)', csv: csv(header, rows), args: ['--unit', 'assignment', '--min-group-size', '0'], ref: { unit: 'assignment', minGroupSize: 0 } });
  }

  // 7. Invalid values, conflicting people, equivalent spellings, BOM, LF and a blank line.
  {
    const header = ['Person Number', 'Gender', 'Ethnic Origin', 'Disability', 'Hourly Rate', 'Contracted Hours', 'Bonus Pay', 'Full Pay'];
    const good = (id: string, sex: string, e: string, d: string, rate: string, bonus = '', fp = 'Y') => [id, sex, e, d, rate, '37.5', bonus, fp];
    const rows: string[][] = [];
    for (let i = 0; i < 24; i++) rows.push(good(`G${i}`, i % 2 ? 'Male' : 'Female', [ETH.A, ETH.N, ETH.H][i % 3]!, ['No', 'Yes'][i % 2]!, (11 + i * 0.75).toFixed(2), i % 4 ? '' : '250'));
    // invalid money
    for (const [i, bad] of ['-5', 'abc', '1e3', 'NaN', 'Infinity', '12,34', '£1,23.00', '£', '1,2345'].entries()) rows.push(good(`I${i}`, 'Male', ETH.A, 'No', bad));
    rows.push(good('IB1', 'Female', ETH.A, 'No', '14.00', 'n/a'));
    rows.push(good('IB2', 'Female', ETH.A, 'No', '14.00', '-10'));
    rows.push(good('IF1', 'Female', ETH.A, 'No', '14.00', '', 'maybe'));
    // conflicts: the whole person is invalid
    rows.push(good('C1', 'Male', ETH.A, 'No', '15.00'), good('C1', 'Female', ETH.A, 'No', '16.00'));
    rows.push(good('C2', 'Male', ETH.A, 'No', '15.00'), good('C2', 'Male', ETH.N, 'No', '16.00'), good('C2', 'Male', ETH.A, 'No', '17.00'));
    rows.push(good('C3', 'Female', ETH.A, 'Yes', '15.00'), good('C3', 'Female', ETH.A, 'No', '16.00'));
    // equivalent spellings: not a conflict
    rows.push(good('Q1', 'Male', ETH.A, 'Yes', '15.00', '100'), good('Q1', ' m', 'A', 'y', '19.00', '£1,000.00'));
    rows.push(good('Q2', 'Female', '', 'Unspecified', '13.00'), good('Q2', 'F', '99', '', '14.00', '', 'N'));
    rows.push(good('Q3', 'female', 'C3 White - Any other white background', 'No', '13.00'), good('Q3', 'Female', ETH.C, 'no', '17.00'));
    const lines = csv(header, rows).split('\n');
    lines.splice(10, 0, ''); // a wholly blank line: not a row
    const text = '\uFEFF' + lines.join('\n');
    cases.push({ name: 'invalid values and conflicts (k=0)', csv: text, args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
    cases.push({ name: 'invalid values and conflicts (assignment, k=5)', csv: text, args: ['--unit', 'assignment', '--min-group-size', '5'], ref: { unit: 'assignment', minGroupSize: 5 } });
  }

  // 8. Period pay and annual salary headers; first alias wins when two columns match one field.
  {
    const header = ['Employee No', 'Sex', 'Ethnic Origin', 'Disability', 'Period Pay', 'Normal Hours', 'WTE', 'Salary', 'Annual Salary Value', 'Bonus Pay', 'Full Pay'];
    const rows: (string | number)[][] = [];
    const salaries = [23615, 24071, 26530, 29114, 29970, 36483, 39405, 48526];
    const hours = ['37.5', '22.5', '30', '18.75', '7.5'];
    for (let p = 0; p < 80; p++) {
      const s = salaries[p % salaries.length]!;
      const h = hours[p % hours.length]!;
      const fte = (Number(h) / 37.5).toFixed(2);
      const period = ((s * Number(fte)) / 12).toFixed(2);
      rows.push([`N${p}`, p % 3 ? 'Female' : 'Male', [ETH.A, ETH.N, ETH.M, ETH.Z][p % 4]!, ['No', 'Yes', ''][p % 3]!, `£${Number(period).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`, h, p % 10 === 0 ? '' : fte, '1', `£${s.toLocaleString('en-GB')}.00`, p % 13 === 0 ? '2,000' : '', p % 17 === 0 ? 'N' : 'Y']);
      if (p % 5 === 0) rows.push([`N${p}`, p % 3 ? 'Female' : 'Male', [ETH.A, ETH.N, ETH.M, ETH.Z][p % 4]!, ['No', 'Yes', ''][p % 3]!, '812.40', '7.5', '0.2', '2', '30,000', '', 'Y']);
    }
    const text = csv(header, rows);
    cases.push({ name: 'period pay (auto) with Normal Hours', csv: text, args: ['--min-group-size', '3'], ref: { minGroupSize: 3 } });
    cases.push({ name: 'annual salary: "Annual Salary Value" beats "Salary"', csv: text, args: ['--pay-method', 'annual-salary', '--min-group-size', '3'], ref: { payMethod: 'annual-salary', minGroupSize: 3 } });
    cases.push({ name: 'annual salary per assignment', csv: text, args: ['--pay-method', 'annual-salary', '--unit', 'assignment'], ref: { payMethod: 'annual-salary', unit: 'assignment' } });
    // Without Period Pay/Normal Hours, auto falls to annual salary; blank hours -> 37.5.
    const header2 = ['Sex', 'Ethnicity', 'Annual Salary', 'FTE', 'Contracted Hours'];
    const rows2 = rows.map((r, i) => [r[1]!, r[2]!, r[8]!, i % 7 === 0 ? '' : r[6]!, i % 9 === 0 ? '' : r[5]!]);
    cases.push({ name: 'annual salary (auto, no employee numbers)', csv: csv(header2, rows2), args: ['--min-group-size', '4'], ref: { minGroupSize: 4 } });
  }

  // 9. Tiny quartile populations (empty bands) and one tie spanning three bands.
  {
    const header = ['"Gender"', 'Ethnic Origin', 'Disability', 'Hourly Rate', 'Bonus Pay'];
    const tiny = (n: number) => {
      const rows: string[][] = [];
      for (let i = 0; i < n; i++) rows.push([i % 2 ? 'Male' : 'Female', i % 2 ? ETH.A : ETH.N, 'No', (12 + i).toFixed(2), i === 0 ? '100' : '']);
      rows.push(['', ETH.Z, '', '11.00', '']); // not in the sex quartile population
      rows.push(['', '', 'Yes', '0', '']); // relevant only (zero pay)
      // the header cell "Gender" is written quoted on purpose
      return header.join(',') + '\r\n' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
    };
    for (const n of [1, 2, 3]) cases.push({ name: `tiny population: ${n} with recorded sex (k=0)`, csv: tiny(n), args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
    const rows: string[][] = [];
    const groups = [ETH.A, ETH.N, ETH.H, ETH.Z, '99', ETH.C, ETH.B];
    for (let i = 0; i < 101; i++) {
      const tied = i >= 20 && i < 83;
      rows.push([i % 3 ? 'Female' : 'Male', groups[(i * 5) % groups.length]!, ['No', 'Yes', 'Not Declared', ''][i % 4]!, tied ? '16.50' : (i < 20 ? 10 + i / 10 : 20 + i / 10).toFixed(2), i % 6 ? '' : String(100 + i)]);
    }
    const text = header.join(',') + '\n' + rows.map((r) => r.join(',')).join('\n') + '\n';
    cases.push({ name: 'tie across three bands (k=0)', csv: text, args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
    cases.push({ name: 'tie across three bands (k=10)', csv: text, args: [], ref: {} });
  }

  // 10. Pay periods other than monthly, and --salary-basis actual.
  {
    const header = ['Employee Number', 'Gender', 'Ethnic Origin', 'Ordinary Pay', 'Annual Salary', 'Contracted Hours', 'FTE', 'Full Pay'];
    const rows: string[][] = [];
    for (let p = 0; p < 50; p++) {
      const hours = ['37.5', '22.5', '30', '18.75'][p % 4]!;
      const salary = [23615, 29970, 36483, 48526, 24071][p % 5]!;
      const actual = (salary * Number(hours)) / 37.5;
      rows.push([`W${p}`, p % 3 ? 'Female' : 'Male', [ETH.A, ETH.N, ETH.H][p % 3]!, ((salary / 52) * (Number(hours) / 37.5)).toFixed(2), actual.toFixed(2), hours, (Number(hours) / 37.5).toFixed(2), p % 11 ? 'Y' : 'N']);
      if (p % 7 === 0) rows.push([`W${p}`, p % 3 ? 'Female' : 'Male', [ETH.A, ETH.N, ETH.H][p % 3]!, '250.00', '9000', '7.5', '0.2', 'Y']);
    }
    const text = csv(header, rows);
    for (const period of ['weekly', 'fortnightly', 'four-weekly'] as const) {
      cases.push({ name: `--pay-period ${period}`, csv: text, args: ['--pay-period', period, '--min-group-size', '3'], ref: { payPeriod: period, minGroupSize: 3 } });
    }
    cases.push({ name: '--salary-basis actual', csv: text, args: ['--pay-method', 'annual-salary', '--salary-basis', 'actual', '--min-group-size', '3'], ref: { payMethod: 'annual-salary', salaryBasis: 'actual', minGroupSize: 3 } });
    cases.push({ name: '--salary-basis fte', csv: text, args: ['--pay-method', 'annual-salary', '--min-group-size', '3'], ref: { payMethod: 'annual-salary', minGroupSize: 3 } });
  }

  // 11. Literal consequences of the decisions: a blank rate is invalid; Male on one row and a
  //     blank sex on another is a disagreement (decision 4); a lower-case code is not a code
  //     token and not a label, so "a White - British" is Unknown; a code with a letter outside
  //     the list ("X Something") is Unknown.
  {
    const header = ['Employee Number', 'Gender', 'Ethnic Origin', 'Hourly Rate'];
    const rows = [
      ['1', 'Male', 'A', '10'],
      ['1', '', 'A', '12'],
      ['2', 'Female', 'A', '11'],
      ['3', 'Female', 'a White - British', '13'],
      ['4', 'Male', 'A', ''],
      ['6', 'Female', 'X Something', '15'],
      ['7', 'Male', 'N', '16'],
    ];
    cases.push({ name: 'literal readings of the decisions (k=0)', csv: csv(header, rows), args: ['--min-group-size', '0'], ref: { minGroupSize: 0 } });
  }

  return cases;
}

/** 160 people: 30 low, 40 tied at £12.00 (36 F, 4 M, interleaved), 90 high. */
export function govukTieCsv(): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 30; i++) rows.push([i % 2 ? 'Male' : 'Female', (10 + i / 100).toFixed(2)]);
  for (let i = 0; i < 40; i++) rows.push([i % 10 === 3 ? 'Male' : 'Female', '12.00']);
  for (let i = 0; i < 90; i++) rows.push([i % 2 ? 'Male' : 'Female', (13 + i / 100).toFixed(2)]);
  return csv(['Gender', 'Hourly Rate'], shuffle(rng(42), rows));
}

// ---------------------------------------------------------------------------
// Seeded messy files
// ---------------------------------------------------------------------------

const SEX_SPELLINGS: Record<string, readonly string[]> = {
  Male: ['Male', 'M', 'male', ' m ', 'MALE'],
  Female: ['Female', 'F', 'female', 'f', 'FEMALE'],
  'Not recorded': ['', 'Unknown', 'X', 'Other'],
};
const ETHNICITY_SPELLINGS: Record<string, readonly string[]> = {
  A: ['A White - British', 'A', 'White - British', 'A-White British'],
  B: ['B White - Irish', 'B'],
  C: ['C White - Any other White background', 'C3 White - Any other white background', 'CA'],
  D: ['D Mixed - White & Black Caribbean', 'D'],
  E: ['E Mixed - White & Black African'],
  F: ['F Mixed - White and Asian'],
  G: ['G Mixed - Any other mixed background', 'GF'],
  H: ['H Asian or Asian British - Indian', 'H'],
  J: ['J Asian or Asian British - Pakistani'],
  K: ['K Asian or Asian British - Bangladeshi'],
  L: ['L Asian or Asian British - Any other Asian background', 'LH'],
  M: ['M Black or Black British - Caribbean'],
  N: ['N Black or Black British - African', 'Black or Black British - African'],
  P: ['P Black or Black British - Any other Black background'],
  R: ['R Chinese', 'R'],
  S: ['S Any Other Ethnic Group', 'SC'],
  'Not stated': ['Z Not Stated', 'Z', 'Not stated'],
  Unknown: ['', '99', '99 Not Known', 'Martian'],
};
const ETHNICITY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['A', 50], ['B', 2], ['C', 6], ['D', 1], ['E', 1], ['F', 1], ['G', 1], ['H', 6], ['J', 2], ['K', 1], ['L', 3],
  ['M', 2], ['N', 8], ['P', 1], ['R', 1], ['S', 3], ['Not stated', 5], ['Unknown', 4],
];
const DISABILITY_SPELLINGS: Record<string, readonly string[]> = {
  Disabled: ['Yes', 'Y', 'y', 'YES'],
  'Non-disabled': ['No', 'N', 'no'],
  'Not declared': ['Not Declared', 'Prefer not to say', 'not declared'],
  Unknown: ['', 'Unspecified', 'Maybe'],
};
const FLAG_Y = ['Y', 'y', 'Yes', 'TRUE', '1', ''];
const FLAG_N = ['N', 'no', 'False', '0'];
const BAD_MONEY = ['-5', 'abc', '1e3', 'NaN', 'Infinity', '12,34', '£', '1,2345.00', '$12.00'];

function weighted(r: () => number, items: ReadonlyArray<readonly [string, number]>): string {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

function headerVariant(r: () => number, aliases: readonly string[]): string {
  const alias = pick(r, aliases);
  const sep = pick(r, [' ', '_', '-', '', '.']);
  const cased = pick(r, [(s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase()])(alias);
  return cased.split(' ').join(sep);
}

export type GeneratedMethod = 'hourly-rate' | 'period-pay' | 'annual-salary';

/** A messy but well-defined file: invalid values only on single-assignment people. */
export function messyCsv(seed: number, method: GeneratedMethod): { csv: string; hasEmployee: boolean } {
  const r = rng(seed);
  const hasEmployee = r() < 0.8;
  const hasSex = r() < 0.95;
  const hasEthnicity = !hasSex || r() < 0.9;
  const hasDisability = r() < 0.85;
  const hasBonus = r() < 0.8;
  const hasFullPay = r() < 0.8;
  const hasHours = method === 'period-pay' || r() < 0.8;
  const hasFte = method === 'annual-salary' && r() < 0.8;

  type Col = { header: string; value: (row: RowSpec) => string };
  interface RowSpec {
    emp: string;
    sex: string;
    eth: string;
    dis: string;
    pay: string;
    hours: string;
    fte: string;
    bonus: string;
    fullPay: string;
  }
  const cols: Col[] = [];
  if (hasEmployee) cols.push({ header: headerVariant(r, ['Employee Number', 'Employee No', 'Staff Number', 'Person Number']), value: (x) => x.emp });
  cols.push({ header: 'Grade', value: () => 'Band 5' });
  if (hasSex) cols.push({ header: headerVariant(r, ['Gender', 'Sex', 'Legal Sex']), value: (x) => x.sex });
  if (hasEthnicity) cols.push({ header: headerVariant(r, ['Ethnic Origin', 'Ethnicity', 'Ethnic Category']), value: (x) => x.eth });
  if (hasDisability) cols.push({ header: headerVariant(r, ['Disability', 'Disability Flag', 'Disabled']), value: (x) => x.dis });
  const payAliases = method === 'hourly-rate' ? ['Hourly Rate', 'Hourly Pay', 'Basic Hourly Rate'] : method === 'period-pay' ? ['Ordinary Pay', 'Period Pay'] : ['Annual Salary', 'Annual Salary Value', 'Salary'];
  cols.push({ header: headerVariant(r, payAliases), value: (x) => x.pay });
  if (hasHours) cols.push({ header: headerVariant(r, ['Contracted Hours', 'Normal Hours', 'Weekly Hours']), value: (x) => x.hours });
  if (hasFte) cols.push({ header: headerVariant(r, ['FTE', 'WTE', 'Contracted WTE']), value: (x) => x.fte });
  if (hasBonus) cols.push({ header: headerVariant(r, ['Bonus Pay', 'Bonus', 'Bonus Paid']), value: (x) => x.bonus });
  if (hasFullPay) cols.push({ header: 'Full Pay', value: (x) => x.fullPay });
  shuffle(r, cols);

  const rates = [0, 9.5, 11.2, 12.08, 12.31, 13.57, 14.89, 15.33, 15.33, 18.66, 20.15, 25.5, 31, 47.85];
  const periodPays = [0, 812.4, 1002.96, 1248.75, 1967.92, 2005.92, 2426.17, 2497.5, 3040.25, 3283.75, 4500];
  const salaries = [23615, 24071, 26530, 29114, 29970, 36483, 39405, 48526, 52809, 95000];
  const hoursSet = ['37.5', '22.5', '30', '18.75', '7.5', '15'];

  const people = 20 + Math.floor(r() * 380);
  const rows: RowSpec[] = [];
  for (let p = 0; p < people; p++) {
    const emp = `${100000 + p}`;
    const sexCat = weighted(r, [['Female', 70], ['Male', 26], ['Not recorded', 4]]);
    const ethCat = weighted(r, ETHNICITY_WEIGHTS);
    const disCat = weighted(r, [['Non-disabled', 70], ['Disabled', 8], ['Not declared', 10], ['Unknown', 12]]);
    const assignments = !hasEmployee ? 1 : r() < 0.75 ? 1 : r() < 0.8 ? 2 : 3;
    const conflict = assignments > 1 && r() < 0.05;
    const invalid = assignments === 1 && r() < 0.04;
    for (let a = 0; a < assignments; a++) {
      let hours = pick(r, hoursSet);
      if (method === 'hourly-rate' && r() < 0.1) hours = '';
      if (method === 'annual-salary' && r() < 0.1) hours = '';
      let pay: string;
      if (method === 'hourly-rate') pay = moneyText(r, pick(r, rates));
      else if (method === 'period-pay') pay = moneyText(r, pick(r, periodPays));
      else pay = moneyText(r, pick(r, salaries));
      const fte = hours === '' || r() < 0.1 ? '' : (Number(hours) / 37.5).toFixed(2);
      const bonus = r() < 0.8 ? pick(r, ['', '0', '0.00']) : moneyText(r, pick(r, [50, 120.5, 500, 1000, 1250, 2000, 5000, 15000, 36000.75]));
      const fullPay = r() < 0.92 ? pick(r, FLAG_Y) : pick(r, FLAG_N);
      const row: RowSpec = {
        emp,
        sex: pick(r, SEX_SPELLINGS[sexCat]!),
        eth: pick(r, ETHNICITY_SPELLINGS[ethCat]!),
        dis: pick(r, DISABILITY_SPELLINGS[disCat]!),
        pay,
        hours,
        fte,
        bonus,
        fullPay,
      };
      if (conflict && a === assignments - 1) {
        const what = pick(r, ['sex', 'eth', 'dis'] as const);
        if (what === 'sex' && hasSex && sexCat !== 'Not recorded') row.sex = sexCat === 'Male' ? 'Female' : 'Male';
        else if (what === 'eth' && hasEthnicity) row.eth = ethCat === 'A' ? ETHNICITY_SPELLINGS.N![0]! : ETHNICITY_SPELLINGS.A![0]!;
        else if (hasDisability) row.dis = disCat === 'Disabled' ? 'No' : 'Yes';
      }
      if (invalid) {
        const where = pick(r, ['pay', 'bonus', 'fullPay'] as const);
        if (where === 'bonus' && hasBonus) row.bonus = pick(r, BAD_MONEY);
        else if (where === 'fullPay' && hasFullPay) row.fullPay = pick(r, ['maybe', 'X', 'part']);
        else row.pay = pick(r, BAD_MONEY);
      }
      rows.push(row);
    }
  }
  shuffle(r, rows);

  const eol = r() < 0.5 ? '\r\n' : '\n';
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [cols.map((c) => cell(c.header)).join(','), ...rows.map((row) => cols.map((c) => cell(c.value(row))).join(','))];
  if (r() < 0.3) lines.splice(1 + Math.floor(r() * rows.length), 0, '');
  const bom = r() < 0.3 ? '\uFEFF' : '';
  return { csv: bom + lines.join(eol) + eol, hasEmployee };
}

/** Messy cases: several seeds for each pay method, under a few option sets. */
export function messyCases(): Case[] {
  const cases: Case[] = [];
  const methods: GeneratedMethod[] = ['hourly-rate', 'period-pay', 'annual-salary'];
  for (let seed = 1; seed <= 30; seed++) {
    const method = methods[seed % 3]!;
    const { csv: text, hasEmployee } = messyCsv(seed, method);
    const k = [0, 3, 5, 10][seed % 4]!;
    cases.push({ name: `messy seed ${seed} (${method}, k=${k})`, csv: text, args: ['--min-group-size', String(k)], ref: { minGroupSize: k } });
    if (hasEmployee) {
      cases.push({ name: `messy seed ${seed} (${method}, assignment, k=${k})`, csv: text, args: ['--unit', 'assignment', '--min-group-size', String(k)], ref: { unit: 'assignment', minGroupSize: k } });
    }
  }
  return cases;
}
