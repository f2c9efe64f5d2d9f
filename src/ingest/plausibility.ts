import { warning, type Warning } from '../errors.js';
import { median } from '../metrics/average.js';
import type { ColumnMap } from '../schema/headers.js';
import type { PayMethod } from '../schema/pay.js';
import type { Assignments } from './assignments.js';
import type { RowIssue } from './validate-row.js';

/**
 * Plausibility (METHOD §2.7): values that pass their field's own limits (§1.5) but that no NHS
 * contract or pay scale has. They are almost always unit mistakes (a rate in pence, FTE typed
 * in the hours column, hours of 0.001 that turn a month's pay into £689,881 an hour). They are
 * listed as warnings and left in the figures; with --strict they are invalid rows.
 *
 * The rules, applied to every valid row, on the hourly pay its pay method gives (so derived
 * pay is checked as well as a rate read from the file):
 *
 * - hourly pay above £500: no NHS pay scale reaches it (the top of the consultant scale is
 *   about £65 an hour, a chief executive's salary about £160);
 * - hourly pay above 20 times the organisation's median hourly pay (a robust measure: one
 *   wild value cannot move it);
 * - hourly pay above 0 but below £5 on a row on full pay: less than half the National Living
 *   Wage and below the apprentice rate, the lowest legal minimum (a pay of 0 is allowed, §4.2;
 *   reduced pay because of leave is expected to be low);
 * - contracted hours above 0 but below 1 a week, or above 80 (the 2016 doctors' contract
 *   allows at most 72 in any 7 days): 0 hours is allowed (an assignment without set hours);
 * - FTE (read with annual-salary pay) above 0 but below 0.02 (under 45 minutes a week of a
 *   37.5-hour post), or above 1.5.
 *
 * @example a rate of 1250 among rates of £10–£60: above £500, and above 20 × the median.
 */
export const PLAUSIBLE = {
  payCeiling: 500,
  medianMultiple: 20,
  payFloor: 5,
  hoursMin: 1,
  hoursMax: 80,
  fteMin: 0.02,
  fteMax: 1.5,
} as const;

export type PlausibilityRule = 'pay-above-ceiling' | 'pay-far-above-median' | 'pay-below-floor' | 'hours-too-few' | 'hours-too-many' | 'fte-too-small' | 'fte-too-large';

/** What was found: how many rows, each rule's lines, the first issues with values (for stderr only). */
export interface Plausibility {
  /** Rows with at least one implausible value (indices into the assignments). */
  readonly rows: readonly number[];
  /** Each rule that fired: how many rows, and the first lines. */
  readonly byRule: ReadonlyMap<PlausibilityRule, { readonly count: number; readonly lines: readonly number[] }>;
  /** The organisation's median hourly pay the relative rule used (null: no positive pay). */
  readonly medianPay: number | null;
  /** The issues of the first rows, with values: listed on stderr, never in reports. */
  readonly first: readonly RowIssue[];
}

/** Lines listed per rule in a warning; the rest are counted. */
const LINES_SHOWN = 20;

