import { known, unknown, type Figure } from './figure.js';

/**
 * Pay gap of a group against the reference group, in percent of the reference:
 * gap = (reference − group) ÷ reference × 100 (SPEC §4; the GOV.UK formula).
 * Positive: the group is paid less. Negative: the group is paid more.
 *
 * Null with a reason when either side has no figure (the reason is passed through, so a
 * suppressed side gives a suppressed gap) or the reference is 0 (division by zero).
 *
 * @example gap(known(17.51), known(15.13)) // { value: 13.592… } (GOV.UK Acme mean example)
 */
export function gap(reference: Figure, group: Figure): Figure {
  if (reference.value === null) {
    return { value: null, reason: `reference group: ${reference.reason}`, suppressed: reference.suppressed };
  }
  if (group.value === null) return group;
  if (reference.value === 0) return unknown('the reference group figure is 0, so a percentage gap cannot be computed');
  return known(((reference.value - group.value) / reference.value) * 100);
}
