import type { CharacteristicReport, GovukSubmission, GroupReport, Report } from '../report/model.js';
import { BOARD_COLUMNS, QUARTER_SHARES, stateOf, valueOf, type Measure } from '../report/measures.js';
import { count, disclosureSentence, percent, withinLabel } from './format.js';
import { viewSentences, type ViewSentences } from './sentences.js';
import { govukRows } from './govuk-rows.js';
import { formatValue } from './figures.js';
import { govukNoteText, missingLabel } from './reasons.js';
import { markdownText as md } from './markdown-text.js';
import { inputFileText } from './input-files.js';
import { explainMarkdown } from './explain-markdown.js';

/**
 * `--format markdown`: a board-paper section per characteristic view, for a wiki or any
 * Markdown editor: sentences from the numbers, the figures in tables, quarter composition,
 * disclosure, exclusions and a Method paragraph. Every text from the data (groups, titles,
 * file names, reasons, warnings) goes through markdownText, so it reads as itself and never
 * becomes markup. Lines are pushed onto one array, so a view of 100,000 groups is written in
 * linear time.
 */

function figure(g: GroupReport, m: Measure): string {
  const value = valueOf(g, m);
  return value !== null ? formatValue(m, value) : missingLabel(stateOf(g, m));
}

/** The sentences: one paragraph for a two-group view; lists, largest gap first, for more groups. */
function sentenceLines(layout: ViewSentences | undefined, out: string[]): void {
  if (layout === undefined) return;
  if (layout.layout === 'paragraph') {
    out.push(layout.sentences.map(md).join(' '), '');
    return;
  }
  for (const list of layout.lists) {
    out.push(list.heading, '');
    for (const sentence of list.sentences) out.push(`- ${md(sentence)}`);
    out.push('');
  }
}

function viewSection(view: CharacteristicReport, out: string[], level = '###'): void {
  out.push(`${level} ${md(view.title)}`, '');
  sentenceLines(viewSentences(view), out);
  const d = view.disclosure;
  out.push(
    `Reference group: ${md(view.referenceGroup)}. Disclosure: ${d.ratePercent === null ? 'n/a' : percent(d.ratePercent)} ` +
      `(${count(d.disclosed)} of ${count(d.disclosed + d.notDisclosed)} relevant employees).`,
    '',
  );
  for (const e of view.excluded) out.push(`Not in this view: ${count(e.relevant)} relevant employees with ${md(e.reason)}.`, '');
  out.push(`| Group | ${BOARD_COLUMNS.map((m) => m.heading).join(' | ')} |`, `|---|${BOARD_COLUMNS.map(() => '--:').join('|')}|`);
  for (const g of view.groups) out.push(`| ${md(g.group)}${g.reference ? ' (reference)' : ''} | ${BOARD_COLUMNS.map((m) => figure(g, m)).join(' | ')} |`);
  const q = view.quartileSizes;
  out.push(
    '',
    `Pay quarters (${count(q.lower)}, ${count(q.lowerMiddle)}, ${count(q.upperMiddle)} and ${count(q.upper)} people, lowest paid first): each group's share.`,
    '',
    `| Group | ${QUARTER_SHARES.map((m) => m.heading).join(' | ')} |`,
    `|---|${QUARTER_SHARES.map(() => '--:').join('|')}|`,
  );
  for (const g of view.groups) out.push(`| ${md(g.group)} | ${QUARTER_SHARES.map((m) => figure(g, m)).join(' | ')} |`);
  out.push('');
}

export function govukMarkdown(s: GovukSubmission): string[] {
  return [
    '### Figures for the GOV.UK gender pay gap service',
    '',
    '| Figure | Value |',
    '|---|--:|',
    ...govukRows(s).map(([figure, value]) => `| ${figure} | ${value} |`),
    '',
    ...s.notes.map((n) => `Note: ${md(govukNoteText(n))}.`),
    ...(s.notes.length > 0 ? [''] : []),
  ];
}

/** The Method paragraph; `text` escapes what comes from the data for the document it goes into. */
export function methodParagraph(report: Report, text: (s: string) => string = (s) => s): string {
  const m = report.method;
  return (
    `Figures follow the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1, ` +
    `as calculated by paygap ${text(report.tool.version)}. Hourly pay: ${text(m.payMethod)} (${text(m.payMethodReason)}). ` +
    `Counted by ${text(m.unit)}. ${m.bonusColumns.length > 1 ? `Bonus pay is the sum of the columns ${m.bonusColumns.map((c) => `"${text(c)}"`).join(', ')}. ` : ''}Mean and median pay and the pay quarters use full-pay relevant employees ` +
    `(${count(report.population.fullPayEmployees)}); bonus figures use all relevant employees (${count(report.population.relevantEmployees)}). ` +
    `Gap = (reference − group) ÷ reference; a positive gap means the group is paid less. ` +
    `${disclosureSentence(report.disclosureControl, m.minGroupSize)} ` +
    `People on the same hourly pay who straddle a pay-quarter boundary are shared between the quarters in proportion.`
  );
}

export function renderMarkdown(report: Report): string {
  const p = report.population;
  const out = [
    `## Pay gap report${report.snapshotDate ? `: snapshot ${report.snapshotDate}` : ''}`,
    '',
    `${count(p.rowsRead)} rows read from ${md(report.input.file)}: ${count(p.rowsValid)} valid, ${count(p.rowsInvalid)} invalid; ` +
      `${count(p.relevantEmployees)} relevant employees, ${count(p.fullPayEmployees)} on full pay.`,
    '',
  ];
  if (report.inputs !== undefined) out.push('Each file:', '', ...report.inputs.map((i) => `- ${inputFileText(i, md)}`), '');
  if (p.exclusions.length > 0) {
    out.push('Excluded:', '');
    for (const e of p.exclusions) out.push(`- ${count(e.count)} ${md(e.reason)}`);
    out.push('');
  }
  for (const view of report.characteristics) viewSection(view, out);
  for (const view of report.intersections) viewSection(view, out);
  if (report.govukSubmission) for (const line of govukMarkdown(report.govukSubmission)) out.push(line);
  for (const b of report.breakdowns) {
    out.push(`### Within each ${md(withinLabel(b.within))}`, '');
    for (const sg of b.subgroups) {
      out.push(`#### ${md(sg.subgroup)} (${count(sg.fullPayEmployees)} on full pay)`, '');
      for (const view of sg.characteristics) viewSection(view, out, '#####');
    }
  }
  explainMarkdown(report, out);
  for (const w of report.warnings) out.push(`> **Note:** ${md(w)}`, '');
  out.push('### Method', '', methodParagraph(report, md), '');
  return `${out.join('\n')}`;
}
