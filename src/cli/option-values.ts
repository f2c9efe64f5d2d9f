import type { z } from 'zod';
import { excerpt, UsageError } from '../errors.js';
import { FIELDS, SUMMABLE_FIELDS, isField, normaliseHeader, type Field, type MappedColumns } from '../schema/fields.js';
import { BASE_CHARACTERISTICS, type Characteristic } from '../schema/characteristics.js';
import { parseDate } from '../schema/dates.js';
import { VIEWS } from '../report/views.js';

/**
 * How option values are read: from the command line (text) and from the config file (JSON),
 * into the same typed value. A check shared by both sides is written once; each side words
 * the problem for where it was found (`--delimiter x: expected …`, `delimiter: expected …`).
 * This module loads without zod: the config reader passes zod in when it builds its schema.
 */
export type Zod = typeof z;

/** What commander gives: the text of `--x <v>`, every text of a repeatable `--x <v>`, or a flag. */
export type Reader<T> =
  | { readonly kind: 'text'; readonly parse: (text: string) => T }
  | { readonly kind: 'list'; readonly parse: (entries: readonly string[]) => T }
  | { readonly kind: 'flag'; readonly parse: (on: boolean) => T };

export const text = <T>(parse: (text: string) => T): Reader<T> => ({ kind: 'text', parse });
export const list = <T>(parse: (entries: readonly string[]) => T): Reader<T> => ({ kind: 'list', parse });
export const flag: Reader<boolean> = { kind: 'flag', parse: (on) => on };

/** One of commander's checked choices, typed. */
export const choice = <T extends string>(_choices: readonly T[]): Reader<T> => text((value) => value as T);

/** Every entry read; all the problems reported together as one usage error. */
export function everyEntry<T>(entries: readonly string[], read: (entry: string) => T): T[] {
  const values: T[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    try {
      values.push(read(entry));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return values;
}

/** A JSON string read by the same check as the command line's text. */
export function checkedString<T>(zod: Zod, check: (text: string) => T | undefined, expected: string) {
  return zod.string().transform((value, ctx) => {
    const result = check(value);
    if (result === undefined) {
      ctx.issues.push({ code: 'custom', input: value, message: expected });
      return zod.NEVER;
    }
    return result;
  });
}

/** A text read by `check`; `--flag value: expected …` when it fails. */
export function checkedText<T>(flagName: string, check: (text: string) => T | undefined, expected: string): Reader<T> {
  return text((value) => {
    const result = check(value);
    if (result === undefined) throw new UsageError(`${flagName} ${excerpt(value)}: ${expected}`);
    return result;
  });
}

/** A whole number in [min, max]; on the command line, `message` when it is not. */
export function wholeNumber(min: number, max: number, message: string) {
  return {
    read: text((value) => {
      if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(message);
      return Number(value);
    }),
    config: (zod: Zod) => zod.number().int().min(min).max(max),
  };
}

/** A file name; an empty one is a usage error, not a write to the working directory. */
export const fileName = (flagName: string): Reader<string> =>
  text((value) => {
    if (value === '') throw new UsageError(`${flagName} '': expected a file name`);
    return value;
  });

/** --sheet: a sheet's name as Excel allows it (1 to 31 characters). */
export const sheetName = {
  read: text((value) => {
    if (value.trim() === '' || value.length > 31) throw new UsageError(`--sheet ${JSON.stringify(value)}: expected the name of a sheet (1 to 31 characters)`);
    return value;
  }),
  config: (zod: Zod) => zod.string().min(1).max(31),
};

/** --ci: a confidence level from 50 to 99.9. */
export const ciLevel = {
  read: text((value) => {
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < 50 || Number(value) >= 100) {
      throw new UsageError('expected --ci to be a confidence level such as 95 (50 to 99.9)');
    }
    return Number(value);
  }),
  config: (zod: Zod) => zod.number().min(50).max(99.9),
};

function characteristicList(value: string): readonly Characteristic[] | undefined {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0 || names.some((n) => !(BASE_CHARACTERISTICS as readonly string[]).includes(n))) return undefined;
  return [...new Set(names)] as Characteristic[];
}

/** --by sex,ethnicity; in the config file, ["sex", "ethnicity"]. */
export const by = {
  read: checkedText('--by', characteristicList, `expected a comma-separated list of ${BASE_CHARACTERISTICS.join(', ')}`),
  config: (zod: Zod) => zod.array(zod.enum(BASE_CHARACTERISTICS)).min(1).transform((names): readonly Characteristic[] => [...new Set(names)]),
};

const summable = [...SUMMABLE_FIELDS].join(', ');

