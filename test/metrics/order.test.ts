import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderByValue } from '../../src/metrics/order.js';

const reference = (values: number[], keep: number[]) =>
  values
    .map((v, i) => ({ v, i }))
    .filter(({ i }) => keep[i])
    .sort((a, b) => a.v - b.v || a.i - b.i)
    .map(({ i }) => i);

describe('orderByValue', () => {
  it('is empty for an empty selection', () => {
    expect([...orderByValue(new Float64Array(3), new Uint8Array(3))]).toEqual([]);
  });
  it('orders the selected units by value, ties by index', () => {
    expect([...orderByValue(Float64Array.of(3.5, 1.25, 3.5, 0), Uint8Array.of(1, 1, 1, 0))]).toEqual([1, 0, 2]);
  });
  it('agrees with a comparator sort on 4-decimal pay (radix path) and on any numbers (fallback)', () => {
    const pay = fc.integer({ min: 0, max: 30_000_000 }).map((n) => n / 10_000);
    const any = fc.double({ min: 0, max: 1e7, noNaN: true });
    for (const value of [pay, any]) {
      fc.assert(
        fc.property(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 300 }), (rows) => {
          const values = rows.map(([v]) => v);
          const keep = rows.map(([, k]) => (k ? 1 : 0));
          expect([...orderByValue(Float64Array.from(values), Uint8Array.from(keep))]).toEqual(reference(values, keep));
        }),
        { numRuns: 300 },
      );
    }
  });
});
