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
import { ColumnQueue } from './column-queue.js';

export const PRIMES = [67_108_859, 67_108_837] as const;

interface BasisRow {
  /** Non-zero entries, by column, pivot first (the lowest column), pivot value 1. */
  readonly columns: Int32Array;
  readonly values: Float64Array;
  /** Which published rows, with which coefficients, make this basis row (parallel lists). */
  readonly rows: Int32Array;
  readonly coefficients: Float64Array;
}

/**
 * x mod p for integers |x| < 2⁵³, in [0, p). Division and floor instead of `%`, which V8 does
 * for doubles by a call to the C library; the quotient may be one off when x is near a
 * multiple of p, so the result is corrected by one p either way (all values exact integers).
 */
const mod = (x: number, p: number): number => {
  const r = x - Math.floor(x / p) * p;
  return r < 0 ? r + p : r >= p ? r - p : r;
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

/**
 * The combination of published rows a reduction subtracted, kept dense by row id (ids are
 * small consecutive numbers): a Map per reduction cost more than the elimination itself.
 * `used` lists the rows touched, in the order first touched.
 */
class Combination {
  coefficients = new Float64Array(64);
  private marked = new Uint8Array(64);
  readonly used: number[] = [];

  constructor(private readonly p: number) {}

  /** Make room for row ids below `size`. */
  reserve(size: number): void {
    if (size <= this.coefficients.length) return;
    const length = Math.max(size, this.coefficients.length * 2);
    const coefficients = new Float64Array(length);
    coefficients.set(this.coefficients);
    const marked = new Uint8Array(length);
    marked.set(this.marked);
    [this.coefficients, this.marked] = [coefficients, marked];
  }

  /** Add `value` × the basis row's combination. */
  addRow(row: BasisRow, value: number): void {
    const { coefficients, marked, used, p } = this;
    for (let j = 0; j < row.rows.length; j++) {
      const r = row.rows[j] as number;
      if (marked[r] === 0) {
        marked[r] = 1;
        used.push(r);
      }
      coefficients[r] = mod((coefficients[r] as number) + value * (row.coefficients[j] as number), p);
    }
  }

  /** The rows with a non-zero coefficient, in the order first touched. */
  nonZero(): number[] {
    return this.used.filter((r) => this.coefficients[r] !== 0);
  }

  clear(): void {
    for (const r of this.used) {
      this.coefficients[r] = 0;
      this.marked[r] = 0;
    }
    this.used.length = 0;
  }
}

export class SpanBasis {
  /** The basis row with its pivot in each column, by column (an array: a Map lookup per visited column cost more). */
  private readonly pivots: (BasisRow | undefined)[];
  private pivotCount = 0;
  private readonly dense: Float64Array;
  private readonly touched: number[] = [];
  private readonly queue: ColumnQueue;
  private readonly combination: Combination;

  constructor(
    width: number,
    private readonly p: number,
    /** Record combinations (needed to explain a derivation; costs memory). */
    private readonly track = true,
  ) {
    this.dense = new Float64Array(width);
    this.pivots = new Array<BasisRow | undefined>(width).fill(undefined);
    this.queue = new ColumnQueue(width);
    this.combination = new Combination(p);
  }

  get rank(): number {
    return this.pivotCount;
  }

  /**
   * Reduce a 0/1 vector (its non-zero columns) by the basis. Returns the remainder's columns
   * (empty: in the span); the combination of published rows subtracted is left in
   * `this.combination` (when tracked).
   */
  private reduce(columns: readonly number[]): number[] {
    const { dense, p, queue } = this;
    for (const c of columns) {
      if (dense[c] === 0) {
        this.touched.push(c);
        queue.push(c);
      }
      dense[c] = 1;
    }
    const remainder: number[] = [];
    // Columns in increasing order, including those filled in by subtraction (always to the
    // right of the pivot being eliminated).
    for (let c = queue.pop(); c !== -1; c = queue.pop()) {
      const value = dense[c] as number;
      if (value === 0) continue;
      const row = this.pivots[c];
      if (row === undefined) {
        remainder.push(c);
        continue;
      }
      for (let j = 0; j < row.columns.length; j++) {
        const col = row.columns[j] as number;
        if (dense[col] === 0) this.touched.push(col);
        queue.push(col);
        dense[col] = mod((dense[col] as number) - value * (row.values[j] as number), p);
      }
      if (this.track) this.combination.addRow(row, value);
    }
    return remainder;
  }

  private clear(): void {
    for (const c of this.touched) this.dense[c] = 0;
    this.touched.length = 0;
    this.combination.clear();
  }

  /**
   * Rows that are combinations of other published rows (they lie in a dependency found while
   * adding rows). Withholding such a row alone cannot stop a derivation; withholding a row not
   * in this set that a derivation uses always does, since every way of writing the target
   * then uses it with the same coefficient.
   */
  readonly redundant = new Set<number>();
  /** Each add, in order: the pivot column it created, or −1 (to undo adds: `keepFirst`). */
  private readonly pivotOfAdd: number[] = [];
  /** Rows in `redundant`, in the order marked, and the add that marked each. */
  private readonly marked: number[] = [];
  private readonly markedBy: number[] = [];

  private markRedundant(row: number): void {
    if (this.redundant.has(row)) return;
    this.redundant.add(row);
    this.marked.push(row);
    this.markedBy.push(this.pivotOfAdd.length);
  }

  /** How many rows have been added. */
  get added(): number {
    return this.pivotOfAdd.length;
  }

  /**
   * Undo every add after the first `n`: the basis is then exactly as if only those rows had
   * been added (basis rows are never changed once made), so an audit round whose published
   * rows begin as the last round's did need only add the rest (METHOD §8.4 is unchanged).
   */
  keepFirst(n: number): void {
    while (this.pivotOfAdd.length > n) {
      const pivot = this.pivotOfAdd.pop() as number;
      if (pivot < 0) continue;
      this.pivots[pivot] = undefined;
      this.pivotCount--;
    }
    while (this.markedBy.length > 0 && (this.markedBy[this.markedBy.length - 1] as number) >= n) {
      this.markedBy.pop();
      this.redundant.delete(this.marked.pop() as number);
    }
  }

  /** Add published row `id` (its non-zero columns). Returns false when it adds nothing new. */
  add(id: number, columns: readonly number[]): boolean {
    this.combination.reserve(id + 1);
    const remainder = this.reduce(columns);
    if (remainder.length === 0) {
      if (this.track) {
        this.markRedundant(id);
        for (const r of this.combination.nonZero()) this.markRedundant(r);
      }
      this.clear();
      this.pivotOfAdd.push(-1);
      return false;
    }
    const pivot = remainder[0] as number;
    this.pivots[pivot] = this.basisRow(id, remainder);
    this.pivotCount++;
    this.clear();
    this.pivotOfAdd.push(pivot);
    return true;
  }

  /**
   * The new basis row, scale × (row `id` − Σ subtracted), scaled so its pivot is 1, from the
   * remainder just reduced. Filled in loops: spreading the combination into a new array and
   * mapping through callbacks showed up in profiles.
   */
  private basisRow(id: number, remainder: readonly number[]): BasisRow {
    const { dense, p } = this;
    const scale = inverse(dense[remainder[0] as number] as number, p);
    const columns = new Int32Array(remainder.length);
    const values = new Float64Array(remainder.length);
    for (let i = 0; i < remainder.length; i++) {
      const c = remainder[i] as number;
      columns[i] = c;
      values[i] = mod((dense[c] as number) * scale, p);
    }
    const { used, coefficients } = this.combination;
    const length = this.track ? used.length + 1 : 0;
    const rows = new Int32Array(length);
    const own = new Float64Array(length);
    if (this.track) {
      rows[0] = id;
      own[0] = scale;
      for (let i = 0; i < used.length; i++) {
        const r = used[i] as number;
        rows[i + 1] = r;
        own[i + 1] = mod(-(coefficients[r] as number) * scale, p);
      }
    }
    return { columns, values, rows, coefficients: own };
  }

  /**
   * Is this 0/1 vector in the span? If so, the published rows of one way of writing it
   * (with non-zero coefficients); else undefined.
   */
  derive(columns: readonly number[]): number[] | undefined {
    const remainder = this.reduce(columns);
    const used = remainder.length > 0 ? undefined : this.combination.nonZero();
    this.clear();
    return used;
  }
}
