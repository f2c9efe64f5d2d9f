import { DataError, excerpt, warning, type Warning } from '../errors.js';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { inspectInput, openInput, peekStream, readAll, readHead } from '../io/source.js';
import { isOleFile, isZip, oldExcelFile } from '../io/workbook.js';
import { loadInput, type Loaded } from './load.js';
import { buildUnits } from './build-units.js';
import type { UnitsResult } from './units.js';
import { findDuplicateAssignments } from './duplicates.js';
import { assignmentText, employeeName } from './keys.js';
import type { DataQuality } from './quality.js';
import type { Readable } from 'node:stream';
import type { LoadOptions } from './load.js';
import { checkPlausibility, plausibilityWarnings, rowIssues, type Plausibility } from './plausibility.js';
import { FIELD_INFO } from '../schema/fields.js';
import { rowWord } from './row-place.js';

export interface Analysed {
  /** The load without its assignment columns, which are dropped once units are formed. */
  readonly loaded: Omit<Loaded, 'assignments'>;
  readonly units: UnitsResult;
  readonly quality: DataQuality;
  /** Values no contract or pay scale has (METHOD §2.7): warned about, or invalid under --strict. */
  readonly plausibility: Plausibility;
  /** What reading found that the user should know: the plan's warnings, then the data's. */
  readonly warnings: readonly Warning[];
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
 * `validate`, so both account for rows identically.
 */
export async function analyse(file: string, options: AnalyseOptions, io: InputPlace, progress?: { update(rows: number): void; done(): void }): Promise<Analysed> {
  const loadOptions = { ...options, onProgress: progress?.update };
  let loaded: Loaded;
  try {
    loaded = await load(file, loadOptions, io);
  } finally {
    progress?.done();
  }
  const { assignments, ...rest } = loaded;
  const skip = markRepeatedAssignments(loaded);
  const plausibility = checkPlausibility(assignments, skip, loaded.columns, loaded.plan.payMethod);
  if (options.strict === true) markImplausible(loaded, skip, plausibility);
  const units = buildUnits(assignments, loaded.plan.unit, loaded.quality.invalidEmployees, skip);
  for (const conflict of units.conflicts) {
    const column = loaded.columns.header.get('employeeNumber') ?? 'employeeNumber';
    loaded.quality.invalid([{ line: conflict.line, column, value: conflict.employee, message: conflict.message }]);
  }
  const quality = loaded.quality.result();
  const warnings = [...loaded.plan.warnings, ...(options.strict === true ? [] : plausibilityWarnings(plausibility)), ...equalWeightsWarning(units, loaded)];
  return { loaded: rest, units, quality, plausibility, warnings };
}

/**
 * --strict: each implausible row is an invalid row (METHOD §2.7), and like any invalid row it
 * takes its person with it (METHOD §3.4); the run then stops (METHOD §1.9).
 */
function markImplausible(loaded: Loaded, skip: Set<number>, found: Plausibility): void {
  const a = loaded.assignments;
  for (const row of found.rows) {
    loaded.quality.invalid(rowIssues(a, row, loaded.columns, loaded.plan.payMethod, found.medianPay));
    const employee = employeeName(a.employeeNames, a.employee[row]!);
    if (employee !== '') loaded.quality.invalidEmployees.add(employee);
    skip.add(row);
  }
}

/** People whose assignments were weighted equally because hours were missing (METHOD §3.2). */
function equalWeightsWarning(units: UnitsResult, loaded: Omit<Loaded, 'assignments'>): Warning[] {
  const n = units.equalWeights;
  if (n === 0) return [];
  const people = `${n.toLocaleString('en-GB')} ${n === 1 ? 'person has' : 'people have'} more than one assignment`;
  const why = loaded.columns.index.has('contractedHours')
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
 * an exact copy or another employee's row carrying a repeated number. Returns the rows.
 */
function markRepeatedAssignments(loaded: Loaded): Set<number> {
  const a = loaded.assignments;
  const duplicates = findDuplicateAssignments(a);
  const column = loaded.columns.header.get('assignmentNumber') ?? 'assignmentNumber';
  const row = rowWord(loaded.quality.places);
  for (const d of duplicates) {
    loaded.quality.invalid([
      {
        line: a.line[d.row]!,
        column,
        value: assignmentText(a.assignmentNames, a.assignment[d.row]!),
        message: `the same assignment number is on ${row} ${d.firstLine}`,
        reason: `the same assignment number is on an earlier ${row}`,
      },
    ]);
    const employee = employeeName(a.employeeNames, a.employee[d.row]!);
    if (employee !== '') loaded.quality.invalidEmployees.add(employee);
  }
  return new Set(duplicates.map((d) => d.row));
}

/** The checks that stop a report: nothing valid to report on, or --strict with invalid rows. */
export function requireUsable(quality: DataQuality, strict: boolean): void {
  if (quality.rowsRead === 0) throw new DataError('the file has a header but no data rows');
  if (quality.rowsValid === 0) {
    throw new DataError(`no valid rows: all ${quality.rowsRead.toLocaleString('en-GB')} rows are invalid (listed above)`);
  }
  if (strict && quality.rowsInvalid > 0) {
    const n = quality.rowsInvalid;
    throw new DataError(`--strict: ${n.toLocaleString('en-GB')} invalid row${n === 1 ? '' : 's'} (listed above); no report written`);
  }
}
