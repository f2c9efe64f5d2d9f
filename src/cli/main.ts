import { CommanderError } from 'commander';
import { DataError, UsageError } from '../errors.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';
import { toolVersion } from './version.js';

/** A closed pipe (`paygap report x.csv | head`): the reader has all it wants; not an error. */
function isClosedPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/**
 * The entry point: argv and I/O in, exit code out. The only place errors become exit codes
 * (METHOD §13.3): 0 success, 1 data problem, 2 usage error; a closed pipe is a quiet 0.
 * Commands are imported when run, so `paygap --help` does not load the calculation code.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  const version = toolVersion();
  const program = buildProgram(io, version, {
    async report(file, raw) {
      const [{ reportOptions }, { reportCommand }] = await Promise.all([import('./options.js'), import('./commands/report.js')]);
      await reportCommand(file, reportOptions(await withConfig(raw, io)), io);
    },
    async validate(file, raw) {
      const [{ readOptions }, { validateCommand }] = await Promise.all([import('./options.js'), import('./commands/validate.js')]);
      const format = raw.format === 'json' ? 'json' : 'table';
      await validateCommand(file, { ...readOptions(await withConfig(raw, io)), format, output: raw.output as string | undefined }, io);
    },
    async compare(previous, current, raw) {
      const { compareCommand } = await import('./commands/compare.js');
      const format = (raw.format ?? 'table') as 'table' | 'json' | 'markdown';
      await compareCommand(previous, current, { format, output: raw.output as string | undefined, quiet: raw.quiet === true }, io);
    },
    async init(file, raw) {
      const { initCommand } = await import('./commands/init.js');
      await initCommand(file, { output: raw.output as string | undefined, force: raw.force === true }, io);
    },
    async columns(raw) {
      const { columnsCommand } = await import('./commands/columns.js');
      await columnsCommand(raw.format === 'json' ? 'json' : 'table', io);
    },
    async sample(raw) {
      const { sampleCommand, sampleOptions } = await import('./commands/sample.js');
      await sampleCommand(sampleOptions(raw as { rows?: string; seed?: string }), io.stdout);
    },
  });

  // Stream errors also arrive as write-callback errors (handled below); without a listener
  // an 'error' event such as EPIPE from `| head` would crash the process instead. It stays
  // attached: the event can arrive after the command has finished.
  const swallow = (): void => undefined;
  io.stdout.on('error', swallow);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeFor(error, io, verbose);
  }
}

/** Merge paygap.config.json (or --config) under the command-line options. */
async function withConfig(raw: Record<string, unknown>, io: CliIo): Promise<Record<string, unknown>> {
  const { loadConfig, mergeConfig } = await import('./config.js');
  const found = await loadConfig(raw.config as string | undefined, io.cwd);
  return found === undefined ? raw : mergeConfig(found.config, raw);
}

function exitCodeFor(error: unknown, io: CliIo, verbose: boolean): number {
  if (isClosedPipe(error)) return 0;
  if (error instanceof CommanderError) {
    // Help and version are successes; every other commander complaint is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    if (error.exitCode === 0) return 0;
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`paygap: ${error.message}\n(run with --help for usage)\n`);
    return 2;
  }
  if (error instanceof DataError) {
    io.stderr.write(`paygap: error: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`  ${line}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`paygap: unexpected error: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('  rerun with --verbose to see where it happened, and please report it\n');
  return 1;
}
