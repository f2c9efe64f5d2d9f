/**
 * The test workers' stack, in KB (vitest.config.ts), against Node's default of 984. A spread
 * of a list into one call (`push(...list)`, `Math.max(...list)`) puts every item on the
 * stack: on Node's default stack it overflows between 120,000 and 130,000 items, more than
 * paygap's own limit of 100,000 groups, so a test even at the limit would not see it. On this
 * stack it overflows at about 12,500 items, so a test of LONG items does
 * (test/scale/stack.test.ts checks it), at a fraction of the time.
 */
export const SMALL_STACK_KB = 100;

/** The length of the long lists in the scale tests (test/scale/): groups, codes, columns. */
export const LONG = 15_000;
