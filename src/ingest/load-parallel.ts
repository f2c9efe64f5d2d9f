import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DataError } from '../errors.js';
import type { Assignments } from './assignments.js';
import { concatAssignments } from './concat-assignments.js';
import { QualityCollector, type QualitySnapshot } from './quality.js';
import { RecordScanner } from '../io/scan-records.js';
import { emptyInput, loadInput, prepare, type Loaded, type LoadOptions, type Prepared } from './load.js';
import { fileError } from '../io/source.js';
import type { WorkerInput, WorkerReply } from './load-worker.js';

/**
 * Read a large export on several threads. The main thread reads the file, hashes it and
 * cuts it into chunks at record ends; worker threads scan, validate and collect the rows of
 * each chunk (the costly part); the parts are then joined. The figures do not depend on row
 * order, and each chunk carries its first line number, so the result equals the
 * single-threaded read (a test compares them).
 *
 * Record ends are found by quote parity: a line end is a record end when an even number of
 * quotes comes before it. That holds for RFC 4180 files. A quote in the middle of an
 * unquoted field (allowed by the scanner, not by the RFC) would make parity lie, so on the
 * first such quote this reader stops and reads the file again on one thread.
 */
const CHUNK_BYTES = 4 << 20;
const IN_FLIGHT_PER_WORKER = 2;
const YOUNG_GENERATION_MB = 8;
const QUOTE = 0x22;
const LF = 0x0a;

// Under the test runner this module runs from src/ as TypeScript; the worker must be the
// compiled one (test/global-setup.ts builds dist/ first).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/ingest/load-worker.js' : './load-worker.js', import.meta.url);

/** The file cannot be cut by quote parity (a stray quote) or by line-end bytes (UTF-16). */
class NotParallel extends Error {}

/**
 * @param path the file to read (absolute, or relative to the process's working directory)
 * @param name the name to report it by (as the user wrote it)
 */
export async function loadFileParallel(path: string, options: LoadOptions, threads: number, chunkBytes = CHUNK_BYTES, name = path): Promise<Loaded> {
  try {
    if (options.encoding !== undefined && options.encoding !== 'utf8') throw new NotParallel();
    return await readWithWorkers(path, name, options, threads, chunkBytes);
  } catch (error) {
    if (!(error instanceof NotParallel)) throw error;
    return loadInput(name, createReadStream(path, { highWaterMark: 1 << 20 }), options);
  }
}

interface Slot {
  readonly worker: Worker;
  inFlight: number;
  result?: { assignments: Assignments; quality: QualitySnapshot; chunks: { seq: number; rows: number }[] };
}

async function readWithWorkers(path: string, name: string, options: LoadOptions, threads: number, chunkBytes: number): Promise<Loaded> {
  const hash = createHash('sha256');
  let bytes = 0;
  let pending: Buffer = Buffer.alloc(0);
  let prepared: Prepared | undefined;
  let line = 1;
  let slots: Slot[] = [];
  let next = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let rowsRead = 0;
  let delimiter = ',';

  const start = (headers: string[]) => {
    const input: WorkerInput = { headers, options: { ...options, delimiter, map: [...options.map], onProgress: undefined } };
    slots = Array.from({ length: threads }, () => {
      // A small young generation keeps each worker's garbage (the cut strings) from piling up.
      const worker = new Worker(WORKER_URL, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const slot: Slot = { worker, inFlight: 0 };
      slot.worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ack') {
          slot.inFlight--;
          rowsRead += reply.rows;
        } else if (reply.type === 'done') slot.result = { assignments: reply.assignments, quality: reply.quality, chunks: reply.chunks };
        else failure ??= reply.dataError ? new DataError(reply.message, reply.details) : new Error(reply.message);
        wake?.();
      });
      slot.worker.on('error', (error) => {
        failure ??= error;
        wake?.();
      });
      return slot;
    });
  };
  const waitFor = async (ready: () => boolean) => {
    while (!ready() && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
    if (failure !== undefined) throw failure;
  };
  const dispatch = async (...parts: Buffer[]) => {
    await waitFor(() => slots.some((s) => s.inFlight < IN_FLIGHT_PER_WORKER));
    let slot = slots[next % slots.length] as Slot;
    if (slot.inFlight >= IN_FLIGHT_PER_WORKER) slot = slots.find((s) => s.inFlight < IN_FLIGHT_PER_WORKER) as Slot;
    next++;
    slot.inFlight++;
    const firstLine = line;
    // One fresh buffer the worker can own.
    const copy = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      copy.set(part, at);
      at += part.length;
      line += countLines(part);
    }
    slot.worker.postMessage({ type: 'chunk', bytes: copy, line: firstLine, seq: next - 1 }, [copy.buffer]);
  };

  try {
    for await (const chunk of readChunks(path, name, chunkBytes)) {
      hash.update(chunk);
      bytes += chunk.length;
      if (prepared === undefined) {
        pending = Buffer.concat([pending, chunk]);
        if ((pending[0] === 0xff && pending[1] === 0xfe) || (pending[0] === 0xfe && pending[1] === 0xff)) throw new NotParallel();
        const header = readHeader(pending, options.delimiter);
        if (header === undefined) continue;
        prepared = prepare(header.fields, options);
        line = 1 + header.lines;
        pending = pending.subarray(header.end);
        delimiter = header.delimiter;
        start(header.fields);
        const end = recordEnd(pending, delimiter);
        if (end > 0) {
          await dispatch(pending.subarray(0, end));
          pending = pending.subarray(end);
        }
        continue;
      }
      // The unsent tail (part of one record) plus this chunk up to its last record end go
      // out as one region, copied once; the rest of the chunk becomes the new tail.
      const end = recordEnd(chunk, delimiter, 0, false, quoteParity(pending) === 1, pending.length === 0 ? LF : (pending[pending.length - 1] as number));
      if (end > 0) {
        await dispatch(pending, chunk.subarray(0, end));
        pending = Buffer.from(chunk.subarray(end)); // the read buffer is reused
      } else {
        pending = Buffer.concat([pending, chunk]);
      }
      options.onProgress?.(rowsRead, bytes);
    }
    if (prepared === undefined) {
      const header = readHeader(pending, options.delimiter, true);
      if (header === undefined) throw emptyInput(name);
      prepared = prepare(header.fields, options);
      line = 1 + header.lines;
      pending = pending.subarray(header.end);
      delimiter = header.delimiter;
      start(header.fields);
    }
    if (pending.length > 0) await dispatch(pending);
    for (const slot of slots) slot.worker.postMessage({ type: 'finish' });
    await waitFor(() => slots.every((s) => s.result !== undefined));
  } finally {
    // Wait for the workers to end, so their memory is free before the figures are built.
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  const quality = new QualityCollector();
  for (const slot of slots) quality.merge(slot.result!.quality);
  // Join the parts in chunk order, so rows end up in file order as on one thread.
  const segments: { part: number; start: number; count: number; seq: number }[] = [];
  slots.forEach((slot, part) => {
    let start = 0;
    for (const chunk of slot.result!.chunks) {
      segments.push({ part, start, count: chunk.rows, seq: chunk.seq });
      start += chunk.rows;
    }
  });
  segments.sort((a, b) => a.seq - b.seq);
  const assignments = concatAssignments(
    slots.map((s) => s.result!.assignments),
    segments,
  );
  return { file: name, sha256: hash.digest('hex'), bytes, delimiter, encoding: 'utf8', ...prepared, assignments, quality };
}

