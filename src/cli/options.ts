import { z } from 'zod';
import { UsageError } from '../errors.js';
import { FIELDS, isField, type Field } from '../schema/fields.js';
import { UNITS, WITHIN, type Unit, type Within } from '../ingest/plan.js';
import { BASE_CHARACTERISTICS, type Characteristic, type ExtraCharacteristic } from '../schema/characteristics.js';
import { PAY_METHODS, PAY_PERIOD_DAYS, type PayMethod, type PayPeriod, type SalaryBasis } from '../schema/pay.js';
import { parseDate } from '../schema/dates.js';
import { ENCODINGS, type Encoding } from '../io/scan-records.js';
import { VIEWS } from '../report/views.js';

/** Options shared by every command that reads an export. */
export interface ReadOptions {
  readonly payMethod: PayMethod | 'auto';
  readonly unit?: Unit | undefined;
  readonly by?: readonly Characteristic[] | undefined;
  readonly salaryBasis: SalaryBasis;
  readonly payPeriod: PayPeriod;
  readonly map: ReadonlyMap<Field, string>;
  readonly strict: boolean;
  readonly quiet: boolean;
  /** Reading threads; undefined: 2 for files of 32 MB or more, else 1. */
  readonly threads?: number | undefined;
  readonly within?: Within | undefined;
  /** --characteristic and --age. */
  readonly extra?: readonly ExtraCharacteristic[] | undefined;
  /** Characteristics named by --intersect (they are read and reported). */
  readonly intersecting?: readonly Characteristic[] | undefined;
  /** A single character, or 'auto'. */
  readonly delimiter?: string | undefined;
  readonly encoding?: Encoding | undefined;
}

import { REPORT_FORMATS, type Format, type ReportFormat } from './formats.js';
export type { Format };

export interface ReportOptions extends ReadOptions {
  readonly format: ReportFormat;
  /** --previous: a JSON report to compare with (HTML year-on-year charts). */
  readonly previous?: string | undefined;
  /** Pairs of views to intersect, as "characteristic/view". */
  readonly intersect: readonly (readonly [string, string])[];
  readonly ci?: { readonly level: number; readonly resamples: number; readonly seed: number } | undefined;
  /** "characteristic/view" → the reference group chosen for it. */
  readonly references: ReadonlyMap<string, string>;
  readonly output?: string | undefined;
  readonly minGroupSize: number;
  readonly snapshotDate: string | null;
  readonly color?: boolean | undefined;
}

const mapEntries = z.array(z.string()).transform((entries, ctx) => {
  const map = new Map<Field, string>();
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const field = at === -1 ? entry : entry.slice(0, at).trim();
    const header = at === -1 ? '' : entry.slice(at + 1).trim();
    if (!isField(field) || header === '') {
      ctx.issues.push({
        code: 'custom',
        input: entry,
        message: `--map ${entry}: expected field=Header, where field is one of ${FIELDS.join(', ')} (see paygap columns)`,
      });
      continue;
    }
    map.set(field, header);
  }
  return map;
});

const byList = z.string().transform((text, ctx) => {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = names.filter((n) => !(BASE_CHARACTERISTICS as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0) {
    ctx.issues.push({ code: 'custom', input: text, message: `--by ${text}: expected a comma-separated list of ${BASE_CHARACTERISTICS.join(', ')}` });
    return z.NEVER;
  }
  return [...new Set(names)] as Characteristic[];
});

const readShape = {
  payMethod: z.enum(['auto', ...PAY_METHODS]).default('auto'),
  unit: z.enum(UNITS).optional(),
  by: byList.optional(),
  salaryBasis: z.enum(['fte', 'actual']).default('fte'),
  payPeriod: z.enum(Object.keys(PAY_PERIOD_DAYS) as [PayPeriod, ...PayPeriod[]]).default('monthly'),
  map: z.preprocess((value) => value ?? [], mapEntries),
  strict: z.boolean().default(false),
  quiet: z.boolean().default(false),
  delimiter: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === 'auto') return 'auto';
      const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', '\\t': '\t' };
      const value = named[s] ?? s;
      if (value.length !== 1 || value === '"' || value === '\n' || value === '\r') {
        ctx.issues.push({ code: 'custom', input: s, message: `--delimiter ${s}: expected one character, or comma, semicolon, tab, pipe or auto` });
        return z.NEVER;
      }
      return value;
    }),
  encoding: z.enum(ENCODINGS).optional(),
  within: z.enum(WITHIN).optional(),
  threads: z
    .string()
    .optional()
    .refine((s) => s === undefined || /^[1-9]\d?$/.test(s), { error: 'expected --threads to be a whole number from 1 to 99' })
    .transform((s) => (s === undefined ? undefined : Number(s))),
};

