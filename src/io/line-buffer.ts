import type { TextDecoder } from 'node:util';
import { byteOrderMark, encodingOf, invalidUtf16, transcoderFor, type Encoding } from './encoding.js';

const LF = 0x0a;

/**
 * The byte side of the record scanner: takes chunks as they are read and gives back regions
 * of complete lines, as UTF-8 bytes. The first bytes are checked for a byte order mark (and
 * NUL bytes); other encodings are turned into UTF-8 on the way.
 *
 * Bytes after the last line end are held as a list of chunks and joined once, when a line
 * end arrives: a line of any length costs time in proportion to its length (joining on every
 * chunk would cost its square). `copied` counts the bytes copied, for tests of that.
 */
export class LineBuffer {
  /** Bytes copied to join held chunks or keep a chunk's tail. */
  copied = 0;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private started = false;
  private transcoder: TextDecoder | undefined;
  /** Transcoding: line feeds and bytes decoded so far, to name the line a decoding error is on. */
  private decodedLines = 0;
  private decodedBytes = 0;

  constructor(private readonly encoding: Encoding) {
    this.transcoder = transcoderFor(encoding);
  }

  /** The encoding read: as given, or UTF-16 when a byte order mark says so. */
  get encodingUsed(): Encoding {
    return encodingOf(this.transcoder, this.encoding);
  }

  /** Another encoding is being turned into UTF-8 (so the lines given back are UTF-8 by construction). */
  get transcoding(): boolean {
    return this.transcoder !== undefined;
  }

  /** Skip the byte order mark check: for a later part of a file, which is UTF-8. */
  startPlain(): void {
    this.started = true;
    this.transcoder = undefined;
  }

  /**
   * The next chunk. Returns the complete lines held so far (ending with a line feed), or
   * undefined while no line end has arrived. `chunk` may be kept until then: do not reuse it.
   */
  push(chunk: Buffer): Buffer | undefined {
    if (!this.started) {
      this.hold(chunk);
      if (this.heldBytes < 4) return undefined; // too short to tell the byte order mark yet
      chunk = this.begin(this.take());
    }
    if (this.transcoder !== undefined) chunk = this.decode(chunk, true);
    // A line feed byte never occurs inside a multi-byte UTF-8 character, so cutting after
    // the last one never splits a character.
    const last = chunk.lastIndexOf(LF);
    if (last === -1) {
      this.hold(chunk);
      return undefined;
    }
    this.hold(chunk.subarray(0, last + 1));
    const lines = this.take();
    if (last + 1 < chunk.length) {
      this.hold(Buffer.from(chunk.subarray(last + 1)));
      this.copied += chunk.length - last - 1;
    }
    return lines;
  }

  /** The input has ended: everything still held (a last line without a line end, or nothing). */
  end(): Buffer {
    if (!this.started) {
      const rest = this.begin(this.take());
      this.hold(this.transcoder === undefined ? rest : this.decode(rest, false));
    } else if (this.transcoder !== undefined) {
      this.hold(this.decode(Buffer.alloc(0), false));
    }
    return this.take();
  }

  /** Bytes in another encoding as UTF-8; bytes that cannot be decoded stop the run, naming the line. */
  private decode(bytes: Buffer, stream: boolean): Buffer {
    const transcoder = this.transcoder as TextDecoder;
    let text: string;
    try {
      text = transcoder.decode(bytes, { stream });
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw invalidUtf16(bytes, transcoder.encoding === 'utf-16be', this.decodedLines + 1, this.decodedBytes % 2);
    }
    this.decodedBytes += bytes.length;
    const out = Buffer.from(text, 'utf8');
    for (let at = out.indexOf(LF); at !== -1; at = out.indexOf(LF, at + 1)) this.decodedLines++;
    return out;
  }

  private hold(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.held.push(bytes);
    this.heldBytes += bytes.length;
  }

  /** Everything held, as one buffer: each byte is copied at most once here. */
  private take(): Buffer {
    const held = this.held;
    const joined = held.length === 1 ? (held[0] as Buffer) : Buffer.concat(held, this.heldBytes);
    if (held.length > 1) this.copied += this.heldBytes;
    this.held = [];
    this.heldBytes = 0;
    return joined;
  }

  /** The first bytes: a byte order mark or NUL bytes decide how the rest is read. */
  private begin(head: Buffer): Buffer {
    this.started = true;
    const mark = byteOrderMark(head, this.transcoder);
    this.transcoder = mark.transcoder;
    return head.subarray(mark.skip);
  }
}
