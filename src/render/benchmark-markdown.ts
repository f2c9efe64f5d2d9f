import type { Benchmark } from '../report/benchmark.js';
import { combinationText, informativeGroups, notShown, populationHeading, tableRows } from './benchmark-text.js';
import { markdownText } from './markdown-text.js';

/** `paygap benchmark --format markdown`: a section per view, a table per measure, for a system board paper. */
export function renderBenchmarkMarkdown(b: Benchmark): string {
  const out = [
    '## Organisations side by side',
    '',
    `${b.organisations.map((o) => `${markdownText(o.name)} (${o.snapshotDate ?? 'no snapshot date'})`).join(', ')}. ` +
      "A positive gap means the group is paid less than the reference group. *Against system* is the organisation's figure minus the system figure, as shown.",
  ];
  for (const w of b.warnings) out.push('', `> **Note:** ${markdownText(w)}`);
  for (const view of b.views) {
    out.push('', `### ${markdownText(view.title)}`, '', `Reference group: ${markdownText(view.referenceGroup ?? 'differs between organisations')}.`);
    for (const m of view.measures) {
      const groups = informativeGroups(m);
      if (groups.length === 0) continue;
      out.push('', `#### ${m.label}`, '', `${combinationText(m)[0]?.toUpperCase()}${combinationText(m).slice(1)}.`, '');
      out.push(`| Group | Organisation | ${m.label} | ${populationHeading(m)} | Against system |`, '|---|---|--:|--:|--:|');
      for (const g of groups) for (const row of tableRows(m, g)) out.push(`| ${row.map(markdownText).join(' | ')} |`);
      const notes = notShown(groups);
      if (notes.length > 0) out.push('', 'Not shown:', '', ...notes.map((n) => `- ${markdownText(n)}`));
    }
  }
  return `${out.join('\n')}\n`;
}
