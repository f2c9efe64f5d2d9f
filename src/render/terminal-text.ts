/**
 * Text from the data (a group, a header, a file name, a setting, a warning that quotes one) on
 * its way to a terminal: every character a terminal would act on instead of showing is shown
 * as a visible stand-in and never emitted. A staff group "ESC]0;PWNED BEL ESC[2J" would
 * otherwise retitle the terminal and clear the screen of whoever reads the report or the
 * invalid-row listing.
 *
 * - C0 controls (U+0000–U+001F), newline and tab included, become their Control Pictures
 *   (ESC → ␛, BEL → ␇, LF → ␊), one column wide each, so a value can neither run escape
 *   sequences nor split a table row or forge a line of its own;
 * - DEL becomes ␡;
 * - C1 controls (U+0080–U+009F, e.g. the one-byte CSI U+009B), the bidirectional overrides
 *   and isolates (which reorder what is shown) and the Unicode line and paragraph separators
 *   become "\u{9B}", "\u{202E}".
 *
 * The stand-ins are for reading, not for round trips: JSON and CSV carry the exact values.
 * Only our own text (chalk's colours, the table borders, the line ends between lines) may
 * reach a terminal unescaped; anything that holds data goes through here first.
 *
 * @example terminalText('\x1b]0;PWNED\x07\x1b[2J') === '␛]0;PWNED␇␛[2J'
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Several lines of our own making that quote data (a message with its details): each line
 * escaped as terminalText does, the line ends between them kept.
 */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, visible);
}
