import { describe, expect, it } from 'vitest';
import { LONG } from '../helpers/stack.js';

/**
 * The premise of every scale test: on the test workers' small stack (vitest.config.ts),
 * spreading a list of LONG items into one call overflows. Without it, a scale test of LONG
 * items would pass with the very spread it is there to catch.
 */
describe('the test workers’ stack', () => {
  it(`overflows on a spread of ${LONG.toLocaleString('en-GB')} items into one call`, () => {
    const list: number[] = new Array<number>(LONG).fill(0);
    expect(() => [].push(...(list as never[]))).toThrow(RangeError);
  });

  it('is small, not broken: a spread of a tenth of that goes through', () => {
    const list: number[] = new Array<number>(LONG / 10).fill(0);
    expect(([] as number[]).push(...list)).toBe(LONG / 10);
  });
});
