import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { reportOfText } from '../helpers/pipeline.js';
import { expectReconciled } from '../helpers/reconcile.js';

const header = ['Employee Number', 'Assignment Number', 'Gender', 'Hourly Rate'];

describe('people from assignments (METHOD §3)', () => {
  it('a repeated assignment number on another employee’s only row makes no person of that employee', async () => {
    const { json } = await reportOfText(
      csv(header, [
        [1, '1-1', 'Female', 10],
        [2, '2-1', 'Male', 20],
        [3, '3-1', 'Male', 30],
        [9, '1-1', 'Female', 40],
      ]),
      { minGroupSize: 0 },
    );
    expect(json.population).toMatchObject({ rowsRead: 4, rowsValid: 3, rowsInvalid: 1, assignmentsUsed: 3, relevantEmployees: 3, fullPayEmployees: 3 });
    const women = json.characteristics[0]!.groups.find((g) => g.group === 'Female')!;
    expect(women.headcount).toBe(1);
    expect(women.meanHourlyPay).toBe(10);
    expectReconciled(json);
  });

  it('an exact duplicate row leaves its person out whole, like any invalid row', async () => {
    const { json } = await reportOfText(
      csv(header, [
        [1, '1-1', 'Female', 10],
        [1, '1-2', 'Female', 12],
        [2, '2-1', 'Male', 20],
        [1, '1-1', 'Female', 10],
      ]),
      { minGroupSize: 0 },
    );
    expect(json.population).toMatchObject({ rowsRead: 4, rowsValid: 3, rowsInvalid: 1, assignmentsUsed: 1, relevantEmployees: 1 });
    expect(json.population.exclusions).toContainEqual({ reason: 'another assignment of the same person is invalid (--unit person)', count: 2, stage: 'row-not-used' });
    expectReconciled(json);
  });

  it('a repeated row takes no part in its person’s conflict check, and is counted once', async () => {
    const { json } = await reportOfText(
      csv(header, [
        [1, '1-1', 'Female', 10],
        [1, '1-2', 'Male', 12],
        [1, '1-1', 'Female', 10],
        [2, '2-1', 'Male', 20],
      ]),
      { minGroupSize: 0 },
    );
    // Lines 2 and 3 disagree (invalid); line 4 repeats line 2 (invalid once, not twice).
    expect(json.population).toMatchObject({ rowsRead: 4, rowsValid: 1, rowsInvalid: 3, assignmentsUsed: 1, relevantEmployees: 1 });
    expectReconciled(json);
  });
});
