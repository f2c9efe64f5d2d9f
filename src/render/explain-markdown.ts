import type { DecomposedGroup, Parts } from '../report/decomposition.js';
import type { Report } from '../report/model.js';
import { count, money, percent } from './format.js';
import { capitalised, cellNoun, explainedViews, groupSentences, pointsText, readingNote, viewParts, type Explained } from './explain-words.js';
import { markdownText as md } from './markdown-text.js';
import { missingLabel } from './reasons.js';

/**
 * --explain in the Markdown board paper (METHOD §17): a section per view with a
 * decomposition, after the breakdowns: the sentences (a paragraph for one compared group, a
 * list for more), the parts of every group, and for a view of one compared group each cell's
 * contribution. Every text from the data goes through markdownText.
 */
export function explainMarkdown(report: Report, out: string[]): void {
  for (const e of explainedViews(report)) viewSection(e, out);
}

function viewSection(e: Explained, out: string[]): void {
  const d = e.decomposition;
  const used = viewParts(d);
  out.push(`### ${md(`Why the mean gaps: ${e.view.title}`)}`, '');
  const sentences = d.groups.map((g) => groupSentences(d, g).map(md).join(' '));
  if (sentences.length === 1) out.push(sentences[0] as string, '');
  else {
    // One push a group: a spread of 100,000 sentences into one call would overflow the stack.
    for (const s of sentences) out.push(`- ${s}`);
    out.push('');
  }
  out.push(`| Group | Mean gap | ${used.map((p) => `${p.label} (points)`).join(' | ')} |`, `|---|--:|${used.map(() => '--:').join('|')}|`);
  for (const g of d.groups) {
    if (g.parts === null || g.meanGap === null) out.push(`| ${md(g.group)} | ${missingLabel(g.state)} |${used.map(() => ' |').join('')}`);
    else out.push(`| ${md(g.group)} | ${percent(g.meanGap.points)} (${money(g.meanGap.pounds)}) | ${used.map((p) => `${pointsText(g.parts![p.key].points)} (${money(g.parts![p.key].pounds)})`).join(' | ')} |`);
  }
  out.push('');
  const only = d.groups.length === 1 ? (d.groups[0] as DecomposedGroup) : undefined;
  if (only !== undefined && only.parts !== null) cellsTable(e, only, out);
  out.push(md(readingNote(d)), '');
}

function cellsTable(e: Explained, g: DecomposedGroup, out: string[]): void {
  const d = e.decomposition;
  const used = viewParts(d);
  const parts = (p: Parts | null, word: string) => used.map((x) => (p === null ? word : pointsText(p[x.key].points))).join(' | ');
  out.push(
    `| ${md(capitalised(cellNoun(d.columns)))} | ${md(d.referenceGroup)} | ${md(g.group)} | ${used.map((p) => `${p.label} (points)`).join(' | ')} |`,
    `|---|--:|--:|${used.map(() => '--:').join('|')}|`,
  );
  for (const c of g.cells) out.push(`| ${md(c.cell)} | ${count(c.referenceHeadcount)} | ${count(c.groupHeadcount)} | ${parts(c.contribution, missingLabel(c.state))} |`);
  const w = g.withheldCells;
  if (w !== null) out.push(`| Withheld cells together (${count(w.cells.length)}) | ${count(w.referenceHeadcount)} | ${count(w.groupHeadcount)} | ${parts(w.contribution, '')} |`);
  out.push('');
}
