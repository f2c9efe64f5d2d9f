import { DataError } from '../errors.js';
import { FIELDS, FIELD_INFO, normaliseHeader, type Field } from './fields.js';

/** Where each field is found in the file. */
export interface ColumnMap {
  /** Field → column index (0-based). */
  readonly index: ReadonlyMap<Field, number>;
  /** Field → the header text as written in the file. */
  readonly header: ReadonlyMap<Field, string>;
  /** Field → how it was matched. */
  readonly matchedBy: ReadonlyMap<Field, 'alias' | 'map'>;
  /** Headers that name no field (ignored). */
  readonly ignored: readonly string[];
  /** All headers as found in the file. */
  readonly headers: readonly string[];
}

/**
 * Match a file's headers to fields: `--map` overrides first, then each field's aliases in
 * order. Comparison ignores case, spaces and punctuation. A header can serve one field only.
 * Two columns with the same name that a field would use is an error: which one is meant
 * cannot be guessed, so the user must rename one or choose with --map.
 */
export function resolveHeaders(headers: readonly string[], overrides: ReadonlyMap<Field, string>): ColumnMap {
  const normalised = headers.map(normaliseHeader);
  const index = new Map<Field, number>();
  const header = new Map<Field, string>();
  const matchedBy = new Map<Field, 'alias' | 'map'>();
  const taken = new Set<number>();

  const find = (wanted: string): number | undefined => {
    const key = normaliseHeader(wanted);
    if (key === '') return undefined;
    const at = normalised.indexOf(key);
    if (at === -1) return undefined;
    if (normalised.indexOf(key, at + 1) !== -1) {
      throw new DataError(`the header "${headers[at]}" appears more than once, so paygap cannot tell which column to use`, [
        `headers found: ${headers.map((h) => JSON.stringify(h)).join(', ')}`,
        'rename one of the columns, or choose another column with --map field=Header',
      ]);
    }
    return at;
  };

  for (const [field, wanted] of overrides) {
    const at = find(wanted);
    if (at === undefined) {
      throw new DataError(`--map ${field}=${wanted}: the file has no header "${wanted}"`, [
        `headers found: ${headers.map((h) => JSON.stringify(h)).join(', ')}`,
      ]);
    }
    index.set(field, at);
    header.set(field, headers[at] as string);
    matchedBy.set(field, 'map');
    taken.add(at);
  }
  for (const field of FIELDS) {
    if (index.has(field)) continue;
    for (const alias of FIELD_INFO[field].aliases) {
      const at = find(alias);
      if (at === undefined || taken.has(at)) continue;
      index.set(field, at);
      header.set(field, headers[at] as string);
      matchedBy.set(field, 'alias');
      taken.add(at);
      break;
    }
  }
  const ignored = headers.filter((_, i) => !taken.has(i));
  return { index, header, matchedBy, ignored, headers };
}