/**
 * --map field=Header (repeatable); in the config file, { "field": "Header" }. A summable field
 * (bonusPay) may be given several times, or an array in the config, to sum columns (METHOD §1.11).
 */
export const map = {
  read: list((entries) => {
    const pairs = everyEntry(entries, (entry) => {
      const at = entry.indexOf('=');
      const field = at === -1 ? entry : entry.slice(0, at).trim();
      const header = at === -1 ? '' : entry.slice(at + 1).trim();
      if (!isField(field) || header === '') {
        throw new UsageError(`--map ${excerpt(entry)}: expected field=Header, where field is one of ${FIELDS.join(', ')} (see paygap columns)`);
      }
      return [field, header] as const;
    });
    const mapped = new Map<Field, MappedColumns>();
    const problems = new Set<string>();
    for (const [field, header] of pairs) {
      const before = mapped.get(field);
      const list = before === undefined ? [] : typeof before === 'string' ? [before] : before;
      if (before === undefined) mapped.set(field, header);
      else if (list.some((h) => normaliseHeader(h) === normaliseHeader(header))) problems.add(`--map ${field}=${excerpt(header)} is given twice: each column is summed once`);
      else if (SUMMABLE_FIELDS.has(field)) mapped.set(field, [...list, header]);
      else problems.add(`--map ${field} is given more than once: only ${summable} can be read from several columns (they are summed)`);
    }
    if (problems.size > 0) throw new UsageError([...problems].join('; '));
    return mapped as ReadonlyMap<Field, MappedColumns>;
  }),
  config: (zod: Zod) =>
    zod
      .partialRecord(zod.enum(FIELDS), zod.union([zod.string().min(1), zod.array(zod.string().min(1)).min(1)]))
      .check((ctx) => {
        for (const [field, value] of Object.entries(ctx.value)) {
          if (Array.isArray(value) && !SUMMABLE_FIELDS.has(field as Field)) {
            ctx.issues.push({ code: 'custom', input: value, path: [field], message: `expected one header: only ${summable} can be read from several columns` });
          }
        }
      })
      .transform((record) => new Map(Object.entries(record) as [Field, MappedColumns][]) as ReadonlyMap<Field, MappedColumns>),
};

// A Map: `--delimiter constructor` must not find the object's own machinery.
const DELIMITER_NAMES: ReadonlyMap<string, string> = new Map([
  ['comma', ','],
  ['semicolon', ';'],
  ['tab', '\t'],
  ['pipe', '|'],
  ['\\t', '\t'],
]);

function delimiterChar(value: string): string | undefined {
  if (value === 'auto') return 'auto';
  const char = DELIMITER_NAMES.get(value) ?? value;
  return char.length !== 1 || char === '"' || char === '\n' || char === '\r' ? undefined : char;
}

/** --delimiter: one character, a name (comma, semicolon, tab, pipe) or auto. */
export const delimiter = {
  read: checkedText('--delimiter', delimiterChar, 'expected one character, or comma, semicolon, tab, pipe or auto'),
  config: (zod: Zod) => checkedString(zod, delimiterChar, 'expected one character, or comma, semicolon, tab, pipe or auto'),
};

/** --snapshot-date: a date, kept as YYYY-MM-DD. */
export const snapshotDate = {
  read: checkedText<string | null>('--snapshot-date', parseDate, 'expected a date such as 2025-03-31'),
  config: (zod: Zod) => checkedString<string | null>(zod, parseDate, 'expected a date such as 2025-03-31'),
};

/** A view named as "sex", "broad", "ethnicity/broad"; plain "ethnicity" is the White / BME view. */
export function viewKey(name: string): string | undefined {
  const views = Object.values(VIEWS).flat();
  const wanted = name === 'ethnicity' ? 'ethnicity/binary' : name;
  const view = views.find((v) => `${v.characteristic}/${v.view}` === wanted || v.view === wanted);
  return view === undefined ? undefined : `${view.characteristic}/${view.view}`;
}

/** "sex,ethnicity/broad" → two view keys of different characteristics. */
function intersectPair(entry: string): readonly [string, string] | undefined {
  const keys = entry.split(/[,×]/).map((s) => s.trim()).filter(Boolean).map(viewKey);
  const [a, b] = keys;
  if (keys.length !== 2 || a === undefined || b === undefined || a.split('/')[0] === b.split('/')[0]) return undefined;
  return [a, b];
}

const INTERSECT_EXPECTED = 'expected two characteristics or views, e.g. sex,ethnicity or sex,ethnicity/broad or disability,sex';

