import type { FileHandle } from 'node:fs/promises';
import { CANDIDATE_DELIMITERS } from './delimiter.js';

/**
 * Cutting a file's bytes into chunks that end at record ends, so each chunk can be scanned on
 * its own (by a worker thread of the parallel reader, ingest/load-parallel.ts).
 *
 * Record ends are found by quote parity: a line end is a record end when an even number of
 * quotes comes before it. That holds for RFC 4180 files. A quote in the middle of an
 * unquoted field (allowed by the scanner, not by the RFC) would make parity lie, so on the
 * first such quote cutting stops (`CannotSplit`) and the file is read on one thread.
 *
 * Every byte is looked at a fixed number of times: the quote state is carried from one
 * chunk to the next rather than counted again from the start of a long record, and bytes
 * waiting for a record end are held as a list and joined once.
 */
export class CannotSplit extends Error {}

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * The file in chunks, read into one reused buffer: no garbage per chunk (each chunk must be
 * used before the next is read).
 */
export async function* readChunks(handle: FileHandle, size: number): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

export function countLines(buffer: Buffer): number {
  let n = 0;
  for (let at = buffer.indexOf(LF); at !== -1; at = buffer.indexOf(LF, at + 1)) n++;
  return n;
}

export function quoteParity(buffer: Buffer): number {
  let parity = 0;
  for (let at = buffer.indexOf(QUOTE); at !== -1; at = buffer.indexOf(QUOTE, at + 1)) parity ^= 1;
  return parity;
}

/** Where the quote count stands at the end of the bytes seen so far. */
interface QuoteState {
  /** Inside a quoted field. */
  inside: boolean;
  /** The last byte seen (a line feed at the start). */
  byteBefore: number;
}

/**
 * The byte after the last record end in `buffer` (or after the first, with `first`), by quote
 * parity from `state`; -1 when there is none. Throws CannotSplit on a quote that opens in the
 * middle of a field, where parity cannot be trusted.
 */
export function recordEnd(buffer: Buffer, delimiter: string, state: QuoteState = { inside: false, byteBefore: LF }, first = false): number {
  // While the delimiter is still to be detected (the header), any candidate may precede a quote.
  const separators = (delimiter === 'auto' ? CANDIDATE_DELIMITERS : [delimiter]).map((d) => d.charCodeAt(0));
  let inside = state.inside;
  let end = -1;
  let at = 0;
  for (;;) {
    const quote = buffer.indexOf(QUOTE, at);
    const stop = quote === -1 ? buffer.length : quote;
    if (!inside && stop > at) {
      // Line ends between here and the next quote are record ends (searched only up to it).
      const between = buffer.subarray(at, stop);
      const lf = first ? between.indexOf(LF) : between.lastIndexOf(LF);
      if (lf !== -1) {
        end = at + lf + 1;
        if (first) return end;
      }
    }
    if (quote === -1) return end;
    if (!inside) {
      // An opening quote must start a field; `""` re-opens an escaped quote.
      const before = quote === 0 ? state.byteBefore : buffer[quote - 1];
      if (!separators.includes(before as number) && before !== LF && before !== QUOTE) throw new CannotSplit();
    }
    inside = !inside;
    at = quote + 1;
  }
}

/**
 * Cuts chunks as they are read into pieces that end at record ends. Bytes after the last
 * record end are held (copied, as the read buffer is reused) until a later chunk ends the
 * record; the quote state is carried, so held bytes are never looked at again.
 */
export class RecordCutter {
  /** Bytes copied to hold and join them (for tests: at most twice the input). */
  copied = 0;
  private readonly state: QuoteState = { inside: false, byteBefore: LF };
  private held: Buffer[] = [];

  /** @param delimiter the delimiter, or 'auto' while it is still to be detected */
  constructor(public delimiter: string) {}

  /**
   * The held bytes and `chunk` up to its first record end, joined, with the rest of `chunk`;
   * undefined when `chunk` has none (it is then held).
   */
  first(chunk: Buffer): { record: Buffer; rest: Buffer } | undefined {
    const end = recordEnd(chunk, this.delimiter, this.state, true);
    if (end === -1) {
      this.hold(chunk);
      return undefined;
    }
    const record = Buffer.concat([...this.held, chunk.subarray(0, end)]);
    this.copied += record.length;
    this.held = [];
    this.state.inside = false;
    this.state.byteBefore = LF;
    return { record, rest: chunk.subarray(end) };
  }

  /**
   * The held bytes and `chunk` up to its last record end, as a list of parts (the last is a
   * view of `chunk`: use it before the next read); undefined when `chunk` has none (it is then
   * held). The rest of `chunk` is held.
   */
  last(chunk: Buffer): Buffer[] | undefined {
    const end = recordEnd(chunk, this.delimiter, this.state);
    if (end === -1) {
      this.hold(chunk);
      return undefined;
    }
    const parts = [...this.held, chunk.subarray(0, end)];
    this.held = [];
    this.state.inside = false;
    this.state.byteBefore = LF;
    this.hold(chunk.subarray(end));
    return parts;
  }

  /** What is held at the end of the input: a last record without a line end, or nothing. */
  rest(): Buffer {
    const rest = Buffer.concat(this.held);
    this.copied += rest.length;
    this.held = [];
    return rest;
  }

  /** Keep a copy of `bytes` and move the quote state past them. */
  private hold(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (quoteParity(bytes) === 1) this.state.inside = !this.state.inside;
    this.state.byteBefore = bytes[bytes.length - 1] as number;
    this.held.push(Buffer.from(bytes));
    this.copied += bytes.length;
  }
}
