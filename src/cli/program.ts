import { Command, Option } from 'commander';
import { UNITS } from '../ingest/plan.js';
import { PAY_METHODS } from '../schema/pay.js';
import type { CliIo } from './io.js';
import { FORMATS, REPORT_FORMATS } from './formats.js';
import { CONFIG_FILE } from './config-file.js';
import { ENCODINGS } from '../io/scan-records.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Options every command that reads an export takes. */
function addReadOptions(command: Command): Command {
  return command
    .option('--by <list>', 'characteristics, comma-separated: sex,ethnicity,disability (default: those present)')
    .addOption(new Option('--unit <unit>', 'count people, assignments or primary assignments (default: person when the file has employee numbers)').choices(UNITS))
    // No commander defaults for settings a config file may give: the defaults are applied
    // after merging (cli/options.ts), so a config value is not hidden by a default.
    .addOption(new Option('--pay-method <method>', 'how hourly pay is found (default: auto)').choices(['auto', ...PAY_METHODS]))
    .addOption(new Option('--pay-period <period>', 'payroll period for --pay-method period-pay (default: monthly)').choices(['monthly', 'weekly', 'fortnightly', 'four-weekly']))
    .addOption(new Option('--salary-basis <basis>', 'annual salary is whole-time (fte) or actual pro-rata (default: fte)').choices(['fte', 'actual']))
    .option('--snapshot-date <date>', 'the snapshot date the export describes, e.g. 2025-03-31 (needed for --age)')
    .option('--config <file>', `settings file (default: ${CONFIG_FILE} in the working directory, if there is one)`)
    .option('--map <field=Header>', 'read a field from a column with another name (repeatable)', collect)
    .option('--strict', 'exit 1 if any row is invalid')
    .option('--quiet', 'no warnings, invalid-row listing or progress on stderr')
    .option('--threads <n>', 'threads reading the file (default: 2 for files of 32 MB or more)')
    .option('--characteristic <name=Header>', 'another characteristic from any column, e.g. religion="Religious Belief" (repeatable)', collect)
    .option('--undisclosed <name=Value|Value>', 'values of a --characteristic that mean not disclosed (default: blank, "Prefer not to say", "Not stated"…)', collect)
    .option('--age', 'age bands (16–24 … 65+) from Date of Birth at --snapshot-date')
    .option('--delimiter <char>', 'field delimiter: comma, semicolon, tab, pipe, a character, or auto (default: detected from the header)')
    .addOption(new Option('--encoding <encoding>', 'text encoding (default utf8; UTF-16 is detected by its byte order mark)').choices(ENCODINGS));
}

const REPORT_EXAMPLES = `
Examples:
  $ paygap report staff.csv
  $ paygap report staff.csv --format json > report.json
  $ paygap report staff.csv --by sex,ethnicity --unit assignment
  $ paygap report staff.csv --map hourlyRate="Rate Per Hour" --min-group-size 5
  $ paygap report staff.csv --within band --intersect sex,ethnicity
  $ paygap report staff.csv --format html --previous 2024.json --output pay-gaps.html
  $ paygap report staff.csv --format markdown --output board-paper.md
  $ esr-export | paygap report - --format json --quiet | jq '.characteristics[0]'`;

export type Actions = {
  compare(previous: string, current: string, raw: Record<string, unknown>): Promise<void>;
  init(file: string, raw: Record<string, unknown>): Promise<void>;
  report(file: string, raw: Record<string, unknown>): Promise<void>;
  validate(file: string, raw: Record<string, unknown>): Promise<void>;
  columns(raw: Record<string, unknown>): Promise<void>;
  sample(raw: Record<string, unknown>): Promise<void>;
};

