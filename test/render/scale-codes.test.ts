import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { manyValues } from '../helpers/csv.js';

/**
 * `validate` at the scale of a free-text code column: 500,000 unrecognised codes, each printed
 * in its table (no cli-table3 with half a million rows, no array spread into a call, nothing
 * quadratic). Apart from the 100,000 groups of scale.test.ts, so the two run at once.
 */

/** The whole line holding `part` (its first occurrence). */
function lineOf(text: string, part: string): string {
  const at = text.indexOf(part);
  if (at === -1) return '';
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}

describe('validate with 500,000 unrecognised codes', () => {
  it('prints every code in its table', async () => {
    const text = manyValues(500_000, 'Ethnic Origin', (i) => `X${i}`);
    const result = await runCli(['validate', '-', '--quiet'], { stdin: text });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Unrecognised codes');
    expect(lineOf(result.stdout, '"X499999"')).toMatch(/^│ ethnicity │ "X499999" +│ 1 +│ Unknown +│$/);
  }, 300_000);
});
