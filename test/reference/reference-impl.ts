/**
 * Independent reference implementation of the paygap calculation (written from the original specification, now docs/METHOD.md §1–§7, plus the
 * lead engineer's clarifying decisions). Written without looking at src/: it exists to be
 * compared against the real CLI. It favours the plainest possible code over speed:
 * one object per row, one object per unit, a sort per group, straightforward loops.
 */

export type PayMethod = 'hourly-rate' | 'period-pay' | 'annual-salary';
export type Unit = 'person' | 'assignment';
export type Band = 'lower' | 'lowerMiddle' | 'upperMiddle' | 'upper';
export const BANDS: readonly Band[] = ['lower', 'lowerMiddle', 'upperMiddle', 'upper'];

export interface RefOptions {
  readonly payMethod?: PayMethod | 'auto';
  readonly unit?: Unit;
  /** --min-group-size; default 10, 0 disables suppression. */
  readonly minGroupSize?: number;
  /** --pay-period for period-pay: days in the period (METHOD §2.3). Default monthly. */
  readonly payPeriod?: 'monthly' | 'weekly' | 'fortnightly' | 'four-weekly';
  /** --salary-basis for annual-salary: fte (default) or actual (divide by contracted hours). */
  readonly salaryBasis?: 'fte' | 'actual';
}

const DAYS_IN_PERIOD = { monthly: 30.44, weekly: 7, fortnightly: 14, 'four-weekly': 28 } as const;

export interface RefCell {
  count: number | null;
  percent: number | null;
}

export interface RefGroup {
  group: string;
  reference: boolean;
  comparable: boolean;
  headcount: number;
  relevantHeadcount: number;
  meanHourlyPay: number | null;
  medianHourlyPay: number | null;
  meanGapPercent: number | null;
  medianGapPercent: number | null;
  bonus: {
    recipients: number | null;
    receivingPercent: number | null;
    mean: number | null;
    median: number | null;
    meanGapPercent: number | null;
    medianGapPercent: number | null;
  };
  quartiles: Record<Band, RefCell>;
}

export interface RefCharacteristic {
  characteristic: string;
  view: string;
  referenceGroup: string;
  quartileSizes: Record<Band, number>;
  disclosure: { disclosed: number; notDisclosed: number; ratePercent: number | null };
  groups: RefGroup[];
}

export interface RefReport {
  payMethod: PayMethod;
  unit: Unit;
  population: {
    rowsRead: number;
    rowsValid: number;
    rowsInvalid: number;
    relevantEmployees: number;
    fullPayEmployees: number;
  };
  characteristics: RefCharacteristic[];
}

// ---------------------------------------------------------------------------
// CSV parsing (own parser: quotes, doubled quotes, CRLF/LF, BOM)
// ---------------------------------------------------------------------------

