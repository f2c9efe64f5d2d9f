import { oneDecimal } from '../metrics/round.js';
import { PARTS, type Amount, type CellContribution, type DecomposedGroup, type Decomposition, type PartKey } from '../report/decomposition.js';
import type { CharacteristicReport, Report } from '../report/model.js';
import { count, money, people, percent } from './format.js';
import { missingLabel, reasonText } from './reasons.js';

/**
 * --explain for people (METHOD §17): what every renderer of the decomposition shares. The
 * views that have one, the cells' name in words, points at one decimal place, and the
 * sentences: how much of each mean gap comes from composition, how much from pay within the
 * same cell, which cells add most, and that medians are not split. Sentences are plain text;
 * each renderer escapes them for its medium, as it does the other sentences.
 */
export interface Explained {
  readonly view: CharacteristicReport;
  readonly decomposition: Decomposition;
}

/** The headline views and intersections that carry a decomposition, in report order. */
export const explainedViews = (report: Report): Explained[] =>
  [...report.characteristics, ...report.intersections].flatMap((view) => (view.decomposition === undefined ? [] : [{ view, decomposition: view.decomposition }]));

const NOUNS: Readonly<Record<string, string>> = { staffGroup: 'staff group', grade: 'grade', band: 'pay band', payScheme: 'pay scheme' };

/** What a cell is, in words: "pay band", "pay band × staff group", or the column's header. */
export const cellNoun = (columns: readonly string[]): string => columns.map((c) => NOUNS[c] ?? c).join(' × ');

/** Points of the gap at one decimal place, signed as the figure is: "17.1", "-0.1", "0.0". */
export function pointsText(n: number): string {
  const rounded = oneDecimal(n);
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(1);
}

/** "17.1 points (£3.92)". */
export const amountText = (a: Amount): string => `${pointsText(a.points)} points (${money(a.pounds)})`;

/** The parts a group's cells give to: composition and within cells always, one-group cells when there are such cells (after withheld cells are taken together). */
export function partsUsed(g: DecomposedGroup): readonly (typeof PARTS)[number][] {
  // Withheld cells count only as the one cell they are taken together as.
  const supports = new Set([...g.cells.filter((c) => c.contribution !== null).map((c) => c.support), ...(g.withheldCells === null ? [] : [g.withheldCells.support])]);
  return PARTS.filter((p) => (p.key === 'referenceOnlyCells' ? supports.has('reference only') : p.key === 'groupOnlyCells' ? supports.has('group only') : true));
}

/** The parts any group of the view has: the columns its tables need. */
export const viewParts = (d: Decomposition): readonly (typeof PARTS)[number][] => PARTS.filter((p) => d.groups.some((g) => partsUsed(g).includes(p)));

/** "Pay band": a cell noun at the head of a column. */
export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The shown cells that add most to a part, largest first (either way). */
export function largestCells(g: DecomposedGroup, key: PartKey, n: number): CellContribution[] {
  const shown = g.cells.filter((c) => c.contribution !== null && c.contribution[key].points !== 0);
  return shown.sort((a, b) => Math.abs(b.contribution![key].points) - Math.abs(a.contribution![key].points)).slice(0, n);
}

/** One sentence per group: the split, the cells that drive it, the withheld cells. */
export function groupSentences(d: Decomposition, g: DecomposedGroup): string[] {
  const group = people(g.group);
  const reference = people(d.referenceGroup);
  const noun = cellNoun(d.columns);
  if (g.parts === null || g.meanGap === null) {
    return [`The mean gap between ${reference} and ${group} is not split: ${g.state === undefined ? missingLabel(g.state) : reasonText(g.state)}.`];
  }
  const p = g.parts;
  const used = new Set(partsUsed(g).map((x) => x.key));
  const unmatched = [
    used.has('referenceOnlyCells') ? `${pointsText(p.referenceOnlyCells.points)} from ${noun} cells with ${reference} only` : '',
    used.has('groupOnlyCells') ? `${pointsText(p.groupOnlyCells.points)} from ${noun} cells with ${group} only` : '',
  ].filter((x) => x !== '');
  const out = [
    `Of the ${percent(g.meanGap.points)} mean gap between ${reference} and ${group} (${money(g.meanGap.pounds)} an hour), ` +
      `${amountText(p.composition)} come from composition (how ${group} and ${reference} are spread across ${noun} cells) ` +
      `and ${amountText(p.withinCell)} from pay within the same ${noun}${unmatched.length === 0 ? '' : `; ${unmatched.join('; ')}`}.`,
  ];
  const drivers = (['composition', 'withinCell'] as const).flatMap((key) => {
    const cells = largestCells(g, key, 3);
    return cells.length === 0 ? [] : [`${key === 'composition' ? 'composition' : `within each ${noun}`}: ${cells.map((c) => `${c.cell} (${pointsText(c.contribution![key].points)})`).join(', ')}`];
  });
  if (drivers.length > 0) out.push(`Largest contributions, in points: ${drivers.join('; ')}.`);
  const w = g.withheldCells;
  if (w !== null) {
    const total = PARTS.reduce((sum, part) => sum + w.contribution[part.key].points, 0);
    out.push(`${count(w.cells.length)} ${noun} cell${w.cells.length === 1 ? ' whose figures are' : 's whose figures are'} withheld ${w.cells.length === 1 ? 'is' : 'are'} taken as one (${count(w.referenceHeadcount + w.groupHeadcount)} people): ${pointsText(total)} points in all.`);
  }
  return out;
}

/** Under every decomposition: how to read it, and why the median gap is not split. */
export function readingNote(d: Decomposition): string {
  return (
    `Each mean gap is split over the cells of ${cellNoun(d.columns)} (Ñopo 2008): composition is what the gap would be if each group were paid ` +
    `${people(d.referenceGroup)}'s mean in each cell; within cells is the rest. A positive part widens the gap, a negative one narrows it; ` +
    `the parts add up to the gap (after rounding, to within 0.1 or so). Cells are not causes. The median gap is not split: ${reasonText(d.median)}.`
  );
}
