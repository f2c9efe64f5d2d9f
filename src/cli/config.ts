import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { CONFIG_FILE } from './config-file.js';
import { OPTIONS, type OptionSpec } from './option-table.js';

/**
 * `paygap.config.json`: the settings a monthly run repeats, so the command line stays short.
 * Found in the working directory, or given with --config. Every key is optional; options on
 * the command line override it. Its keys are the option table's settings that have a config
 * form; each is read from JSON straight to its typed value (a number stays a number).
 */
export { CONFIG_FILE };

export interface LoadedConfig {
  /** The file as given with --config, or paygap.config.json: how messages and reports name it. */
  readonly file: string;
  /** Setting name → typed value, for the keys the file has. */
  readonly values: ReadonlyMap<string, unknown>;
}

/**
 * The schema of the whole file, from the option table: strict, so a key paygap does not know
 * stops every command, even a key that command would not use. Built when a file is read, so
 * zod is loaded only then.
 */
function configSchema(zod: typeof z) {
  const keys: Record<string, z.ZodType> = { $schema: zod.string().optional() };
  for (const spec of OPTIONS as readonly OptionSpec[]) if (spec.config !== undefined) keys[spec.name] = spec.config(zod).optional();
  return zod.strictObject(keys);
}

/** "map.hourlyRate: expected …" — the key path and the problem, one per line. */
function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return `${issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ')}: not a setting paygap knows`;
    return `${path || '(top level)'}: ${issue.message}`;
  });
}

/** The file's text; undefined when no --config was given and there is no paygap.config.json. */
async function readConfigText(path: string | undefined, cwd: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(cwd, path ?? CONFIG_FILE), 'utf8');
  } catch (error) {
    if (path === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`--config ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * Read the config: the --config path (which must exist), else paygap.config.json in the
 * working directory if there is one. A bad file is a usage error naming the key.
 */
export async function loadConfig(path: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  const text = await readConfigText(path, cwd);
  if (text === undefined) return undefined;
  const file = resolve(cwd, path ?? CONFIG_FILE);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(json, path ?? CONFIG_FILE, file);
}

/**
 * Settings in the config file's form (parsed JSON, or an object a program passes to the
 * library's `analyse`), checked by the same schema: `file` names them in the report,
 * `shown` in messages. A bad key or value is a usage error naming it.
 */
export async function parseConfig(json: unknown, file: string, shown = file): Promise<LoadedConfig> {
  const { z: zod } = await import('zod');
  const result = configSchema(zod).safeParse(json);
  if (!result.success) throw new UsageError(`${shown}:\n  ${describe(result.error).join('\n  ')}`);
  const values = new Map(Object.entries(result.data).filter(([key, value]) => key !== '$schema' && value !== undefined));
  return { file, values };
}
