import type { CharacteristicReport, GovukSubmission, GroupReport, Report } from '../report/model.js';
import { BOARD_COLUMNS, QUARTER_SHARES, stateOf, valueOf, type Measure } from '../report/measures.js';
import { count, disclosureSentence, percent } from './format.js';
import { bonusSentence, gapSentence, quarterSentence } from './sentences.js';
import { govukRows } from './govuk-rows.js';
import { formatValue } from './figures.js';
import { govukNoteText, missingLabel } from './reasons.js';

/**
 * `--format markdown`: a board-paper section per characteristic view, paste-ready into Word
 * or a wiki: sentences from the numbers, the figures in tables, quarter composition,
 * disclosure, exclusions and a Method paragraph.
 */
const cell = (text: string) => text.replaceAll('|', '\\|');

function figure(g: GroupReport, m: Measure): string {
  const value = valueOf(g, m);
  return value !== null ? formatValue(m, value) : missingLabel(stateOf(g, m));
}

function viewSection(view: CharacteristicReport, level = '###'): string[] {
  const out = [`${level} ${view.title}`, ''];
  const compared = view.groups.filter((g) => !g.reference && g.comparable);
  const sentences = compared.flatMap((g) => [gapSentence(view, g, 'median'), gapSentence(view, g, 'mean')]).filter((x): x is string => x !== undefined);
  if (compared.length === 1) {
    const g = compared[0] as GroupReport;
    const more = [bonusSentence(view, g), quarterSentence(g)].filter((x): x is string => x !== undefined);
    sentences.push(...more);
  }
  if (sentences.length > 0) out.push(sentences.join(' '), '');
  const d = view.disclosure;
  out.push(
    `Reference group: ${view.referenceGroup}. Disclosure: ${d.ratePercent === null ? 'n/a' : percent(d.ratePercent)} ` +
      `(${count(d.disclosed)} of ${count(d.disclosed + d.notDisclosed)} relevant employees).`,
    '',
  );
  for (const e of view.excluded) out.push(`Not in this view: ${count(e.relevant)} relevant employees with ${e.reason}.`, '');
  out.push(`| Group | ${BOARD_COLUMNS.map((m) => m.heading).join(' | ')} |`, `|---|${BOARD_COLUMNS.map(() => '--:').join('|')}|`);
  for (const g of view.groups) out.push(`| ${cell(g.group)}${g.reference ? ' (reference)' : ''} | ${BOARD_COLUMNS.map((m) => figure(g, m)).join(' | ')} |`);
  const q = view.quartileSizes;
  out.push(
    '',
    `Pay quarters (${count(q.lower)}, ${count(q.lowerMiddle)}, ${count(q.upperMiddle)} and ${count(q.upper)} people, lowest paid first): each group's share.`,
    '',
    `| Group | ${QUARTER_SHARES.map((m) => m.heading).join(' | ')} |`,
    `|---|${QUARTER_SHARES.map(() => '--:').join('|')}|`,
  );
  for (const g of view.groups) out.push(`| ${cell(g.group)} | ${QUARTER_SHARES.map((m) => figure(g, m)).join(' | ')} |`);
  out.push('');
  return out;
}

export function govukMarkdown(s: GovukSubmission): string[] {
  return [
    '### Figures for the GOV.UK gender pay gap service',
    '',
    '| Figure | Value |',
    '|---|--:|',
    ...govukRows(s).map(([figure, value]) => `| ${figure} | ${value} |`),
    '',
    ...s.notes.map((n) => `Note: ${govukNoteText(n)}.`),
    ...(s.notes.length > 0 ? [''] : []),
  ];
}

export function methodParagraph(report: Report): string {
  const m = report.method;
  return (
    `Figures follow the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1, ` +
    `as calculated by paygap ${report.tool.version}. Hourly pay: ${m.payMethod} (${m.payMethodReason}). ` +
    `Counted by ${m.unit}. ${m.bonusColumns.length > 1 ? `Bonus pay is the sum of the columns ${m.bonusColumns.map((c) => `"${c}"`).join(', ')}. ` : ''}Mean and median pay and the pay quarters use full-pay relevant employees ` +
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
    `${count(p.rowsRead)} rows read from ${cell(report.input.file)}: ${count(p.rowsValid)} valid, ${count(p.rowsInvalid)} invalid; ` +
      `${count(p.relevantEmployees)} relevant employees, ${count(p.fullPayEmployees)} on full pay.`,
    '',
  ];
  if (p.exclusions.length > 0) {
    out.push('Excluded:', '');
    for (const e of p.exclusions) out.push(`- ${count(e.count)} ${cell(e.reason)}`);
    out.push('');
  }
  for (const view of report.characteristics) out.push(...viewSection(view));
  for (const view of report.intersections) out.push(...viewSection(view));
  if (report.govukSubmission) out.push(...govukMarkdown(report.govukSubmission));
  for (const b of report.breakdowns) {
    out.push(`### Within each ${{ staffGroup: 'staff group', payScheme: 'pay scheme' }[b.within] ?? cell(b.within)}`, '');
    for (const sg of b.subgroups) {
      out.push(`#### ${cell(sg.subgroup)} (${count(sg.fullPayEmployees)} on full pay)`, '');
      for (const view of sg.characteristics) out.push(...viewSection(view, '#####'));
    }
  }
  for (const w of report.warnings) out.push(`> **Note:** ${w}`, '');
  out.push('### Method', '', methodParagraph(report), '');
  return `${out.join('\n')}`;
}
