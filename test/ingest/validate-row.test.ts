import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowValidator } from '../../src/ingest/validate-row.js';
import { derivePay, rowSchema, type Requirements, type RowValues } from '../../src/schema/row-schema.js';
import type { ColumnMap } from '../../src/schema/headers.js';
import { normaliseHeader, type Field } from '../../src/schema/fields.js';
import type { PayConfig } from '../../src/schema/pay.js';
import { cellText } from '../../src/io/cell-text.js';

/**
 * The row validator (per-cell caches, the identifier and plain-decimal fast paths) against
 * the definition, `rowSchema(...).safeParse`: for many rows through one validator, so its
 * caches fill and are reused, each row is valid for both or for neither, valid rows have the
 * same values and hourly pay, and invalid rows have zod's (field, message) pairs.
 */
const FIELDS: Field[] = [
  'employeeNumber', 'assignmentNumber', 'primaryAssignment', 'sex', 'ethnicity', 'disability',
  'hourlyRate', 'periodPay', 'annualSalary', 'contractedHours', 'fte', 'bonusPay', 'fullPay', 'grade',
];
const NUMERIC = new Set<Field>(['hourlyRate', 'periodPay', 'annualSalary', 'contractedHours', 'fte', 'bonusPay']);

const number = fc.oneof(
  fc.constantFrom('', ' ', '0', '37.5', '.5', '5.', '12.3456', '£1,234.50', '1,000', '-1', '169', '2.5', '10000', '10000.0001', ' 7 ', 'abc', '1e3'),
  fc.double({ min: 0, max: 200, noNaN: true }).map((x) => x.toFixed(4)),
  fc.double({ min: 0, max: 3, noNaN: true }).map(String),
  fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', '£', ' ', '-'), maxLength: 9 }),
);
const text = fc.oneof(
  fc.constantFrom('', ' ', 'Y', 'N', 'yes', 'no', 'maybe', 'Female', 'M', ' male ', 'X', 'A White - British', 'Z', 'No', 'Yes', 'Not Declared', 'é', '1234', ' 1234', '12-1'),
  fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
);
const cell = (field: Field) => (NUMERIC.has(field) ? number : text);

const pays: PayConfig[] = [
  { method: 'hourly-rate', daysInPeriod: 30.44, salaryBasis: 'fte' },
  { method: 'period-pay', daysInPeriod: 30.44, salaryBasis: 'fte' },
  { method: 'annual-salary', daysInPeriod: 30.44, salaryBasis: 'fte' },
];

const setup = fc.record({
  present: fc.subarray(FIELDS, { minLength: 1 }),
  payIndex: fc.integer({ min: 0, max: 2 }),
  requiredIndex: fc.array(fc.nat(), { maxLength: 4 }),
});

describe('RowValidator', () => {
  it('gives rowSchema’s verdict, values and hourly pay for every row', () => {
    fc.assert(
      fc.property(
        setup.chain(({ present, payIndex, requiredIndex }) =>
          fc.tuple(
            fc.constant(present),
            fc.constant(pays[payIndex] as PayConfig),
            fc.constant(requiredIndex.map((i) => present[i % present.length] as Field)),
            // Rows drawn from a few values per column, so caches hit as well as miss.
            fc.array(fc.tuple(...present.map((f) => fc.array(cell(f), { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 1 }).chain(([choices]) =>
              fc.array(fc.tuple(...(choices as string[][]).map((options) => fc.constantFrom(...options))), { minLength: 1, maxLength: 12 }),
            ),
          ),
        ),
        ([present, pay, requiredFields, rows]) => {
          // Column 0 is an unused column, so no row looks like a "Total" footer.
          const headers = ['Row', ...present.map((f) => `col ${f}`)];
          const columns: ColumnMap = {
            index: new Map(present.map((f, i) => [f, i + 1])),
            header: new Map(present.map((f, i) => [f, headers[i + 1] as string])),
            matchedBy: new Map(),
            ignored: ['Row'],
            headers,
            normalised: headers.map(normaliseHeader),
            summed: new Map(),
          };
          const requirements: Requirements = { present: new Set(present), required: new Map(requiredFields.map((f) => [f, `${f} is required`])) };
          const validator = new RowValidator(columns, requirements, pay);
          const schema = rowSchema(requirements, pay);
          for (const row of rows) {
            const record = ['x', ...row];
            const issues = validator.validate(record, record.length, 2);
            const expected = schema.safeParse(Object.fromEntries(present.map((f, i) => [f, cellText(row[i] as string)])));
            expect(issues === undefined).toBe(expected.success);
            if (expected.success) {
              for (const f of present) expect(validator.values[f]).toStrictEqual((expected.data as Record<string, unknown>)[f]);
              expect(validator.hourlyPay).toBe((derivePay(expected.data as RowValues, pay) as { hourlyPay: number }).hourlyPay);
            } else {
              const found = issues!.map((i) => `${i.column}: ${i.message}`).sort();
              const wanted = expected.error.issues.map((i) => `${columns.header.get(i.path[0] as Field) ?? String(i.path[0])}: ${i.message}`).sort();
              // Once a cell has failed, the validator skips the cross-field rule that zod
              // still runs on the partial row: at most that one issue is extra on zod's side.
              for (const issue of found) expect(wanted).toContain(issue);
              expect(wanted.length - found.length).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
