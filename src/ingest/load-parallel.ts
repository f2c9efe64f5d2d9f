import { open, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DataError } from '../errors.js';
import type { Assignments } from './assignments.js';
import { concatAssignments } from './concat-assignments.js';
import { QualityCollector, type QualitySnapshot } from './quality.js';
import { RowConsumer } from './row-consumer.js';
import { RecordScanner } from '../io/scan-records.js';
import { CannotSplit, countLines, readChunks, RecordCutter } from '../io/chunks.js';
import { emptyInput, loadInput, prepare, type Loaded, type LoadOptions, type Prepared } from './load.js';
import { fileError } from '../io/source.js';
import type { WorkerInput, WorkerReply } from './load-worker.js';

/**
 * Read a large export on several threads. The main thread reads the file, hashes it and
 * cuts it into chunks at record ends (io/chunks.ts); worker threads scan, validate and
 * collect the rows of each chunk (the costly part); the parts are then joined. The figures do
 * not depend on row order, and each chunk carries its first line number, so the result
 * equals the single-threaded read (a test compares them).
 *
 * What cannot be cut this way is read on one thread instead, from the same open file: a
 * FIFO or a device (not a regular file: it cannot be read twice, and may never end), another
 * encoding than UTF-8, NUL bytes (not text: the one-thread reader says so), and a quote in the
 * middle of a field (quote parity would lie).
 */
export const CHUNK_BYTES = 4 << 20;
const IN_FLIGHT_PER_WORKER = 2;
const YOUNG_GENERATION_MB = 8;

// Under the test runner this module runs from src/ as TypeScript; the worker must be the
// compiled one (test/global-setup.ts builds dist/ first).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/ingest/load-worker.js' : './load-worker.js', import.meta.url);

/**
 * @param path the file to read (absolute, or relative to the process's working directory)
 * @param name the name to report it by (as the user wrote it)
 */
export async function loadFileParallel(path: string, options: LoadOptions, threads: number, chunkBytes = CHUNK_BYTES, name = path): Promise<Loaded> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(name, error);
  }
  let handedOver = false;
  /** Read on this thread, from the start again (`from` 0) or, for what cannot seek, from here. */
  const oneThread = (from?: number) => {
    handedOver = true; // the stream closes the file
    return loadInput(name, handle.createReadStream({ start: from, highWaterMark: 1 << 20 }), options);
  };
  try {
    if (!(await handle.stat()).isFile()) return await oneThread();
    if ((options.encoding ?? 'utf8') !== 'utf8') return await oneThread(0);
    try {
      return await readWithWorkers(handle, name, options, threads, chunkBytes);
    } catch (error) {
      if (!(error instanceof CannotSplit)) throw error;
    }
    return await oneThread(0);
  } finally {
    if (!handedOver) await handle.close();
  }
}

async function readWithWorkers(handle: FileHandle, name: string, options: LoadOptions, threads: number, chunkBytes: number): Promise<Loaded> {
  const read = new ChunkedRead(name, options, threads);
  try {
    for await (const chunk of readChunks(handle, chunkBytes)) await read.take(chunk);
    await read.finish();
  } finally {
    // Wait for the workers to end, so their memory is free before the figures are built.
    await read.pool?.terminate();
  }
  return read.result();
}

/** One parallel read: the header on this thread, then record-aligned chunks to the workers. */
class ChunkedRead {
  pool: WorkerPool | undefined;
  /** What each worker is started with, once the header is read. */
  private workerInput: WorkerInput | undefined;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private readonly cutter: RecordCutter;
  private prepared: Prepared | undefined;
  private delimiter = ',';
  /** The line the next chunk sent starts on. */
  private line = 1;

  constructor(
    private readonly name: string,
    private readonly options: LoadOptions,
    private readonly threads: number,
  ) {
    this.cutter = new RecordCutter(options.delimiter ?? 'auto');
  }

  async take(chunk: Buffer): Promise<void> {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (chunk.includes(0)) throw new CannotSplit(); // not text, or UTF-16
    if (this.prepared === undefined) chunk = this.findHeader(chunk);
    const parts = chunk.length > 0 ? this.cutter.last(chunk) : undefined;
    if (parts !== undefined) await this.send(parts);
    this.options.onProgress?.(this.pool?.rowsRead ?? 0, this.bytes);
  }

  /** The header, once the chunks read hold all of it; returns the rest of `chunk` (empty until then). */
  private findHeader(chunk: Buffer): Buffer {
    while (this.prepared === undefined) {
      const cut = this.cutter.first(chunk);
      if (cut === undefined) return Buffer.alloc(0);
      this.header(cut.record);
      chunk = cut.rest;
    }
    return chunk;
  }

  /** Read `record`, the first record still to read: the header, or a blank line before it. */
  private header(record: Buffer): void {
    let fields: string[] | undefined;
    const sink = {
      header(found: string[]) {
        fields = found;
        return [];
      },
      record() {},
      malformed() {},
    };
    const scanner = new RecordScanner(sink, { delimiter: this.options.delimiter });
    scanner.push(record);
    scanner.end();
    this.line += countLines(record);
    if (fields === undefined) return; // blank lines
    if (scanner.encodingUsed !== 'utf8') throw new CannotSplit();
    this.prepared = prepare(fields, this.options);
    this.delimiter = scanner.delimiterUsed;
    this.cutter.delimiter = this.delimiter;
    this.workerInput = { headers: fields, options: { ...this.options, delimiter: this.delimiter, map: [...this.options.map], onProgress: undefined } };
  }