/**
 * --characteristic name=Header (any categorical column), --undisclosed name=Value|Value and
 * --age, with --reference name=Group for either. Names are lower-case words.
 */
function extraCharacteristics(raw: Record<string, unknown>): { extra: ExtraCharacteristic[]; references: string[] } {
  const extra: ExtraCharacteristic[] = [];
  const split = (entry: string, option: string) => {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at === -1 ? 0 : at).trim();
    const value = entry.slice(at + 1).trim();
    if (at === -1 || !/^[a-z][a-z0-9-]*$/.test(name) || value === '') {
      throw new UsageError(`${option} ${entry}: expected name=${option === '--characteristic' ? 'Header' : 'Value'}, with a lower-case name such as religion`);
    }
    return [name, value] as const;
  };
  for (const entry of (raw.characteristic as string[] | undefined) ?? []) {
    const [name, header] = split(entry, '--characteristic');
    if ((BASE_CHARACTERISTICS as readonly string[]).includes(name) || name === 'age') throw new UsageError(`--characteristic ${entry}: ${name} is built in`);
    extra.push({ name, header, kind: 'column' });
  }
  if (raw.age === true) extra.push({ name: 'age', kind: 'age' });
  const undisclosed = new Map<string, string[]>();
  for (const entry of (raw.undisclosed as string[] | undefined) ?? []) {
    const [name, values] = split(entry, '--undisclosed');
    if (!extra.some((x) => x.name === name && x.kind === 'column')) throw new UsageError(`--undisclosed ${entry}: no --characteristic ${name}`);
    undisclosed.set(name, values.split('|').map((v) => v.trim()));
  }
  const references: string[] = [];
  const chosen = new Map<string, string>();
  for (const entry of (raw.reference as string[] | undefined) ?? []) {
    const name = entry.slice(0, Math.max(0, entry.indexOf('='))).trim();
    if (extra.some((x) => x.name === name)) chosen.set(name, entry.slice(entry.indexOf('=') + 1).trim());
    else references.push(entry);
  }
  return {
    extra: extra.map((x) => ({ ...x, reference: chosen.get(x.name), undisclosed: undisclosed.get(x.name) })),
    references,
  };
}

const readSchema = z.object(readShape);

/**
 * --reference view=Group: the view as "sex", "broad" or "ethnicity/broad"; the group must be
 * one of the view's groups and not an undisclosed category.
 */
