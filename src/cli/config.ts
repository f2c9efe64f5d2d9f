import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { shortened, UsageError } from '../errors.js';
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

/** A key path for a message, each key shortened (a key can be any length): `map.hourlyRate`. */
const keyPath = (path: readonly PropertyKey[]) => path.map((k) => shortened(String(k))).join('.');

/** "map.hourlyRate: expected …" — the key path and the problem, one per line (at most 20). */
function describe(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, 20).map((issue) => {
    const path = keyPath(issue.path);
    if (issue.code === 'unrecognized_keys') return `${issue.keys.slice(0, 20).map((k) => (path ? `${path}.${shortened(k)}` : shortened(k))).join(', ')}: not a setting paygap knows`;
    return `${path || '(top level)'}: ${shortened(issue.message, 200)}`;
  });
  if (error.issues.length > lines.length) lines.push(`and ${error.issues.length - lines.length} more problems`);
  return lines;
}

/**
 * Keys named `__proto__` anywhere in the file (JSON.parse makes them ordinary keys, which a
 * schema for a map of names may let through and code may then treat as the prototype). The
 * walk keeps its own stack, so a deeply nested file cannot overflow the call stack.
 */
function prototypeKeys(json: unknown): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: json, path: '' }];
  while (stack.length > 0 && found.length < 5) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      const at = path === '' ? shortened(key) : `${path}.${shortened(key)}`;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') found.push(at);
      else stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return found;
}

/** The file's text; undefined when no --config was given and there is no paygap.config.json. */
async function readConfigText(path: string | undefined, cwd: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(cwd, path ?? CONFIG_FILE), 'utf8');
  } catch (error) {
    if (path === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`--config ${shortened(path ?? CONFIG_FILE)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
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
    throw new UsageError(`${file} is not valid JSON: ${shortened((error as Error).message, 200)}`);
  }
  return parseConfig(json, path ?? CONFIG_FILE, file);
}

/**
 * Settings in the config file's form (parsed JSON, or an object a program passes to the
 * library's `analyse`), checked by the same schema: `file` names them in the report,
 * `shown` in messages. A bad key or value is a usage error naming it.
 */
export async function parseConfig(json: unknown, file: string, shown = file): Promise<LoadedConfig> {
  const reserved = prototypeKeys(json);
  if (reserved.length > 0) throw new UsageError(`${shown}:\n  ${reserved.map((at) => `${at}: not a setting paygap knows (a key of this name is never allowed)`).join('\n  ')}`);
  const { z: zod } = await import('zod');
  const result = configSchema(zod).safeParse(json);
  if (!result.success) throw new UsageError(`${shown}:\n  ${describe(result.error).join('\n  ')}`);
  const values = new Map(Object.entries(result.data).filter(([key, value]) => key !== '$schema' && value !== undefined));
  return { file, values };
}
