import type { Benchmark, BenchmarkMeasure, BenchmarkView } from '../report/benchmark.js';
import { combinationText, informativeGroups, notShown, populationHeading, tableRows } from './benchmark-text.js';
import { dotPlot } from './dot-plot.js';
import { page } from './page.js';
import { escape } from './svg.js';
import { pointReasonText, pointText, systemText, unitValue } from './trend-words.js';

/**
 * `paygap benchmark --format html`: one self-contained page; per view and measure, a dot
 * plot (one dot per organisation, the system figure as a line, or the range across
 * organisations where there is none) with its table beside it (METHOD §15).
 */
function chart(b: Benchmark, view: BenchmarkView, m: BenchmarkMeasure, id: string): string {
  const groups = informativeGroups(m).filter((g) => g.organisations.some((o) => o.value !== null));
  if (groups.length === 0) return '<p class="meta">No figure to chart (withheld or not compared).</p>';
  const names = b.organisations.map((o) => o.name);
  const desc = groups.map((g) => {
    const orgs = g.organisations.map((o) => `${o.organisation} ${o.value === null ? `${pointText(o, m.unit)} (${pointReasonText(o)})` : pointText(o, m.unit)}`).join(', ');
    const system = g.range !== null ? `range ${unitValue(m.unit, g.range.low)} to ${unitValue(m.unit, g.range.high)}` : `system ${systemText(g.system, m.unit)}`;
    return `${g.group}: ${orgs}; ${system}.`;
  });
  return dotPlot({
    id,
    title: `${view.title}: ${m.label}, by organisation`,
    desc: `${combinationText(m)}. ${desc.join(' ')}`,
    organisations: names,
    rows: groups.map((g) => ({ name: g.group, dots: names.map((n) => g.organisations.find((o) => o.organisation === n)?.value ?? null), system: g.system.value, range: g.range })),
    format: (v) => unitValue(m.unit, v),
    zero: m.gap,
  });
}

function table(m: BenchmarkMeasure): string {
  const groups = informativeGroups(m);
  const rows = groups.flatMap((g) => tableRows(m, g).map((r) => `<tr>${r.map((c, i) => (i < 2 ? `<th scope="row">${escape(c)}</th>` : `<td>${escape(c)}</td>`)).join('')}</tr>`));
  const notes = notShown(groups);
  return (
    `<table><caption class="meta">${escape(m.label)}: each organisation and the system</caption><thead><tr><th scope="col">Group</th><th scope="col">Organisation</th>` +
    `<th scope="col">${escape(m.label)}</th><th scope="col">${escape(populationHeading(m))}</th><th scope="col">Against system</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    (notes.length > 0 ? `<ul class="meta">${notes.map((n) => `<li>Not shown: ${escape(n)}</li>`).join('')}</ul>` : '')
  );
}

function viewSection(b: Benchmark, view: BenchmarkView, index: number): string {
  const parts = [`<section class="view" id="view-${index}"><h2>${escape(view.title)}</h2>`, `<p class="meta">Reference group: ${escape(view.referenceGroup ?? 'differs between organisations')}. ${view.organisations.length} organisations.</p>`];
  view.measures.forEach((m, k) => {
    if (informativeGroups(m).length === 0) return;
    parts.push(`<h3>${escape(m.label)}</h3>`, `<p class="meta">${escape(combinationText(m).replace(/^./, (c) => c.toUpperCase()))}.</p>`, chart(b, view, m, `bench-${index}-${k}`), table(m));
  });
  parts.push('</section>');
  return parts.join('\n');
}

export function renderBenchmarkHtml(b: Benchmark): string {
  const title = 'Pay gaps: organisations side by side';
  const orgs = b.organisations.map((o) => `<tr><th scope="row">${escape(o.name)}</th><td>${escape(o.snapshotDate ?? 'none')}</td><td>${escape(o.file)}</td><td>${escape(o.method.payMethod)}, ${escape(o.method.unit)}, K = ${escape(o.method.minGroupSize)}</td></tr>`);
  return page(title, [
    `<h1>${title}</h1>`,
    `<table><caption class="meta">Organisations</caption><thead><tr><th scope="col">Organisation</th><th scope="col">Snapshot date</th><th scope="col">Report</th><th scope="col">Method</th></tr></thead><tbody>${orgs.join('')}</tbody></table>`,
    '<p class="meta">A positive gap means the group is paid less than the reference group. A figure withheld in an organisation\'s report stays withheld here, and a system figure that would need it is withheld too.</p>',
    ...b.warnings.map((w) => `<p class="meta">Note: ${escape(w)}</p>`),
    ...b.views.map((v, i) => viewSection(b, v, i)),
  ]);
}
