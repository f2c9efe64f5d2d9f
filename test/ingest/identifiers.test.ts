import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainText } from '../../src/ingest/validate-row.js';
import { cellSchema } from '../../src/schema/row-schema.js';
import { cellText } from '../../src/io/cell-text.js';
import { assignmentsOf } from '../../src/ingest/assignments.js';
import { assignmentText } from '../../src/ingest/keys.js';

/** The identifier fast path and assignment keys agree with their definitions. */
const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 12 });

describe('plainText', () => {
  const schemas = [
    cellSchema('employeeNumber', { present: new Set(['employeeNumber']), required: new Map([['employeeNumber', 'required']]) }),
    cellSchema('assignmentNumber', { present: new Set(['assignmentNumber']), required: new Map() }),
  ];
  it('gives what the zod schema gives, whenever it gives anything', () => {
    fc.assert(
      fc.property(fc.oneof(latin1, fc.constantFrom('12345678', ' 123', '123 ', '\t7', 'E-1', '£5', 'é', '')), (raw) => {
        const fast = plainText(raw);
        if (fast === undefined) return;
        for (const schema of schemas) expect(schema.safeParse(cellText(raw)).data).toBe(fast);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('assignment keys', () => {
  const texts = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', 'A', ' '), minLength: 1, maxLength: 14 });
  it('are distinct for distinct texts and give the text back', () => {
    fc.assert(
      // "1-99" and "2" once shared a key: keep that pair among the cases.
      fc.property(fc.uniqueArray(texts, { maxLength: 30 }).map((l) => [...new Set([...l, '1-99', '2', '12-0', '12'])]), (list) => {
        const a = assignmentsOf(
          list.map((assignment, i) => ({
            line: i + 2,
            employee: '1',
            assignment,
            primary: undefined,
            sex: 'Male',
            ethnicity: 'A',
            disability: 'Unknown',
            hourlyPay: 10,
            hours: undefined,
            bonus: 0,
            fullPay: true,
            staffGroup: undefined,
            grade: undefined,
          })),
        );
        expect(new Set(a.assignment).size).toBe(list.length);
        list.forEach((text, i) => expect(assignmentText(a.assignmentNames, a.assignment[i] as number)).toBe(text));
      }),
      { numRuns: 2000 },
    );
  });
});
