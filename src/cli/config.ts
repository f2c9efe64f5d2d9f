import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { FIELDS } from '../schema/fields.js';
import { UNITS, WITHIN } from '../ingest/plan.js';
import { BASE_CHARACTERISTICS } from '../schema/characteristics.js';
import { PAY_METHODS, PAY_PERIOD_DAYS } from '../schema/pay.js';
import { ENCODINGS } from '../io/scan-records.js';
import { CONFIG_FILE } from './config-file.js';

/**
 * `paygap.config.json`: the settings a monthly run repeats, so the command line stays short.
 * Found in the working directory, or given with --config. Every key is optional; options on
 * the command line override it.
 */
export { CONFIG_FILE };

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    map: z.partialRecord(z.enum(FIELDS), z.string().min(1)).optional(),
    payMethod: z.enum(['auto', ...PAY_METHODS]).optional(),
    payPeriod: z.enum(Object.keys(PAY_PERIOD_DAYS) as [string, ...string[]]).optional(),
    salaryBasis: z.enum(['fte', 'actual']).optional(),
    unit: z.enum(UNITS).optional(),
    minGroupSize: z.number().int().min(0).optional(),
    by: z.array(z.enum(BASE_CHARACTERISTICS)).min(1).optional(),
    referenceGroups: z.record(z.string(), z.string().min(1)).optional(),
    delimiter: z.string().optional(),
    encoding: z.enum(ENCODINGS).optional(),
    snapshotDate: z.string().optional(),
    within: z.enum(WITHIN).optional(),
    intersect: z.array(z.string()).optional(),
    characteristics: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lower-case name such as religion' }),
          column: z.string().min(1),
          reference: z.string().optional(),
          undisclosed: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    age: z.boolean().optional(),
    ci: z.number().min(50).max(99.9).optional(),
    resamples: z.number().int().min(100).max(100_000).optional(),
    seed: z.number().int().min(0).optional(),
  });

export type Config = z.output<typeof configSchema>;

/** "map.hourlyRate: expected …" — the key path and the problem, one per line. */
function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return `${issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ')}: not a setting paygap knows`;
    return `${path || '(top level)'}: ${issue.message}`;
  });
}

/**
 * Read the config: the --config path (which must exist), else paygap.config.json in the
 * working directory if there is one. A bad file is a usage error naming the key.
 */
export async function loadConfig(path: string | undefined, cwd: string): Promise<{ path: string; config: Config } | undefined> {
  const file = resolve(cwd, path ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (path === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`--config ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = configSchema.safeParse(json);
  if (!result.success) throw new UsageError(`${file}:\n  ${describe(result.error).join('\n  ')}`);
  return { path: file, config: result.data };
}

/**
 * The config as command-line values (the shape commander produces), so config and options
 * are checked by one set of rules. Options given on the command line win, key by key;
 * --map and --reference entries are merged, the command line's winning per field or view.
 */
export function mergeConfig(config: Config, cli: Record<string, unknown>): Record<string, unknown> {
  const fromConfig: Record<string, unknown> = {
    payMethod: config.payMethod,
    payPeriod: config.payPeriod,
    salaryBasis: config.salaryBasis,
    unit: config.unit,
    minGroupSize: config.minGroupSize === undefined ? undefined : String(config.minGroupSize),
    by: config.by?.join(','),
    delimiter: config.delimiter,
    encoding: config.encoding,
    snapshotDate: config.snapshotDate,
    within: config.within,
    ci: config.ci === undefined ? undefined : String(config.ci),
    resamples: config.resamples === undefined ? undefined : String(config.resamples),
    seed: config.seed === undefined ? undefined : String(config.seed),
  };
  const merged: Record<string, unknown> = { ...cli };
  for (const [key, value] of Object.entries(fromConfig)) if (merged[key] === undefined && value !== undefined) merged[key] = value;
  const entries = (key: string, record: Record<string, string> | undefined) => {
    const given = (cli[key] as string[] | undefined) ?? [];
    const named = new Set(given.map((e) => e.slice(0, e.indexOf('=')).trim()));
    const fromFile = Object.entries(record ?? {})
      .filter(([name]) => !named.has(name))
      .map(([name, value]) => `${name}=${value}`);
    return [...fromFile, ...given];
  };
  merged.map = entries('map', config.map as Record<string, string> | undefined);
  merged.reference = entries('reference', config.referenceGroups);
  merged.characteristic = [...(config.characteristics ?? []).map((c) => `${c.name}=${c.column}`), ...((cli.characteristic as string[] | undefined) ?? [])];
  merged.undisclosed = [
    ...(config.characteristics ?? []).filter((c) => c.undisclosed).map((c) => `${c.name}=${c.undisclosed!.join('|')}`),
    ...((cli.undisclosed as string[] | undefined) ?? []),
  ];
  merged.reference = [...(config.characteristics ?? []).filter((c) => c.reference).map((c) => `${c.name}=${c.reference}`), ...(merged.reference as string[])];
  if (merged.age === undefined && config.age === true) merged.age = true;
  merged.intersect = [...(config.intersect ?? []), ...((cli.intersect as string[] | undefined) ?? [])];
  return merged;
}
