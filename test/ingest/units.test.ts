import { describe, expect, it } from 'vitest';
import { assignmentsOf, type AssignmentInput } from '../../src/ingest/assignments.js';
import { buildUnits } from '../../src/ingest/build-units.js';

const row = (overrides: Partial<AssignmentInput>): AssignmentInput => ({
  line: 2,
  employee: 'E1',
  primary: undefined,
  sex: 'Female',
  ethnicity: 'A',
  disability: 'Non-disabled',
  hourlyPay: 15,
  hours: 37.5,
  bonus: 0,
  fullPay: true,
  staffGroup: undefined,
  grade: undefined,
  ...overrides,
});

describe('buildUnits: person', () => {
  it('weights a person’s rates by contracted hours: total pay ÷ total hours', () => {
    const a = assignmentsOf([
      row({ line: 2, hourlyPay: 20, hours: 30 }),
      row({ line: 3, hourlyPay: 10, hours: 10 }),
    ]);
    const { units } = buildUnits(a, 'person');
    // (20 × 30 + 10 × 10) ÷ 40 = 17.5
    expect(units.length).toBe(1);
    expect(units.pay[0]).toBe(17.5);
  });

  it('uses equal weights when any assignment has no hours', () => {
    const a = assignmentsOf([row({ hourlyPay: 20, hours: 30 }), row({ hourlyPay: 10, hours: undefined })]);
    expect(buildUnits(a, 'person').units.pay[0]).toBe(15);
  });

  it('rounds the person’s rate to 4 decimal places', () => {
    const a = assignmentsOf([row({ hourlyPay: 10, hours: 1 }), row({ hourlyPay: 11, hours: 2 })]);
    // 32 ÷ 3 = 10.6666… → 10.6667
    expect(buildUnits(a, 'person').units.pay[0]).toBe(10.6667);
  });

  it('sums bonus and is full-pay only if no assignment is on reduced pay', () => {
    const a = assignmentsOf([row({ bonus: 100 }), row({ bonus: 250, fullPay: false })]);
    const { units } = buildUnits(a, 'person');
    expect(units.bonus[0]).toBe(350);
    expect(units.fullPay[0]).toBe(0);
  });

  it('takes staff group and grade from the primary assignment', () => {
    const a = assignmentsOf([
      row({ primary: false, staffGroup: 'Bank', grade: 'Band 3' }),
      row({ primary: true, staffGroup: 'Nursing', grade: 'Band 6' }),
    ]);
    const { units } = buildUnits(a, 'person');
    expect(units.staffGroups[units.staffGroup[0]]).toBe('Nursing');
    expect(units.grades[units.grade[0]]).toBe('Band 6');
  });

  it('leaves out a person whose assignments disagree on a characteristic, reporting every row', () => {
    const a = assignmentsOf([
      row({ line: 2, employee: 'E1', sex: 'Female' }),
      row({ line: 3, employee: 'E1', sex: 'Male' }),
      row({ line: 4, employee: 'E2' }),
    ]);
    const result = buildUnits(a, 'person');
    expect(result.units.length).toBe(1);
    expect(result.conflicts.map((c) => c.line)).toEqual([2, 3]);
    expect(result.conflicts[0].message).toBe("this person's assignments disagree on sex");
    expect(result.assignmentsUsed).toBe(1);
  });

  it('does not depend on the order of the rows', () => {
    const rows = [
      row({ line: 2, employee: 'A', hourlyPay: 12, hours: 10 }),
      row({ line: 3, employee: 'B', hourlyPay: 30 }),
      row({ line: 4, employee: 'A', hourlyPay: 18, hours: 20 }),
    ];
    const forward = buildUnits(assignmentsOf(rows), 'person').units;
    const backward = buildUnits(assignmentsOf([...rows].reverse()), 'person').units;
    expect([...forward.pay].sort()).toEqual([...backward.pay].sort());
  });
});

describe('buildUnits: assignment and primary', () => {
  const a = assignmentsOf([row({ primary: true, hourlyPay: 20.123456 }), row({ primary: false }), row({ employee: 'E2', primary: true })]);
  it('assignment: every row is a unit, rates rounded to 4 places', () => {
    const result = buildUnits(a, 'assignment');
    expect(result.units.length).toBe(3);
    expect(result.units.pay[0]).toBe(20.1235);
    expect(result.rowsNotUsed).toEqual([]);
  });
  it('primary: only primary rows, the rest counted as not used', () => {
    const result = buildUnits(a, 'primary');
    expect(result.units.length).toBe(2);
    expect(result.rowsNotUsed).toEqual([{ reason: 'not the primary assignment (--unit primary)', count: 1 }]);
  });
});

describe('buildUnits: a person with an invalid row', () => {
  it('leaves out the person’s other rows, counted by reason', () => {
    const a = assignmentsOf([row({ line: 2, employee: '7' }), row({ line: 4, employee: '8' }), row({ line: 5, employee: 'X-9' })]);
    const result = buildUnits(a, 'person', new Set(['7', 'X-9', 'not-in-file']));
    expect(result.units.length).toBe(1);
    expect(result.assignmentsUsed).toBe(1);
    expect(result.rowsNotUsed).toEqual([{ reason: 'another assignment of the same person is invalid (--unit person)', count: 2 }]);
  });
});
