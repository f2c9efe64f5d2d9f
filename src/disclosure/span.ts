/**
 * Is a vector a linear combination of published ones? (METHOD §8.4)
 *
 * Published cells are 0/1 vectors over atoms; a withheld figure can be worked out exactly
 * when its vector lies in their span over the rationals. This basis answers that by Gaussian
 * elimination modulo primes, in integers, so no rounding error can pass for independence:
 * a vector in the rational span is in the span modulo p unless p divides the denominator of
 * every way of writing it, a determinant of a 0/1 matrix. The audit runs two bases modulo two
 * primes near 2²⁶ and counts a vector as derivable when either finds it, so a derivation is
 * missed only if both primes divide that determinant: impossible while the rank is below 33
 * (Hadamard's bound keeps such determinants under 2⁵²), and for larger tables it would need a
 * determinant divisible by a particular 52-bit number. Products stay below 2⁵², exact in
 * doubles. Rows are sparse; each basis row records which published rows it combines, so a
 * derivation can be shown and broken by withholding one of its cells.
 */
export const PRIMES = [67_108_859, 67_108_837] as const;

interface BasisRow {
  /** Non-zero entries, by column, pivot first (the lowest column), pivot value 1. */
  readonly columns: Int32Array;
  readonly values: Float64Array;
  /** Which published rows, with which coefficients, make this basis row. */
  readonly combination: Map<number, number>;
}

const mod = (x: number, p: number): number => {
  const r = x % p;
  return r < 0 ? r + p : r;
};

/** Multiplicative inverse modulo the prime p (extended Euclid). */
function inverse(a: number, p: number): number {
  let [r0, r1] = [p, mod(a, p)];
  let [s0, s1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, p);
}

export class SpanBasis {
  private readonly pivots = new Map<number, BasisRow>();
  private readonly dense: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap: ColumnHeap;

  constructor(
    width: number,
    private readonly p: number,
    /** Record combinations (needed to explain a derivation; costs memory). */
    private readonly track = true,
  ) {
    this.dense = new Float64Array(width);
    this.heap = new ColumnHeap(width);
  }

  get rank(): number {
    return this.pivots.size;
  }

  /**
   * Reduce a 0/1 vector (its non-zero columns) by the basis. Returns the combination of
   * published rows that was subtracted, and the remainder's columns (empty: in the span).
   */
  private reduce(columns: readonly number[]): { remainder: number[]; combination: Map<number, number> } {
    const { dense, p, heap } = this;
    for (const c of columns) {
      if (dense[c] === 0) {
        this.touched.push(c);
        heap.push(c);
      }
      dense[c] = 1;
    }
    const combination = new Map<number, number>();
    const remainder: number[] = [];
    // Columns in increasing order, including those filled in by subtraction (always to the
    // right of the pivot being eliminated).
    for (let c = heap.pop(); c !== -1; c = heap.pop()) {
      const value = dense[c] as number;
      if (value === 0) continue;
      const row = this.pivots.get(c);
      if (row === undefined) {
        remainder.push(c);
        continue;
      }
      for (let j = 0; j < row.columns.length; j++) {
        const col = row.columns[j] as number;
        if (dense[col] === 0) this.touched.push(col);
        heap.push(col);
        dense[col] = mod((dense[col] as number) - value * (row.values[j] as number), p);
      }
      if (this.track) for (const [r, coef] of row.combination) combination.set(r, mod((combination.get(r) ?? 0) + value * coef, p));
    }
    return { remainder, combination };
  }

  private clear(): void {
    for (const c of this.touched) this.dense[c] = 0;
    this.touched.length = 0;
  }

  /**
   * Rows that are combinations of other published rows (they lie in a dependency found while
   * adding rows). Withholding such a row alone cannot stop a derivation; withholding a row not
   * in this set that a derivation uses always does, since every way of writing the target
   * then uses it with the same coefficient.
   */
  readonly redundant = new Set<number>();

  /** Add published row `id` (its non-zero columns). Returns false when it adds nothing new. */
  add(id: number, columns: readonly number[]): boolean {
    const { remainder, combination } = this.reduce(columns);
    if (remainder.length === 0) {
      this.clear();
      if (this.track) {
        this.redundant.add(id);
        for (const [r, coef] of combination) if (coef !== 0) this.redundant.add(r);
      }
      return false;
    }
    const pivot = remainder[0] as number;
    const scale = inverse(this.dense[pivot] as number, this.p);
    const values = Float64Array.from(remainder, (c) => mod((this.dense[c] as number) * scale, this.p));
    const own = new Map<number, number>();
    if (this.track) {
      // The new basis row is scale × (row − Σ subtracted).
      own.set(id, scale);
      for (const [r, coef] of combination) own.set(r, mod((own.get(r) ?? 0) - coef * scale, this.p));
    }
    this.pivots.set(pivot, { columns: Int32Array.from(remainder), values, combination: own });
    this.clear();
    return true;
  }

  /**
   * Is this 0/1 vector in the span? If so, the published rows of one way of writing it
   * (with non-zero coefficients); else undefined.
   */
  derive(columns: readonly number[]): number[] | undefined {
    const { remainder, combination } = this.reduce(columns);
    this.clear();
    if (remainder.length > 0) return undefined;
    return [...combination].filter(([, coef]) => coef !== 0).map(([r]) => r);
  }
}

/** A min-heap of column numbers, each present at most once. */
class ColumnHeap {
  private readonly items: number[] = [];
  private readonly present: Uint8Array;
  constructor(width: number) {
    this.present = new Uint8Array(width);
  }
  push(c: number): void {
    if (this.present[c] === 1) return;
    this.present[c] = 1;
    const items = this.items;
    let i = items.push(c) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= c) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = c;
  }
  /** The smallest column, or −1 when empty. */
  pop(): number {
    const items = this.items;
    if (items.length === 0) return -1;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const r = l + 1;
        const child = r < items.length && (items[r] as number) < (items[l] as number) ? r : l;
        if ((items[child] as number) >= last) break;
        items[i] = items[child] as number;
        i = child;
      }
      items[i] = last;
    }
    this.present[top] = 0;
    return top;
  }
}
