import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/ingest/plan.js';
import { resolveHeaders } from '../../src/schema/headers.js';
import { LONG } from '../helpers/stack.js';

/** Planning a header of many columns, on the small stack of test/helpers/stack.ts. */
describe('planning a run', () => {
  it(`warns about each of ${LONG.toLocaleString('en-GB')} columns that look like bonus pay (no spread into one call overflows the stack)`, () => {
    const headers = ['Gender', 'Hourly Rate', ...Array.from({ length: LONG }, (_, i) => `Bonus ${i}`)];
    const plan = planRun(resolveHeaders(headers, new Map()), { payMethod: 'auto', salaryBasis: 'fte' });
    const unused = plan.warnings.filter((w) => w.code === 'unused-column');
    expect(unused).toHaveLength(LONG);
    expect(unused[LONG - 1]?.text).toContain(`"Bonus ${LONG - 1}"`);
  });
});
