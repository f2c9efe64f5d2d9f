import { describe, expect, it } from 'vitest';
import { gap } from '../../src/metrics/gap.js';
import { known, suppressed, unknown } from '../../src/metrics/figure.js';

describe('gap', () => {
  it('GOV.UK Acme mean example: £17.51 vs £15.13 is 13.59%', () => {
    expect((gap(known(17.51), known(15.13)).value as number).toFixed(2)).toBe('13.59');
  });
  it('GOV.UK Acme median example: £15 vs £14 is 6.67%', () => {
    expect((gap(known(15), known(14)).value as number).toFixed(2)).toBe('6.67');
  });
  it('is negative when the group is paid more', () => {
    expect(gap(known(10), known(12)).value).toBeCloseTo(-20, 12);
  });
  it('is 0 for equal pay', () => {
    expect(gap(known(14.2), known(14.2)).value).toBe(0);
  });
  it('is null, not Infinity, when the reference is 0', () => {
    const result = gap(known(0), known(5));
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/reference group figure is 0/);
  });
  it('passes on why the reference has no figure, and whether it was suppressed', () => {
    expect(gap(suppressed('fewer than 10 full-pay employees'), known(3))).toEqual({
      value: null,
      reason: 'reference group: fewer than 10 full-pay employees',
      suppressed: true,
    });
    expect(gap(unknown('no bonus recipients in this group'), known(3)).suppressed).toBe(false);
  });
  it("passes on the group's own reason", () => {
    expect(gap(known(10), unknown('no full-pay employees in this group')).reason).toBe('no full-pay employees in this group');
  });
});
