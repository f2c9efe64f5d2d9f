import { PARTS, type DecomposedGroup, type Parts } from '../report/decomposition.js';

type Part = (typeof PARTS)[number];
import type { Report } from '../report/model.js';
import { count, money, percent } from './format.js';
import { capitalised, cellNoun, explainedViews, groupSentences, pointsText, readingNote, viewParts, type Explained } from './explain-words.js';
import { missingLabel, reasonText } from './reasons.js';
import { escape } from './svg.js';
import { explainChart } from './svg-explain.js';

/**
 * --explain in the HTML report (METHOD §17): a section per view with a decomposition, after
 * the views: the chart (each gap as a bar split into its parts), the parts of every group in
 * a table (points, and pounds an hour), the sentences, and each group's cell contributions.
 * Every text from the data is escaped.
 */
export interface ExplainHtml {
  /** Contents entries: [anchor, title]. */
  readonly nav: readonly (readonly [string, string])[];
  readonly sections: readonly string[];
}

export function explainHtml(report: Report): ExplainHtml {
  const explained = explainedViews(report);
  return {
    nav: explained.map((e, i) => [`explain-${i}`, `Why the mean gaps: ${e.view.title}`] as const),
    sections: explained.map((e, i) => section(e, i)),
  };
}

const withheldSpan = (word: string, why: string): string => `<span class="withheld" title="${escape(why)}">${escape(word)}</span>`;

function partsRow(g: DecomposedGroup, used: readonly Part[]): string {
  const name = `<th scope="row">${escape(g.group)}</th>`;
  if (g.parts === null || g.meanGap === null) {
    const cell = `<td>${withheldSpan(missingLabel(g.state), g.state === undefined ? '' : reasonText(g.state))}</td>`;
    return `<tr>${name}${cell.repeat(used.length + 1)}</tr>`;
  }
  const parts = g.parts;
  const amount = (points: string, pounds: number) => `<td>${escape(points)}<br><span class="meta">${escape(money(pounds))}</span></td>`;
  return `<tr>${name}${amount(percent(g.meanGap.points), g.meanGap.pounds)}${used.map((p) => amount(pointsText(parts[p.key].points), parts[p.key].pounds)).join('')}</tr>`;
}

function partsTable(e: Explained): string {
  const used = viewParts(e.decomposition);
  const heads = ['Group', 'Mean gap', ...used.map((p) => p.label)].map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  return (
    `<table><caption class="meta">${escape(`${e.view.title}: each mean gap and its parts, in points of the gap (pounds an hour below)`)}</caption>` +
    `<thead><tr>${heads}</tr></thead><tbody>${e.decomposition.groups.map((g) => partsRow(g, used)).join('')}</tbody></table>`
  );
}

function cellsTable(e: Explained, g: DecomposedGroup): string {
  if (g.parts === null) return '';
  const noun = cellNoun(e.decomposition.columns);
  const used = viewParts(e.decomposition);
  const partCells = (parts: Parts | null, word: string, why: string) =>
    used.map((p) => `<td>${parts === null ? withheldSpan(word, why) : escape(pointsText(parts[p.key].points))}</td>`).join('');
  const rows = g.cells.map(
    (c) =>
      `<tr><th scope="row">${escape(c.cell)}</th><td>${count(c.referenceHeadcount)}</td><td>${count(c.groupHeadcount)}</td>` +
      `${partCells(c.contribution, missingLabel(c.state), c.state === undefined ? '' : reasonText(c.state))}</tr>`,
  );
  const w = g.withheldCells;
  if (w !== null) {
    rows.push(`<tr><th scope="row">${escape(`Withheld cells together: ${w.cells.join(', ')}`)}</th><td>${count(w.referenceHeadcount)}</td><td>${count(w.groupHeadcount)}</td>${partCells(w.contribution, '', '')}</tr>`);
  }
  const heads = [capitalised(noun), e.decomposition.referenceGroup, g.group, ...used.map((p) => p.label)].map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  return (
    `<table><caption class="meta">${escape(`${g.group} against ${e.decomposition.referenceGroup}: each ${noun}'s contribution, in points (full-pay staff of each group)`)}</caption>` +
    `<thead><tr>${heads}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function section(e: Explained, index: number): string {
  const d = e.decomposition;
  const sentences = d.groups.map((g) => groupSentences(d, g).join(' '));
  return [
    `<section class="view" id="explain-${index}"><h2>${escape(`Why the mean gaps: ${e.view.title}`)}</h2>`,
    sentences.length === 1 ? `<p>${escape(sentences[0] as string)}</p>` : `<ul class="sentences">${sentences.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>`,
    explainChart(e, `explain-chart-${index}`) ?? '<p class="meta">No mean gap of this view can be split (see the table).</p>',
    partsTable(e),
    ...d.groups.map((g) => cellsTable(e, g)),
    `<p class="meta">${escape(readingNote(d))}</p>`,
    '</section>',
  ].join('\n');
}
