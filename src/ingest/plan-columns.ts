import { DataError, excerpt, warning, type Warning } from '../errors.js';
import { FIELD_INFO, type Field } from '../schema/fields.js';
import { headersFound, lookAlikes, type ColumnMap, type LookAlike } from '../schema/headers.js';

/**
 * What planning a run says about the file's columns: a required column that is missing (with
 * the headers found, the headers accepted and any look-alike), and the columns left unread
 * that look like a field (METHOD §1.2, rule 5).
 */
/** `--map field="Header"`, the header quoted short (a header can be any length). */
export const mapHint = (field: Field, header: string) => `--map ${field}=${excerpt(header)}`;

/** Unused columns that look like one of `fields`: "perhaps "Basic Pay"? --map periodPay="Basic Pay"". */
export function perhaps(columns: ColumnMap, fields: readonly Field[]): string[] {
  return lookAlikes(columns)
    .filter((l) => fields.includes(l.field))
    .slice(0, 5)
    .map((l) => `column ${excerpt(l.header)} looks like ${l.field}: if it is, add ${mapHint(l.field, l.header)}`);
}

export function missingColumn(fields: readonly Field[], why: string, columns: ColumnMap): DataError {
  const missing = fields.filter((f) => !columns.index.has(f));
  const lines = [
    headersFound(columns.headers),
    ...missing.map((f) => `headers accepted for ${f}: ${FIELD_INFO[f].aliases.map((a) => JSON.stringify(a)).join(', ')}`),
    ...perhaps(columns, missing),
    `if the column has another name, map it: --map ${missing[0] ?? 'field'}="Your Header"`,
  ];
  return new DataError(`missing required column ${missing.join(' and ')} (${why})`, lines);
}

/** The run's facts about this file, shared by the planning steps. */
export interface Planning {
  readonly columns: ColumnMap;
  readonly has: (field: Field) => boolean;
  /** Field → why a value is required in every row. */
  readonly required: Map<Field, string>;
  readonly warnings: Warning[];
}

/**
 * Unused columns that look like a field (METHOD §1.2, rule 5), each with the --map that would
 * read it. Fields chosen with --map are left alone: the user has said which column to read.
 */
export function lookAlikeWarnings(columns: ColumnMap, extra: readonly { readonly kind: string; readonly index: number }[]): Warning[] {
  const asCharacteristic = new Set(extra.filter((x) => x.kind === 'column').map((x) => x.index));
  return lookAlikes(columns, asCharacteristic)
    .filter((l) => columns.matchedBy.get(l.field) !== 'map')
    .map((l) => lookAlikeWarning(l));
}

function lookAlikeWarning(l: LookAlike): Warning {
  const header = excerpt(l.header);
  if (l.readFrom === undefined) {
    return warning('unused-column', `column ${header} is not read, but looks like ${l.field}: if it is, add ${mapHint(l.field, l.header)}`);
  }
  const read = excerpt(l.readFrom);
  if (l.accepted) {
    return warning(
      'two-columns-for-field',
      `two columns could be ${l.field}: ${read} is read and ${header} is not (${read} comes first in the headers accepted); to read ${header} instead, add ${mapHint(l.field, l.header)}`,
    );
  }
  return warning('unused-column', `column ${header} is not read, though it looks like ${l.field}, which is read from ${read}; to read ${header} instead, add ${mapHint(l.field, l.header)}`);
}
