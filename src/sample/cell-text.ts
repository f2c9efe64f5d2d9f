/**
 * The texts of a generated file's cells, as byte strings for `ByteSink`. Every number and
 * label written comes from a small set (pay points, hours, FTEs, labels), so each text is
 * made once and looked up after (toFixed, toLocaleString and quoting were most of the run).
 * Numbers are looked up by a whole-number key (pence, ten-thousandths), which V8 hashes
 * cheaply; each cache has its own function so its lookups stay monomorphic.
 */

/** Text as the bytes of its UTF-8 encoding, one character a byte. */
export const utf8Bytes = (text: string): string => (/[^\x00-\x7f]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text);

/** Quoted for CSV when it holds a quote, comma or line end. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const PENNIES = new Map<number, string>();
/** Money to 2 places, as `(Math.round(n * 100) / 100).toFixed(2)`. */
export function pennies(n: number): string {
  const pence = Math.round(n * 100);
  let text = PENNIES.get(pence);
  if (text === undefined) {
    text = (pence / 100).toFixed(2);
    PENNIES.set(pence, text);
  }
  return text;
}

const SHORT_NUMBERS = new Map<number, string>();
/** `String(n)`, remembered for numbers of at most 4 decimal places (hours, FTE). */
export function numberText(n: number): string {
  const key = Math.round(n * 10_000);
  if (key / 10_000 !== n) return String(n);
  let text = SHORT_NUMBERS.get(key);
  if (text === undefined) {
    text = String(n);
    SHORT_NUMBERS.set(key, text);
  }
  return text;
}

const POUNDS = new Map<number, string>();
/** A salary as "£29,970.00", quoted for CSV (it has a comma). */
export function poundsText(n: number): string {
  let text = POUNDS.get(n);
  if (text === undefined) {
    text = utf8Bytes(csvField(`£${n.toLocaleString('en-GB', { minimumFractionDigits: 2 })}`));
    POUNDS.set(n, text);
  }
  return text;
}

const LABELS = new Map<string, string>();
/** A label, quoted for CSV when it needs it. */
export function label(text: string): string {
  let bytes = LABELS.get(text);
  if (bytes === undefined) {
    bytes = utf8Bytes(csvField(text));
    LABELS.set(text, bytes);
  }
  return bytes;
}
