import type { Encoding } from './encoding.js';

/** Where the record scanner (scan-records.ts) sends what it reads. */
export interface RecordSink {
  /** The header record. Returns the column indices the run needs (others are not copied). */
  header(fields: string[]): readonly number[];
  /**
   * One record. `cells` holds the needed columns (a reused array: copy what you keep);
   * `fieldCount` is how many fields the record has.
   */
  record(cells: readonly string[], fieldCount: number, line: number): void;
  /** A record that is not valid CSV: an invalid row, not a crash. */
  malformed(line: number, message: string): void;
}

export interface ScanOptions {
  /** A single character, or 'auto' to detect it from the header (the default). */
  readonly delimiter?: string | undefined;
  /** Default utf8; a UTF-16 byte order mark overrides it. */
  readonly encoding?: Encoding | undefined;
}

/** What the scanner has done, for tests of its cost: both stay within a few times the input's size. */
export interface ScanWork {
  /** Characters passed over by the searches for line ends, quotes and delimiters. */
  searched: number;
  /** Bytes copied to join chunks held while waiting for a line end. */
  copied: number;
}
