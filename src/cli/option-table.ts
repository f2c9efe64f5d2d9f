import type { z } from 'zod';
import { UNITS, WITHIN } from '../ingest/plan.js';
import { PAY_SCHEMES, type PayScheme } from '../schema/codes/pay-schemes.js';
import { PAY_METHODS, PAY_PERIOD_DAYS, SALARY_BASES, type PayPeriod } from '../schema/pay.js';
import { ENCODINGS } from '../io/scan-records.js';
import type { Field, MappedColumns } from '../schema/fields.js';
import { COMPARE_FORMATS, FORMATS, REPORT_FORMATS, TREND_FORMATS } from './formats.js';
import type { Target } from '../report/targets.js';
import { CONFIG_FILE } from './config-file.js';
import * as values from './option-values.js';
import * as saved from './option-values-saved.js';
import * as breakdownValues from './breakdown-values.js';
import type { Reader, Zod } from './option-values.js';

export const COMMANDS = ['report', 'validate', 'compare', 'trend', 'benchmark', 'init', 'columns', 'sample', 'schema'] as const;
export type CommandName = (typeof COMMANDS)[number];

/**
 * One option, declared once. The commander options (program.ts), the config file's schema
 * (config.ts) and each command's typed settings (settings.ts) are all made from this table.
 */
export interface OptionSpec<N extends string = string, T = unknown, C extends CommandName = CommandName> {
  /** The setting's name: its key in a command's settings, in `method.settingSources` and, if it has one, in the config file. */
  readonly name: N;
  /** The command-line option; null for a setting only the config file holds (targets). */
  readonly flags: string | null;
  readonly help: string;
  readonly commands: readonly C[];
  /** The command line's text (or texts, or flag) → the typed value; null with no command-line option. */
  readonly read: Reader<T> | null;
  readonly choices?: readonly string[];
  /** The value when neither the command line nor the config file gives one. */
  readonly default: T;
  /** How the default reads in --help when it is not a plain value ("those present"). */
  readonly defaultHelp?: string;
  /** The config file's JSON value (key: `name`) → the same typed value. None: command line only. */
  readonly config?: (zod: Zod) => z.ZodType<T>;
  /** Given in both: how they combine. Without it, the command line's value wins. */
  merge?(fromConfig: T, fromCommandLine: T): T;
  /** Recorded in the report's `method.settingSources`: it can change what is read or computed. */
  readonly recorded: boolean;
}

const option = <const N extends string, const T, const C extends CommandName>(spec: OptionSpec<N, T, C>): OptionSpec<N, T, C> => spec;

/** Commands that read an export. */
const READING = ['report', 'validate'] as const;
/** Commands that read saved JSON reports. */
const SAVED_REPORTS = ['compare', 'trend', 'benchmark'] as const;
const PAY_PERIODS = Object.keys(PAY_PERIOD_DAYS) as PayPeriod[];
const PAY_METHOD_CHOICES = ['auto', ...PAY_METHODS] as const;

