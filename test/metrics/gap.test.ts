import { describe, expect, it } from 'vitest';
import { gapPercent } from '../../src/metrics/gap.js';

describe('gapPercent', () => {
  it('GOV.UK Acme mean example: £17.51 vs £15.13 is 13.59%', () => {
    expect((gapPercent(17.51, 15.13) as number).toFixed(2)).toBe('13.59');
  });
  it('GOV.UK Acme median example: £15 vs £14 is 6.67%', () => {
    expect((gapPercent(15, 14) as number).toFixed(2)).toBe('6.67');
  });
  it('is negative when the group is paid more', () => {
    expect(gapPercent(10, 12)).toBeCloseTo(-20, 12);
  });
  it('is 0 for equal pay', () => {
    expect(gapPercent(14.2, 14.2)).toBe(0);
  });
  it('is null, not Infinity or NaN, when the reference is 0', () => {
    expect(gapPercent(0, 5)).toBeNull();
    expect(gapPercent(0, 0)).toBeNull();
  });
  it('is 100 when the group has nothing and the reference has something', () => {
    expect(gapPercent(8, 0)).toBe(100);
  });
});
