import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { manyValues } from '../helpers/csv.js';
import { LONG } from '../helpers/stack.js';

/**
 * `validate` at the scale of a free-text code column: 30,000 unrecognised codes, each printed
 * in its table, on the small stack of test/helpers/stack.ts (no cli-table3 with tens of
 * thousands of rows, no array spread into a call).
 */
const CODES = 2 * LONG;

/** The whole line holding `part` (its first occurrence). */
function lineOf(text: string, part: string): string {
  const at = text.indexOf(part);
  if (at === -1) return '';
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}

describe(`validate with ${CODES.toLocaleString('en-GB')} unrecognised codes`, () => {
  it('prints every code in its table', async () => {
    const text = manyValues(CODES, 'Ethnic Origin', (i) => `X${i}`);
    const result = await runCli(['validate', '-', '--quiet'], { stdin: text });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Unrecognised codes');
    expect(lineOf(result.stdout, `"X${CODES - 1}"`)).toMatch(new RegExp(`^│ ethnicity │ "X${CODES - 1}" +│ 1 +│ Unknown +│$`));
  }, 300_000);
});
