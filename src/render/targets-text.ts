import Table from 'cli-table3';
import type { TargetPoint, TargetProgress } from '../report/targets.js';
import { markdownText } from './markdown-text.js';
import { terminalText } from './terminal-text.js';
import { pointText, targetStatusText, targetTitle, unitValue } from './trend-words.js';

/**
 * Improvement-plan targets for people (METHOD §11.7): each target's figure at the baseline,
 * at the previous and the current report, where the straight-line path is now, and whether
 * it is on track; as a terminal table and as a Markdown section. Shown by `paygap trend` and
 * `paygap report --previous`.
 */
const when = (p: TargetPoint) => p.snapshotDate ?? p.file;

/** The cells of one target's row, as plain text (escaped by the caller for its medium). */
export function targetCells(p: TargetProgress): string[] {
  const point = (x: TargetPoint | null) => (x === null ? '' : `${pointText(x, p.unit)} (${when(x)})`);
  return [targetTitle(p), point(p.baseline), point(p.previous), point(p.current), p.expected === null ? 'n/a' : unitValue(p.unit, p.expected), targetStatusText(p)];
}

export const TARGET_HEADINGS = ['Target', 'Baseline', 'Previous', 'Now', 'On the path now', 'Progress'];

const EXPLAINED =
  'The path is the straight line from the baseline figure at its snapshot date to the target at the target date; ' +
  'a figure is on track when it is at least where the path is now, judged on the published figures (a gap by its size).';

/** The targets as a terminal table, or '' when there are none. */
export function targetsTable(progress: readonly TargetProgress[]): string {
  if (progress.length === 0) return '';
  const table = new Table({
    head: TARGET_HEADINGS,
    colWidths: [26, 14, 14, 14, 10, 20],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const p of progress) table.push(targetCells(p).map(terminalText));
  return `\nImprovement-plan targets\n${EXPLAINED}\n${table.toString()}\n`;
}

/** One sentence per target for a board paper. */
function targetSentence(p: TargetProgress): string {
  const now = `is ${p.current.value === null ? pointText(p.current, p.unit) : unitValue(p.unit, p.current.value)} on ${when(p.current)}`;
  const path = p.expected === null || p.baseline.value === null ? '' : `; the path from ${unitValue(p.unit, p.baseline.value)} on ${when(p.baseline)} is at ${unitValue(p.unit, p.expected)} now`;
  return `- ${markdownText(targetTitle(p))}: the figure ${markdownText(now)}${markdownText(path)}: **${markdownText(targetStatusText(p))}**.`;
}

/** The targets as a Markdown section, or '' when there are none. */
export function targetsMarkdown(progress: readonly TargetProgress[], heading = '##'): string {
  if (progress.length === 0) return '';
  const rows = progress.map((p) => `| ${targetCells(p).map(markdownText).join(' | ')} |`);
  return [`${heading} Improvement-plan targets`, '', EXPLAINED, '', ...progress.map(targetSentence), '', `| ${TARGET_HEADINGS.join(' | ')} |`, '|---|--:|--:|--:|--:|---|', ...rows, ''].join('\n');
}
