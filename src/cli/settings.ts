import { UsageError } from '../errors.js';
import type { SettingSource } from '../report/model.js';
import { optionsOf, type CommandName, type OptionSpec, type Settings } from './option-table.js';
import type { Given } from './program.js';
import type { LoadedConfig } from './config.js';

/** A command's settings and where each came from. */
export interface Resolved<C extends CommandName> {
  readonly command: C;
  readonly settings: Settings<C>;
  /** Every option of the command, by setting name: default, config file or command line. */
  readonly sources: Readonly<Record<string, SettingSource>>;
}

/** The command line's values, typed; every bad value reported together (exit 2). */
function readCommandLine(specs: readonly OptionSpec[], given: Given): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const problems: string[] = [];
  for (const spec of specs) {
    const raw = given[spec.name];
    if (raw === undefined || spec.read === null) continue;
    try {
      if (spec.read.kind === 'text') values.set(spec.name, spec.read.parse(raw as string));
      else if (spec.read.kind === 'list') values.set(spec.name, spec.read.parse(raw as readonly string[]));
      else values.set(spec.name, spec.read.parse(raw as boolean));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return values;
}

/** One setting: the command line's value, the config file's, both combined, or the default. */
function settle(spec: OptionSpec, fromCommandLine: ReadonlyMap<string, unknown>, config: LoadedConfig | undefined): [unknown, SettingSource] {
  const onCommandLine = fromCommandLine.has(spec.name);
  const inConfig = spec.config !== undefined && config !== undefined && config.values.has(spec.name);
  if (onCommandLine && inConfig && spec.merge !== undefined) {
    return [spec.merge(config.values.get(spec.name), fromCommandLine.get(spec.name)), { from: 'config and command line', file: config.file }];
  }
  if (onCommandLine) return [fromCommandLine.get(spec.name), { from: 'command line' }];
  if (inConfig) return [config.values.get(spec.name), { from: 'config', file: config.file }];
  return [spec.default, { from: 'default' }];
}

/**
 * A command's settings from the command line, the config file (for commands that take
 * --config) and the table's defaults. A config key the command does not take is not used.
 * The config file, and zod to check it, are loaded only when there is one.
 */
export async function resolveSettings<C extends CommandName>(command: C, given: Given, cwd: string): Promise<Resolved<C>> {
  const specs = optionsOf(command);
  const fromCommandLine = readCommandLine(specs, given);
  let config: LoadedConfig | undefined;
  if (specs.some((s) => s.name === 'config')) {
    const { loadConfig } = await import('./config.js');
    config = await loadConfig(fromCommandLine.get('config') as string | undefined, cwd);
  }
  return settleSettings(command, fromCommandLine, config);
}

/** Every setting of a command from the command line's typed values, a config and the defaults. */
export function settleSettings<C extends CommandName>(command: C, fromCommandLine: ReadonlyMap<string, unknown>, config: LoadedConfig | undefined): Resolved<C> {
  const settings: Record<string, unknown> = {};
  const sources: Record<string, SettingSource> = {};
  for (const spec of optionsOf(command)) [settings[spec.name], sources[spec.name]] = settle(spec, fromCommandLine, config);
  return { command, settings: settings as Settings<C>, sources };
}

/** The sources of the settings that can change a figure, for the report's method. */
export function recordedSources(command: CommandName, sources: Readonly<Record<string, SettingSource>>): Readonly<Record<string, SettingSource>> {
  return Object.fromEntries(optionsOf(command).filter((o) => o.recorded).map((o) => [o.name, sources[o.name] as SettingSource]));
}

/** The config file a setting came from, if it did. */
export function configFileOf(source: SettingSource | undefined): string | undefined {
  return source !== undefined && 'file' in source ? source.file : undefined;
}
