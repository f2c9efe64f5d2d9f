/**
 * Typed errors. Commands throw them; only `cli/main.ts` turns them into exit codes
 * (METHOD §13.3: 1 data problem, 2 usage error).
 */
export class DataError extends Error {
  readonly exitCode = 1;
  override readonly name = 'DataError';
  /** Further lines printed after the message: headers found, hints. */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

export class UsageError extends Error {
  readonly exitCode = 2;
  override readonly name = 'UsageError';
}

/** How much of a value from the input a message quotes. */
export const EXCERPT_CHARACTERS = 60;

/**
 * A value from the input (a header, a cell, a config value, a command-line entry) quoted for
 * a message: whole when short, else its first 60 characters and how long it was, so a 40 MB
 * header line or a 100 MB config value never fills a terminal or a log.
 *
 * @example excerpt('Gender') // '"Gender"'
 * @example excerpt('x'.repeat(100)) // '"xxx…x"… (100 characters)', 60 x's quoted
 */
export function excerpt(text: string, max = EXCERPT_CHARACTERS): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}… (${text.length.toLocaleString('en-GB')} characters)`;
}

/** As `excerpt`, without quotes: for a column name or a word in a sentence. */
export function shortened(text: string, max = EXCERPT_CHARACTERS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en-GB')} characters)`;
}

/** Values from the input listed in a message: each quoted by `excerpt`, at most `shown` of them. */
export function excerptList(values: readonly string[], shown = 30): string {
  if (values.length === 0) return '(none)';
  const listed = values.slice(0, shown).map((v) => excerpt(v));
  const more = values.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more.toLocaleString('en-GB')} more` : listed.join(', ');
}

/**
 * Every warning paygap gives, by code. A warning never stops a run (exit 0): it says what
 * paygap noticed and what to do. The README's "What paygap tells you" lists each code (a test
 * checks it), so a new warning starts here.
 */
export const WARNING_CODES = [
  'no-characteristic-column',
  'no-full-pay-column',
  'no-bonus-column',
  'unused-column',
  'two-columns-for-field',
  'implausible-value',
  'equal-weights',
  'no-disclosed-answer',
  'no-effect-without-ci',
  'sheet-ignored',
  'unmapped-grades',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** A warning: its code (for tests and the README) and its words (stderr, JSON `warnings`, documents). */
export interface Warning {
  readonly code: WarningCode;
  readonly text: string;
}

export const warning = (code: WarningCode, text: string): Warning => ({ code, text });
