import type { Workbook } from 'exceljs';
import { PARTS, type Amount, type Parts } from '../report/decomposition.js';
import type { FigureState } from '../report/status.js';
import { cellNoun, groupSentences, readingNote, type Explained } from './explain-words.js';
import { missingLabel, reasonText } from './reasons.js';
import { addRow, count, money, text, title, widths, type Value } from './xlsx-cells.js';

/**
 * --explain in the workbook (METHOD §17): a sheet per view with a decomposition. For each
 * group a row of the mean gap and its parts over all cells, a row per cell with its
 * contribution, and a row for the withheld cells taken together; each part in points
 * (plain numbers, one decimal shown) and in £ an hour. A figure not shown is a word, and
 * the last column says why.
 */
const POINTS = (n: number): Value => ({ number: n, kind: 'points' });

const HEADS = [
  'Group',
  'Cell',
  'Reference group staff',
  'Group staff',
  'Mean gap (points)',
  'Mean gap (£ an hour)',
  ...PARTS.flatMap((p) => [`${p.label} (points)`, `${p.label} (£ an hour)`]),
  'Why figures are missing',
];

/** The gap (none for a cell) and the parts, each in points and pounds; words when not shown. */
function amounts(gap: Amount | null | undefined, parts: Parts | null, state: FigureState | undefined): Value[] {
  const word = state === undefined ? null : missingLabel(state);
  const pair = (a: Amount | null | undefined): Value[] => (a === undefined ? [null, null] : a === null ? [word, word] : [POINTS(a.points), money(a.pounds)]);
  return [...pair(gap), ...PARTS.flatMap((p) => pair(parts === null ? null : parts[p.key]))];
}

export function addExplainSheet(book: Workbook, name: string, { view, decomposition: d }: Explained): void {
  const ws = book.addWorksheet(name);
  title(ws, `Why the mean gaps: ${view.title}`);
  addRow(ws, [text(`Reference group: ${d.referenceGroup}. Cells: ${cellNoun(d.columns)} (the breakdown "${d.breakdown}").`)]);
  addRow(ws, [text(readingNote(d))]);
  ws.addRow([]);
  const header = addRow(ws, HEADS.map(text), true);
  header.alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 2 }];
  for (const g of d.groups) {
    addRow(ws, [text(g.group), text('All cells'), null, null, ...amounts(g.meanGap, g.parts, g.state), text(g.state === undefined ? '' : reasonText(g.state))]);
    for (const c of g.cells) {
      addRow(ws, [text(g.group), text(c.cell), count(c.referenceHeadcount), count(c.groupHeadcount), ...amounts(undefined, c.contribution, c.state), text(c.state === undefined ? '' : reasonText(c.state))]);
    }
    const w = g.withheldCells;
    if (w !== null) addRow(ws, [text(g.group), text(`Withheld cells together: ${w.cells.join(', ')}`), count(w.referenceHeadcount), count(w.groupHeadcount), ...amounts(undefined, w.contribution, undefined), text('')]);
  }
  for (const g of d.groups) for (const sentence of groupSentences(d, g)) addRow(ws, [text(sentence)]);
  widths(ws, 30, 14, HEADS.length);
  ws.getColumn(2).width = 30;
  ws.getColumn(HEADS.length).width = 60;
}