const pounds = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** What each rule says, without the value (reports never hold an individual's values). */
export function ruleText(rule: PlausibilityRule, medianPay: number | null): string {
  const p = PLAUSIBLE;
  switch (rule) {
    case 'pay-above-ceiling':
      return `hourly pay above ${pounds(p.payCeiling)}, which no NHS pay scale reaches (pence typed as pounds, an annual amount as hourly, or hours too small?)`;
    case 'pay-far-above-median':
      return `hourly pay more than ${p.medianMultiple} times the organisation's median of ${pounds(medianPay ?? 0)}`;
    case 'pay-below-floor':
      return `hourly pay on full pay below ${pounds(p.payFloor)}, under half the National Living Wage (pounds typed as thousands, or hours too large?)`;
    case 'hours-too-few':
      return `contracted hours above 0 but below ${p.hoursMin} a week, which no contract has (FTE typed in the hours column?)`;
    case 'hours-too-many':
      return `contracted hours above ${p.hoursMax} a week, which no contract has`;
    case 'fte-too-small':
      return `FTE above 0 but below ${p.fteMin}, which no contract has (a percentage or hours typed as FTE?)`;
    case 'fte-too-large':
      return `FTE above ${p.fteMax}, which no single contract has`;
  }
}

/** The rules one row breaks. */
function rulesBroken(a: Assignments, i: number, medianPay: number | null): PlausibilityRule[] {
  const p = PLAUSIBLE;
  const out: PlausibilityRule[] = [];
  const pay = a.hourlyPay[i]!;
  if (pay > p.payCeiling) out.push('pay-above-ceiling');
  else if (medianPay !== null && pay > p.medianMultiple * medianPay) out.push('pay-far-above-median');
  else if (pay > 0 && pay < p.payFloor && a.fullPay[i] === 1) out.push('pay-below-floor');
  const hours = a.hours[i]!;
  if (hours > 0 && hours < p.hoursMin) out.push('hours-too-few');
  else if (hours > p.hoursMax) out.push('hours-too-many');
  const fte = a.fte[i]!;
  if (fte > 0 && fte < p.fteMin) out.push('fte-too-small');
  else if (fte > p.fteMax) out.push('fte-too-large');
  return out;
}

/** Rows `start` up to (not including) `end` of the assignments: one file of several. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** The median of the rows' positive hourly pay (rows in `skip` left out). */
function medianOfPay(a: Assignments, skip: ReadonlySet<number>, { start, end }: RowRange): number | null {
  const counted = (i: number) => a.hourlyPay[i]! > 0 && (skip.size === 0 || !skip.has(i));
  let n = 0;
  for (let i = start; i < end; i++) if (counted(i)) n++;
  const values = new Float64Array(n);
  for (let i = start, at = 0; i < end; i++) if (counted(i)) values[at++] = a.hourlyPay[i]!;
  return median(values.sort());
}

/** The header a rule is about, and the value as the row has it (for stderr). */
function where(rule: PlausibilityRule, a: Assignments, i: number, columns: ColumnMap, method: PayMethod): { column: string; value: string } {
  const header = (field: 'contractedHours' | 'fte') => columns.header.get(field) ?? field;
  if (rule === 'hours-too-few' || rule === 'hours-too-many') return { column: header('contractedHours'), value: String(a.hours[i]) };
  if (rule === 'fte-too-small' || rule === 'fte-too-large') return { column: header('fte'), value: String(a.fte[i]) };
  const source = method === 'hourly-rate' ? columns.header.get('hourlyRate') : method === 'period-pay' ? columns.header.get('periodPay') : columns.header.get('annualSalary');
  return { column: source ?? '(row)', value: `${pounds(a.hourlyPay[i]!)} an hour` };
}

/**
 * Check every valid row (rows in `skip` were found invalid after reading and are left out).
 * With several files, each file is checked on its own (`range`), against its own median:
 * the organisation's, when each file is one (METHOD §16.2).
 */
export function checkPlausibility(a: Assignments, skip: ReadonlySet<number>, columns: ColumnMap, method: PayMethod, range: RowRange = { start: 0, end: a.length }): Plausibility {
  const medianPay = medianOfPay(a, skip, range);
  const rows: number[] = [];
  const byRule = new Map<PlausibilityRule, { count: number; lines: number[] }>();
  const first: RowIssue[] = [];
  for (let i = range.start; i < range.end; i++) {
    if (skip.size > 0 && skip.has(i)) continue;
    const broken = rulesBroken(a, i, medianPay);
    if (broken.length === 0) continue;
    rows.push(i);
    for (const rule of broken) {
      const entry = byRule.get(rule) ?? { count: 0, lines: [] };
      entry.count++;
      if (entry.lines.length < LINES_SHOWN) entry.lines.push(a.line[i]!);
      byRule.set(rule, entry);
      if (first.length < LINES_SHOWN) first.push({ line: a.line[i]!, ...where(rule, a, i, columns, method), message: ruleText(rule, medianPay), reason: `implausible: ${ruleText(rule, medianPay)}` });
    }
  }
  // Rows can come in any order (a parallel read keeps file order, but be safe): lines ascending.
  for (const entry of byRule.values()) entry.lines.sort((x, y) => x - y);
  first.sort((x, y) => x.line - y.line);
  return { rows, byRule, medianPay, first };
}

/** The issues of one implausible row, as invalid-row issues (--strict). */
export function rowIssues(a: Assignments, i: number, columns: ColumnMap, method: PayMethod, medianPay: number | null): RowIssue[] {
  return rulesBroken(a, i, medianPay).map((rule) => ({
    line: a.line[i]!,
    ...where(rule, a, i, columns, method),
    message: `implausible: ${ruleText(rule, medianPay)}`,
  }));
}

/** One warning per rule: what it is, which lines (no values), and what to do. */
export function plausibilityWarnings(found: Plausibility): Warning[] {
  return [...found.byRule].map(([rule, { count, lines }]) => {
    const rows = `${count.toLocaleString('en-GB')} row${count === 1 ? '' : 's'}`;
    const listed = `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${count > lines.length ? ` and ${(count - lines.length).toLocaleString('en-GB')} more` : ''}`;
    return warning(
      'implausible-value',
      `${ruleText(rule, found.medianPay)}: ${rows} (${listed}), left in the figures; check the export, or use --strict to stop on such rows`,
    );
  });
}
