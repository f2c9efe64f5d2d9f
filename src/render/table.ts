import { Chalk, type ChalkInstance } from 'chalk';
import type { Breakdown, CharacteristicReport, GovukSubmission, GroupReport, Interval, Report } from '../report/model.js';
import { count, disclosureSentence, people, percent, perPound, perPoundSentence, withinLabel } from './format.js';
import { govukRows } from './govuk-rows.js';
import { TERMINAL_COLUMNS, measure, stateOf, valueOf, type Measure } from '../report/measures.js';
import { formatValue } from './figures.js';
import { govukNoteText, reasonText } from './reasons.js';
import { textTable, type TextCell } from './text-table.js';
import { terminalText as tt } from './terminal-text.js';
import { inputFileText } from './input-files.js';
import { explainTables } from './explain-table.js';

export interface TableOptions {
  readonly colour: boolean;
}

/** Marks for empty cells; the notes under each table say why. */
const SUPPRESSED = 'supp.';
const NOT_AVAILABLE = 'n/a';
const REFERENCE = 'ref';
const UNDISCLOSED = '–';

type Cell = { readonly text: string; readonly mark?: string; readonly reason?: string };

/** A figure as a table cell: the value, or a mark whose reason goes in the notes under the table. */
function figureCell(group: GroupReport, m: Measure): Cell {
  const value = valueOf(group, m);
  if (value !== null) return { text: formatValue(m, value) };
  const state = stateOf(group, m);
  switch (state?.status) {
    case 'reference':
      return { text: REFERENCE };
    case 'undisclosed':
      return { text: UNDISCLOSED };
    case 'suppressed':
    case 'withheld':
      return { text: SUPPRESSED, mark: SUPPRESSED, reason: reasonText(state) };
    default:
      return { text: NOT_AVAILABLE, mark: NOT_AVAILABLE, reason: state === undefined ? 'not available' : reasonText(state) };
  }
}

// Widths include one space of padding each side; both tables together stay within 100 columns.
const GROUP_WIDTH = 26;

/** One table of a view's groups and the given measures; marks' reasons are collected in `notes`. */
function figuresTable(view: CharacteristicReport, columns: readonly Measure[], widths: number[], chalk: ChalkInstance, notes: Map<string, Set<string>>): string {
  const show = (c: Cell): TextCell => {
    if (c.mark !== undefined) notes.set(c.mark, (notes.get(c.mark) ?? new Set()).add(c.reason as string));
    return c.mark === undefined ? c.text : { text: c.text, style: chalk.dim };
  };
  const rows = view.groups.map((g) => [g.reference ? `${tt(g.group)} (ref)` : tt(g.group), ...columns.map((m) => show(figureCell(g, m)))]);
  const spec = { head: ['Group', ...columns.map((m) => m.short)], headStyle: chalk.bold, widths: [GROUP_WIDTH, ...widths], aligns: ['left' as const, ...columns.map(() => 'right' as const)], wrap: true };
  return textTable(spec, rows);
}

function renderView(view: CharacteristicReport, chalk: ChalkInstance): string {
  const notes = new Map<string, Set<string>>();
  const [pay, bonus] = [TERMINAL_COLUMNS.pay, TERMINAL_COLUMNS.bonus].map((columns) => figuresTable(view, columns.map(([m]) => m), columns.map(([, w]) => w), chalk, notes));
  const d = view.disclosure;
  const q = view.quartileSizes;
  const lines = [
    chalk.bold.underline(tt(view.title)),
    `Reference group: ${tt(view.referenceGroup)}. Disclosure: ${d.ratePercent === null ? NOT_AVAILABLE : percent(d.ratePercent)} ` +
      `(${count(d.disclosed)} disclosed, ${count(d.notDisclosed)} not).`,
  ];
  for (const e of view.excluded) {
    lines.push(`Not in this view: ${count(e.relevant)} relevant employees (${count(e.fullPay)} full-pay) with ${tt(e.reason)}.`);
  }
  lines.push(pay);
  const sentence = perPoundLine(view);
  if (sentence) lines.push(sentence);
  const intervals = confidenceLines(view);
  if (intervals) lines.push(intervals);
  lines.push(bonus);
  lines.push(
    `Quarters hold ${count(q.lower)} / ${count(q.lowerMiddle)} / ${count(q.upperMiddle)} / ${count(q.upper)} people; ` +
      "each cell is the group's share of its quarter.",
  );
  if (notes.size > 0) {
    const text = [...notes].map(([mark, reasons]) => `${mark} ${[...reasons].join(' / ')}`).join('; ');
    lines.push(chalk.dim(wrap(`Notes: ${text}.`, 100)));
  }
  return lines.join('\n');
}

