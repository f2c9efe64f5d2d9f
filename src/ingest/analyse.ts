import { DataError, excerpt, warning, type Warning } from '../errors.js';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { inspectInput, openInput, peekStream, readAll, readHead } from '../io/source.js';
import { isOleFile, isZip, oldExcelFile } from '../io/workbook.js';
import { loadInput, type Loaded } from './load.js';
import { buildUnits } from './build-units.js';
import type { UnitsResult } from './units.js';
import { findDuplicateAssignments } from './duplicates.js';
import { assignmentText } from './keys.js';
import type { DataQuality } from './quality.js';
import type { Readable } from 'node:stream';
import type { LoadOptions } from './load.js';
import { checkPlausibility, plausibilityWarnings, rowIssues, type Plausibility } from './plausibility.js';
import { FIELD_INFO } from '../schema/fields.js';
import { placeOf, rowWord } from './row-place.js';
import { combinedQuality } from './quality.js';
import { fileOf, joinInputs, summaryOf, type InputRead, type InputSummary, type Joined } from './inputs.js';
import { defaultLabel, personName } from './organisations.js';
import type { RunPlan } from './plan.js';
import type { PayConfig } from '../schema/pay.js';
import type { ColumnMap } from '../schema/headers.js';

export interface Analysed {
  /** What was read, as one input: the file itself, or all the files together (METHOD §16.3). */
  readonly input: InputSummary;
  /** Each file read (one, or several for a system report: METHOD §16), with its own data quality. */
  readonly inputs: readonly AnalysedInput[];
  /** What the files share: the plan (they must agree on it, METHOD §16.2) and the pay method. */
  readonly plan: RunPlan;
  readonly pay: PayConfig;
  /** The first file's columns (the headers the report records in its method). */
  readonly columns: ColumnMap;
  /** Where rows' organisations come from: each file's label, an organisation column, or none (one organisation). */
  readonly organisations: 'files' | 'column' | undefined;
  readonly units: UnitsResult;
  /** Every file's rows, accounted together (METHOD §4.3). */
  readonly quality: DataQuality;
  /** What reading found that the user should know: the plan's warnings, then the data's. */
  readonly warnings: readonly Warning[];
}

/** One file of a run, read and validated. */
export interface AnalysedInput extends Omit<InputRead, 'quality' | 'plan' | 'pay'> {
  readonly quality: DataQuality;
  /** Values no contract or pay scale has (METHOD §2.7): warned about, or invalid under --strict. */
  readonly plausibility: Plausibility;
}

/** What reading an export needs from outside: where relative paths start, and stdin for "-". */
export interface InputPlace {
  readonly cwd: string;
  readonly stdin: Readable;
  /** How "-" is named in the report (a library caller's own name for its text); default "-". */
  readonly name?: string | undefined;
}

export interface AnalyseOptions extends LoadOptions {
  /** Reading threads; undefined: DEFAULT_THREADS. */
  readonly threads?: number | undefined;
  /** --strict: implausible values (METHOD §2.7) make their rows invalid, as well as being listed. */
  readonly strict?: boolean | undefined;
  /** --sheet: a workbook's sheet to read; undefined: the first. */
  readonly sheet?: string | undefined;
  /** Each file's organisation label, when several files are read (METHOD §16.1); default: the file's base name. */
  readonly organisations?: readonly string[] | undefined;
}

/**
 * Reading threads when --threads is not given: one, at every size, by measurement (README,
 * Performance; `BENCH_THREADS=25000,250000,1000000,2000000 npm run bench`). On the 2-core
 * machine two threads took 1.19-1.59 times as long as one at 25,000 to 2,000,000 rows and
 * used up to 115 MB more memory. Per-thread CPU profiles say why more cores would be needed:
 * the parallel reader's main thread (reading, hashing, cutting, joining the parts, then
 * forming people) is busier than a whole one-thread run, alongside its two workers.
 */
const DEFAULT_THREADS = 1;

/**
 * Read, validate and form units: everything before the figures. Shared by `report` and
 * `validate`, so both account for rows identically. Several files (METHOD §16) are read one
 * by one, each with its own header and data quality, then joined: people are formed across
 * all of them, keyed by organisation and employee number.
 *
 * @param files one export, or several (each with its organisation label in `options.organisations`)
 */
export async function analyse(files: string | readonly string[], options: AnalyseOptions, io: InputPlace, progress?: { update(rows: number): void; done(): void }): Promise<Analysed> {
  const list = typeof files === 'string' ? [files] : files;
  const labels = list.length > 1 ? (options.organisations ?? list.map(defaultLabel)) : [];
  const reads: Loaded[] = [];
  let before = 0;
  try {
    for (const [i, file] of list.entries()) {
      const loadOptions = { ...options, organisation: labels[i], onProgress: progress && ((rows: number) => progress.update(before + rows)) };
      reads.push(await named(list.length > 1 ? file : undefined, () => load(file, loadOptions, io)));
      before += reads[reads.length - 1]!.quality.rowsRead;
    }
  } finally {
    progress?.done();
  }
  return afterReading(joinInputs(reads, list.length > 1 ? labels : [undefined]), options);
}