/**
 * The file in chunks, read into one reused buffer: the main thread makes no garbage per
 * chunk (each chunk must be used before the next is read).
 */
async function* readChunks(path: string, name: string, size: number): AsyncGenerator<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(name, error);
  }
  const buffer = Buffer.allocUnsafe(size);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The header record at the start of the file (after any blank lines), or undefined when it
 * is not complete yet. `end` is the byte after it.
 */
function readHeader(buffer: Buffer, delimiter: string | undefined, final = false) {
  let fields: string[] | undefined;
  const scanner = new RecordScanner(
    {
      header(h) {
        fields = h;
        return [];
      },
      record() {},
      malformed() {},
    },
    { delimiter },
  );
  let from = 0;
  while (fields === undefined) {
    let end = recordEnd(buffer, delimiter ?? 'auto', from, true);
    if (end === -1) {
      if (!final || from >= buffer.length) return undefined;
      end = buffer.length;
    }
    scanner.push(buffer.subarray(from, end));
    from = end;
  }
  scanner.end();
  return { fields, end: from, lines: countLines(buffer.subarray(0, from)), delimiter: scanner.delimiterUsed };
}

/**
 * The byte after the last record end in `buffer` from `from` (or after the first, with
 * `first`), by quote parity; -1 when there is none. Throws StrayQuote on a quote that opens
 * in the middle of a field, where parity cannot be trusted.
 */
function recordEnd(buffer: Buffer, delimiter: string, from = 0, first = false, startsInside = false, byteBefore = LF): number {
  // While the delimiter is still to be detected (the header), any candidate may precede a quote.
  const separators = delimiter === 'auto' ? [0x2c, 0x3b, 0x09, 0x7c] : [delimiter.charCodeAt(0)];
  let inside = startsInside;
  let end = -1;
  let at = from;
  for (;;) {
    const quote = buffer.indexOf(QUOTE, at);
    const stop = quote === -1 ? buffer.length : quote;
    if (!inside && stop > at) {
      // Line ends between here and the next quote are record ends.
      const lf = first ? buffer.indexOf(LF, at) : buffer.lastIndexOf(LF, stop - 1);
      if (lf !== -1 && lf >= at && lf < stop) {
        end = lf + 1;
        if (first) return end;
      }
    }
    if (quote === -1) return end;
    if (!inside) {
      // An opening quote must start a field; `""` re-opens an escaped quote.
      const before = quote === from ? byteBefore : buffer[quote - 1];
      if (!separators.includes(before as number) && before !== LF && before !== QUOTE) throw new NotParallel();
    }
    inside = !inside;
    at = quote + 1;
  }
}

function quoteParity(buffer: Buffer): number {
  let parity = 0;
  for (let at = buffer.indexOf(QUOTE); at !== -1; at = buffer.indexOf(QUOTE, at + 1)) parity ^= 1;
  return parity;
}

function countLines(buffer: Buffer): number {
  let n = 0;
  for (let at = buffer.indexOf(LF); at !== -1; at = buffer.indexOf(LF, at + 1)) n++;
  return n;
}
