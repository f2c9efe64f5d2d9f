import { Command, Option } from 'commander';
import type { CliIo } from './io.js';
import { terminalLines } from '../render/terminal-text.js';
import { optionsOf, type CommandName, type OptionSpec } from './option-table.js';

/** What each command is, the arguments it takes and its examples; its options are in option-table.ts. */
interface CommandInfo {
  readonly name: CommandName;
  readonly description: string;
  readonly arguments: readonly (readonly [string, string])[];
  readonly examples: readonly string[];
}

const COMMANDS: readonly CommandInfo[] = [
  {
    name: 'report',
    description: 'compute mean and median pay gaps, bonus gaps and pay quarters',
    arguments: [['<file>', 'ESR-style CSV export, or - for stdin']],
    examples: [
      'paygap report staff.csv',
      'paygap report staff.csv --format json > report.json',
      'paygap report staff.csv --by sex,ethnicity --unit assignment',
      'paygap report staff.csv --map hourlyRate="Rate Per Hour" --min-group-size 5',
      'paygap report staff.csv --within band --intersect sex,ethnicity',
      'paygap report staff.csv --format html --previous 2024.json --output pay-gaps.html',
      'paygap report staff.csv --format markdown --output board-paper.md',
      "esr-export | paygap report - --format json --quiet | jq '.characteristics[0]'",
    ],
  },
  {
    name: 'validate',
    description: 'data-quality report: rows read, invalid rows and why, unrecognised codes, disclosure',
    arguments: [['<file>', 'ESR-style CSV export, or - for stdin']],
    examples: ['paygap validate staff.csv', 'paygap validate staff.csv --strict --quiet && echo clean'],
  },
  {
    name: 'compare',
    description: 'year on year: each figure in two JSON reports, then and now, and the change (HIA 3)',
    arguments: [
      ['<previous>', 'the earlier report (paygap report --format json)'],
      ['<current>', 'the later report'],
    ],
    examples: ['paygap compare 2024.json 2025.json', 'paygap compare 2024.json 2025.json --format markdown > board-paper.md'],
  },
  {
    name: 'trend',
    description: "several years: each figure in two or more JSON reports, in snapshot-date order, and the progress of the config's targets",
    arguments: [['<reports...>', 'two or more reports (paygap report --format json), in any order']],
    examples: ['paygap trend 2022.json 2023.json 2024.json 2025.json', 'paygap trend 20??.json --format html --output trend.html'],
  },
  {
    name: 'benchmark',
    description: "several organisations side by side: each one's figures, system figures where they can be computed exactly, and each against the system",
    arguments: [['<reports...>', "two or more organisations' reports (paygap report --format json)"]],
    examples: ['paygap benchmark north.json south.json east.json', 'paygap benchmark a.json b.json --name a.json="North Trust" --format html --output system.html'],
  },
  {
    name: 'init',
    description: "propose a paygap.config.json from an export's headers: the mapping found, the fields missing",
    arguments: [['<file>', 'ESR-style CSV export']],
    examples: ['paygap init staff.csv', 'paygap init staff.csv --output monthly.json && paygap report staff.csv --config monthly.json'],
  },
  {
    name: 'columns',
    description: 'list the input fields, the headers accepted for each and which are needed',
    arguments: [],
    examples: [],
  },
  {
    name: 'schema',
    description: 'print the JSON Schema of the JSON report (schemaVersion 1), the contract programs can rely on',
    arguments: [],
    examples: ['paygap schema --output paygap-report.schema.json'],
  },
  {
    name: 'sample',
    description: 'write a synthetic ESR-style export (no real data), for trying paygap and for benchmarks',
    arguments: [],
    examples: ['paygap sample --rows 2000 --seed 1 > sample.csv', 'paygap sample --rows 1000000 | paygap report - --format json'],
  },
];

/** The options given on the command line, by setting name, as commander read them. */
export type Given = Readonly<Record<string, string | readonly string[] | boolean>>;

/** Runs a command: its arguments and the options given on the command line. */
export type Run = (command: CommandName, args: readonly string[], given: Given) => Promise<void>;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** "(default: 10)", from the table; nothing for flags and settings without a default. */
function helpText(spec: OptionSpec): string {
  const repeatable = spec.read?.kind === 'list' ? ' (repeatable)' : '';
  const shown = spec.defaultHelp ?? (typeof spec.default === 'string' || typeof spec.default === 'number' ? String(spec.default) : undefined);
  return `${spec.help}${repeatable}${shown === undefined ? '' : ` (default: ${shown})`}`;
}

/**
 * A commander option for a table row. No commander defaults: defaults are applied after the
 * config file (cli/settings.ts), so a config value is not hidden by a default.
 */
function commanderOption(spec: OptionSpec & { flags: string }): Option {
  const option = new Option(spec.flags, helpText(spec));
  if (spec.choices !== undefined) option.choices(spec.choices);
  if (spec.read?.kind === 'list') option.argParser(collect);
  return option;
}

/** The options commander read from the command line itself, by setting name. */
function givenOptions(command: Command, names: ReadonlyMap<string, string>): Given {
  const given: Record<string, string | readonly string[] | boolean> = {};
  for (const [attribute, name] of names) {
    if (command.getOptionValueSource(attribute) === 'cli') given[name] = command.getOptionValue(attribute) as string | readonly string[] | boolean;
  }
  return given;
}

function addCommand(program: Command, info: CommandInfo, run: Run): void {
  const command = program.command(info.name).description(info.description);
  for (const [name, description] of info.arguments) command.argument(name, description);
  /** Commander's attribute name → setting name (`color` ← `--no-color`). */
  const names = new Map<string, string>();
  for (const spec of optionsOf(info.name)) {
    if (spec.flags === null) continue;
    const option = commanderOption(spec as OptionSpec & { flags: string });
    names.set(option.attributeName(), spec.name);
    command.addOption(option);
  }
  if (info.examples.length > 0) command.addHelpText('after', `\nExamples:\n${info.examples.map((e) => `  $ ${e}`).join('\n')}`);
  command.action((...args: unknown[]) => run(info.name, args.slice(0, info.arguments.length) as string[], givenOptions(command, names)));
}

/** The commander definitions, made from the command list and the option table. */
export function buildProgram(io: CliIo, version: string, run: Run): Command {
  const program = new Command('paygap')
    .description('Pay gaps by sex, ethnicity and disability from ESR exports, by the UK statutory method (NHS EDI plan, HIA 3)')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander quotes what was typed (an unknown option, a bad value): shown, never run.
      writeErr: (text) => io.stderr.write(terminalLines(text)),
    });
  for (const info of COMMANDS) addCommand(program, info, run);
  return program;
}