/** The commander definitions. Actions stay thin: they normalise options and call a command. */
export function buildProgram(io: CliIo, version: string, actions: Actions): Command {
  const program = new Command('paygap')
    .description('Pay gaps by sex, ethnicity and disability from ESR exports, by the UK statutory method (NHS EDI plan, HIA 3)')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  addReadOptions(
    program
      .command('report')
      .description('compute mean and median pay gaps, bonus gaps and pay quarters')
      .argument('<file>', 'ESR-style CSV export, or - for stdin'),
  )
    .addOption(new Option('--format <format>', 'output format: tables, JSON, a Markdown board paper, a self-contained HTML page, tidy CSV').choices(REPORT_FORMATS).default('table'))
    .option('--output <file>', 'write to a file (atomically) instead of stdout')
    .option('--previous <report.json>', 'with --format html: last year\'s JSON report, for year-on-year charts')
    .option('--min-group-size <k>', 'suppress figures for groups with fewer than k people (0: off; default 10)')
    .addOption(new Option('--within <column>', 'break every figure down by staff group, grade or pay band').choices(['staffGroup', 'grade', 'band']))
    .option('--intersect <a,b>', 'intersectional groups of two characteristics, e.g. sex,ethnicity (repeatable)', collect)
    .option('--ci <level>', 'bootstrap confidence intervals for the gaps, e.g. 95')
    .option('--resamples <n>', 'bootstrap resamples for --ci (default 1000)')
    .option('--seed <s>', 'random seed for --ci, so intervals are reproducible (default 1)')
    .option('--reference <view=Group>', 'reference group for a view, e.g. sex=Female or ethnicity/broad="Asian or Asian British" (repeatable)', collect)
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR is respected too)')
    .addHelpText('after', REPORT_EXAMPLES)
    .action((file: string, raw: Record<string, unknown>) => actions.report(file, raw));

  addReadOptions(
    program
      .command('validate')
      .description('data-quality report: rows read, invalid rows and why, unrecognised codes, disclosure')
      .argument('<file>', 'ESR-style CSV export, or - for stdin'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write to a file (atomically) instead of stdout')
    .addHelpText('after', '\nExamples:\n  $ paygap validate staff.csv\n  $ paygap validate staff.csv --strict --quiet && echo clean')
    .action((file: string, raw: Record<string, unknown>) => actions.validate(file, raw));

  program
    .command('compare')
    .description('year on year: each figure in two JSON reports, then and now, and the change (HIA 3)')
    .argument('<previous>', 'the earlier report (paygap report --format json)')
    .argument('<current>', 'the later report')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--output <file>', 'write to a file (atomically) instead of stdout')
    .option('--quiet', 'no warnings on stderr')
    .addHelpText('after', '\nExamples:\n  $ paygap compare 2024.json 2025.json\n  $ paygap compare 2024.json 2025.json --format markdown > board-paper.md')
    .action((previous: string, current: string, raw: Record<string, unknown>) => actions.compare(previous, current, raw));

  program
    .command('init')
    .description('propose a paygap.config.json from an export\'s headers: the mapping found, the fields missing')
    .argument('<file>', 'ESR-style CSV export')
    .option('--output <file>', `where to write the config (default: ${CONFIG_FILE})`)
    .option('--force', 'replace an existing config file')
    .addHelpText('after', `\nExamples:\n  $ paygap init staff.csv\n  $ paygap init staff.csv --output monthly.json && paygap report staff.csv --config monthly.json`)
    .action((file: string, raw: Record<string, unknown>) => actions.init(file, raw));

  program
    .command('columns')
    .description('list the input fields, the headers accepted for each and which are needed')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .action((raw: Record<string, unknown>) => actions.columns(raw));

  program
    .command('sample')
    .description('write a synthetic ESR-style export (no real data), for trying paygap and for benchmarks')
    .option('--rows <n>', 'number of rows (assignments)', '2000')
    .option('--seed <s>', 'random seed: the same rows and seed give the same file', '1')
    .addHelpText('after', '\nExamples:\n  $ paygap sample --rows 2000 --seed 1 > sample.csv\n  $ paygap sample --rows 1000000 | paygap report - --format json')
    .action((raw: Record<string, unknown>) => actions.sample(raw));

  return program;
}
