/**
 * Rounding to one decimal place, as figures are published (METHOD §12.1): the GOV.UK
 * submission, the direction of a year-on-year change and the words of a sentence are all
 * judged on the figure a reader sees, so they share this one function.
 *
 * Method: halves away from zero, the same for negative figures as for positive ones (−0.25 →
 * −0.3 as 0.25 → 0.3), so a gap and its mirror image are published as the same size.
 * `Math.round` alone sends −0.25 to −0.2. The sign is kept, so −0.04 rounds to −0 (renderers
 * show it as 0.0).
 *
 * @example oneDecimal(8.94) // 8.9
 * @example oneDecimal(-2.25) // -2.3
 */
export function oneDecimal(n: number): number {
  return Math.sign(n) * (Math.round(Math.abs(n) * 10) / 10);
}