/** --ci: each gap's interval, and which gaps cannot be told apart from no gap. */
function confidenceLines(view: CharacteristicReport): string | undefined {
  const out: string[] = [];
  for (const g of view.groups) {
    const c = g.confidence;
    if (c === null) continue;
    const part = (name: string, value: number | null, i: Interval | null) =>
      value === null || i === null ? undefined : `${name} ${percent(value)} (${percent(i.low)} to ${percent(i.high)})${i.distinguishable ? '' : '*'}`;
    const parts = [part('mean gap', g.meanGapPercent, c.meanGapPercent), part('median gap', g.medianGapPercent, c.medianGapPercent)].filter(Boolean);
    if (parts.length > 0) out.push(`  ${tt(g.group)}: ${parts.join('; ')}`);
  }
  if (out.length === 0) return undefined;
  const level = view.groups.find((g) => g.confidence)?.confidence;
  return [
    `${level?.level}% bootstrap intervals (${level?.resamples} resamples); * = not distinguishable from no gap at this sample size:`,
    ...out,
  ].join('\n');
}

/**
 * The plain-language line next to the median gap: one sentence for a two-group view
 * ("for every £1 men earn, women earn 86p"), one list for a view with more groups.
 */
function perPoundLine(view: CharacteristicReport): string | undefined {
  const reference = view.groups.find((g) => g.reference);
  const compared = view.groups.filter((g) => !g.reference && g.medianGapPercent !== null);
  if (reference === undefined || compared.length === 0) return undefined;
  if (compared.length === 1) {
    const g = compared[0];
    return `Median hourly pay: ${tt(perPoundSentence(reference.group, g.group, g.medianGapPercent as number))}.`;
  }
  const list = compared.map((g) => `${tt(g.group)} ${perPound(g.medianGapPercent as number)}`).join(', ');
  return wrap(`Median hourly pay: for every £1 ${tt(people(reference.group))} earn, ${list}.`, 100);
}

