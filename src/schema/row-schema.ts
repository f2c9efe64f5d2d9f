import { z } from 'zod';
import type { Field } from './fields.js';
import { readSex } from './codes/sex.js';
import { readDisability } from './codes/disability.js';
import { readEthnicity } from './codes/ethnicity.js';
import { parseDate } from './dates.js';
import { assignmentHourlyPay, type DerivedPay, type PayConfig } from './pay.js';

/**
 * The row schema: the single source of truth for what a valid input row is.
 *
 * Every field arrives as the raw text of its cell (`undefined` when the file has no such
 * column). Blank cells are "no value": optional fields become `undefined`, required ones are
 * an issue. Which fields are required depends on the run (pay method, unit), so the schema
 * is built by `rowSchema(requirements)`. `validate-row.ts` applies the same field schemas
 * one cell at a time so that a million rows stay cheap; both paths share these definitions.
 */

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

// Upper limits catch unit mix-ups (pence for pounds, annual for hourly) and overflow such as
// 1e308; real NHS pay is far below them. They are documented in METHOD §1.5.
export const LIMITS = {
  hourlyRate: 10_000,
  periodPay: 10_000_000,
  annualSalary: 10_000_000,
  bonusPay: 10_000_000,
  contractedHours: 168,
  fte: 2,
} as const;

const NUMBER_TEXT = /^\d+(\.\d+)?$|^\.\d+$/;

/**
 * `£31,000.50`, `31000.5`, `31,000` → 31000.5 etc. Thousands commas must be in threes. The
 * message's example is of the field's own size: an hourly rate of 15.50, a salary of 31000.50.
 */
function amount(what: string, max: number, example: readonly [string, string]) {
  const expected = `expected ${what} in pounds, such as ${example[0]} or ${example[1]}`;
  return z
    .string()
    .trim()
    .transform((text) => text.replace(/^£\s*/, ''))
    .check((ctx) => {
      if (ctx.value.startsWith('-')) ctx.issues.push({ code: 'custom', message: `expected ${what} of 0 or more`, input: ctx.value });
    })
    .transform((text) => (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(',', '') : text))
    .refine((text) => NUMBER_TEXT.test(text), { error: expected, abort: true })
    .transform(Number)
    .pipe(z.number().max(max, { error: `expected ${what} of at most ${max.toLocaleString('en-GB')}` }));
}

function quantity(what: string, max: number, example: string) {
  const expected = `expected ${what} as a number from 0 to ${max}, such as ${example}`;
  return z
    .string()
    .trim()
    .refine((text) => NUMBER_TEXT.test(text), { error: expected, abort: true })
    .transform(Number)
    .pipe(z.number().max(max, { error: expected }));
}

/**
 * Money and quantity fields with their upper limits: each one's schema is `amount` or
 * `quantity` above, so a plain decimal such as "37.5" or "1234.5678" gets its number.
 */
export const DECIMAL_LIMITS = {
  hourlyRate: LIMITS.hourlyRate,
  periodPay: LIMITS.periodPay,
  annualSalary: LIMITS.annualSalary,
  bonusPay: LIMITS.bonusPay,
  contractedHours: LIMITS.contractedHours,
  fte: LIMITS.fte,
} as const satisfies Partial<Record<Field, number>>;

// Powers of ten up to 10^15 are exact doubles.
const TENS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The fast path for a money or quantity cell: for text that is only digits with at most one
 * point between digits ("37.5", "0", ".5", "1234.5678"), at most 15 digits and a value of at
 * most `max`, the number its field schema gives; otherwise undefined, and the schema decides
 * (blanks, "£", commas, spaces, signs, too many digits, too large a value, errors).
 *
 * Why the value is the same: such text is an integer m < 10^15 (the digits) over 10^k (k the
 * digits after the point); both are exact doubles, so m / 10^k is the correctly rounded
 * quotient, the double nearest the decimal, which is also what `Number(text)` gives. A
 * property test compares this with the schema for every decimal field and all kinds of text.
 * It is used only as a shortcut: zod stays the definition.
 *
 * @example plainDecimal('37.5', 168) // 37.5
 * @example plainDecimal('£37.50', 168) // undefined: the schema handles it
 */
export function plainDecimal(text: string, max: number): number | undefined {
  const length = text.length;
  if (length === 0 || length > 16) return undefined;
  let digits = 0;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) digits = digits * 10 + d;
    else if (d === -2 && point < 0) point = i; // "."
    else return undefined;
  }
  if (point === length - 1 || (point < 0 && length > 15)) return undefined;
  const value = point < 0 ? digits : digits / (TENS[length - 1 - point]);
  return value <= max ? value : undefined;
}

const YES = new Set(['y', 'yes', 'true', '1']);
const NO = new Set(['n', 'no', 'false', '0']);

function flag(what: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const key = text.toLowerCase();
      if (YES.has(key)) return true;
      if (NO.has(key)) return false;
      ctx.issues.push({ code: 'custom', message: `expected Y or N for ${what}`, input: text });
      return z.NEVER;
    });
}

