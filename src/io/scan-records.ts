import { DataError } from '../errors.js';
import { cellText } from './cell-text.js';
import { detectDelimiter } from './delimiter.js';
import { requireUtf8, type Encoding } from './encoding.js';
import { LineBuffer } from './line-buffer.js';
import { TextSearch } from './text-search.js';
import type { RecordSink, ScanOptions, ScanWork } from './record-sink.js';

export { ENCODINGS, type Encoding } from './encoding.js';
export type { RecordSink, ScanOptions, ScanWork } from './record-sink.js';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The record being scanned. While one of its quoted fields is still open where a text ends
 * (`open`), it waits for the next text with the line that field opened on, whether it holds a
 * doubled quote so far and, when the field is needed, its text so far.
 */
interface RecordState {
  first: number;
  header: boolean;
  cells: string[];
  field: number;
  linesInside: number;
  problem: string | undefined;
  open: boolean;
  opened: number;
  escaped: boolean;
  parts: string[] | undefined;
}

const neverClosed = (line: number) => new DataError(`line ${line}: a quoted field is never closed (a " without its closing ")`);

/**
 * A streaming CSV record scanner (RFC 4180), written for speed on ESR-sized exports.
 *
 * Why not csv-parse: measured on this project's 1,000,000-row benchmark file, csv-parse
 * took 11.9 s before any validation (7.8 s with its sync API); this scanner takes under a
 * second. csv-parse stays as the oracle: property tests check that both read the same
 * records from random CSV text (test/io/scan-records.test.ts).
 *
 * Rules: fields are separated by the delimiter and records by LF or CRLF. A field that starts
 * with `"` is quoted: it ends at the next `"` not followed by another `"`, may contain
 * delimiters and line breaks, and `""` inside it is one `"`. A `"` elsewhere in an unquoted
 * field is an ordinary character (as Excel and csv-parse's relax_quotes read it). Text
 * between a closing quote and the next delimiter makes the record malformed: it is reported
 * as an invalid row, not guessed at. A quoted field still open at the end of the input is a
 * data error naming the line it opened on. Wholly blank lines are skipped and are not records.
 * A UTF-8 byte order mark is dropped.
 *
 * Only the columns the run needs are copied out of each record; line numbers count file
 * lines from 1 (the header) and a record is numbered by the line it starts on.
 *
 * Records are cut from the bytes read as Latin-1 (see cell-text.ts): a cell's characters are
 * its bytes, and `cellText` gives its UTF-8 text. The header is passed already decoded.
 *
 * Time is linear in the input whatever the field lengths: bytes after the last line end are
 * held as a list of chunks and joined once a line end arrives; a quoted field still open at
 * the end of a chunk is remembered with where its scan stopped, and the next chunk is
 * searched only for its closing quote; the next delimiter is remembered across records, so a
 * line without one is not searched again for every record. `work` counts what was done, so
 * tests can check this without timing anything.
 */
export class RecordScanner {
  /** Cuts the chunks read into complete lines. */
  private readonly bytes: LineBuffer;
  private readonly search = new TextSearch();
  private readonly rec: RecordState = { first: 1, header: false, cells: [], field: 0, linesInside: 0, problem: undefined, open: false, opened: 0, escaped: false, parts: undefined };
  private line = 1;
  private sawHeader = false;
  private cells: string[] = [];
  private isNeeded: boolean[] = [];
  private delimiter: number;
  private delimiterText: string;
  private readonly detect: boolean;

  constructor(
    private readonly sink: RecordSink,
    options: ScanOptions = {},
  ) {
    this.detect = (options.delimiter ?? 'auto') === 'auto';
    this.delimiterText = this.detect ? ',' : (options.delimiter as string);
    this.delimiter = this.delimiterText.charCodeAt(0);
    this.bytes = new LineBuffer(options.encoding ?? 'utf8');
  }

