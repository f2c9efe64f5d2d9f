import type { GroupReport } from '../report/model.js';

/**
 * How much a reader loses when a group's figures are withheld to protect another cell
 * (METHOD §8.5), for choosing complements: its people, weighted so that an undisclosed
 * category (never compared, so no gap is lost) goes first, by far; then a compared group; a
 * view's reference group (which takes every gap of the view with it) after that; and the
 * statutory sex view last.
 */
export function lossOf(g: GroupReport, people: number, statutory: boolean): number {
  let weight = g.comparable ? 16 : 1;
  if (g.reference) weight *= 20;
  if (statutory) weight *= 50;
  return weight * people;
}
