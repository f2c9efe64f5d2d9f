import { DataError, excerpt, excerptList } from '../errors.js';
import { FIELDS, FIELD_INFO, lookAlikeField, normaliseHeader, type Field, type MappedColumns } from './fields.js';

/** Where each field is found in the file. */
export interface ColumnMap {
  /** Field → column index (0-based). */
  readonly index: ReadonlyMap<Field, number>;
  /** Field → the header text as written in the file. */
  readonly header: ReadonlyMap<Field, string>;
  /** Field → how it was matched. */
  readonly matchedBy: ReadonlyMap<Field, 'alias' | 'map'>;
  /**
   * Fields summed from several columns (METHOD §1.11): every column's index, in the order given,
   * the first being `index`'s. Fields read from one column are not listed.
   */
  readonly summed: ReadonlyMap<Field, readonly number[]>;
  /** Headers that name no field (ignored). */
  readonly ignored: readonly string[];
  /** All headers as found in the file. */
  readonly headers: readonly string[];
  /**
   * Each header normalised once (normaliseHeader), in the same order: a hostile 40 MB header
   * was lower-cased again by every lookup that compared it.
   */
  readonly normalised: readonly string[];
}

/** Each accepted alias, normalised, and the first field (in FIELDS order) that accepts it. */
const ALIAS_FIELD: ReadonlyMap<string, Field> = (() => {
  const map = new Map<string, Field>();
  for (const field of FIELDS) {
    for (const alias of FIELD_INFO[field].aliases) {
      const key = normaliseHeader(alias);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
})();

/** The column whose header is `name` once normalised, if any (the first such column). */
export function columnNamed(columns: ColumnMap, name: string): number | undefined {
  const key = normaliseHeader(name);
  const at = key === '' ? -1 : columns.normalised.indexOf(key);
  return at === -1 ? undefined : at;
}

/**
 * Match a file's headers to fields: `--map` overrides first, then each field's aliases in
 * order. Comparison ignores case, spaces and punctuation. A header can serve one field only.
 * Two columns with the same name that a field would use is an error: which one is meant
 * cannot be guessed, so the user must rename one or choose with --map. A summable field may
 * be mapped to several headers, which are then summed (METHOD §1.11).
 */
export function resolveHeaders(headers: readonly string[], overrides: ReadonlyMap<Field, MappedColumns>): ColumnMap {
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
      throw new DataError(`the header ${excerpt(headers[at] as string)} appears more than once, so paygap cannot tell which column to use`, [
        headersFound(headers),
        'rename one of the columns, or choose another column with --map field=Header',
      ]);
    }
    return at;
  };

  const summed = new Map<Field, number[]>();
  for (const [field, mapped] of overrides) {
    const wanted = typeof mapped === 'string' ? [mapped] : mapped;
    const found = wanted.map((name) => {
      const at = find(name);
      if (at === undefined) throw new DataError(`--map ${field}=${excerpt(name)}: the file has no such header`, [headersFound(headers)]);
      return at;
    });
    const at = found[0] as number;
    if (new Set(found).size < found.length) {
      throw new DataError(`--map ${field} names the column ${excerpt(headers[found.find((x, i) => found.indexOf(x) !== i) as number] as string)} twice: each column is summed once`);
    }
    if (found.length > 1) summed.set(field, found);
    index.set(field, at);
    header.set(field, headers[at] as string);
    matchedBy.set(field, 'map');
    for (const column of found) taken.add(column);
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
  return { index, header, matchedBy, summed, ignored, headers, normalised };
}

/** Every header a field is read from: one, or the columns summed for it (METHOD §1.11). */
export function headersOf(columns: ColumnMap, field: Field): string[] {
  const summed = columns.summed.get(field);
  if (summed !== undefined) return summed.map((i) => columns.headers[i] as string);
  const header = columns.header.get(field);
  return header === undefined ? [] : [header];
}

/** "headers found: "A", "B" …" for messages: each header quoted short, at most 30 of them. */
export function headersFound(headers: readonly string[], where = ''): string {
  return `headers found${where}: ${excerptList(headers)}`;
}

/** An unused column whose header looks like a field (METHOD §1.2, rule 5). */
export interface LookAlike {
  readonly header: string;
  readonly field: Field;
  /** The header the field is read from instead, when it is read. */
  readonly readFrom: string | undefined;
  /** The header is one the field accepts (the field took an earlier one): two columns could be the field. */
  readonly accepted: boolean;
}

/**
 * Columns no field reads (and no --characteristic) whose header looks like a field: "Bonus
 * Amount", "Contracted Hours per Week", a second sex column. paygap does not guess: it reads
 * only the headers it accepts, and says which columns it left that look like one, with the
 * --map that would read them.
 */
export function lookAlikes(columns: ColumnMap, usedElsewhere: ReadonlySet<number> = new Set()): LookAlike[] {
  const taken = new Set([...columns.index.values(), ...[...columns.summed.values()].flat()]);
  const out: LookAlike[] = [];
  columns.headers.forEach((header, i) => {
    if (taken.has(i) || usedElsewhere.has(i)) return;
    const accepting = ALIAS_FIELD.get(columns.normalised[i] as string);
    const field = accepting ?? lookAlikeField(header);
    if (field === undefined) return;
    out.push({ header, field, readFrom: columns.header.get(field), accepted: accepting !== undefined });
  });
  return out;
}
