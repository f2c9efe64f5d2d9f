import { parentPort, workerData } from 'node:worker_threads';
import { DataError } from '../errors.js';
import type { Field, MappedColumns } from '../schema/fields.js';
import type { QualitySnapshot } from './quality.js';
import type { Assignments } from './assignments.js';
import { prepare, type LoadOptions } from './load.js';
import { RowConsumer } from './row-consumer.js';
import { RecordScanner } from '../io/scan-records.js';

/** What the main thread gives each worker: the header and the options (structured-clone safe). */
export interface WorkerInput {
  readonly headers: string[];
  readonly options: Omit<LoadOptions, 'map' | 'onProgress'> & { map: [Field, MappedColumns][]; onProgress: undefined };
}

export type WorkerReply =
  | { type: 'ack'; rows: number }
  | { type: 'done'; assignments: Assignments; quality: QualitySnapshot; chunks: { seq: number; rows: number }[] }
  | { type: 'error'; message: string; details: readonly string[]; dataError: boolean };

/**
 * A worker thread of the parallel reader: scans, validates and collects the rows of each
 * chunk it is sent (chunks always end at a record end), then sends back its columns.
 */
const input = workerData as WorkerInput;
const prepared = prepare(input.headers, { ...input.options, map: new Map(input.options.map) });
const consumer = new RowConsumer(prepared.columns, prepared.plan, prepared.pay, undefined, input.options.organisation);
const needed = consumer.validator.columnIndices;
const sink = {
  header: () => needed,
  record: consumer.record.bind(consumer),
  malformed: consumer.malformed.bind(consumer),
};
const port = parentPort!;

/** The valid rows each chunk added, in the order this worker read them. */
const chunks: { seq: number; rows: number }[] = [];

port.on('message', (message: { type: 'chunk'; bytes: Uint8Array; line: number; seq: number } | { type: 'finish' }) => {
  try {
    if (message.type === 'chunk') {
      const before = consumer.quality.rowsRead;
      const rowsBefore = consumer.builder.length;
      const scanner = new RecordScanner(sink, { delimiter: input.options.delimiter });
      scanner.resume(needed, input.headers.length, message.line);
      scanner.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      scanner.end();
      chunks.push({ seq: message.seq, rows: consumer.builder.length - rowsBefore });
      port.postMessage({ type: 'ack', rows: consumer.quality.rowsRead - before } satisfies WorkerReply);
      return;
    }
    const assignments = consumer.builder.build();
    const transfer = [...Object.values(assignments), ...Object.values(assignments.codes)].filter((v): v is Uint8Array => ArrayBuffer.isView(v)).map((v) => v.buffer as ArrayBuffer);
    port.postMessage({ type: 'done', assignments, quality: consumer.quality.snapshot(), chunks } satisfies WorkerReply, transfer);
  } catch (error) {
    const reply: WorkerReply =
      error instanceof DataError
        ? { type: 'error', message: error.message, details: error.details, dataError: true }
        : { type: 'error', message: (error as Error).message, details: [], dataError: false };
    port.postMessage(reply);
  }
});
