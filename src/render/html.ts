import type { Comparison } from '../report/compare.js';
import type { CharacteristicReport, GovukSubmission, GroupReport, Report } from '../report/model.js';
import { count, percent, withinLabel } from './format.js';
import { BOARD_COLUMNS, QUARTER_SHARES, stateOf, valueOf, type Measure } from '../report/measures.js';
import { formatValue } from './figures.js';
import { govukNoteText, missingLabel, reasonText } from './reasons.js';
import { viewSentences } from './sentences.js';
import { methodParagraph } from './markdown.js';
import { escape, gapsChart, MAX_CHART_GROUPS, yearOnYearChart } from './svg.js';
import { quartersChart } from './svg-quarters.js';
import { govukRows } from './govuk-rows.js';
import { page } from './page.js';
import { inputFileText } from './input-files.js';
import { explainHtml } from './explain-html.js';

/**
 * `--format html`: one self-contained page (no scripts, fonts or files from elsewhere) with
 * inline SVG charts, each with a text alternative and its table beside it, readable on screen
 * and when printed to PDF. With `--previous`, a year-on-year chart per view. Every text from
 * the data is escaped, and a Content-Security-Policy lets the page run no script and load
 * nothing at all: a second line of defence should an escape ever be missed.
 */
export interface HtmlOptions {
  /** Comparison with a previous report (--previous), for the year-on-year charts. */
  readonly previous?: Comparison | undefined;
  /** Sections rendered elsewhere (HTML), put before the Method: the targets' progress with --previous. */
  readonly sections?: readonly string[] | undefined;
}


function figure(g: GroupReport, m: Measure): string {
  const value = valueOf(g, m);
  if (value !== null) return escape(formatValue(m, value));
  const state = stateOf(g, m);
  const label = missingLabel(state);
  return label === 'withheld' || label === 'n/a' ? `<span class="withheld" title="${escape(state === undefined ? '' : reasonText(state))}">${label}</span>` : label;
}

