/**
 * A small seeded random number generator (sfc32, seeded through splitmix32) so that
 * `paygap sample --seed S` gives the same file on every machine and Node version.
 *
 * The state is kept as signed 32-bit integers (`| 0`), which V8 stores unboxed; the same
 * bits as unsigned numbers above 2³¹ would be boxed, costing an allocation per draw. The
 * arithmetic is modulo 2³² either way, so the numbers drawn are the same.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  /** Uniform in [0, 1). */
  float(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /**
   * Pick by weight: entries are [item, weight]. A caller using one table often may pass
   * `total`, the weights summed in order (`totalWeight`), to skip adding them up each time.
   */
  weighted<T>(entries: readonly (readonly [T, number])[], total = totalWeight(entries)): T {
    let r = this.float() * total;
    for (let i = 0; i < entries.length; i++) {
      r -= entries[i][1];
      if (r < 0) return entries[i][0];
    }
    return entries[entries.length - 1][0];
  }
}

/** The weights of a table for `Random.weighted`, summed in order. */
export function totalWeight(entries: readonly (readonly [unknown, number])[]): number {
  let total = 0;
  for (let i = 0; i < entries.length; i++) total += entries[i][1];
  return total;
}
