import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DataError } from '../errors.js';

/**
 * How the bytes of an export are encoded, and the checks made before any of them is read as
 * text: a byte order mark chooses UTF-8 or UTF-16; NUL bytes without one mean the file is not
 * text; bytes that are not UTF-8 stop the run naming the line (Excel's "CSV (Comma delimited)"
 * is Windows-1252, and reading it as UTF-8 would change names and codes silently).
 */
export const ENCODINGS = ['utf8', 'windows-1252', 'latin1', 'utf16le', 'utf16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const LF = 0x0a;

/**
 * A decoder from `encoding` to text, or undefined for UTF-8 (read as it is). UTF-16 decoders
 * are fatal: a lone surrogate stops the run, as bytes that are not UTF-8 do, rather than
 * becoming U+FFFD silently (see `invalidUtf16`).
 */
export function transcoderFor(encoding: Encoding): TextDecoder | undefined {
  if (encoding === 'utf8') return undefined;
  if (encoding === 'utf16le' || encoding === 'utf16be') return utf16(encoding === 'utf16be');
  return new TextDecoder(encoding === 'latin1' ? 'windows-1252' : encoding);
}

const utf16 = (bigEndian: boolean) => new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { fatal: true });

/**
 * UTF-16 that cannot be decoded: a lone surrogate, or a file ending inside a character. Names
 * the line of the first bad code unit of `bytes` (the part that failed), counting from `line`;
 * `offset` is where the code units start in it (1 when a unit began in the part before).
 */
export function invalidUtf16(bytes: Uint8Array, bigEndian: boolean, line: number, offset: number): DataError {
  const unit = (i: number) => (bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8));
  for (let i = offset; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u === 0x0a) line++;
    else if (u >= 0xdc00 && u <= 0xdfff) break;
    else if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) break;
      i += 2;
    }
  }
  return new DataError(`line ${line}: the file is not valid UTF-16 (a lone surrogate, or a character cut short)`, [
    'the file may be damaged or in another encoding; nothing was computed',
    'save it again from Excel as "CSV UTF-8", or rerun with the --encoding it was saved in',
  ]);
}

/** The encoding a decoder reads (UTF-16 may have been chosen by a byte order mark). */
export function encodingOf(transcoder: TextDecoder | undefined, given: Encoding): Encoding {
  const name = transcoder?.encoding;
  return name === 'utf-16le' ? 'utf16le' : name === 'utf-16be' ? 'utf16be' : given;
}

export interface ByteOrderMark {
  /** Bytes the mark takes (0 when there is none). */
  readonly skip: number;
  /** The decoder to use from here: UTF-16 when the mark says so, else the one given. */
  readonly transcoder: TextDecoder | undefined;
}

/**
 * Read the first bytes of the input (at least 4, unless the input is shorter): a byte order
 * mark, or NUL bytes in the first 4 KB, which mean UTF-16 without a mark or not text at all.
 */
export function byteOrderMark(head: Buffer, transcoder: TextDecoder | undefined): ByteOrderMark {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { skip: 3, transcoder };
  if (head[0] === 0xff && head[1] === 0xfe) return { skip: 2, transcoder: utf16(false) };
  if (head[0] === 0xfe && head[1] === 0xff) return { skip: 2, transcoder: utf16(true) };
  if (transcoder === undefined && head.subarray(0, 4096).includes(0)) throw notText();
  return { skip: 0, transcoder };
}

/** The message for bytes that are not text (a spreadsheet, UTF-16 without a mark, /dev/zero). */
export function notText(): DataError {
  return new DataError('the file has NUL bytes, so it is not a CSV text file', [
    'if it is a CSV saved as UTF-16 without a byte order mark, rerun with --encoding utf16le',
    'if it is a spreadsheet, save it as "Excel Workbook (.xlsx)" (which paygap reads) or as "CSV UTF-8"',
  ]);
}

/**
 * Stop before any figure is computed from wrongly decoded text. `line` is the line `region`
 * starts on; the message names the first line that is not UTF-8.
 */
export function requireUtf8(region: Buffer, line: number): void {
  if (isUtf8(region)) return;
  let start = 0;
  for (let end = region.indexOf(LF); ; end = region.indexOf(LF, start)) {
    if (!isUtf8(region.subarray(start, end === -1 ? region.length : end))) break;
    if (end === -1) break;
    line++;
    start = end + 1;
  }
  throw new DataError(`line ${line}: the file is not valid UTF-8`, [
    'it looks like Windows-1252 (Latin-1), which Excel writes for "CSV (Comma delimited)"; nothing was computed',
    'rerun with --encoding windows-1252, or save the file as "CSV UTF-8" in Excel',
  ]);
}
