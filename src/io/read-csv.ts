import { createHash } from 'node:crypto';
import { parse, CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { DataError } from '../errors.js';

export interface CsvCallbacks {
  /** The header record. */
  onHeader(headers: string[]): void;
  /** Each record after the header, with the line it starts on (1-based, header = line 1). */
  onRecord(record: string[], line: number): void;
  /** Bytes read so far, after each chunk (for progress). */
  onBytes?(bytes: number): void;
}

export interface CsvSummary {
  readonly sha256: string;
  readonly bytes: number;
  readonly sawHeader: boolean;
}

/**
 * Stream a CSV through csv-parse, calling back per record without building per-record
 * objects or buffering the file. UTF-8 with or without BOM, CRLF or LF; wholly blank lines
 * are skipped (SPEC §2). Rows may have a different number of fields from the header: the
 * validator reports those rather than the parser stopping at the first one.
 */
export async function readCsv(stream: Readable, callbacks: CsvCallbacks): Promise<CsvSummary> {
  const hash = createHash('sha256');
  let bytes = 0;
  let sawHeader = false;
  let previousEnd = 0;
  let failure: unknown;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: string[], info) => {
      const line = startLine(record, info.lines, previousEnd);
      previousEnd = info.lines;
      if (!sawHeader) {
        sawHeader = true;
        callbacks.onHeader(record);
      } else {
        callbacks.onRecord(record, line);
      }
      return null;
    },
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      hash.update(buffer);
      bytes += buffer.length;
      callbacks.onBytes?.(bytes);
      if (failure === undefined) parser.write(buffer);
      if (failure !== undefined) break;
    }
    if (failure === undefined) await new Promise<void>((resolve) => parser.end(() => resolve()));
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) throw toDataError(failure);
  return { sha256: hash.digest('hex'), bytes, sawHeader };
}

/**
 * csv-parse reports the line a record ends on. A record that ends one line after the previous
 * one starts there too; otherwise blank lines or quoted line breaks came between, and the
 * line breaks inside the record's own fields say how far back it starts.
 */
function startLine(record: readonly string[], endLine: number, previousEnd: number): number {
  if (endLine - previousEnd <= 1) return endLine;
  let inside = 0;
  for (const field of record) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) inside++;
  }
  return endLine - inside;
}

function toDataError(error: unknown): unknown {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    return new DataError(`the file is not valid CSV${line ? ` near line ${line}` : ''}: ${error.message.replace(/^Invalid Record Length: /, '')}`);
  }
  return error;
}