/** --intersect a,b (repeatable); in the config file, ["a,b", …]. */
export const intersect = {
  read: list((entries): readonly (readonly [string, string])[] => everyEntry(entries, (entry) => {
    const pair = intersectPair(entry);
    if (pair === undefined) throw new UsageError(`--intersect ${excerpt(entry)}: ${INTERSECT_EXPECTED}`);
    return pair;
  })),
  config: (zod: Zod) => zod.array(checkedString(zod, intersectPair, INTERSECT_EXPECTED)).readonly(),
};

/** A reference group asked for: the view or custom characteristic named, and the group. */
export interface ReferenceChoice {
  readonly name: string;
  readonly group: string;
  /** As written, for messages: `sex=Female`. */
  readonly entry: string;
}

const referenceChoice = (entry: string): ReferenceChoice => {
  const at = entry.indexOf('=');
  return { name: entry.slice(0, at === -1 ? entry.length : at).trim(), group: at === -1 ? '' : entry.slice(at + 1).trim(), entry };
};

/** --reference view=Group (repeatable); in the config file, "referenceGroups": { "view": "Group" }. */
export const referenceGroups = {
  read: list((entries): readonly ReferenceChoice[] => entries.map(referenceChoice)),
  config: (zod: Zod) =>
    zod.record(zod.string(), zod.string().min(1)).transform((record): readonly ReferenceChoice[] => Object.entries(record).map(([name, group]) => referenceChoice(`${name}=${group}`))),
};

/** A characteristic from any column: the same shape as an entry of the config's "characteristics". */
export interface CharacteristicSetting {
  readonly name: string;
  readonly column: string;
  readonly reference?: string | undefined;
  readonly undisclosed?: readonly string[] | undefined;
}

const CHARACTERISTIC_NAME = /^[a-z][a-z0-9-]*$/;
const builtIn = (name: string) => (BASE_CHARACTERISTICS as readonly string[]).includes(name) || name === 'age';

/** "name=Value" with a lower-case name, for --characteristic and --undisclosed. */
function namedEntry(entry: string, option: '--characteristic' | '--undisclosed'): readonly [string, string] {
  const at = entry.indexOf('=');
  const name = entry.slice(0, at === -1 ? 0 : at).trim();
  const value = entry.slice(at + 1).trim();
  if (at === -1 || !CHARACTERISTIC_NAME.test(name) || value === '') {
    throw new UsageError(`${option} ${excerpt(entry)}: expected name=${option === '--characteristic' ? 'Header' : 'Value'}, with a lower-case name such as religion`);
  }
  return [name, value];
}

/** --characteristic name=Header (repeatable); in the config file, "characteristics": [{ name, column, … }]. */
export const characteristics = {
  read: list((entries): readonly CharacteristicSetting[] => everyEntry(entries, (entry): CharacteristicSetting => {
    const [name, column] = namedEntry(entry, '--characteristic');
    if (builtIn(name)) throw new UsageError(`--characteristic ${excerpt(entry)}: ${name} is built in`);
    return { name, column };
  })),
  config: (zod: Zod) =>
    zod.array(
      zod.strictObject({
        name: zod
          .string()
          .regex(CHARACTERISTIC_NAME, { error: 'expected a lower-case name such as religion' })
          .refine((name) => !builtIn(name), { error: 'this characteristic is built in' }),
        column: zod.string().min(1),
        reference: zod.string().optional(),
        undisclosed: zod.array(zod.string()).optional(),
      }),
    ),
  /** Both given: the config's entries, each replaced by a command-line entry of the same name. */
  merge(fromConfig: readonly CharacteristicSetting[], fromCommandLine: readonly CharacteristicSetting[]): readonly CharacteristicSetting[] {
    const merged = fromConfig.map((c) => ({ ...c, ...fromCommandLine.find((x) => x.name === c.name) }));
    return [...merged, ...fromCommandLine.filter((x) => !fromConfig.some((c) => c.name === x.name))];
  },
};

/** --undisclosed name=Value|Value (repeatable): the values of a characteristic that mean not disclosed. */
export const undisclosed = list((entries) => {
  const pairs = everyEntry(entries, (entry) => {
    const [name, values] = namedEntry(entry, '--undisclosed');
    return [name, values.split('|').map((v) => v.trim())] as const;
  });
  return new Map<string, readonly string[]>(pairs);
});

/** `paygap sample`'s whole numbers: `--rows x: expected a whole number of at least 1`. */
export const atLeast = (flagName: string, min: number): Reader<number> =>
  text((value) => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flagName} ${excerpt(value)}: expected a whole number of at least ${min}`);
    return Number(value);
  });