  /** The encoding read: as given, or UTF-16 when a byte order mark says so. */
  get encodingUsed(): Encoding {
    return this.bytes.encodingUsed;
  }

  /** What the scanner has done so far (see ScanWork). */
  get work(): ScanWork {
    return { searched: this.search.searched, copied: this.bytes.copied };
  }

  /** The delimiter in use (detected from the header unless given). */
  get delimiterUsed(): string {
    return this.delimiterText;
  }

  /**
   * Start after a header read elsewhere: for a worker thread that scans a later part of the
   * file. `line` is the line the part starts on.
   */
  resume(needed: readonly number[], width: number, line: number): void {
    this.bytes.startPlain(); // the parallel reader sends UTF-8 only
    this.sawHeader = true;
    this.line = line;
    this.need(needed, width);
  }

  /** Feed the next chunk of bytes. The scanner may keep `chunk` until a line end arrives: do not reuse it. */
  push(chunk: Buffer): void {
    const lines = this.bytes.push(chunk);
    if (lines !== undefined) this.scanRegion(lines, false);
  }

  /** The input has ended: scan what is left, including a last line without a line end. */
  end(): void {
    const rest = this.bytes.end();
    if (rest.length > 0 || this.rec.open) this.scanRegion(rest, true);
  }

  /** Check and scan bytes that end at a line end (or at the end of the input, with `final`). */
  private scanRegion(region: Buffer, final: boolean): void {
    if (!this.bytes.transcoding) requireUtf8(region, this.line + (this.rec.open ? this.rec.linesInside : 0));
    let text = region.toString('latin1');
    if (final && text.charCodeAt(text.length - 1) !== LF) text += '\n';
    this.scan(text, final);
  }

  /** Scan complete lines. A record whose quoted field is still open waits for the next text. */
  private scan(text: string, final: boolean): void {
    this.search.reset(this.delimiterText);
    let pos = this.rec.open ? this.closeOpen(text, final) : 0;
    while (pos !== -1 && pos < text.length) pos = this.record(text, pos, final);
  }

  /** Start the record at `pos`. Returns where the next record starts, or -1 when it waits for more text. */
  private record(text: string, pos: number, final: boolean): number {
    const lineEnd = this.search.lineEnd(text, pos);
    // Blank line (empty or a lone CR): not a record.
    if (lineEnd === pos || (lineEnd === pos + 1 && text.charCodeAt(pos) === CR)) {
      this.line++;
      return lineEnd + 1;
    }
    const rec = this.rec;
    rec.first = this.line;
    rec.header = !this.sawHeader;
    if (rec.header && this.detect) this.useDelimiter(detectDelimiter(text.slice(pos, lineEnd)));
    rec.cells = rec.header ? [] : this.cells;
    rec.field = 0;
    rec.linesInside = 0;
    rec.problem = undefined;
    return this.fields(text, pos, lineEnd, final);
  }

  /**
   * The fields of the current record from `start` (which starts a field) to its end.
   * Returns where the next record starts, or -1 when a quoted field is open at the end of text.
   */
  private fields(text: string, start: number, lineEnd: number, final: boolean): number {
    const rec = this.rec;
    const { cells, header } = rec;
    const { isNeeded, search } = this;
    const d = this.delimiter;
    let field = rec.field;
    for (;;) {
      if (text.charCodeAt(start) === QUOTE) {
        const close = search.closingQuote(text, start + 1);
        if (close === -1) {
          rec.field = field;
          this.carry(text, start, final);
          return -1;
        }
        if (close > lineEnd) {
          // The field spans line breaks: count them and find the record's new line end.
          rec.linesInside += search.countLines(text, lineEnd, close);
          lineEnd = search.lineEnd(text, close);
        }
        if (header || isNeeded[field]) {
          const value = text.slice(start + 1, close);
          cells[field] = search.escaped ? value.replaceAll('""', '"') : value;
        }
        field++;
        if (text.charCodeAt(close + 1) === d) {
          start = close + 2;
          continue;
        }
        if (!endsRecord(text, close + 1)) rec.problem = 'text after the closing quote of a quoted field';
        break;
      }
      // Unquoted field: up to the next delimiter on this line, or the line end.
      let stop = search.nextDelimiter(text, start);
      const last = stop > lineEnd;
      if (last) stop = lineEnd > start && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      if (header) cells[field] = text.slice(start, stop);
      else if (isNeeded[field]) {
        // Adjacent rows often repeat a value (flags, codes, pay points): reuse the previous
        // row's string when the text is the same, rather than cutting a new one.
        const previous = cells[field] as string;
        if (previous.length !== stop - start || !text.startsWith(previous, start)) cells[field] = text.slice(start, stop);
      }
      field++;
      if (last) break;
      start = stop + 1;
    }
    rec.field = field;
    return this.finish(lineEnd + 1);
  }

