import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/ingest/plan.js';
import { resolveHeaders } from '../../src/schema/headers.js';

describe('planning a run', () => {
  it('warns about each of 200,000 columns that look like bonus pay (no spread into one call overflows the stack)', () => {
    const headers = ['Gender', 'Hourly Rate', ...Array.from({ length: 200_000 }, (_, i) => `Bonus ${i}`)];
    const plan = planRun(resolveHeaders(headers, new Map()), { payMethod: 'auto', salaryBasis: 'fte' });
    const unused = plan.warnings.filter((w) => w.code === 'unused-column');
    expect(unused).toHaveLength(200_000);
    expect(unused[199_999]?.text).toContain('"Bonus 199999"');
  });
});