  /**
   * The workers start with the first chunk of data, not with the header: a file that is all
   * header (or ends after it) starts none, so each would not plan a run again for nothing.
   */
  private async send(parts: readonly Buffer[]): Promise<void> {
    const line = this.line;
    for (const part of parts) this.line += countLines(part);
    this.pool ??= new WorkerPool(this.workerInput!, this.threads);
    await this.pool.send(parts, line);
  }

  /** The input has ended: send the last record (or read the header, if it is all there is) and wait for the workers. */
  async finish(): Promise<void> {
    const rest = this.cutter.rest();
    if (this.prepared === undefined && rest.length > 0) this.header(rest);
    else if (rest.length > 0) await this.send([rest]);
    if (this.prepared === undefined) throw emptyInput(this.name, this.bytes);
    await this.pool?.finish();
  }

  result(): Loaded {
    const { assignments, quality } = this.pool?.joined() ?? noRows(this.prepared!, this.options);
    const { name: file, delimiter, bytes, prepared } = this;
    return { file, sha256: this.hash.digest('hex'), bytes, delimiter, encoding: 'utf8', ...prepared!, assignments, quality };
  }
}

/** The rows and quality record of a header with no data after it, as a worker would give them. */
function noRows(prepared: Prepared, options: LoadOptions): { assignments: Assignments; quality: QualityCollector } {
  const consumer = new RowConsumer(prepared.columns, prepared.plan, prepared.pay, undefined, options.organisation);
  return { assignments: consumer.builder.build(), quality: consumer.quality };
}

interface Slot {
  readonly worker: Worker;
  inFlight: number;
  result?: { assignments: Assignments; quality: QualitySnapshot; chunks: { seq: number; rows: number }[] };
}

/** Worker threads that each scan and validate the chunks they are sent, at most two at a time. */
class WorkerPool {
  rowsRead = 0;
  private readonly slots: Slot[];
  private sent = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;

  constructor(input: WorkerInput, threads: number) {
    this.slots = Array.from({ length: threads }, () => {
      // A small young generation keeps each worker's garbage (the cut strings) from piling up.
      const slot: Slot = { worker: new Worker(WORKER_URL, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), inFlight: 0 };
      slot.worker.on('message', (reply: WorkerReply) => this.reply(slot, reply));
      slot.worker.on('error', (error) => {
        this.failure ??= error;
        this.wake?.();
      });
      return slot;
    });
  }

  private reply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'ack') {
      slot.inFlight--;
      this.rowsRead += reply.rows;
    } else if (reply.type === 'done') slot.result = { assignments: reply.assignments, quality: reply.quality, chunks: reply.chunks };
    else this.failure ??= reply.dataError ? new DataError(reply.message, reply.details) : new Error(reply.message);
    this.wake?.();
  }

  private async waitFor(ready: () => boolean): Promise<void> {
    while (!ready() && this.failure === undefined) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
  }

  /** Send one chunk (its parts copied into one fresh buffer the worker can own), once a worker has room. */
  async send(parts: readonly Buffer[], line: number): Promise<void> {
    await this.waitFor(() => this.slots.some((s) => s.inFlight < IN_FLIGHT_PER_WORKER));
    let slot = this.slots[this.sent % this.slots.length] as Slot;
    if (slot.inFlight >= IN_FLIGHT_PER_WORKER) slot = this.slots.find((s) => s.inFlight < IN_FLIGHT_PER_WORKER) as Slot;
    slot.inFlight++;
    const copy = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      copy.set(part, at);
      at += part.length;
    }
    slot.worker.postMessage({ type: 'chunk', bytes: copy, line, seq: this.sent++ }, [copy.buffer]);
  }

  /** Ask every worker for its rows and wait for them all. */
  async finish(): Promise<void> {
    for (const slot of this.slots) slot.worker.postMessage({ type: 'finish' });
    await this.waitFor(() => this.slots.every((s) => s.result !== undefined));
  }

  /** Every worker's rows and quality record, joined in chunk order (so rows are in file order, as on one thread). */
  joined(): { assignments: Assignments; quality: QualityCollector } {
    const quality = new QualityCollector();
    for (const slot of this.slots) quality.merge(slot.result!.quality);
    const segments: { part: number; start: number; count: number; seq: number }[] = [];
    this.slots.forEach((slot, part) => {
      let start = 0;
      for (const chunk of slot.result!.chunks) {
        segments.push({ part, start, count: chunk.rows, seq: chunk.seq });
        start += chunk.rows;
      }
    });
    segments.sort((a, b) => a.seq - b.seq);
    return { assignments: concatAssignments(this.slots.map((s) => s.result!.assignments), segments), quality };
  }

  async terminate(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