/** Free text (identifiers, labels). Shared, so cellSchema can give required text a lean schema. */
const TEXT = z.string().trim();

/** Field schemas on non-blank text. Characteristic codes never fail: unknown values are counted. */
const BUILD = {
  employeeNumber: () => TEXT,
  assignmentNumber: () => TEXT,
  primaryAssignment: () => flag('primary assignment'),
  sex: () => z.string().transform(readSex),
  ethnicity: () => z.string().transform(readEthnicity),
  disability: () => z.string().transform(readDisability),
  hourlyRate: () => amount('hourly rate', DECIMAL_LIMITS.hourlyRate, ['15.50', '£15.50']),
  periodPay: () => amount('period pay', DECIMAL_LIMITS.periodPay, ['2583.50', '£2,583.50']),
  annualSalary: () => amount('annual salary', DECIMAL_LIMITS.annualSalary, ['31000.50', '£31,000.50']),
  contractedHours: () => quantity('contracted hours per week', DECIMAL_LIMITS.contractedHours, '37.5'),
  fte: () => quantity('FTE', DECIMAL_LIMITS.fte, '0.8'),
  bonusPay: () => amount('bonus pay', DECIMAL_LIMITS.bonusPay, ['1500.00', '£1,500.00']),
  fullPay: () => flag('full pay'),
  staffGroup: () => TEXT,
  grade: () => TEXT,
  dateOfBirth: () => z.string().trim().transform((text, ctx) => {
    const date = parseDate(text);
    if (date === undefined) {
      ctx.issues.push({ code: 'custom', message: 'expected a date such as 1980-01-31, 31/01/1980 or 31-JAN-1980', input: text });
      return z.NEVER;
    }
    return date;
  }),
} satisfies Record<Field, () => z.ZodType>;

/**
 * Each field's schema, built the first time a run needs it (building all of them at start-up
 * costs more than reading a small file).
 */
export const FIELD_SCHEMAS = {} as { readonly [F in Field]: ReturnType<(typeof BUILD)[F]> };
for (const field of Object.keys(BUILD) as Field[]) {
  let built: z.ZodType | undefined;
  Object.defineProperty(FIELD_SCHEMAS, field, { enumerable: true, get: () => (built ??= BUILD[field]()) });
}

export type FieldSchemas = typeof FIELD_SCHEMAS;
export type FieldValue<F extends Field> = z.output<FieldSchemas[F]>;

/** Blank cells of these fields mean something rather than "missing". */
const BLANK_DEFAULTS: Partial<Record<Field, string>> = {
  sex: '',
  ethnicity: '',
  disability: '',
  bonusPay: '0',
  fullPay: 'Y',
};

export interface Requirements {
  /** Fields present in the file. Only these are validated. */
  readonly present: ReadonlySet<Field>;
  /** Fields every row must have a value for, with the reason (shown in the message). */
  readonly required: ReadonlyMap<Field, string>;
}

/** The schema for one field in this run: blank handling, then the field's own rules. */
export function cellSchema(field: Field, requirements: Requirements): z.ZodType {
  // Every field schema takes the cell's text.
  const base = FIELD_SCHEMAS[field] as z.ZodType<unknown, string>;
  const blank = BLANK_DEFAULTS[field];
  if (blank !== undefined) {
    return z.preprocess((value) => (blankToUndefined(value) === undefined ? blank : value), base);
  }
  const why = requirements.required.get(field);
  // Required free text (the employee number, checked on every row as it never repeats):
  // the same verdicts as the general form below, in one step.
  if (why !== undefined && base === TEXT) return z.string().trim().min(1, { error: why });
  if (base === TEXT) return z.string().trim().transform((text) => (text === '' ? undefined : text));
  if (why !== undefined) {
    return z.preprocess(blankToUndefined, z.string({ error: why }).pipe(base));
  }
  return z.preprocess(blankToUndefined, base.optional());
}

/** The cells of one row after their field schemas, before the cross-field rule. */
export type RowValues = { [F in Field]?: FieldValue<F> | undefined };

/**
 * The cross-field rule: the row's pay columns must give an hourly rate under this run's
 * pay method (for example, period pay needs contracted hours above 0).
 */
export function derivePay(values: RowValues, pay: PayConfig): DerivedPay {
  return assignmentHourlyPay(values, pay);
}

/** The whole-row schema for this run. Keys are the fields present in the file. */
export function rowSchema(requirements: Requirements, pay: PayConfig) {
  const shape: Partial<Record<Field, z.ZodType>> = {};
  for (const field of requirements.present) shape[field] = cellSchema(field, requirements);
  return z.object(shape as Record<Field, z.ZodType>).check((ctx) => {
    const derived = derivePay(ctx.value as RowValues, pay);
    if (!derived.ok) ctx.issues.push({ code: 'custom', message: derived.message, path: [derived.field], input: ctx.value });
  });
}
