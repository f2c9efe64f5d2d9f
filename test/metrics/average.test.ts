import { describe, expect, it } from 'vitest';
import { mean, median } from '../../src/metrics/average.js';

describe('mean', () => {
  it('is null for an empty list', () => {
    expect(mean([])).toBeNull();
  });
  it.each([
    ['one value', [12.5], 12.5],
    ['two values', [10, 13], 11.5],
    ['GOV.UK Acme men: £23,550 over 1,345 men', [...Array(1344).fill(17.5), 30], 23550 / 1345],
  ])('%s', (_, values, expected) => {
    expect(mean(values)).toBeCloseTo(expected, 10);
  });
  it('does not change its input', () => {
    const values = [3, 1, 2];
    mean(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('is null for an empty list', () => {
    expect(median([])).toBeNull();
  });
  it.each([
    ['one value', [7], 7],
    ['two values: the mean of both', [13, 15], 14],
    ['odd count: the middle value', [10, 15, 20], 15],
    ['even count: mean of the two middle values (GOV.UK Acme women: £13 and £15)', [10, 13, 15, 20], 14],
    ['typed arrays work too', Float64Array.from([1, 2, 3, 4]), 2.5],
  ])('%s', (_, sorted, expected) => {
    expect(median(sorted)).toBe(expected);
  });
});