/** Every option of every command, in --help order. */
export const OPTIONS = [
  option({ name: 'by', flags: '--by <list>', help: 'characteristics, comma-separated: sex,ethnicity,disability', commands: READING,
    read: values.by.read, default: undefined, defaultHelp: 'those present', config: values.by.config, recorded: true }),
  option({ name: 'unit', flags: '--unit <unit>', help: 'count people, assignments or primary assignments', commands: READING,
    read: values.choice(UNITS), choices: UNITS, default: undefined, defaultHelp: 'person when the file has employee numbers', config: (zod) => zod.enum(UNITS), recorded: true }),
  option({ name: 'payMethod', flags: '--pay-method <method>', help: 'how hourly pay is found', commands: READING,
    read: values.choice(PAY_METHOD_CHOICES), choices: PAY_METHOD_CHOICES, default: 'auto', config: (zod) => zod.enum(PAY_METHOD_CHOICES), recorded: true }),
  option({ name: 'payPeriod', flags: '--pay-period <period>', help: 'payroll period for --pay-method period-pay', commands: READING,
    read: values.choice(PAY_PERIODS), choices: PAY_PERIODS, default: 'monthly', config: (zod) => zod.enum(PAY_PERIODS), recorded: true }),
  option({ name: 'salaryBasis', flags: '--salary-basis <basis>', help: 'annual salary is whole-time (fte) or actual pro-rata', commands: READING,
    read: values.choice(SALARY_BASES), choices: SALARY_BASES, default: 'fte', config: (zod) => zod.enum(SALARY_BASES), recorded: true }),
  option({ name: 'snapshotDate', flags: '--snapshot-date <date>', help: 'the snapshot date the export describes, e.g. 2025-03-31 (needed for --age)', commands: READING,
    read: values.snapshotDate.read, default: null, config: values.snapshotDate.config, recorded: true }),
  option({ name: 'config', flags: '--config <file>', help: 'settings file', commands: [...READING, 'trend'],
    read: values.fileName('--config'), default: undefined, defaultHelp: `${CONFIG_FILE} in the working directory, if there is one`, recorded: false }),
  option({ name: 'map', flags: '--map <field=Header>', help: 'read a field from a column with another name', commands: READING,
    read: values.map.read, default: new Map<Field, MappedColumns>() as ReadonlyMap<Field, MappedColumns>, config: values.map.config, merge: (a, b) => new Map([...a, ...b]), recorded: true }),
  option({ name: 'organisations', flags: '--organisation <file=Label>', help: 'the organisation of one of several exports, e.g. north.csv="North Trust"', commands: READING,
    read: saved.organisations, default: [] as readonly saved.NameSetting[], defaultHelp: "the file's name without its extension", recorded: false }),
  option({ name: 'strict', flags: '--strict', help: 'exit 1 if any row is invalid', commands: READING, read: values.flag, default: false, recorded: false }),
  option({ name: 'quiet', flags: '--quiet', help: 'no warnings, invalid-row listing or progress on stderr', commands: [...READING, ...SAVED_REPORTS],
    read: values.flag, default: false, recorded: false }),
  option({ name: 'threads', flags: '--threads <n>', help: 'threads reading the file', commands: READING,
    read: values.wholeNumber(1, 99, 'expected --threads to be a whole number from 1 to 99').read,
    default: undefined, defaultHelp: '1', recorded: false }),
  option({ name: 'characteristics', flags: '--characteristic <name=Header>', help: 'another characteristic from any column, e.g. religion="Religious Belief"',
    commands: READING, read: values.characteristics.read, default: [], config: values.characteristics.config, merge: values.characteristics.merge, recorded: true }),
  option({ name: 'undisclosed', flags: '--undisclosed <name=Value|Value>', help: 'values of a --characteristic that mean not disclosed', commands: READING,
    read: values.undisclosed, default: new Map<string, readonly string[]>(), defaultHelp: 'blank, "Prefer not to say", "Not stated"…', recorded: true }),
  option({ name: 'age', flags: '--age', help: 'age bands (16–24 … 65+) from Date of Birth at --snapshot-date', commands: READING,
    read: values.flag, default: false, config: (zod) => zod.boolean(), recorded: true }),
  option({ name: 'delimiter', flags: '--delimiter <char>', help: 'field delimiter: comma, semicolon, tab, pipe, a character, or auto', commands: READING,
    read: values.delimiter.read, default: 'auto', defaultHelp: 'detected from the header', config: values.delimiter.config, recorded: true }),
  option({ name: 'encoding', flags: '--encoding <encoding>', help: 'text encoding (UTF-16 is detected by its byte order mark)', commands: READING,
    read: values.choice(ENCODINGS), choices: ENCODINGS, default: undefined, defaultHelp: 'utf8', config: (zod) => zod.enum(ENCODINGS), recorded: true }),
  option({ name: 'sheet', flags: '--sheet <name>', help: 'the sheet of an Excel workbook (.xlsx) to read', commands: [...READING, 'init'],
    read: values.sheetName.read, default: undefined, defaultHelp: 'the first sheet', config: values.sheetName.config, recorded: true }),
  option({ name: 'format', flags: '--format <format>', help: 'output format: tables, JSON, a Markdown board paper, a self-contained HTML page, tidy CSV, an Excel workbook',
    commands: ['report'], read: values.choice(REPORT_FORMATS), choices: REPORT_FORMATS, default: 'table', recorded: false }),
  option({ name: 'format', flags: '--format <format>', help: 'output format', commands: ['validate', 'columns'],
    read: values.choice(FORMATS), choices: FORMATS, default: 'table', recorded: false }),
  option({ name: 'format', flags: '--format <format>', help: 'output format', commands: ['compare'],
    read: values.choice(COMPARE_FORMATS), choices: COMPARE_FORMATS, default: 'table', recorded: false }),
  option({ name: 'format', flags: '--format <format>', help: 'output format: tables, JSON, Markdown, tidy CSV, or an HTML page with charts', commands: ['trend', 'benchmark'],
    read: values.choice(TREND_FORMATS), choices: TREND_FORMATS, default: 'table', recorded: false }),
  option({ name: 'output', flags: '--output <file>', help: 'write to a file (atomically) instead of stdout', commands: [...READING, ...SAVED_REPORTS, 'schema'],
    read: values.fileName('--output'), default: undefined, recorded: false }),
  option({ name: 'output', flags: '--output <file>', help: 'where to write the config', commands: ['init'],
    read: values.fileName('--output'), default: undefined, defaultHelp: CONFIG_FILE, recorded: false }),
  option({ name: 'force', flags: '--force', help: 'replace an existing config file', commands: ['init'], read: values.flag, default: false, recorded: false }),
  option({ name: 'previous', flags: '--previous <report.json>', help: "last year's JSON report: year-on-year charts (--format html) and progress on the config's targets", commands: ['report'],
    read: values.fileName('--previous'), default: undefined, recorded: false }),
  option({ name: 'organisationName', flags: '--organisation-name <name>', help: "the organisation's name, recorded in the report (trend and benchmark show it)", commands: ['report'],
    ...saved.organisationName, default: undefined, recorded: false }),
  option({ name: 'targets', flags: null, help: 'improvement-plan targets (config file only)', commands: ['report', 'trend'],
    read: null, ...saved.targets, default: [] as readonly Target[], recorded: false }),
  option({ name: 'names', flags: '--name <file=Label>', help: "an organisation's name for one of the reports, e.g. north.json=\"North Trust\"", commands: ['benchmark'],
    read: saved.names, default: [] as readonly saved.NameSetting[], defaultHelp: "the report's organisation name, else the file name", recorded: false }),
  option({ name: 'minGroupSize', flags: '--min-group-size <k>', help: 'suppress figures for groups with fewer than k people (0: off)', commands: ['report'],
    ...values.wholeNumber(0, Number.MAX_SAFE_INTEGER, 'expected --min-group-size to be a whole number (0 turns suppression off)'), default: 10, recorded: true }),
  option({ name: 'within', flags: '--within <column>', help: `break every figure down by ${WITHIN.join(', ')} or any column of the export (its header)`, commands: ['report'],
    ...breakdownValues.within, default: undefined as string | undefined, recorded: true }),
  option({ name: 'explain', flags: '--explain <columns>', help: 'split each mean gap into composition and pay within cells of these columns, e.g. band or band,staffGroup', commands: ['report'],
    ...breakdownValues.explain, default: undefined as readonly string[] | undefined, recorded: true }),
  option({ name: 'paySchemes', flags: '--pay-scheme <Grade=Scheme>', help: `map a grade to a pay scheme for payScheme: ${PAY_SCHEMES.join(', ')}`, commands: ['report'],
    ...breakdownValues.paySchemes, default: new Map() as ReadonlyMap<string, PayScheme>, merge: (a, b) => new Map([...a, ...b]), recorded: true }),
  option({ name: 'intersect', flags: '--intersect <a,b>', help: 'intersectional groups of two characteristics, e.g. sex,ethnicity', commands: ['report'],
    ...values.intersect, default: [], merge: (a, b) => [...a, ...b], recorded: true }),
  option({ name: 'ci', flags: '--ci <level>', help: 'bootstrap confidence intervals for the gaps, e.g. 95', commands: ['report'],
    read: values.ciLevel.read, default: undefined, config: values.ciLevel.config, recorded: true }),
  option({ name: 'resamples', flags: '--resamples <n>', help: 'bootstrap resamples for --ci', commands: ['report'],
    ...values.wholeNumber(100, 100_000, 'expected --resamples to be a whole number from 100 to 100000'), default: 1000, recorded: true }),
  option({ name: 'seed', flags: '--seed <s>', help: 'random seed for --ci, so intervals are reproducible', commands: ['report'],
    ...values.wholeNumber(0, 2 ** 31, `expected --seed to be a whole number from 0 to ${2 ** 31}`), default: 1, recorded: true }),
  option({ name: 'referenceGroups', flags: '--reference <view=Group>',
    help: 'reference group for a view, e.g. sex=Female or ethnicity/broad="Asian or Asian British"', commands: ['report'],
    ...values.referenceGroups, default: [], defaultHelp: 'Male, White British, White, Non-disabled…', merge: (a, b) => [...a, ...b], recorded: true }),
  option({ name: 'color', flags: '--no-color', help: 'no colour, even on a terminal (NO_COLOR is respected too); validate uses no colour and accepts it', commands: READING,
    read: values.flag, default: true, recorded: false }),
  option({ name: 'rows', flags: '--rows <n>', help: 'number of rows (assignments)', commands: ['sample'],
    read: values.atLeast('--rows', 1), default: 2000, recorded: false }),
  option({ name: 'seed', flags: '--seed <s>', help: 'random seed: the same rows and seed give the same file', commands: ['sample'],
    read: values.atLeast('--seed', 0), default: 1, recorded: false }),
  option({ name: 'year', flags: '--year <yyyy>', help: 'snapshot year: ages are counted at it, and gaps narrow a little each year after 2025 (wider before)', commands: ['sample'],
    read: saved.year, default: undefined, defaultHelp: '2025', recorded: false }),
] as const;

type Spec = (typeof OPTIONS)[number];

/** A command's settings, typed: one value per option it takes, by setting name. */
export type Settings<C extends CommandName> = {
  readonly [S in Spec as C extends S['commands'][number] ? S['name'] : never]: S['default'];
};

/** The options a command takes, in --help order. */
export function optionsOf(command: CommandName): readonly OptionSpec[] {
  return (OPTIONS as readonly OptionSpec[]).filter((o) => o.commands.includes(command));
}

/** The default of a setting that only one option has (e.g. minGroupSize, for `paygap init`). */
export function defaultOf<N extends Spec['name']>(name: N): Extract<Spec, { name: N }>['default'];
export function defaultOf(name: string): unknown {
  return (OPTIONS as readonly OptionSpec[]).find((o) => o.name === name)?.default;
}
