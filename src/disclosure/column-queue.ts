/**
 * The columns still to visit while reducing a vector (METHOD §8.4), smallest first. A bit per
 * column, scanned a 32-bit word at a time: elimination only ever adds columns to the right of
 * the one being visited, so one pass from left to right visits them all in increasing order.
 * A binary heap did the same in O(log n) per column pushed, and cost more than the
 * elimination's own arithmetic; the scan costs one step per 32 columns between the smallest
 * and largest pushed.
 */
export class ColumnQueue {
  private readonly bits: Int32Array;
  /** Words before `low` are empty; none after `high` is set. */
  private low: number;
  private high = -1;

  constructor(width: number) {
    this.bits = new Int32Array((width >> 5) + 1);
    this.low = this.bits.length;
  }

  /** Add column c (once; adding it again before it is taken does nothing). */
  push(c: number): void {
    const w = c >> 5;
    this.bits[w]! |= 1 << (c & 31);
    if (w < this.low) this.low = w;
    if (w > this.high) this.high = w;
  }

  /** Take the smallest column, or −1 when none is left. */
  pop(): number {
    const bits = this.bits;
    for (let w = this.low; w <= this.high; w++) {
      const word = bits[w] as number;
      if (word === 0) continue;
      const bit = 31 - Math.clz32(word & -word);
      bits[w] = word & (word - 1);
      this.low = w;
      return (w << 5) | bit;
    }
    this.low = bits.length;
    this.high = -1;
    return -1;
  }
}