/** A data error about one of several files names the file. */
function named<T>(file: string | undefined, run: () => T): T {
  const rename = (error: unknown) => {
    // Messages that name the file already ("b.csv is empty") are left as they are.
    if (file === undefined || !(error instanceof DataError) || error.message.includes(file)) return error;
    return new DataError(`${file === '-' ? 'stdin' : file}: ${error.message}`, error.details);
  };
  try {
    const result = run();
    return result instanceof Promise ? (result.catch((error: unknown) => Promise.reject(rename(error))) as T) : result;
  } catch (error) {
    throw rename(error);
  }
}

/** Repeated assignments, plausibility and units, each finding recorded against its own file. */
function afterReading(joined: Joined, options: AnalyseOptions): Analysed {
  const { inputs, assignments } = joined;
  const first = inputs[0]!;
  const skip = markRepeatedAssignments(joined);
  const plausibility = inputs.map((input, f) => checkPlausibility(assignments, skip, input.columns, first.plan.payMethod, rowsOf(joined, f)));
  if (options.strict === true) plausibility.forEach((found, f) => markImplausible(joined, f, skip, found));
  const invalidEmployees = new Set(inputs.flatMap((input) => [...input.quality.invalidEmployees]));
  const units = buildUnits(assignments, first.plan.unit, invalidEmployees, skip);
  for (const conflict of units.conflicts) {
    const input = inputs[fileOf(joined, conflict.row)]!;
    const column = input.columns.header.get('employeeNumber') ?? 'employeeNumber';
    input.quality.invalid([{ line: conflict.line, column, value: conflict.employee, message: conflict.message }]);
  }
  const several = inputs.length > 1;
  const results = inputs.map((input) => input.quality.result());
  const implausible = options.strict === true ? [] : inputs.flatMap((input, f) => plausibilityWarnings(plausibility[f]!).map((w) => (several ? inFile(input.file, w) : w)));
  // An organisation column wins over the files' labels (METHOD §16.1).
  const organisations = first.plan.fields.includes('organisation') ? 'column' : several ? 'files' : undefined;
  return {
    input: summaryOf(inputs),
    inputs: inputs.map(({ quality, plan: _plan, pay: _pay, organisation, ...input }, f) => ({
      ...input,
      organisation: organisations === 'files' ? organisation : undefined,
      quality: results[f]!,
      plausibility: plausibility[f]!,
    })),
    plan: first.plan,
    pay: first.pay,
    columns: first.columns,
    organisations,
    units,
    // One file's data quality is its own: merged into a new collector, it was only copied
    // (500,000 unrecognised codes took a second to copy and sort again).
    quality: several ? combinedQuality(inputs.map((input) => input.quality)) : results[0]!,
    warnings: [...eachFileOnce(inputs.map((input) => ({ file: input.file, warnings: input.plan.warnings }))), ...implausible, ...equalWeightsWarning(units, first.columns)],
  };
}

/** The rows of file `f` in the joined columns. */
const rowsOf = (joined: Joined, f: number) => ({ start: joined.starts[f]!, end: joined.starts[f + 1]! });

/**
 * Each file's warnings; one said by every file is given once, others name their files
 * ("b.csv: no Full Pay column …").
 */
function eachFileOnce(found: readonly { file: string; warnings: readonly Warning[] }[]): Warning[] {
  const byText = new Map<string, { warning: Warning; files: string[] }>();
  for (const { file, warnings } of found) {
    for (const w of warnings) {
      const entry = byText.get(w.text) ?? { warning: w, files: [] };
      entry.files.push(file === '-' ? 'stdin' : file);
      byText.set(w.text, entry);
    }
  }
  return [...byText.values()].map(({ warning: w, files }) => (files.length === found.length ? w : inFile(files.join(', '), w)));
}

/** A warning about one file (or a few) of several: "b.csv: …". */
const inFile = (file: string, w: Warning): Warning => ({ ...w, text: `${file === '-' ? 'stdin' : file}: ${w.text}` });

/**
 * --strict: each implausible row is an invalid row (METHOD §2.7), and like any invalid row it
 * takes its person with it (METHOD §3.4); the run then stops (METHOD §1.9).
 */
function markImplausible(joined: Joined, f: number, skip: Set<number>, found: Plausibility): void {
  const a = joined.assignments;
  const input = joined.inputs[f]!;
  for (const row of found.rows) {
    input.quality.invalid(rowIssues(a, row, input.columns, input.plan.payMethod, found.medianPay));
    const person = personName(a, row);
    if (person !== '') input.quality.invalidEmployees.add(person);
    skip.add(row);
  }
}

/** People whose assignments were weighted equally because hours were missing (METHOD §3.2). */
function equalWeightsWarning(units: UnitsResult, columns: ColumnMap): Warning[] {
  const n = units.equalWeights;
  if (n === 0) return [];
  const people = `${n.toLocaleString('en-GB')} ${n === 1 ? 'person has' : 'people have'} more than one assignment`;
  const why = columns.index.has('contractedHours')
    ? 'and a blank contracted hours value on at least one (or hours adding up to 0)'
    : `and the file has no contracted hours column (accepted headers: ${FIELD_INFO.contractedHours.aliases.join(', ')})`;
  return [warning('equal-weights', `${people} ${why}, so their assignments' hourly pay is averaged with equal weights, not by hours`)];
}