const referenceEntries = z.array(z.string()).transform((entries, ctx) => {
  const references = new Map<string, string>();
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at === -1 ? entry.length : at).trim();
    const group = at === -1 ? '' : entry.slice(at + 1).trim();
    const views = Object.values(VIEWS).flat();
    const view = views.find((v) => `${v.characteristic}/${v.view}` === name || v.view === name);
    if (view === undefined) {
      const names = views.map((v) => `${v.characteristic}/${v.view}`).join(', ');
      ctx.issues.push({ code: 'custom', input: entry, message: `--reference ${entry}: expected view=Group, where view is one of ${names}` });
      continue;
    }
    const choices = view.groups.filter((g) => g.comparable).map((g) => g.name);
    if (!choices.includes(group)) {
      ctx.issues.push({
        code: 'custom',
        input: entry,
        message: `--reference ${entry}: the reference group for ${view.characteristic}/${view.view} must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
      });
      continue;
    }
    references.set(`${view.characteristic}/${view.view}`, group);
  }
  return references;
});

/** A view named as "sex", "broad", "ethnicity/broad"; plain "ethnicity" is the White / BME view. */
export function viewKey(name: string): string | undefined {
  const views = Object.values(VIEWS).flat();
  const wanted = name === 'ethnicity' ? 'ethnicity/binary' : name;
  const view = views.find((v) => `${v.characteristic}/${v.view}` === wanted || v.view === wanted);
  return view === undefined ? undefined : `${view.characteristic}/${view.view}`;
}

const intersectPairs = z.array(z.string()).transform((entries, ctx) => {
  const pairs: [string, string][] = [];
  for (const entry of entries) {
    const names = entry.split(/[,×]/).map((s) => s.trim()).filter(Boolean);
    const keys = names.map(viewKey);
    if (names.length !== 2 || keys.some((k) => k === undefined) || keys[0]!.split('/')[0] === keys[1]!.split('/')[0]) {
      ctx.issues.push({
        code: 'custom',
        input: entry,
        message: `--intersect ${entry}: expected two characteristics or views, e.g. sex,ethnicity or sex,ethnicity/broad or disability,sex`,
      });
      continue;
    }
    pairs.push([keys[0]!, keys[1]!]);
  }
  return pairs;
});

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .refine((s) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max, { error: `expected ${name} to be a whole number from ${min} to ${max}` })
    .transform(Number);

const reportSchema = z.object({
  ...readShape,
  previous: z.string().optional(),
  ciLevel: z
    .string()
    .optional()
    .refine((s) => s === undefined || (/^\d+(\.\d+)?$/.test(s) && Number(s) >= 50 && Number(s) < 100), { error: 'expected --ci to be a confidence level such as 95 (50 to 99.9)' })
    .transform((s) => (s === undefined ? undefined : Number(s))),
  resamples: wholeNumber('--resamples', 100, 100_000).default(1000),
  seed: wholeNumber('--seed', 0, 2 ** 31).default(1),
  intersect: z.preprocess((value) => value ?? [], intersectPairs),
  references: z.preprocess((value) => value ?? [], referenceEntries),
  format: z.enum(REPORT_FORMATS).default('table'),
  output: z.string().optional(),
  minGroupSize: z
    .string()
    .default('10')
    .refine((s) => /^\d+$/.test(s), { error: 'expected --min-group-size to be a whole number (0 turns suppression off)' })
    .transform(Number),
  snapshotDate: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return null;
      const date = parseDate(text);
      if (date === undefined) {
        ctx.issues.push({ code: 'custom', input: text, message: `--snapshot-date ${text}: expected a date such as 2025-03-31` });
        return z.NEVER;
      }
      return date;
    }),
  color: z.boolean().optional(),
});

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join('; '));
  return result.data;
}

/** Commander's raw option values → typed read options; bad values are usage errors (exit 2). */
export function readOptions(raw: Record<string, unknown>): ReadOptions {
  return { ...parseWith(readSchema, raw), extra: extraCharacteristics(raw).extra };
}

export function reportOptions(raw: Record<string, unknown>): ReportOptions {
  const { extra, references } = extraCharacteristics(raw);
  if (extra.some((x) => x.kind === 'age') && raw.snapshotDate === undefined) {
    throw new UsageError('--age needs --snapshot-date: ages are counted at the snapshot date, e.g. --snapshot-date 2025-03-31');
  }
  const { ciLevel, resamples, seed, ...options } = parseWith(reportSchema, {
    ...raw,
    references,
    ciLevel: raw.ci,
    resamples: raw.resamples ?? undefined,
    seed: raw.seed ?? undefined,
  });
  const intersecting = [...new Set(options.intersect.flat().map((key) => key.split('/')[0] as Characteristic))];
  return { ...options, intersecting, extra, ci: ciLevel === undefined ? undefined : { level: ciLevel, resamples, seed } };
}
