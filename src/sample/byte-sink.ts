/**
 * The bytes of a file being generated, written straight into a buffer: no string per row,
 * so a million rows make no garbage. Text goes in as "byte strings", one character a byte:
 * ASCII as it is, anything else as its UTF-8 bytes (see `utf8Bytes`). `take` hands over what
 * has been written, for a stream, and starts a new buffer.
 */
export class ByteSink {
  private out: Buffer;
  private at = 0;

  /** `chunk`: the size at which `full` says it is time to `take`. */
  constructor(private readonly chunk: number) {
    this.out = Buffer.allocUnsafe(chunk + 4096);
  }

  get full(): boolean {
    return this.at >= this.chunk;
  }

  private room(n: number): void {
    if (this.at + n <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.out.length, this.at + n));
    this.out.copy(bigger, 0, 0, this.at);
    this.out = bigger;
  }

  /** A byte string: each character's code (below 256) is one byte. */
  text(bytes: string): void {
    this.room(bytes.length);
    const out = this.out;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) out[at++] = bytes.charCodeAt(i);
    this.at = at;
  }

  /** Bytes made earlier (a whole run of cells): copied at once. */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    const out = this.out;
    let at = this.at;
    // A loop: for the 20 to 100 bytes copied here it beats TypedArray.set's call.
    for (let i = 0; i < bytes.length; i++) out[at++] = bytes[i] as number;
    this.at = at;
  }

  byte(code: number): void {
    this.room(1);
    this.out[this.at++] = code;
  }

  /** A whole number from 0 to 2³¹ − 1, in decimal, with leading zeros to `width` digits. */
  digits(n: number, width = 1): void {
    let count = 1;
    for (let rest = (n / 10) | 0; rest > 0; rest = (rest / 10) | 0) count++;
    if (count < width) count = width;
    this.room(count);
    const out = this.out;
    let rest = n | 0;
    for (let i = this.at + count - 1; i >= this.at; i--) {
      const next = (rest / 10) | 0;
      out[i] = 48 + rest - next * 10;
      rest = next;
    }
    this.at += count;
  }

  /** What has been written since the last take, as its own buffer. */
  take(): Buffer {
    const written = this.out.subarray(0, this.at);
    this.out = Buffer.allocUnsafe(this.chunk + 4096);
    this.at = 0;
    return written;
  }
}
