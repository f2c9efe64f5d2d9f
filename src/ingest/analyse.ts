import { DataError } from '../errors.js';
import { availableParallelism } from 'node:os';
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
import { rowWord } from './row-place.js';

export interface Analysed {
  /** The load without its assignment columns, which are dropped once units are formed. */
  readonly loaded: Omit<Loaded, 'assignments'>;
  readonly units: UnitsResult;
  readonly quality: DataQuality;
}

/** What reading an export needs from outside: where relative paths start, and stdin for "-". */
export interface InputPlace {
  readonly cwd: string;
  readonly stdin: Readable;
  /** How "-" is named in the report (a library caller's own name for its text); default "-". */
  readonly name?: string | undefined;
}

export interface AnalyseOptions extends LoadOptions {
  /** Reading threads; undefined: 2 for files of 32 MB or more, else 1. */
  readonly threads?: number | undefined;
  /** --sheet: a workbook's sheet to read; undefined: the first. */
  readonly sheet?: string | undefined;
}

/** Files at least this large are read on several threads. */
const PARALLEL_BYTES = 32 << 20;

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
  const units = buildUnits(assignments, loaded.plan.unit, loaded.quality.invalidEmployees, skip);
  for (const conflict of units.conflicts) {
    const column = loaded.columns.header.get('employeeNumber') ?? 'employeeNumber';
    loaded.quality.invalid([{ line: conflict.line, column, value: conflict.employee, message: conflict.message }]);
  }
  const quality = loaded.quality.result();
  return { loaded: rest, units, quality };
}

/**
 * Read an export: a workbook (told by its first bytes, whatever its name) or CSV, on one
 * thread or, for a large file, several. Workbook code (and exceljs) is loaded only for a
 * workbook. Stdin, FIFOs and devices are peeked at, never read twice.
 */
async function load(file: string, options: AnalyseOptions & LoadOptions, io: InputPlace): Promise<Loaded> {
  const size = file === '-' ? 0 : await inspectInput(file, io.cwd);
  const name = file === '-' ? (io.name ?? '-') : file;
  if (size > 0) {
    const head = await readHead(file, io.cwd);
    if (isZip(head)) return loadWorkbookBytes(name, await readFile(resolve(io.cwd, file)), options);
    if (isOleFile(head)) throw oldExcelFile(file);
    const threads = options.threads ?? (size >= PARALLEL_BYTES ? Math.min(2, availableParallelism()) : 1);
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
  const warning = `sheet ${JSON.stringify(options.sheet)} was asked for, but ${loaded.file === '-' ? 'stdin' : loaded.file} is CSV, not a workbook: --sheet has no effect`;
  return { ...loaded, plan: { ...loaded.plan, warnings: [...loaded.plan.warnings, warning] } };
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
    throw new DataError(`--strict: ${quality.rowsInvalid.toLocaleString('en-GB')} invalid rows (listed above); no report written`);
  }
}
