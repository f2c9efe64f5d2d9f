/**
 * Pay gap of a group against the reference group, in percent of the reference (METHOD §6.3):
 * gap = (reference − group) ÷ reference × 100, the GOV.UK formula.
 * Positive: the group is paid less. Negative: the group is paid more.
 *
 * Null when the reference is 0, where a percentage of it does not exist (never Infinity or
 * NaN); the caller says why.
 *
 * @example gapPercent(17.51, 15.13) // 13.592… (GOV.UK Acme mean example)
 */
export function gapPercent(reference: number, group: number): number | null {
  if (reference === 0) return null;
  return ((reference - group) / reference) * 100;
}
