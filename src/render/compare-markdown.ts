import type { Comparison } from '../report/compare.js';
import { people } from './format.js';
import { changeText, valueText } from './compare-table.js';
import { markdownText as md } from './markdown-text.js';

/**
 * `paygap compare --format markdown`: tables and sentences for a board paper. Both reports
 * are inputs: every text read from them (file names, dates, titles, groups, warnings that
 * quote them) goes through markdownText.
 */
export function renderCompareMarkdown(comparison: Comparison): string {
  const out = [
    '## Pay gaps year on year',
    '',
    `Comparing ${md(comparison.previous.snapshotDate ?? comparison.previous.file)} with ${md(comparison.current.snapshotDate ?? comparison.current.file)}. ` +
      'A positive gap means the group is paid less than the reference group; a gap has *narrowed* when it is closer to 0 than it was.',
  ];
  for (const w of comparison.warnings) out.push('', `> **Note:** ${md(w)}`);
  for (const view of comparison.characteristics) {
    out.push('', `### ${md(view.title)}`, '');
    for (const g of view.groups) {
      const median = g.figures.find((f) => f.figure === 'medianGapPercent');
      if (median?.direction && median.previous !== null && median.current !== null) {
        out.push(
          `- ${md(`The median hourly pay gap between ${people(view.referenceGroup)} and ${people(g.group)} ${median.direction} `)}` +
            `from ${valueText(median, median.previous)} to ${valueText(median, median.current)} (${changeText(median)}).`,
        );
      }
    }
    out.push('', '| Group | Figure | Then | Now | Change | Direction |', '|---|---|--:|--:|--:|---|');
    for (const g of view.groups) {
      for (const f of g.figures) {
        if (f.previous === null && f.current === null) continue;
        out.push(`| ${md(g.group)} | ${f.label} | ${valueText(f, f.previous)} | ${valueText(f, f.current)} | ${changeText(f)} | ${f.direction ?? ''} |`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
