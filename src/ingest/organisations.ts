import { basename, extname } from 'node:path';

/**
 * Several organisations in one report (METHOD §16): people are keyed by organisation AND
 * employee number, since employee numbers repeat across organisations, and a repeated
 * assignment number is one only within an organisation.
 *
 * The key is made once, where a row is read: its employee and assignment numbers are
 * qualified by its organisation (`qualified`), so every later step that groups, compares or
 * remembers them (people, repeated assignments, a person with an invalid row) works on the
 * pair without knowing about organisations. A report of one export without an organisation
 * column qualifies nothing and reads exactly as before.
 *
 * A row's organisation is its file's label (several files) or its cell in the column mapped
 * with `--map organisation=Header`; when both could say, the column wins.
 */

/**
 * An identifier qualified by its organisation: the organisation's length, a NUL, the
 * organisation, then the identifier. The length makes it unambiguous whatever either text
 * holds ("ab" + "c" and "a" + "bc" differ). A blank identifier stays blank: it is no key.
 *
 * @example qualified('North', '123') // '5\u0000North123'
 */
export function qualified(organisation: string, id: string): string {
  return id === '' ? '' : `${organisation.length}\u0000${organisation}${id}`;
}

/** The identifier as written, from a qualified one (an unqualified text comes back as it is). */
export function unqualified(text: string): string {
  const nul = text.indexOf('\u0000');
  if (nul <= 0 || !/^\d+$/.test(text.slice(0, nul))) return text;
  return text.slice(nul + 1 + Number(text.slice(0, nul)));
}

/**
 * A file's default organisation label: its base name without the extension
 * (`exports/north.csv` → `north`); stdin is `stdin`.
 */
export function defaultLabel(file: string): string {
  if (file === '-') return 'stdin';
  const name = basename(file);
  const stem = basename(name, extname(name));
  return stem === '' ? name : stem;
}