/**
 * Read an export: a workbook (told by its first bytes, whatever its name) or CSV, on one
 * thread or, with --threads, several. Workbook code (and exceljs) is loaded only for a
 * workbook. Stdin, FIFOs and devices are peeked at, never read twice.
 */
async function load(file: string, options: AnalyseOptions & LoadOptions, io: InputPlace): Promise<Loaded> {
  const size = file === '-' ? 0 : await inspectInput(file, io.cwd);
  const name = file === '-' ? (io.name ?? '-') : file;
  if (size > 0) {
    const head = await readHead(file, io.cwd);
    if (isZip(head)) return loadWorkbookBytes(name, await readFile(resolve(io.cwd, file)), options);
    if (isOleFile(head)) throw oldExcelFile(file);
    const threads = options.threads ?? DEFAULT_THREADS;
    if (threads > 1) {
      // Loaded only when needed: it starts worker threads.
      const { loadFileParallel } = await import('./load-parallel.js');
      return noSheet(await loadFileParallel(resolve(io.cwd, file), options, threads, undefined, file), options);
    }
  }
  const source = await openInput(file, io.stdin, io.cwd);
  const { head, stream } = await peekStream(source.stream);
  if (isZip(head)) return loadWorkbookBytes(name, await readAll(stream), options);
  if (isOleFile(head)) throw oldExcelFile(name === '-' ? 'stdin' : name);
  return noSheet(await loadInput(name, stream, options), options);
}

async function loadWorkbookBytes(name: string, bytes: Buffer, options: AnalyseOptions & LoadOptions): Promise<Loaded> {
  const { loadWorkbook } = await import('./load-workbook.js');
  return loadWorkbook(name, bytes, options);
}

/** A CSV export read with --sheet: said, as the option has no effect. */
function noSheet(loaded: Loaded, options: AnalyseOptions): Loaded {
  if (options.sheet === undefined) return loaded;
  const said = warning('sheet-ignored', `sheet ${excerpt(options.sheet)} was asked for, but ${loaded.file === '-' ? 'stdin' : excerpt(loaded.file)} is CSV, not a workbook: --sheet has no effect`);
  return { ...loaded, plan: { ...loaded.plan, warnings: [...loaded.plan.warnings, said] } };
}

/**
 * The same assignment number on a later line (METHOD §3.5): the later rows are invalid, and
 * like any invalid row they take their person with them (METHOD §3.4), whether the row is
 * an exact copy or another employee's row carrying a repeated number. With several
 * organisations a repeat is one within an organisation (METHOD §16.1), possibly in another
 * file (with an organisation column), which the message then names. Returns the rows.
 */
function markRepeatedAssignments(joined: Joined): Set<number> {
  const a = joined.assignments;
  const duplicates = findDuplicateAssignments(a);
  for (const d of duplicates) {
    const input = joined.inputs[fileOf(joined, d.row)]!;
    const firstInput = joined.inputs[fileOf(joined, d.firstRow)]!;
    const row = rowWord(input.quality.places);
    const where = firstInput === input ? `${row} ${d.firstLine}` : `${placeOf(firstInput.quality.places, d.firstLine)} of ${firstInput.file}`;
    input.quality.invalid([
      {
        line: a.line[d.row]!,
        column: input.columns.header.get('assignmentNumber') ?? 'assignmentNumber',
        value: assignmentText(a.assignmentNames, a.assignment[d.row]!),
        message: `the same assignment number is on ${where}`,
        reason: `the same assignment number is on an earlier ${row}`,
      },
    ]);
    const person = personName(a, d.row);
    if (person !== '') input.quality.invalidEmployees.add(person);
  }
  return new Set(duplicates.map((d) => d.row));
}

/**
 * The checks that stop a report: nothing valid to report on, or --strict with invalid rows.
 * Of several files, each must have valid rows (METHOD §16.2): a file with none is an export
 * gone wrong, and its organisation would silently be missing from the report.
 */
export function requireUsable(analysed: Pick<Analysed, 'inputs' | 'quality'>, strict: boolean): void {
  if (analysed.inputs.length > 1) {
    for (const input of analysed.inputs) named(input.file, () => requireRows(input.quality));
  }
  requireRows(analysed.quality);
  if (strict && analysed.quality.rowsInvalid > 0) {
    const n = analysed.quality.rowsInvalid;
    throw new DataError(`--strict: ${n.toLocaleString('en-GB')} invalid row${n === 1 ? '' : 's'} (listed above); no report written`);
  }
}

function requireRows(quality: DataQuality): void {
  if (quality.rowsRead === 0) throw new DataError('the file has a header but no data rows');
  if (quality.rowsValid === 0) {
    throw new DataError(`no valid rows: all ${quality.rowsRead.toLocaleString('en-GB')} rows are invalid (listed above)`);
  }
}
