import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { DataError } from '../errors.js';
import type { Field, MappedColumns } from '../schema/fields.js';
import { resolveHeaders, type ColumnMap } from '../schema/headers.js';
import { planRun, type PlanOptions, type RunPlan } from './plan.js';
import type { QualityCollector } from './quality.js';
import type { Assignments } from './assignments.js';
import { PAY_PERIOD_DAYS, type PayConfig, type PayPeriod } from '../schema/pay.js';
import { RecordScanner, type Encoding } from '../io/scan-records.js';
import { RowConsumer } from './row-consumer.js';

export interface LoadOptions extends PlanOptions {
  readonly map: ReadonlyMap<Field, MappedColumns>;
  /** A single character, or 'auto' (default): detected from the header. */
  readonly delimiter?: string | undefined;
  readonly encoding?: Encoding | undefined;
  readonly payPeriod: PayPeriod;
  /** Called after each chunk with the rows and bytes read so far. */
  readonly onProgress?: ((rowsRead: number, bytes: number) => void) | undefined;
}

export interface Loaded {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The field delimiter read; '' for a workbook. */
  readonly delimiter: string;
  readonly encoding: Encoding;
  /** A workbook's sheet read, and the row its header was found on; undefined for CSV. */
  readonly sheet?: { readonly name: string; readonly headerRow: number } | undefined;
  readonly columns: ColumnMap;
  readonly plan: RunPlan;
  readonly pay: PayConfig;
  readonly assignments: Assignments;
  readonly quality: QualityCollector;
}

/** What the header decides: where each field is, and the run's plan. */
export interface Prepared {
  readonly columns: ColumnMap;
  readonly plan: RunPlan;
  readonly pay: PayConfig;
}

export function prepare(headers: readonly string[], options: LoadOptions): Prepared {
  const columns = resolveHeaders(headers, options.map);
  const plan = planRun(columns, options);
  const pay = { method: plan.payMethod, daysInPeriod: PAY_PERIOD_DAYS[options.payPeriod], salaryBasis: options.salaryBasis };
  return { columns, plan, pay };
}

/** No header row: the input has no bytes, or only blank lines. */
export function emptyInput(name: string, bytes: number): DataError {
  const shown = name === '-' ? 'stdin' : name;
  if (bytes === 0) return new DataError(`${shown} is empty: expected a header row and at least one data row`);
  return new DataError(`${shown} has only blank lines (${bytes.toLocaleString('en-GB')} bytes): expected a header row and at least one data row`);
}

/**
 * Read and validate a whole export on this thread: header → plan → every row through the
 * row validator → valid rows into columns, invalid rows into the quality record. Nothing is
 * dropped silently. (`load-parallel.ts` does the same with worker threads for large files.)
 */
export async function loadInput(name: string, stream: Readable, options: LoadOptions): Promise<Loaded> {
  let prepared: Prepared | undefined;
  let consumer: RowConsumer | undefined;
  const scanner: RecordScanner = new RecordScanner({
    header(headers) {
      prepared = prepare(headers, options);
      consumer = new RowConsumer(prepared.columns, prepared.plan, prepared.pay);
      return consumer.validator.columnIndices;
    },
    record: (cells, fieldCount, line) => consumer!.record(cells, fieldCount, line),
    malformed: (line, message) => consumer!.malformed(line, message),
  }, { delimiter: options.delimiter, encoding: options.encoding });

  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    hash.update(buffer);
    bytes += buffer.length;
    scanner.push(buffer);
    options.onProgress?.(consumer?.quality.rowsRead ?? 0, bytes);
  }
  scanner.end();
  if (prepared === undefined || consumer === undefined) throw emptyInput(name, bytes);
  return {
    file: name,
    sha256: hash.digest('hex'),
    bytes,
    delimiter: scanner.delimiterUsed,
    encoding: scanner.encodingUsed,
    ...prepared,
    assignments: consumer.builder.build(),
    quality: consumer.quality,
  };
}
