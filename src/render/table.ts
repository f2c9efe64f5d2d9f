import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Breakdown, CharacteristicReport, GovukSubmission, GroupReport, Interval, Report } from '../report/model.js';
import { count, money, people, percent, perPound, perPoundSentence } from './format.js';
import { govukRows } from '../report/govuk.js';

export interface TableOptions {
  readonly colour: boolean;
}

/** Marks for empty cells; the notes under each table say why. */
const SUPPRESSED = 'supp.';
const NOT_AVAILABLE = 'n/a';
const REFERENCE = 'ref';
const UNDISCLOSED = '–';

type Cell = { text: string; note?: string };
const noteOf = (note: string): [string, string] => {
  const at = note.indexOf(' ');
  return [note.slice(0, at), note.slice(at + 1)];
};

function figureCell(group: GroupReport, path: string, value: number | null, show: (n: number) => string): Cell {
  if (value !== null) return { text: show(value) };
  const reason = group.nullReasons[path] ?? 'not available';
  if (reason === 'this is the reference group') return { text: REFERENCE };
  if (reason.startsWith('not compared')) return { text: UNDISCLOSED };
  if (group.suppressed && reason.includes('fewer than')) return { text: SUPPRESSED, note: `${SUPPRESSED} ${reason}` };
  return { text: NOT_AVAILABLE, note: `${NOT_AVAILABLE} ${reason}` };
}

function table(chalk: ChalkInstance, head: string[], widths: number[], aligns: ('left' | 'right')[]) {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    colWidths: widths,
    colAligns: aligns,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
  });
}

// Widths include one space of padding each side; both tables together stay within 100 columns.
const GROUP_WIDTH = 26;

