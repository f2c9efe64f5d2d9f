/**
 * A spreadsheet cell's value as the text the row validator reads, so a workbook goes through
 * the same field schemas, with the same messages, as a CSV export (METHOD §1.10):
 *
 * - a number is written out in plain decimal digits, exactly (`31000.5`, `0.0000001`, never
 *   `1e-7`): the money and hours schemas read it back to the very same number, so no locale,
 *   `£` or thousands separator is ever involved and the figures equal the CSV's;
 * - a date (a cell formatted as a date) is its calendar day, `1980-01-31`;
 * - TRUE and FALSE are `true` and `false` (read as Y and N by the flag fields);
 * - rich text is its plain text; a formula is its cached result; an error is its code
 *   (`#N/A`), which the field then rejects with its usual message;
 * - text is text, encoded the way the CSV scanner hands cells over (UTF-8 bytes as Latin-1,
 *   see cell-text.ts), so `£` and accents arrive intact.
 */
export type SheetValue = string | number | boolean | Date | null | undefined | { readonly [key: string]: unknown };

/** A cell as the scanner hands cells over (see above); blank for an empty cell. */
export const sheetCellText = (value: SheetValue): string => scannerText(displayText(value));

/** A cell's value as text (see above), before the scanner's encoding. */
export function displayText(value: SheetValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainDecimal(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return calendarDay(value);
  return compoundText(value);
}

/** Rich text, formulas, hyperlinks and errors: the text Excel shows. */
function compoundText(value: { readonly [key: string]: unknown }): string {
  if (Array.isArray(value.richText)) return (value.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? displayText(value.result as SheetValue) : '';
  if (typeof value.error === 'string') return value.error;
  if (typeof value.text === 'string') return value.text;
  if (value.text !== undefined && typeof value.text === 'object') return compoundText(value.text as { readonly [key: string]: unknown });
  return '';
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** The scanner's form of a cell: UTF-8 bytes, one character per byte (decoded again by cellText). */
function scannerText(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/**
 * A number in plain decimal digits with the fewest digits that give it back exactly
 * (JavaScript's shortest round trip), without an exponent: 1e-7 → "0.0000001",
 * 1e21 → "1000000000000000000000". Number(result) === n for every finite n.
 */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const shortest = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (match === null) return shortest;
  const [, sign, lead, rest = '', exp] = match as unknown as [string, string, string, string | undefined, string];
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A date cell's calendar day. Excel stores days without a time zone; the reader gives them
 * as midnight UTC, so the UTC date is the day the cell shows.
 */
function calendarDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}
