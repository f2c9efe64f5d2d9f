/**
 * A document built line by line, for renderers that may write millions of lines (100,000
 * groups × 20 measures in the CSV). Lines are joined into blocks of a few thousand as they
 * come, so the garbage collector keeps a few hundred large strings alive instead of millions
 * of small ones, and nothing is ever spread into a call. Linear in the text written.
 *
 * @example const out = new Lines('\n'); out.push('a', 'b'); out.text() === 'a\nb\n'
 */
const BLOCK = 4096;

export class Lines {
  private readonly blocks: string[] = [];
  private pending: string[] = [];

  constructor(private readonly separator: string) {}

  push(...lines: readonly string[]): void {
    for (const line of lines) this.pending.push(line);
    if (this.pending.length >= BLOCK) this.flush();
  }

  /** Every line, each followed by the separator. */
  text(): string {
    this.flush();
    // One join, the last separator with it: added after the join, it made a pair that every
    // reader of the text (the write, a search) copied whole first.
    return this.blocks.length === 0 ? '' : [...this.blocks, ''].join(this.separator);
  }

  /** Every line, the separator between them (none after the last). */
  joined(): string {
    this.flush();
    return this.blocks.join(this.separator);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blocks.push(this.pending.join(this.separator));
    this.pending = [];
  }
}
