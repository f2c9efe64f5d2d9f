import type { ChalkInstance } from 'chalk';
import { PARTS, type DecomposedGroup, type Parts } from '../report/decomposition.js';
import type { Report } from '../report/model.js';
import { count, money, percent } from './format.js';
import { capitalised, cellNoun, explainedViews, groupSentences, pointsText, readingNote, type Explained } from './explain-words.js';
import { missingLabel } from './reasons.js';
import { terminalText as tt } from './terminal-text.js';
import { textTable, type TextCell } from './text-table.js';

/**
 * --explain in the terminal tables (METHOD §17): for each view, one row per group (the mean
 * gap and its parts, in points with pounds below); for a view with one compared group, the
 * sentences and each cell's contribution in points. Views with more groups give those in the
 * other formats. Fits 100 columns.
 */
export function explainTables(report: Report, chalk: ChalkInstance, wrap: (text: string, width: number) => string): string[] {
  return explainedViews(report).map((e) => explainView(e, chalk, wrap));
}

const amountCell = (points: number, pounds: number): string => `${pointsText(points)}\n${money(pounds)}`;

function summaryRow(g: DecomposedGroup, dim: (s: string) => string): TextCell[] {
  if (g.parts === null || g.meanGap === null) {
    const word = missingLabel(g.state);
    return [tt(g.group), ...[0, 1, 2, 3, 4].map((): TextCell => ({ text: word, style: dim }))];
  }
  const parts = g.parts;
  return [tt(g.group), `${percent(g.meanGap.points)}\n${money(g.meanGap.pounds)}`, ...PARTS.map((p) => amountCell(parts[p.key].points, parts[p.key].pounds))];
}

function explainView({ view, decomposition: d }: Explained, chalk: ChalkInstance, wrap: (text: string, width: number) => string): string {
  const dim = chalk.dim;
  const lines = [chalk.bold.underline(tt(`Why the mean gaps: ${view.title}, over ${cellNoun(d.columns)} cells`)), `Reference group: ${tt(view.referenceGroup)}. Parts in points of the gap, pounds an hour below.`];
  const spec = {
    head: ['Group', 'Mean gap', ...PARTS.map((p) => p.short)],
    headStyle: chalk.bold,
    widths: [24, 11, 11, 11, 11, 12],
    aligns: ['left' as const, ...Array<'right'>(5).fill('right')],
    wrap: true,
  };
  lines.push(textTable(spec, d.groups.map((g) => summaryRow(g, dim))));
  const only = d.groups.length === 1 ? (d.groups[0] as DecomposedGroup) : undefined;
  if (only === undefined) lines.push(dim(wrap(`Each cell's contribution for every group, and sentences, are in --format json, csv, xlsx, markdown or html.`, 100)));
  else {
    for (const sentence of groupSentences(d, only)) lines.push(wrap(tt(sentence), 100));
    lines.push(cellTable(only, d.referenceGroup, cellNoun(d.columns), chalk));
  }
  lines.push(dim(wrap(tt(readingNote(d)), 100)));
  return lines.join('\n');
}

/** Each cell's contribution in points; withheld cells marked, then their total as one cell. */
function cellTable(g: DecomposedGroup, reference: string, noun: string, chalk: ChalkInstance): string {
  if (g.parts === null) return '';
  const partCells = (parts: Parts | null, word: string): TextCell[] => PARTS.map((p) => (parts === null ? { text: word, style: chalk.dim } : pointsText(parts[p.key].points)));
  const rows: TextCell[][] = g.cells.map((c) => [tt(c.cell), count(c.referenceHeadcount), count(c.groupHeadcount), ...partCells(c.contribution, missingLabel(c.state))]);
  const w = g.withheldCells;
  if (w !== null) rows.push([{ text: `Withheld (${count(w.cells.length)} cells)`, style: chalk.dim }, count(w.referenceHeadcount), count(w.groupHeadcount), ...partCells(w.contribution, '')]);
  const spec = {
    head: [tt(capitalised(noun)), tt(reference), tt(g.group), ...PARTS.map((p) => p.short)],
    headStyle: chalk.bold,
    widths: [21, 14, 14, 10, 10, 11, 12],
    aligns: ['left' as const, ...Array<'right'>(6).fill('right')],
    wrap: true,
  };
  return textTable(spec, rows);
}
