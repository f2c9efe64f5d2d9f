import type { Trend } from '../report/trend.js';
import { targetsMarkdown } from './targets-text.js';
import { markdownText } from './markdown-text.js';
import { columnName, informative, notShown, overallText, TABLE_MEASURES } from './trend-table.js';
import { pointText } from './trend-words.js';

/** `paygap trend --format markdown`: a board-paper section with a table per view, oldest report first, and the targets. */
export function renderTrendMarkdown(trend: Trend): string {
  const out = [
    `## Pay gaps over time${trend.organisation === null ? '' : `: ${markdownText(trend.organisation)}`}`,
    '',
    `${trend.reports.length} reports, ${markdownText(trend.reports.map(columnName).join(', '))}. ` +
      'A positive gap means the group is paid less than the reference group; a gap has *narrowed* when it is closer to 0 than it was.',
  ];
  for (const w of trend.warnings) out.push('', `> **Note:** ${markdownText(w)}`);
  // A catalogue label is Markdown as written; a part's names the --explain columns, from the data, so it is escaped.
  if (trend.targets.length > 0) out.push('', targetsMarkdown(trend.targets, '###'));
  const views = [...new Map(trend.series.map((s) => [`${s.characteristic}/${s.view}`, s])).values()];
  for (const first of views) {
    const rows = trend.series.filter((s) => s.characteristic === first.characteristic && s.view === first.view && TABLE_MEASURES.has(s.measure) && informative(s));
    out.push('', `### ${markdownText(first.title)}`, '', `Reference group: ${markdownText(first.referenceGroup)}.`, '');
    out.push(`| Group | Figure | ${trend.reports.map((r) => markdownText(columnName(r))).join(' | ')} | First → last |`, `|---|---|${trend.reports.map(() => '--:|').join('')}---|`);
    for (const s of rows) out.push(`| ${markdownText(s.group)} | ${s.over === null ? s.label : markdownText(s.label)} | ${s.points.map((p) => pointText(p, s.unit)).join(' | ')} | ${overallText(s)} |`);
    const notes = notShown(rows);
    if (notes.length > 0) out.push('', 'Not shown:', '', ...notes.map((n) => `- ${markdownText(n)}`));
  }
  return `${out.join('\n')}\n`;
}
