/**
 * JSON for programs that may still end up on a terminal (`paygap report --format json` typed
 * by hand): the same JSON value, with every character a terminal would act on written as a
 * \u escape. JSON.stringify already escapes C0 controls; this adds DEL, the C1 controls (such
 * as the one-byte CSI, U+009B), bidirectional overrides and the line separators, which it
 * leaves raw. A program that parses the text gets exactly the values it would have got.
 *
 * @example jsonText({ group: 'a\u009b2J' }) === '{\n  "group": "a\\u009b2J"\n}\n'
 */
const RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonText(value: unknown): string {
  // The line end is added before the escaping, which makes the text one flat string: added
  // after, it made a pair that every reader of the text (the write, a search) copied whole
  // first, 250 MB for a report of 100,000 groups.
  return `${JSON.stringify(value, null, 2)}\n`.replace(RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
