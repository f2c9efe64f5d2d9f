import { CommanderError } from 'commander';
import { DataError, excerpt, UsageError } from '../errors.js';
import { write, type CliIo } from './io.js';
import { COMMANDS, type CommandName } from './option-table.js';
import { buildProgram, type Given } from './program.js';
import { toolVersion } from './version.js';
import { terminalLines, terminalText } from '../render/terminal-text.js';

/** A closed pipe (`paygap report x.csv | head`): the reader has all it wants; not an error. */
function isClosedPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/** Each command: settings resolved and checked (usage errors before any file is read), then run. */
const RUNNERS: Readonly<Record<CommandName, (args: readonly string[], given: Given, io: CliIo) => Promise<void>>> = {
  async report([file], given, io) {
    const [{ resolveSettings }, { reportOptions }] = await Promise.all([import('./settings.js'), import('./options.js')]);
    const { options, warnings } = reportOptions(await resolveSettings('report', given, io.cwd));
    if (!options.quiet) for (const warning of warnings) await write(io.stderr, `paygap: warning: ${terminalText(warning)}\n`);
    const { reportCommand } = await import('./commands/report.js');
    await reportCommand(file as string, options, io);
  },
  async validate([file], given, io) {
    const [{ resolveSettings }, { validateOptions }] = await Promise.all([import('./settings.js'), import('./options.js')]);
    const options = validateOptions(await resolveSettings('validate', given, io.cwd));
    const { validateCommand } = await import('./commands/validate.js');
    await validateCommand(file as string, options, io);
  },
  async compare([previous, current], given, io) {
    const [{ resolveSettings }, { compareCommand }] = await Promise.all([import('./settings.js'), import('./commands/compare.js')]);
    const { settings } = await resolveSettings('compare', given, io.cwd);
    await compareCommand(previous as string, current as string, settings, io);
  },
  async trend([files], given, io) {
    const [{ resolveSettings, configFileOf }, { trendCommand }] = await Promise.all([import('./settings.js'), import('./commands/trend.js')]);
    const resolved = await resolveSettings('trend', given, io.cwd);
    await trendCommand(files as unknown as readonly string[], { ...resolved.settings, targetsFrom: configFileOf(resolved.sources.targets) }, io);
  },
  async benchmark([files], given, io) {
    const [{ resolveSettings }, { benchmarkCommand }] = await Promise.all([import('./settings.js'), import('./commands/benchmark.js')]);
    const { settings } = await resolveSettings('benchmark', given, io.cwd);
    await benchmarkCommand(files as unknown as readonly string[], settings, io);
  },
  async init([file], given, io) {
    const [{ resolveSettings }, { initCommand }] = await Promise.all([import('./settings.js'), import('./commands/init.js')]);
    const { settings } = await resolveSettings('init', given, io.cwd);
    await initCommand(file as string, settings, io);
  },
  async columns(_args, given, io) {
    const [{ resolveSettings }, { columnsCommand }] = await Promise.all([import('./settings.js'), import('./commands/columns.js')]);
    const { settings } = await resolveSettings('columns', given, io.cwd);
    await columnsCommand(settings.format, io);
  },
  async schema(_args, given, io) {
    const [{ resolveSettings }, { schemaCommand }] = await Promise.all([import('./settings.js'), import('./commands/schema.js')]);
    const { settings } = await resolveSettings('schema', given, io.cwd);
    await schemaCommand(settings, io);
  },
  async sample(_args, given, io) {
    const [{ resolveSettings }, { sampleCommand }] = await Promise.all([import('./settings.js'), import('./commands/sample.js')]);
    const { settings } = await resolveSettings('sample', given, io.cwd);
    await sampleCommand(settings, io.stdout);
  },
};

/**
 * The entry point: argv and I/O in, exit code out. The only place errors become exit codes
 * (METHOD §13.3): 0 success, 1 data problem, 2 usage error; a closed pipe is a quiet 0.
 * Messages quote headers, values and file names, so they reach stderr through terminalText
 * (a usage message may have lines of its own: terminalLines keeps those).
 * Commands are imported when run, so `paygap --help` does not load the calculation code.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  const program = buildProgram(io, toolVersion(), (command, commandArgs, given) => RUNNERS[command](commandArgs, given, io));

  // Stream errors also arrive as write-callback errors (handled below); without a listener
  // an 'error' event such as EPIPE from `| head` would crash the process instead. It stays
  // attached: the event can arrive after the command has finished.
  const swallow = (): void => undefined;
  io.stdout.on('error', swallow);
  try {
    refuseHelpForUnknownCommand(args);
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeFor(error, io, verbose);
  }
}

/** `paygap help nonexistent`: commander prints the general help and succeeds; it is a usage error. */
function refuseHelpForUnknownCommand(args: readonly string[]): void {
  const [first, second] = args;
  if (first === 'help' && second !== undefined && !second.startsWith('-') && !(COMMANDS as readonly string[]).includes(second)) {
    throw new UsageError(`help ${excerpt(second)}: no such command; the commands are ${COMMANDS.join(', ')}`);
  }
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
    io.stderr.write(`paygap: ${terminalLines(error.message)}\n(run with --help for usage)\n`);
    return 2;
  }
  if (error instanceof DataError) {
    io.stderr.write(`paygap: error: ${terminalText(error.message)}\n`);
    for (const line of error.details) io.stderr.write(`  ${terminalText(line)}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`paygap: unexpected error: ${terminalText(message)}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr.write(`${terminalLines(error.stack)}\n`);
  else io.stderr.write('  rerun with --verbose to see where it happened, and please report it\n');
  return 1;
}
