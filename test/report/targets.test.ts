import { describe, expect, it } from 'vitest';
import { measure } from '../../src/report/measures.js';
import { daysBetween, isOnTrack, pathValue, targetProgress, type Target } from '../../src/report/targets.js';
import { SMALL, savedReport } from '../helpers/saved-report.js';

const gap = (date: string | null, value: number | null) => ({ file: `${date}.json`, report: savedReport(date, { Female: value === null ? { status: { medianGapPercent: SMALL } } : { medianGapPercent: value } }) });
const target: Target = { view: 'sex/sex', group: 'Female', measure: 'median_gap', target: 0, by: '2028-03-31', baseline: '2024.json' };

describe('the straight-line path (METHOD §11.7)', () => {
  it('counts days across leap years', () => {
    expect(daysBetween('2024-03-31', '2026-03-31')).toBe(730);
    expect(daysBetween('2024-03-31', '2028-03-31')).toBe(1461);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('is at the baseline at its date, the target at the target date, and stays there after', () => {
    expect(pathValue(10, '2024-03-31', 0, '2028-03-31', '2024-03-31')).toBe(10);
    // 10 − 10 × 730 ÷ 1461, worked by hand: 5.003422…
    expect(pathValue(10, '2024-03-31', 0, '2028-03-31', '2026-03-31')).toBeCloseTo(5.0034223, 6);
    expect(pathValue(10, '2024-03-31', 0, '2028-03-31', '2028-03-31')).toBe(0);
    expect(pathValue(10, '2024-03-31', 0, '2028-03-31', '2030-03-31')).toBe(0);
    expect(pathValue(30, '2025-03-31', 50, '2027-03-31', '2026-03-31')).toBe(40);
  });
});

describe('on track, judged on published figures', () => {
  const m = measure('median_gap');
  it.each([
    ['now 6.2 against a path at 5.0', 6.2, false],
    ['now 5.04, published 5.0, equal to the path', 5.04, true],
    ['now 5.06, published 5.1, above the path', 5.06, false],
    ['a gap reversed to −4.9 is smaller than 5.0', -4.9, true],
    ['a gap reversed to −5.2 is larger than 5.0', -5.2, false],
  ])('a gap is judged by its size: %s', (_name, now, expected) => {
    expect(isOnTrack(m, 10, 0, pathValue(10, '2024-03-31', 0, '2028-03-31', '2026-03-31'), now)).toBe(expected);
  });

  const share = measure('bonus_receiving');
  it.each([
    ['at the path', 40, true],
    ['39.94 is published 39.9, below', 39.94, false],
    ['39.96 is published 40.0', 39.96, true],
    ['beyond the target is fine', 55, true],
  ])('another figure is judged in the direction of its target: %s', (_name, now, expected) => {
    expect(isOnTrack(share, 30, 50, 40, now)).toBe(expected);
  });

  it('a falling target: at or below the path', () => {
    expect(isOnTrack(share, 50, 30, 40, 40.04)).toBe(true);
    expect(isOnTrack(share, 50, 30, 40, 40.06)).toBe(false);
  });

  it('a target equal to the baseline must be held', () => {
    expect(isOnTrack(share, 30, 30, 30, 30.04)).toBe(true);
    expect(isOnTrack(share, 30, 30, 30, 31)).toBe(false);
    expect(isOnTrack(share, 30, 30, 30, 29)).toBe(false);
  });
});

describe('targetProgress', () => {
  it('before the target date: the figure now, the path now, on or off track', () => {
    const off = targetProgress(target, gap('2024-03-31', 10), gap('2026-03-31', 6.2), gap('2025-03-31', 8));
    expect(off).toMatchObject({ status: 'off-track', reason: null, current: { value: 6.2, status: 'shown' }, previous: { value: 8 }, baseline: { value: 10 } });
    expect(off.expected).toBeCloseTo(5.0034223, 6);
    expect(off.elapsed).toBeCloseTo(730 / 1461, 12);
    expect(targetProgress(target, gap('2024-03-31', 10), gap('2026-03-31', 4.9)).status).toBe('on-track');
  });

  it('from the target date on: met or missed', () => {
    expect(targetProgress(target, gap('2024-03-31', 10), gap('2028-03-31', 0.04)).status).toBe('met');
    expect(targetProgress(target, gap('2024-03-31', 10), gap('2029-03-31', 0.06)).status).toBe('missed');
  });

  it('a figure withheld now cannot be assessed, but the path is still given', () => {
    const p = targetProgress(target, gap('2024-03-31', 10), gap('2026-03-31', null));
    expect(p).toMatchObject({ status: 'not-assessable', reason: { code: 'figure-missing', in: 'current' }, current: { value: null, status: 'suppressed', reason: { code: 'small-group' } } });
    expect(p.expected).toBeCloseTo(5.0034223, 6);
  });

  it.each([
    ['the baseline has no snapshot date', gap(null, 10), gap('2026-03-31', 5), target, { code: 'no-snapshot-date', in: 'baseline' }],
    ['the current report has none', gap('2024-03-31', 10), gap(null, 5), target, { code: 'no-snapshot-date', in: 'current' }],
    ['the target date is not after the baseline', gap('2024-03-31', 10), gap('2026-03-31', 5), { ...target, by: '2024-03-31' }, { code: 'target-date-not-after-baseline' }],
    ['the current report is earlier than the baseline', gap('2024-03-31', 10), gap('2023-03-31', 5), target, { code: 'current-before-baseline' }],
    ['the baseline figure is withheld', gap('2024-03-31', null), gap('2026-03-31', 5), target, { code: 'figure-missing', in: 'baseline' }],
  ])('not assessable when %s', (_name, baseline, current, t, reason) => {
    const p = targetProgress(t, baseline, current);
    expect(p.status).toBe('not-assessable');
    expect(p.reason).toEqual(reason);
  });
});