function renderView(view: CharacteristicReport, chalk: ChalkInstance): string {
  const notes = new Map<string, Set<string>>();
  const cell = (c: Cell): string => {
    if (c.note) {
      const [mark, reason] = noteOf(c.note);
      notes.set(mark, (notes.get(mark) ?? new Set()).add(reason));
    }
    return c.text === SUPPRESSED || c.text === NOT_AVAILABLE ? chalk.dim(c.text) : c.text;
  };
  const groupName = (g: GroupReport) => (g.reference ? `${g.group} (ref)` : g.group);

  const pay = table(chalk, ['Group', 'Staff', 'Mean £/h', 'Median £/h', 'Mean gap', 'Median gap'], [GROUP_WIDTH, 9, 12, 12, 11, 12], [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
  for (const g of view.groups) {
    pay.push([
      groupName(g),
      count(g.headcount),
      cell(figureCell(g, 'meanHourlyPay', g.meanHourlyPay, money)),
      cell(figureCell(g, 'medianHourlyPay', g.medianHourlyPay, money)),
      cell(figureCell(g, 'meanGapPercent', g.meanGapPercent, percent)),
      cell(figureCell(g, 'medianGapPercent', g.medianGapPercent, percent)),
    ]);
  }

  const quarterCell = (g: GroupReport, band: keyof GroupReport['quartiles']): string => {
    const q = g.quartiles[band];
    if (q.percent !== null) return percent(q.percent);
    return cell(figureCell(g, 'quartiles', null, percent));
  };
  const bonus = table(
    chalk,
    ['Group', 'Bonus\nreceived', 'Bonus\nmean gap', 'Bonus\nmedian gap', 'Lower', 'Lower\nmiddle', 'Upper\nmiddle', 'Upper'],
    [GROUP_WIDTH, 10, 10, 12, 8, 8, 8, 8],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  for (const g of view.groups) {
    bonus.push([
      groupName(g),
      cell(figureCell(g, 'bonus.receivingPercent', g.bonus.receivingPercent, percent)),
      cell(figureCell(g, 'bonus.meanGapPercent', g.bonus.meanGapPercent, percent)),
      cell(figureCell(g, 'bonus.medianGapPercent', g.bonus.medianGapPercent, percent)),
      quarterCell(g, 'lower'),
      quarterCell(g, 'lowerMiddle'),
      quarterCell(g, 'upperMiddle'),
      quarterCell(g, 'upper'),
    ]);
  }

  const lines: string[] = [];
  lines.push(chalk.bold.underline(view.title));
  const d = view.disclosure;
  const q = view.quartileSizes;
  lines.push(
    `Reference group: ${view.referenceGroup}. Disclosure: ${d.ratePercent === null ? NOT_AVAILABLE : percent(d.ratePercent)} ` +
      `(${count(d.disclosed)} disclosed, ${count(d.notDisclosed)} not).`,
  );
  for (const e of view.excluded) {
    lines.push(`Not in this view: ${count(e.relevant)} relevant employees (${count(e.fullPay)} full-pay) with ${e.reason}.`);
  }
  lines.push(pay.toString());
  const sentence = perPoundLine(view);
  if (sentence) lines.push(sentence);
  const intervals = confidenceLines(view);
  if (intervals) lines.push(intervals);
  lines.push(bonus.toString());
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
    if (parts.length > 0) out.push(`  ${g.group}: ${parts.join('; ')}`);
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
    return `Median hourly pay: ${perPoundSentence(reference.group, g.group, g.medianGapPercent as number)}.`;
  }
  const list = compared.map((g) => `${g.group} ${perPound(g.medianGapPercent as number)}`).join(', ');
  return wrap(`Median hourly pay: for every £1 ${people(reference.group)} earn, ${list}.`, 100);
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
    if (source.from === 'config' || source.from === 'config and command line') fromConfig.set(source.file, [...(fromConfig.get(source.file) ?? []), name]);
    if (source.from === 'command line' || source.from === 'config and command line') fromCommandLine.push(name);
  }
  const parts = [...fromConfig].map(([file, names]) => `from ${file}: ${names.join(', ')}`);
  if (fromCommandLine.length > 0) parts.push(`command line: ${fromCommandLine.join(', ')}`);
  if (entries.some(([, source]) => source.from === 'default')) parts.push(parts.length === 0 ? 'all default' : 'others default');
  return parts.join('; ');
}

function renderHeader(report: Report, chalk: ChalkInstance): string {
  const p = report.population;
  const m = report.method;
  const label = (text: string) => chalk.bold(text.padEnd(14));
  const lines = [
    chalk.bold(`paygap ${report.tool.version}: pay gap report`),
    `${label('File')}${report.input.file} (sha256 ${report.input.sha256.slice(0, 12)}…${formatNote(report.input)})`,
    `${label('Snapshot')}${report.snapshotDate ?? 'not given (use --snapshot-date)'}`,
    `${label('Hourly pay')}${m.payMethod}: ${m.payMethodReason}`,
    `${label('Unit')}${m.unit}: ${m.unitReason}`,
  ];
  const settings = settingsLine(m.settingSources);
  if (settings !== undefined) lines.push(wrap(`${label('Settings')}${settings}`, 100, ' '.repeat(14)));
  lines.push(
    `${label('Population')}${count(p.rowsRead)} rows read: ${count(p.rowsValid)} valid, ${count(p.rowsInvalid)} invalid; ` +
      `${count(p.relevantEmployees)} relevant employees, ${count(p.fullPayEmployees)} on full pay`,
  );
  for (const e of p.exclusions) lines.push(`${label('Excluded')}${count(e.count)} ${e.reason}`);
  lines.push(
    `${label('Small groups')}${m.minGroupSize > 0 ? `figures for groups of fewer than ${m.minGroupSize} are suppressed (--min-group-size)` : 'no suppression (--min-group-size 0)'}`,
  );
  lines.push(`${label('Gaps')}(reference − group) ÷ reference; positive means the group is paid less`);
  for (const w of report.warnings) lines.push(chalk.yellow(`${label('Warning')}${w}`));
  return lines.join('\n');
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** "; semicolon-delimited, utf16le" when the file is not plain comma-separated UTF-8. */
function formatNote(input: Report['input']): string {
  const notes: string[] = [];
  if (input.delimiter !== ',') notes.push(`${DELIMITER_NAMES[input.delimiter] ?? JSON.stringify(input.delimiter)}-delimited`);
  if (input.encoding !== 'utf8') notes.push(input.encoding);
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
  return `${parts.join('\n\n')}\n`;
}

/** The GOV.UK gender pay gap service's 14 figures, as they are entered there. */
function renderGovuk(s: GovukSubmission, chalk: ChalkInstance): string {
  const table = new Table({ head: ['Figure', 'Value'].map((h) => chalk.bold(h)), colWidths: [44, 18], colAligns: ['left', 'right'], style: { head: [], border: [], compact: true } });
  table.push(...govukRows(s));
  return [chalk.bold.underline('Figures for the GOV.UK gender pay gap service'), table.toString(), ...s.notes.map((n) => chalk.dim(`Note: ${n}.`))].join('\n');
}

const withheldNote = (n: number) => `${n} more cell${n === 1 ? '' : 's'} withheld so that suppressed figures cannot be worked out from totals.`;

/**
 * A breakdown as one table per two-group view (sex, White / BME, White British / ethnic
 * minority, disability): each subgroup's headcounts, gaps and the group's share of it.
 * Views with more groups are in the JSON output.
 */
function renderBreakdown(b: Breakdown, chalk: ChalkInstance): string {
  const label = { staffGroup: 'staff group', grade: 'grade', band: 'pay band' }[b.within] ?? b.within;
  const lines = [chalk.bold.underline(`Within each ${label}`)];
  const first = b.subgroups[0];
  if (first === undefined) return lines.join('\n');
  first.characteristics.forEach((view, v) => {
    const compared = view.groups.filter((g) => !g.reference && g.comparable);
    const reference = view.groups.find((g) => g.reference);
    if (compared.length !== 1 || reference === undefined) return;
    const group = compared[0] as GroupReport;
    const table = new Table({
      head: [label[0]!.toUpperCase() + label.slice(1), reference.group, group.group, 'Mean gap', 'Median gap', `${group.group} share`].map((h) => chalk.bold(h)),
      colWidths: [26, 12, 12, 10, 11, 12],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
      wordWrap: true,
      style: { head: [], border: [], compact: true },
    });
    for (const sg of b.subgroups) {
      const here = sg.characteristics[v] as CharacteristicReport;
      const r = here.groups.find((g) => g.reference) as GroupReport;
      const g = here.groups.find((x) => x.group === group.group) as GroupReport;
      const composition = b.composition[v]?.rows.find((row) => row.subgroup === sg.subgroup)?.groups.find((x) => x.group === group.group);
      const gapCell = (value: number | null, path: string) =>
        value !== null ? percent(value) : chalk.dim(/fewer than|withheld/.test(g.nullReasons[path] ?? '') ? SUPPRESSED : NOT_AVAILABLE);
      table.push([
        sg.subgroup,
        count(r.headcount),
        count(g.headcount),
        gapCell(g.meanGapPercent, 'meanGapPercent'),
        gapCell(g.medianGapPercent, 'medianGapPercent'),
        composition?.percentOfSubgroup == null ? NOT_AVAILABLE : percent(composition.percentOfSubgroup),
      ]);
    }
    lines.push('', `${view.title}: ${group.group} against ${reference.group}`, table.toString());
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
