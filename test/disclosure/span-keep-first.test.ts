import { describe, expect, it } from 'vitest';
import { PRIMES, SpanBasis } from '../../src/disclosure/span.js';

/**
 * SpanBasis.keepFirst lets the audit reuse a basis between rounds (METHOD §8.4): after undoing
 * adds, it must answer exactly as a basis built afresh from the rows kept plus the rows added.
 */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const vectorOf = (next: () => number, width: number): number[] => {
  const v: number[] = [];
  for (let c = 0; c < width; c++) if (next() < 0.25) v.push(c);
  return v.length > 0 ? v : [Math.floor(next() * width)];
};

describe('SpanBasis.keepFirst', () => {
  it('leaves the basis as if only the rows kept had been added', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const width = 5 + Math.floor(next() * 60);
      const first = Array.from({ length: 1 + Math.floor(next() * 2 * width) }, () => vectorOf(next, width));
      const keep = Math.floor(next() * first.length);
      const rest = Array.from({ length: Math.floor(next() * width) }, () => vectorOf(next, width));
      const reused = new SpanBasis(width, PRIMES[0]);
      first.forEach((v, id) => reused.add(id, v));
      reused.keepFirst(keep);
      const rows = [...first.slice(0, keep), ...rest];
      rest.forEach((v, i) => reused.add(keep + i, v));
      const fresh = new SpanBasis(width, PRIMES[0]);
      rows.forEach((v, id) => fresh.add(id, v));
      expect(reused.rank).toBe(fresh.rank);
      expect(reused.added).toBe(rows.length);
      expect([...reused.redundant].sort((a, b) => a - b)).toEqual([...fresh.redundant].sort((a, b) => a - b));
      for (let t = 0; t < 20; t++) {
        const target = vectorOf(next, width);
        expect(reused.derive(target)).toEqual(fresh.derive(target));
      }
    }
  });
});
