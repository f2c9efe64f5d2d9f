import { DataError } from '../errors.js';
import { resolve } from 'node:path';
import { inspectInput, openInput } from '../io/source.js';
import { loadInput, type Loaded } from './load.js';
import { buildUnits, type UnitsResult } from './units.js';
import { findDuplicateAssignments } from './duplicates.js';
import { assignmentText } from './assignments.js';
import type { DataQuality } from './quality.js';
import type { Readable } from 'node:stream';
import type { LoadOptions } from './load.js';

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
}

export interface AnalyseOptions extends LoadOptions {
  /** Reading threads; undefined: DEFAULT_THREADS. */
  readonly threads?: number | undefined;
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
    const threads = options.threads ?? DEFAULT_THREADS;
    if (file !== '-' && threads > 1) {
      await inspectInput(file, io.cwd);
      // Loaded only when needed: it starts worker threads.
      const { loadFileParallel } = await import('./load-parallel.js');
      loaded = await loadFileParallel(resolve(io.cwd, file), loadOptions, threads, undefined, file);
    } else {
      const source = await openInput(file, io.stdin, io.cwd);
      loaded = await loadInput(source.name, source.stream, loadOptions);
    }
  } finally {
    progress?.done();
  }
  const { assignments, ...rest } = loaded;
  // The same assignment exported twice: the later rows are invalid.
  const duplicates = findDuplicateAssignments(assignments);
  const assignmentColumn = loaded.columns.header.get('assignmentNumber') ?? 'assignmentNumber';
  for (const d of duplicates) {
    loaded.quality.invalid([
      { line: assignments.line[d.row], column: assignmentColumn, value: assignmentText(assignments, assignments.assignment[d.row]), message: `the same assignment number is on line ${d.firstLine}`,
        reason: 'the same assignment number is on an earlier line',
      },
    ]);
  }
  const units = buildUnits(assignments, loaded.plan.unit, loaded.quality.invalidEmployees, new Set(duplicates.map((d) => d.row)));
  for (const conflict of units.conflicts) {
    const column = loaded.columns.header.get('employeeNumber') ?? 'employeeNumber';
    loaded.quality.invalid([{ line: conflict.line, column, value: conflict.employee, message: conflict.message }]);
  }
  const quality = loaded.quality.result();
  return { loaded: rest, units, quality };
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
