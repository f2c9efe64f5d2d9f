import { oneDecimal } from '../metrics/round.js';
import type { DisclosureControl } from '../report/model.js';

/**
 * Number formatting for people (tables, Markdown, HTML). Reports keep full precision;
 * rounding happens only here (METHOD §12.1): percentages to one decimal place,
 * money to pennies, counts with thousands separators.
 */
// One formatter each, made once: toLocaleString builds a new one on every call, which made a
// report of 100,000 groups spend seconds formatting (the output is the same). Made on first
// use, not on import: the first costs about 28 ms (loading the locale data), which every run
// that imports this module paid, JSON and validate runs that format nothing among them.
let countFormat: Intl.NumberFormat | undefined;
let poundsFormat: Intl.NumberFormat | undefined;

// Below 1,000 a whole number has no separator: its digits are what the formatter writes, without
// its cost (half a million counts in validate's table of unrecognised codes). -0 is written "-0".
export const count = (n: number): string =>
  Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : (countFormat ??= new Intl.NumberFormat('en-GB')).format(n);

/** Pounds and pence; a negative amount (a group paid more than the reference) as -£1.50. */
export function money(n: number): string {
  poundsFormat ??= new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pounds = poundsFormat.format(Math.abs(n));
  return n < 0 && pounds !== '0.00' ? `-£${pounds}` : `£${pounds}`;
}

/** One decimal place; -0.0 is shown as 0.0. */
export function percent(n: number): string {
  const rounded = oneDecimal(n);
  return `${(Object.is(rounded, -0) ? 0 : rounded).toFixed(1)}%`;
}

/**
 * What the group earns for every £1 the reference group earns, from the median gap:
 * round(100 − gap) pence, e.g. a 13.6% gap → "86p", a −5% gap → "£1.05".
 */
export function perPound(gapPercent: number): string {
  const pence = Math.round(100 - gapPercent);
  return pence >= 100 ? money(pence / 100) : `${pence}p`;
}

// Maps, not plain objects: a group or column named "constructor" or "__proto__" (text from the
// data) would find the object's own machinery there.
const PEOPLE: ReadonlyMap<string, string> = new Map([
  ['Male', 'men'],
  ['Female', 'women'],
]);
/** How a group is named in a sentence: "men", "women", "Disabled staff". */
export const people = (group: string): string => PEOPLE.get(group) ?? `${group} staff`;

/** "for every £1 men earn, women earn 86p" (METHOD §12.2, from the median gap). */
export function perPoundSentence(reference: string, group: string, gapPercent: number): string {
  return `for every £1 ${people(reference)} earn, ${people(group)} earn ${perPound(gapPercent)}`;
}

/**
 * What disclosure control withheld, in one sentence: "Figures for groups of fewer than 10
 * people are withheld (29 cells), and 14 more cells so that no withheld figure can be worked
 * out from the published ones."
 */
export function disclosureSentence(d: DisclosureControl | null, minGroupSize: number): string {
  if (minGroupSize <= 0 || d === null) return 'No figures are withheld (--min-group-size 0): small groups are shown.';
  const cells = (n: number) => `${count(n)} cell${n === 1 ? '' : 's'}`;
  const rule = d.rule === 'conservative' ? ` The report was too large for the full audit, so cells of fewer than ${2 * minGroupSize} people were withheld instead (a conservative rule).` : '';
  return (
    `Figures for groups of fewer than ${minGroupSize} people are withheld (${cells(d.cellsWithheld.smallGroup)}), ` +
    `and ${count(d.cellsWithheld.protectingOthers)} more cell${d.cellsWithheld.protectingOthers === 1 ? '' : 's'} so that no withheld figure can be worked out from the published ones.${rule}`
  );
}

/**
 * What a breakdown's subgroups are, for a heading ("Within each pay band"): the built-in
 * columns in words, any other column (or columns crossed, and organisation) by its own name,
 * unescaped, for the caller's medium.
 */
export function withinLabel(within: string): string {
  return WITHIN_LABELS.get(within) ?? within;
}

const WITHIN_LABELS: ReadonlyMap<string, string> = new Map([
  ['staffGroup', 'staff group'],
  ['grade', 'grade'],
  ['band', 'pay band'],
  ['payScheme', 'pay scheme'],
]);