function figuresTable(view: CharacteristicReport): string {
  const rows = view.groups.map(
    (g) => `<tr><th scope="row">${escape(g.group)}${g.reference ? ' (reference)' : ''}</th>${BOARD_COLUMNS.map((m) => `<td>${figure(g, m)}</td>`).join('')}</tr>`,
  );
  return (
    `<table><caption class="meta">Figures for ${escape(view.title)}</caption><thead><tr><th scope="col">Group</th>` +
    `${BOARD_COLUMNS.map((m) => `<th scope="col">${escape(m.heading)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function quartersTable(view: CharacteristicReport): string {
  const q = view.quartileSizes;
  const rows = view.groups.map((g) => `<tr><th scope="row">${escape(g.group)}</th>${QUARTER_SHARES.map((m) => `<td>${figure(g, m)}</td>`).join('')}</tr>`);
  return (
    `<table><caption class="meta">Share of each pay quarter (${count(q.lower)}, ${count(q.lowerMiddle)}, ${count(q.upperMiddle)} and ${count(q.upper)} people, lowest paid first)</caption>` +
    `<thead><tr><th scope="col">Group</th>${QUARTER_SHARES.map((m) => `<th scope="col">${escape(m.heading)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The sentences: one paragraph for a two-group view; lists, largest gap first, for more groups. */
function sentencesHtml(view: CharacteristicReport): string {
  const layout = viewSentences(view);
  if (layout === undefined) return '';
  if (layout.layout === 'paragraph') return `<p>${escape(layout.sentences.join(' '))}</p>`;
  return layout.lists.map((list) => `<p>${escape(list.heading)}</p><ul class="sentences">${list.sentences.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>`).join('\n');
}

function charts(view: CharacteristicReport, index: number): { gaps: string; quarters: string } {
  if (view.groups.length > MAX_CHART_GROUPS) {
    const note = `<p class="meta">${count(view.groups.length)} groups are too many to chart; the table below has every figure.</p>`;
    return { gaps: note, quarters: note };
  }
  return {
    gaps: gapsChart(view, `gaps-${index}`) ?? '<p class="meta">No gap to chart (withheld or no comparison group).</p>',
    quarters: quartersChart(view, `quarters-${index}`),
  };
}

/** A view's section as lines of the page (joined once, by page). */
function viewSection(view: CharacteristicReport, index: number, previous: Comparison | undefined): string[] {
  const d = view.disclosure;
  const chart = charts(view, index);
  const parts = [
    `<section class="view" id="view-${index}"><h2>${escape(view.title)}</h2>`,
    sentencesHtml(view),
    `<p class="meta">Reference group: ${escape(view.referenceGroup)}. Disclosure: ${d.ratePercent === null ? 'n/a' : percent(d.ratePercent)} (${count(d.disclosed)} of ${count(d.disclosed + d.notDisclosed)}).` +
      view.excluded.map((e) => ` Not in this view: ${count(e.relevant)} with ${escape(e.reason)}.`).join('') +
      '</p>',
    '<h3>Pay gaps</h3>',
    chart.gaps,
    figuresTable(view),
    '<h3>Pay quarters</h3>',
    chart.quarters,
    quartersTable(view),
  ];
  const then = previous?.characteristics.find((c) => c.characteristic === view.characteristic && c.view === view.view);
  if (then !== undefined && then.groups.length <= MAX_CHART_GROUPS) {
    const years = yearOnYearChart(then, `years-${index}`);
    if (years) parts.push(`<h3>Year on year (median gap)</h3>${years}`);
  }
  parts.push('</section>');
  return parts;
}

/**
 * The breakdowns (METHOD §5.8): each subgroup's figures, as tables. Charts stay with the
 * headline views: one per subgroup and view would bury them.
 */
function breakdownSections(report: Report): string[] {
  return report.breakdowns.map((b, i) => {
    const subgroups = b.subgroups.map(
      (sg) => `<h3>${escape(sg.subgroup)} (${count(sg.fullPayEmployees)} on full pay)</h3>\n${sg.characteristics.map((view) => figuresTable(view)).join('\n')}`,
    );
    return `<section class="view" id="within-${i}"><h2>Within each ${escape(withinLabel(b.within))}</h2>\n${subgroups.join('\n')}</section>`;
  });
}

function govukSection(s: GovukSubmission): string {
  return (
    '<section class="view" id="govuk"><h2>Figures for the GOV.UK gender pay gap service</h2>' +
    `<table><thead><tr><th scope="col">Figure</th><th scope="col">Value</th></tr></thead><tbody>${govukRows(s)
      .map(([k, val]) => `<tr><th scope="row">${escape(k)}</th><td>${escape(val)}</td></tr>`)
      .join('')}</tbody></table>${s.notes.map((n) => `<p class="meta">${escape(govukNoteText(n))}.</p>`).join('')}</section>`
  );
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const p = report.population;
  const title = `Pay gap report${report.snapshotDate ? `, snapshot ${report.snapshotDate}` : ''}`;
  const views = [...report.characteristics, ...report.intersections];
  const explain = explainHtml(report);
  const body = [
    `<h1>${escape(title)}</h1>`,
    `<p class="meta">${escape(report.input.file)} · ${count(p.rowsRead)} rows read: ${count(p.rowsValid)} valid, ${count(p.rowsInvalid)} invalid · ` +
      `${count(p.relevantEmployees)} relevant employees, ${count(p.fullPayEmployees)} on full pay · paygap ${escape(report.tool.version)}</p>`,
    ...(report.inputs === undefined ? [] : [`<ul class="meta">${report.inputs.map((i) => `<li>${inputFileText(i, escape)}</li>`).join('')}</ul>`]),
    p.exclusions.length > 0 ? `<ul class="meta">${p.exclusions.map((e) => `<li>${count(e.count)} ${escape(e.reason)}</li>`).join('')}</ul>` : '',
    `<nav><p class="meta">Contents: ${[
      ...views.map((v, i) => [`view-${i}`, v.title] as const),
      ...report.breakdowns.map((b, i) => [`within-${i}`, `Within each ${withinLabel(b.within)}`] as const),
      ...explain.nav,
    ]
      .map(([id, title]) => `<a href="#${id}">${escape(title)}</a>`)
      .join(' · ')}${report.govukSubmission ? ' · <a href="#govuk">GOV.UK figures</a>' : ''}</p></nav>`,
    ...views.flatMap((v, i) => viewSection(v, i, options.previous)),
    ...breakdownSections(report),
    ...explain.sections,
    report.govukSubmission ? govukSection(report.govukSubmission) : '',
    ...report.warnings.map((w) => `<p class="meta">Note: ${escape(w)}</p>`),
    ...(options.sections ?? []),
    `<section class="view"><h2>Method</h2><p>${escape(methodParagraph(report))}</p></section>`,
  ];
  return page(title, body);
}