function wrap(text: string, width: number, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Where the settings came from, on one line: "from paygap.config.json: payMethod, unit;
 * command line: within; others default". A list combined from both places is in both.
 */
function settingsLine(sources: Report['method']['settingSources'] | undefined): string | undefined {
  const entries = Object.entries(sources ?? {});
  if (entries.length === 0) return undefined;
  const fromConfig = new Map<string, string[]>();
  const fromCommandLine: string[] = [];
  for (const [name, source] of entries) {
    if (source.from === 'config' || source.from === 'config and command line') fromConfig.set(source.file, (fromConfig.get(source.file) ?? []).concat(tt(name)));
    if (source.from === 'command line' || source.from === 'config and command line') fromCommandLine.push(tt(name));
  }
  const parts = [...fromConfig].map(([file, names]) => `from ${tt(file)}: ${names.join(', ')}`);
  if (fromCommandLine.length > 0) parts.push(`command line: ${fromCommandLine.join(', ')}`);
  if (entries.some(([, source]) => source.from === 'default')) parts.push(parts.length === 0 ? 'all default' : 'others default');
  return parts.join('; ');
}

function renderHeader(report: Report, chalk: ChalkInstance): string {
  const p = report.population;
  const m = report.method;
  const label = (text: string) => chalk.bold(text.padEnd(14));
  const lines = [
    chalk.bold(`paygap ${tt(report.tool.version)}: pay gap report`),
    `${label('File')}${tt(report.input.file)} (sha256 ${tt(report.input.sha256.slice(0, 12))}…${formatNote(report.input)})`,
    ...(report.inputs ?? []).map((i, n) => `${label(n === 0 ? 'Each file' : '')}${wrap(`${inputFileText(i, tt)}${formatNote(i)}`, 86).replaceAll('\n  ', `\n${' '.repeat(14)}`)}`),
    `${label('Snapshot')}${report.snapshotDate === null ? 'not given (use --snapshot-date)' : tt(report.snapshotDate)}`,
    `${label('Hourly pay')}${tt(`${m.payMethod}: ${m.payMethodReason}`)}`,
    `${label('Unit')}${tt(`${m.unit}: ${m.unitReason}`)}`,
  ];
  const settings = settingsLine(m.settingSources);
  if (settings !== undefined) lines.push(wrap(`${label('Settings')}${settings}`, 100, ' '.repeat(14)));
  lines.push(
    `${label('Population')}${count(p.rowsRead)} rows read: ${count(p.rowsValid)} valid, ${count(p.rowsInvalid)} invalid; ` +
      `${count(p.relevantEmployees)} relevant employees, ${count(p.fullPayEmployees)} on full pay`,
  );
  if (m.bonusColumns.length > 1) lines.push(`${label('Bonus')}the sum of ${m.bonusColumns.map((c) => tt(JSON.stringify(c))).join(' + ')}`);
  for (const e of p.exclusions) lines.push(`${label('Excluded')}${count(e.count)} ${tt(e.reason)}`);
  lines.push(
    `${label('Small groups')}${wrap(disclosureSentence(report.disclosureControl, m.minGroupSize), 86).replaceAll('\n  ', `\n${' '.repeat(14)}`)}`,
  );
  lines.push(`${label('Gaps')}(reference − group) ÷ reference; positive means the group is paid less`);
  for (const w of report.warnings) lines.push(chalk.yellow(`${label('Warning')}${tt(w)}`));
  return lines.join('\n');
}

const DELIMITER_NAMES: ReadonlyMap<string, string> = new Map([
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
]);

/** "; semicolon-delimited, utf16le" when the file is not plain comma-separated UTF-8. */
function formatNote(input: Pick<Report['input'], 'delimiter' | 'encoding'>): string {
  const notes: string[] = [];
  if (input.delimiter !== ',') notes.push(`${DELIMITER_NAMES.get(input.delimiter) ?? tt(JSON.stringify(input.delimiter))}-delimited`);
  if (input.encoding !== 'utf8') notes.push(tt(input.encoding));
  return notes.length === 0 ? '' : `; ${notes.join(', ')}`;
}

/** Terminal tables for people: fits 100 columns; colour only when asked. */
export function renderTable(report: Report, options: TableOptions): string {
  const chalk = new Chalk({ level: options.colour ? 1 : 0 });
  const parts = [renderHeader(report, chalk), ...report.characteristics.map((v) => renderView(v, chalk))];
  for (const x of report.intersections) {
    parts.push(renderView(x, chalk) + (x.withheld.length > 0 ? `\n${chalk.dim(withheldNote(x.withheld.length))}` : ''));
  }
  if (report.govukSubmission) parts.push(renderGovuk(report.govukSubmission, chalk));
  for (const b of report.breakdowns) parts.push(renderBreakdown(b, chalk));
  parts.push(...explainTables(report, chalk, (text, width) => wrap(text, width)));
  return `${parts.join('\n\n')}\n`;
}

/** The GOV.UK gender pay gap service's 14 figures, as they are entered there. */
function renderGovuk(s: GovukSubmission, chalk: ChalkInstance): string {
  const table = textTable({ head: ['Figure', 'Value'], headStyle: chalk.bold, widths: [44, 18], aligns: ['left', 'right'] }, govukRows(s));
  return [chalk.bold.underline('Figures for the GOV.UK gender pay gap service'), table, ...s.notes.map((n) => chalk.dim(`Note: ${tt(govukNoteText(n))}.`))].join('\n');
}

const withheldNote = (n: number) => `${n} more cell${n === 1 ? '' : 's'} withheld so that suppressed figures cannot be worked out from totals.`;

/**
 * A breakdown as one table per two-group view (sex, White / BME, White British / ethnic
 * minority, disability): each subgroup's headcounts, gaps and the group's share of it.
 * Views with more groups are in the JSON output.
 */
function renderBreakdown(b: Breakdown, chalk: ChalkInstance): string {
  const label = tt(withinLabel(b.within));
  const lines = [chalk.bold.underline(`Within each ${label}`)];
  const first = b.subgroups[0];
  if (first === undefined) return lines.join('\n');
  first.characteristics.forEach((view, v) => {
    const compared = view.groups.filter((g) => !g.reference && g.comparable);
    const reference = view.groups.find((g) => g.reference);
    if (compared.length !== 1 || reference === undefined) return;
    const group = compared[0] as GroupReport;
    const spec = {
      head: [label[0]!.toUpperCase() + label.slice(1), tt(reference.group), tt(group.group), 'Mean gap', 'Median gap', `${tt(group.group)} share`],
      headStyle: chalk.bold,
      widths: [26, 12, 12, 10, 11, 12],
      aligns: ['left' as const, ...Array<'right'>(5).fill('right')],
      wrap: true,
    };
    lines.push('', tt(`${view.title}: ${group.group} against ${reference.group}`), textTable(spec, breakdownRows(b, v, group.group, chalk)));
  });
  lines.push(
    chalk.dim(
      wrap(
        `Notes: supp. means withheld (fewer than the minimum group size, or so that a withheld figure cannot be worked out from totals: ${b.withheld.length} cells). ` +
          'Share = the group\'s part of the subgroup\'s full-pay staff. Every view, with quarters, bonus and composition, is in --format json.',
        100,
      ),
    ),
  );
  return lines.join('\n');
}

/** Each subgroup's row of a two-group view `v`: headcounts, gaps and the group's share (composition found by subgroup in one pass). */
function breakdownRows(b: Breakdown, v: number, name: string, chalk: ChalkInstance): TextCell[][] {
  const composition = new Map((b.composition[v]?.rows ?? []).map((row) => [row.subgroup, row.groups.find((x) => x.group === name)]));
  return b.subgroups.map((sg) => {
    const here = sg.characteristics[v] as CharacteristicReport;
    const r = here.groups.find((g) => g.reference) as GroupReport;
    const g = here.groups.find((x) => x.group === name) as GroupReport;
    const share = composition.get(sg.subgroup)?.percentOfSubgroup;
    const gapCell = (m: Measure): TextCell => {
      const cell = figureCell(g, m);
      return cell.mark === undefined ? cell.text : { text: cell.text, style: chalk.dim };
    };
    return [tt(sg.subgroup), count(r.headcount), count(g.headcount), gapCell(measure('mean_gap')), gapCell(measure('median_gap')), share == null ? NOT_AVAILABLE : percent(share)];
  });
}
