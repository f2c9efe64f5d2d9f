/**
 * Number formatting for people (tables, Markdown, HTML). Reports keep full precision;
 * rounding happens only here (SPEC §4 "Rounding"): percentages to one decimal place,
 * money to pennies, counts with thousands separators.
 */
export const count = (n: number): string => n.toLocaleString('en-GB');

export const money = (n: number): string =>
  `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** One decimal place; -0.0 is shown as 0.0. */
export function percent(n: number): string {
  const rounded = Math.round(n * 10) / 10;
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

const PEOPLE: Readonly<Record<string, string>> = { Male: 'men', Female: 'women' };
/** How a group is named in a sentence: "men", "women", "Disabled staff". */
export const people = (group: string): string => PEOPLE[group] ?? `${group} staff`;

/** "for every £1 men earn, women earn 86p" (SPEC §4, from the median gap). */
export function perPoundSentence(reference: string, group: string, gapPercent: number): string {
  return `for every £1 ${people(reference)} earn, ${people(group)} earn ${perPound(gapPercent)}`;
}

/**
 * Why a figure is missing, in one word for documents: the reference group's own gap,
 * an undisclosed category's gap ("–"), a withheld figure, or one that cannot be computed.
 */
export function missingLabel(nullReason: string | undefined): 'reference' | '–' | 'withheld' | 'n/a' {
  const reason = nullReason ?? '';
  if (reason === 'this is the reference group') return 'reference';
  if (reason.startsWith('not compared')) return '–';
  return /fewer than|withheld/.test(reason) ? 'withheld' : 'n/a';
}