/** Parse CSV text into records. Wholly blank lines are skipped. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let sawQuote = false; // the current line had a quoted field (so it is not "wholly blank")

  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    const blank = record.length === 1 && record[0] === '' && !sawQuote;
    if (!blank) records.push(record);
    record = [];
    sawQuote = false;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      sawQuote = true;
      i += 1;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r') {
      endRecord();
      i += text[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '\n') {
      endRecord();
      i += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  // last line without a trailing newline
  if (field !== '' || record.length > 0 || sawQuote) endRecord();
  return records;
}

// ---------------------------------------------------------------------------
// Columns (METHOD §1.1–§1.2; decision 1)
// ---------------------------------------------------------------------------

type Field =
  | 'employeeNumber'
  | 'assignmentNumber'
  | 'primaryAssignment'
  | 'sex'
  | 'ethnicity'
  | 'disability'
  | 'hourlyRate'
  | 'periodPay'
  | 'annualSalary'
  | 'contractedHours'
  | 'fte'
  | 'bonusPay'
  | 'fullPay';

const ALIASES: Record<Field, readonly string[]> = {
  employeeNumber: ['Employee Number', 'Employee No', 'Staff Number', 'Person Number'],
  assignmentNumber: ['Assignment Number'],
  primaryAssignment: ['Primary', 'Primary Assignment', 'Primary Flag'],
  sex: ['Gender', 'Sex', 'Legal Sex'],
  ethnicity: ['Ethnic Origin', 'Ethnicity', 'Ethnic Category'],
  disability: ['Disability', 'Disability Flag', 'Disabled'],
  hourlyRate: ['Hourly Rate', 'Hourly Pay', 'Basic Hourly Rate'],
  periodPay: ['Ordinary Pay', 'Period Pay'],
  annualSalary: ['Annual Salary', 'Annual Salary Value', 'Salary'],
  contractedHours: ['Contracted Hours', 'Normal Hours', 'Weekly Hours'],
  fte: ['FTE', 'WTE', 'Contracted WTE'],
  bonusPay: ['Bonus Pay', 'Bonus', 'Bonus Paid'],
  fullPay: ['Full Pay'],
};

export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function resolveColumns(header: readonly string[]): Partial<Record<Field, number>> {
  const normalised = header.map(normaliseHeader);
  const result: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    for (const alias of ALIASES[field]) {
      const index = normalised.indexOf(normaliseHeader(alias));
      if (index >= 0) {
        result[field] = index;
        break;
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Value readers (decisions 5–8)
// ---------------------------------------------------------------------------

/** Money: optional £, thousands commas in groups of three, digits, optional decimals. */
export function readMoney(raw: string): number | null {
  const text = raw.trim();
  if (!/^£?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return null;
  return Number(text.replace('£', '').replaceAll(',', ''));
}

/** Plain non-negative decimal (hours, FTE). */
function readPlainNumber(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

function readFlag(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (['y', 'yes', 'true', '1'].includes(text)) return true;
  if (['n', 'no', 'false', '0'].includes(text)) return false;
  return null;
}

export type Sex = 'Male' | 'Female' | 'Not recorded';
export function readSex(raw: string): Sex {
  const text = raw.trim().toLowerCase();
  if (text === 'male' || text === 'm') return 'Male';
  if (text === 'female' || text === 'f') return 'Female';
  return 'Not recorded';
}

export const ETHNIC_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['A', 'White - British'],
  ['B', 'White - Irish'],
  ['C', 'White - Any other White background'],
  ['D', 'Mixed - White and Black Caribbean'],
  ['E', 'Mixed - White and Black African'],
  ['F', 'Mixed - White and Asian'],
  ['G', 'Mixed - Any other mixed background'],
  ['H', 'Asian or Asian British - Indian'],
  ['J', 'Asian or Asian British - Pakistani'],
  ['K', 'Asian or Asian British - Bangladeshi'],
  ['L', 'Asian or Asian British - Any other Asian background'],
  ['M', 'Black or Black British - Caribbean'],
  ['N', 'Black or Black British - African'],
  ['P', 'Black or Black British - Any other Black background'],
  ['R', 'Other Ethnic Groups - Chinese'],
  ['S', 'Other Ethnic Groups - Any other ethnic group'],
];
const ETHNIC_LETTERS = ETHNIC_LABELS.map(([letter]) => letter);

/** Ethnic category: a letter A–S (not I, O, Q), or 'Not stated', or 'Unknown'. */
export type Ethnicity = string;
export function readEthnicity(raw: string): Ethnicity {
  const text = raw.trim();
  if (text === '' || text.startsWith('99')) return 'Unknown';
  const token = /^([A-Z])[A-Z0-9]{0,2}(?:[ -]|$)/.exec(text);
  if (token) {
    const letter = token[1]!;
    if (ETHNIC_LETTERS.includes(letter)) return letter;
    if (letter === 'Z') return 'Not stated';
    // a code with any other letter is not a known category; fall through to labels
  }
  const lower = text.toLowerCase();
  for (const [letter, label] of ETHNIC_LABELS) if (label.toLowerCase() === lower) return letter;
  if (lower === 'not stated' || lower === 'prefer not to say') return 'Not stated';
  return 'Unknown';
}

export type Disability = 'Non-disabled' | 'Disabled' | 'Not declared' | 'Unknown';
export function readDisability(raw: string): Disability {
  const text = raw.trim().toLowerCase();
  if (text === 'yes' || text === 'y') return 'Disabled';
  if (text === 'no' || text === 'n') return 'Non-disabled';
  if (text === 'not declared' || text === 'prefer not to say') return 'Not declared';
  return 'Unknown';
}

// ---------------------------------------------------------------------------
// Rows and units
// ---------------------------------------------------------------------------

interface Row {
  line: number;
  valid: boolean;
  employee: string;
  sex: Sex;
  ethnicity: Ethnicity;
  disability: Disability;
  rate: number; // unrounded hourly pay of the row
  hours: number | null; // contracted hours when given
  bonus: number;
  fullPay: boolean;
}

interface UnitRecord {
  sex: Sex;
  ethnicity: Ethnicity;
  disability: Disability;
  pay: number; // rounded to 4 dp
  bonus: number;
  fullPay: boolean;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n % 2 === 1) return sorted[(n - 1) / 2]!;
  return (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

// ---------------------------------------------------------------------------
// Views (METHOD §5.1; decision 7)
// ---------------------------------------------------------------------------

interface View {
  characteristic: string;
  view: string;
  reference: string;
  groups: readonly string[]; // in output order
  undisclosed: readonly string[]; // not comparable
  /** group of a unit in this view, or null when the unit is outside the view entirely */
  groupOf: (u: UnitRecord) => string | null;
}

function broadOf(e: Ethnicity): string {
  if (e === 'Not stated' || e === 'Unknown') return e;
  if ('ABC'.includes(e)) return 'White';
  if ('DEFG'.includes(e)) return 'Mixed';
  if ('HJKL'.includes(e)) return 'Asian or Asian British';
  if ('MNP'.includes(e)) return 'Black or Black British';
  return 'Other ethnic group'; // R, S
}

function views(present: { sex: boolean; ethnicity: boolean; disability: boolean }): View[] {
  const result: View[] = [];
  if (present.sex) {
    result.push({
      characteristic: 'sex',
      view: 'sex',
      reference: 'Male',
      groups: ['Male', 'Female'],
      undisclosed: [],
      groupOf: (u) => (u.sex === 'Not recorded' ? null : u.sex),
    });
  }
  if (present.ethnicity) {
    const undisclosed = ['Not stated', 'Unknown'];
    result.push({
      characteristic: 'ethnicity',
      view: 'detailed',
      reference: 'A White - British',
      groups: [...ETHNIC_LABELS.map(([l, label]) => `${l} ${label}`), ...undisclosed],
      undisclosed,
      groupOf: (u) => {
        const pair = ETHNIC_LABELS.find(([l]) => l === u.ethnicity);
        return pair ? `${pair[0]} ${pair[1]}` : u.ethnicity;
      },
    });
    result.push({
      characteristic: 'ethnicity',
      view: 'broad',
      reference: 'White',
      groups: ['White', 'Mixed', 'Asian or Asian British', 'Black or Black British', 'Other ethnic group', ...undisclosed],
      undisclosed,
      groupOf: (u) => broadOf(u.ethnicity),
    });
    result.push({
      characteristic: 'ethnicity',
      view: 'binary',
      reference: 'White',
      groups: ['White', 'BME', ...undisclosed],
      undisclosed,
      groupOf: (u) => {
        const b = broadOf(u.ethnicity);
        if (b === 'Not stated' || b === 'Unknown' || b === 'White') return b;
        return 'BME';
      },
    });
    result.push({
      characteristic: 'ethnicity',
      view: 'white-british',
      reference: 'White British',
      groups: ['White British', 'Ethnic minority', ...undisclosed],
      undisclosed,
      groupOf: (u) => {
        if (u.ethnicity === 'Not stated' || u.ethnicity === 'Unknown') return u.ethnicity;
        return u.ethnicity === 'A' ? 'White British' : 'Ethnic minority';
      },
    });
  }
  if (present.disability) {
    result.push({
      characteristic: 'disability',
      view: 'disability',
      reference: 'Non-disabled',
      groups: ['Non-disabled', 'Disabled', 'Not declared', 'Unknown'],
      undisclosed: ['Not declared', 'Unknown'],
      groupOf: (u) => u.disability,
    });
  }
  return result;
}

// ---------------------------------------------------------------------------
// Quartiles (METHOD §7.2–§7.3: equal headcount bands, tie sharing by the integer rule)
// ---------------------------------------------------------------------------

export function bandSizes(n: number): Record<Band, number> {
  const q = Math.floor(n / 4);
  const r = n % 4;
  return {
    lower: q + (r >= 1 ? 1 : 0),
    lowerMiddle: q + (r >= 3 ? 1 : 0),
    upperMiddle: q + (r >= 2 ? 1 : 0),
    upper: q,
  };
}

/**
 * Count each group's seats in each band. `members` are (group, pay) pairs of the quartile
 * population. Returns counts[band][group].
 */
export function quartileCounts(members: ReadonlyArray<{ group: string; pay: number }>): {
  sizes: Record<Band, number>;
  counts: Record<Band, Map<string, number>>;
} {
  const sorted = [...members].sort((a, b) => a.pay - b.pay);
  const n = sorted.length;
  const sizes = bandSizes(n);
  const counts = { lower: new Map(), lowerMiddle: new Map(), upperMiddle: new Map(), upper: new Map() } as Record<Band, Map<string, number>>;
  // band b covers positions [start[b], start[b] + sizes[b])
  const start: number[] = [];
  let pos = 0;
  for (const b of BANDS) {
    start.push(pos);
    pos += sizes[b];
  }

  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && sorted[j]!.pay === sorted[i]!.pay) j++;
    // tie run [i, j)
    const remaining = new Map<string, number>();
    for (let p = i; p < j; p++) remaining.set(sorted[p]!.group, (remaining.get(sorted[p]!.group) ?? 0) + 1);
    for (let b = 0; b < 4; b++) {
      const bandStart = start[b]!;
      const bandEnd = bandStart + sizes[BANDS[b]!];
      const seats = Math.max(0, Math.min(j, bandEnd) - Math.max(i, bandStart));
      if (seats === 0) continue;
      let total = 0;
      for (const c of remaining.values()) total += c;
      // exact integer arithmetic: share = floor(rem*seats/total), fraction = (rem*seats mod total)/total
      const shares: Array<{ group: string; rem: number; base: number; frac: number }> = [];
      let given = 0;
      for (const [group, rem] of remaining) {
        const base = Math.floor((rem * seats) / total);
        const frac = (rem * seats) % total;
        shares.push({ group, rem, base, frac });
        given += base;
      }
      let leftover = seats - given;
      shares.sort((a, b2) => b2.frac - a.frac || b2.rem - a.rem || (a.group < b2.group ? -1 : a.group > b2.group ? 1 : 0));
      for (const s of shares) {
        let seatsForGroup = s.base;
        if (leftover > 0) {
          seatsForGroup += 1;
          leftover -= 1;
        }
        const band = counts[BANDS[b]!];
        band.set(s.group, (band.get(s.group) ?? 0) + seatsForGroup);
        remaining.set(s.group, s.rem - seatsForGroup);
      }
    }
    i = j;
  }
  return { sizes, counts };
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

export function referenceReport(csvText: string, options: RefOptions = {}): RefReport {
  const k = options.minGroupSize ?? 10;
  const [header, ...records] = parseCsv(csvText);
  if (!header) throw new Error('reference: empty file');
  const col = resolveColumns(header);
  const cell = (rec: readonly string[], f: Field): string | undefined => {
    const index = col[f];
    return index === undefined ? undefined : (rec[index] ?? '');
  };

  // decision 2: pay method
  let payMethod: PayMethod;
  if (options.payMethod && options.payMethod !== 'auto') payMethod = options.payMethod;
  else if (col.hourlyRate !== undefined) payMethod = 'hourly-rate';
  else if (col.periodPay !== undefined && col.contractedHours !== undefined) payMethod = 'period-pay';
  else if (col.annualSalary !== undefined) payMethod = 'annual-salary';
  else throw new Error('reference: no pay column');

  // decision 3: unit
  const unit: Unit = options.unit ?? (col.employeeNumber !== undefined ? 'person' : 'assignment');

  const rows: Row[] = [];
  records.forEach((rec, index) => {
    const row: Row = {
      line: index + 2,
      valid: true,
      employee: (cell(rec, 'employeeNumber') ?? '').trim(),
      sex: readSex(cell(rec, 'sex') ?? ''),
      ethnicity: readEthnicity(cell(rec, 'ethnicity') ?? ''),
      disability: readDisability(cell(rec, 'disability') ?? ''),
      rate: NaN,
      hours: null,
      bonus: 0,
      fullPay: true,
    };

    const hoursText = cell(rec, 'contractedHours');
    if (hoursText !== undefined && hoursText.trim() !== '') {
      row.hours = readPlainNumber(hoursText);
      if (row.hours === null) row.valid = false;
    }
    let fte: number | null = null;
    const fteText = cell(rec, 'fte');
    if (fteText !== undefined && fteText.trim() !== '') {
      fte = readPlainNumber(fteText);
      if (fte === null) row.valid = false;
    }

    if (payMethod === 'hourly-rate') {
      const rate = readMoney(cell(rec, 'hourlyRate') ?? '');
      if (rate === null) row.valid = false;
      else row.rate = rate;
    } else if (payMethod === 'period-pay') {
      const pay = readMoney(cell(rec, 'periodPay') ?? '');
      if (pay === null || row.hours === null || !(row.hours > 0)) row.valid = false;
      else row.rate = (pay * 7) / DAYS_IN_PERIOD[options.payPeriod ?? 'monthly'] / row.hours;
    } else {
      const salary = readMoney(cell(rec, 'annualSalary') ?? '');
      if (salary === null) row.valid = false;
      else if (options.salaryBasis === 'actual') {
        if (row.hours === null || !(row.hours > 0)) row.valid = false;
        else row.rate = salary / (365 / 7) / row.hours;
      } else {
        const fullTimeHours = row.hours !== null && row.hours > 0 && fte !== null && fte > 0 ? row.hours / fte : 37.5;
        row.rate = salary / (365 / 7) / fullTimeHours;
      }
    }

    const bonusText = cell(rec, 'bonusPay');
    if (bonusText !== undefined && bonusText.trim() !== '') {
      const bonus = readMoney(bonusText);
      if (bonus === null) row.valid = false;
      else row.bonus = bonus;
    }

    const fullPayText = cell(rec, 'fullPay');
    if (fullPayText !== undefined && fullPayText.trim() !== '') {
      const flag = readFlag(fullPayText);
      if (flag === null) row.valid = false;
      else row.fullPay = flag;
    }
    rows.push(row);
  });

  const units: UnitRecord[] = [];
  if (unit === 'assignment') {
    for (const row of rows) {
      if (!row.valid) continue;
      units.push({ sex: row.sex, ethnicity: row.ethnicity, disability: row.disability, pay: round4(row.rate), bonus: row.bonus, fullPay: row.fullPay });
    }
  } else {
    const people = new Map<string, Row[]>();
    for (const row of rows) {
      if (!row.valid) continue;
      const list = people.get(row.employee) ?? [];
      list.push(row);
      people.set(row.employee, list);
    }
    for (const list of people.values()) {
      const first = list[0]!;
      const conflict = list.some((r) => r.sex !== first.sex || r.ethnicity !== first.ethnicity || r.disability !== first.disability);
      if (conflict) {
        for (const r of list) r.valid = false; // decision 4
        continue;
      }
      let pay: number;
      const allHours = list.every((r) => r.hours !== null);
      let totalHours = 0;
      for (const r of list) totalHours += r.hours ?? 0;
      if (allHours && totalHours > 0) {
        let totalPay = 0;
        for (const r of list) totalPay += r.rate * r.hours!;
        pay = totalPay / totalHours;
      } else {
        pay = mean(list.map((r) => r.rate));
      }
      let bonus = 0;
      for (const r of list) bonus += r.bonus;
      units.push({
        sex: first.sex,
        ethnicity: first.ethnicity,
        disability: first.disability,
        pay: round4(pay),
        bonus,
        fullPay: list.every((r) => r.fullPay),
      });
    }
  }

  const rowsValid = rows.filter((r) => r.valid).length;
  const isFullPay = (u: UnitRecord) => u.fullPay && u.pay > 0;
  const population = {
    rowsRead: rows.length,
    rowsValid,
    rowsInvalid: rows.length - rowsValid,
    relevantEmployees: units.length,
    fullPayEmployees: units.filter(isFullPay).length,
  };

  const present = { sex: col.sex !== undefined, ethnicity: col.ethnicity !== undefined, disability: col.disability !== undefined };
  const characteristics: RefCharacteristic[] = [];
  const small = (n: number) => k > 0 && n > 0 && n < k;
  // METHOD §6.5; matched to the CLI: a file without a bonus column has no
  // bonus figures at all (null, "the file has no bonus column"), rather than 0 recipients.
  const hasBonus = col.bonusPay !== undefined;

  for (const view of views(present)) {
    // disclosure over all relevant units
    let disclosed = 0;
    for (const u of units) {
      const g = view.groupOf(u);
      if (g !== null && !view.undisclosed.includes(g)) disclosed++;
    }
    const disclosure = {
      disclosed,
      notDisclosed: units.length - disclosed,
      ratePercent: units.length > 0 ? (disclosed / units.length) * 100 : null,
    };

    // quartile population: full-pay units that belong to a group of the view
    const members: Array<{ group: string; pay: number }> = [];
    for (const u of units) {
      const g = view.groupOf(u);
      if (g !== null && isFullPay(u)) members.push({ group: g, pay: u.pay });
    }
    const { sizes, counts } = quartileCounts(members);

    const groups: RefGroup[] = view.groups.map((name) => {
      const relevant = units.filter((u) => view.groupOf(u) === name);
      const fullPay = relevant.filter(isFullPay);
      const pays = fullPay.map((u) => u.pay);
      const h = fullPay.length;
      const rh = relevant.length;
      const payShown = h > 0 && !small(h);
      const recipients = relevant.filter((u) => u.bonus > 0).map((u) => u.bonus);
      const rec = recipients.length;
      const bonusShown = hasBonus && rec > 0 && !small(rec);
      const quartiles = {} as Record<Band, RefCell>;
      for (const b of BANDS) {
        if (small(h)) quartiles[b] = { count: null, percent: null };
        else {
          const c = counts[b].get(name) ?? 0;
          quartiles[b] = { count: c, percent: sizes[b] > 0 ? (c / sizes[b]) * 100 : null };
        }
      }
      return {
        group: name,
        reference: name === view.reference,
        comparable: !view.undisclosed.includes(name),
        headcount: h,
        relevantHeadcount: rh,
        meanHourlyPay: payShown ? mean(pays) : null,
        medianHourlyPay: payShown ? median(pays) : null,
        meanGapPercent: null,
        medianGapPercent: null,
        bonus: {
          recipients: !hasBonus || small(rh) ? null : rec,
          receivingPercent: !hasBonus || small(rh) || rh === 0 ? null : (rec / rh) * 100,
          mean: bonusShown ? mean(recipients) : null,
          median: bonusShown ? median(recipients) : null,
          meanGapPercent: null,
          medianGapPercent: null,
        },
        quartiles,
      };
    });

    const ref = groups.find((g) => g.group === view.reference)!;
    const gap = (r: number | null, g: number | null) => (r === null || g === null || r === 0 ? null : ((r - g) / r) * 100);
    for (const g of groups) {
      if (g.reference || !g.comparable) continue;
      g.meanGapPercent = gap(ref.meanHourlyPay, g.meanHourlyPay);
      g.medianGapPercent = gap(ref.medianHourlyPay, g.medianHourlyPay);
      g.bonus.meanGapPercent = gap(ref.bonus.mean, g.bonus.mean);
      g.bonus.medianGapPercent = gap(ref.bonus.median, g.bonus.median);
    }

    characteristics.push({
      characteristic: view.characteristic,
      view: view.view,
      referenceGroup: view.reference,
      quartileSizes: sizes,
      disclosure,
      groups,
    });
  }

  return { payMethod, unit, population, characteristics };
}
