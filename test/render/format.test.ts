import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count } from '../../src/render/format.js';

describe('count', () => {
  const formatter = new Intl.NumberFormat('en-GB');
  it('writes every number as the en-GB formatter does (small whole numbers without it)', () => {
    for (let n = 0; n < 1100; n++) expect(count(n)).toBe(formatter.format(n));
    for (const n of [-0, -1, 0.5, 999.5, 1000, 1234567, Number.NaN, Number.POSITIVE_INFINITY]) expect(count(n)).toBe(formatter.format(n));
    fc.assert(fc.property(fc.double(), (n) => count(n) === formatter.format(n)));
  });
});