  /**
   * The record's open quoted field goes on in `text` (which starts a line): look for its
   * closing quote here only, then scan the rest of the record.
   */
  private closeOpen(text: string, final: boolean): number {
    const rec = this.rec;
    const close = this.search.closingQuote(text, 0);
    rec.escaped ||= this.search.escaped;
    rec.linesInside += this.search.countLines(text, 0, close === -1 ? text.length : close);
    if (close === -1) {
      if (final) throw neverClosed(rec.opened);
      rec.parts?.push(text);
      return -1;
    }
    if (rec.parts !== undefined) {
      const value = rec.parts.join('') + text.slice(0, close);
      rec.cells[rec.field] = rec.escaped ? value.replaceAll('""', '"') : value;
    }
    rec.open = false;
    rec.parts = undefined;
    rec.field++;
    const lineEnd = this.search.lineEnd(text, close);
    if (text.charCodeAt(close + 1) === this.delimiter) return this.fields(text, close + 2, lineEnd, final);
    if (!endsRecord(text, close + 1)) rec.problem = 'text after the closing quote of a quoted field';
    return this.finish(lineEnd + 1);
  }

  /** A quoted field from `start` is still open where the text ends: remember it and wait. */
  private carry(text: string, start: number, final: boolean): void {
    const rec = this.rec;
    rec.opened = rec.first + rec.linesInside;
    if (final) throw neverClosed(rec.opened);
    rec.open = true;
    rec.escaped = this.search.escaped;
    rec.parts = rec.header || this.isNeeded[rec.field] ? [text.slice(start + 1)] : undefined;
    rec.linesInside += this.search.countLines(text, start, text.length);
  }

  /** The record is complete: hand it on. Returns `next`, where the next record starts. */
  private finish(next: number): number {
    const rec = this.rec;
    this.line += 1 + rec.linesInside;
    if (rec.problem !== undefined) {
      if (rec.header) throw new DataError(`line ${rec.first}: the header is not valid CSV (${rec.problem})`);
      this.sink.malformed(rec.first, rec.problem);
    } else if (rec.header) {
      this.takeHeader(rec.cells);
    } else {
      this.sink.record(rec.cells, rec.field, rec.first);
    }
    return next;
  }

  private useDelimiter(delimiter: string): void {
    this.delimiterText = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
    this.search.reset(delimiter);
  }

  private takeHeader(fields: string[]): void {
    this.sawHeader = true;
    this.need(this.sink.header(fields.map(cellText)), fields.length);
  }

  /** Copy out only the `needed` columns of records `width` fields wide (or wider). */
  private need(needed: readonly number[], width: number): void {
    this.isNeeded = Array.from({ length: Math.max(width, ...needed.map((i) => i + 1)) }, (_, i) => needed.includes(i));
    this.cells = new Array<string>(this.isNeeded.length).fill('');
  }
}

/** A record ends at `at`: LF or CRLF. */
function endsRecord(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === LF || (c === CR && text.charCodeAt(at + 1) === LF);
}
