import { safeText } from './csv.js';

/**
 * Escaping data text (group names, organisation names, file names) for each medium, for the
 * trend, benchmark and target renderers (STYLE habit 17). Written here until the shared
 * `markdownText()` and `terminalText()` helpers land in src/render; then these should go.
 */

/** Control characters (C0, DEL, C1) and bidirectional overrides: never sent to a terminal or a document raw. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const visible = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** Text for a terminal: control characters (escape sequences included) and line breaks shown as escapes. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, visible).replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', ' ');
}

/** Text for a Markdown table cell or sentence: the punctuation that makes emphasis, code, links, tables or HTML escaped; one line. */
export function markdownText(text: string): string {
  return text
    .replace(CONTROL, visible)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** One CSV cell: numbers plain, text that a spreadsheet would run as a formula prefixed with an apostrophe, quoted when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV rows with CRLF line ends, as the report's CSV. */
export const csvLines = (rows: readonly (readonly (string | number | null)[])[]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
