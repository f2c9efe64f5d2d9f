import { DataError } from '../errors.js';
import { openInput } from '../io/source.js';
import { loadInput, type Loaded } from '../io/load.js';
import { buildUnits, type UnitsResult } from '../metrics/units.js';
import type { DataQuality } from '../schema/quality.js';
import type { CliIo } from './io.js';
import type { ReadOptions } from './options.js';
import { progressReporter } from './progress.js';

export interface Analysed {
  readonly loaded: Loaded;
  readonly units: UnitsResult;
  readonly quality: DataQuality;
}

/**
 * Read, validate and form units: everything before the figures. Shared by `report` and
 * `validate`, so both account for rows identically.
 */
export async function analyse(file: string, options: ReadOptions, io: CliIo): Promise<Analysed> {
  const source = await openInput(file, io.stdin);
  const progress = options.quiet ? undefined : progressReporter(io.stderr);
  let loaded: Loaded;
  try {
    loaded = await loadInput(source.name, source.stream, { ...options, onProgress: progress?.update });
  } finally {
    progress?.done();
  }
  const units = buildUnits(loaded.assignments, loaded.plan.unit);
  for (const conflict of units.conflicts) {
    const column = loaded.columns.header.get('employeeNumber') ?? 'employeeNumber';
    loaded.quality.invalid([{ line: conflict.line, column, value: conflict.employee, message: conflict.message }]);
  }
  const quality = loaded.quality.result();
  return { loaded, units, quality };
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
