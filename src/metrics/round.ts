/**
 * Rounding to one decimal place, as figures are published (METHOD §12.1): the GOV.UK
 * submission, the direction of a year-on-year change and the words of a sentence are all
 * judged on the figure a reader sees, so they share this one function.
 *
 * @example oneDecimal(8.94) // 8.9
 */
export function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}
