import type { Workbook, Worksheet } from 'exceljs';
import type { Breakdown, CharacteristicReport, GovukSubmission, Report } from '../report/model.js';
import { addRow, count, percent, text, title, widths, type Value } from './xlsx-cells.js';
import { addViewSheet, viewNotes, type ViewSheet } from './xlsx-views.js';
import { addExplainSheet } from './xlsx-explain.js';
import { explainedViews } from './explain-words.js';
import { disclosureSentence } from './format.js';
import { inputFileText } from './input-files.js';
import { govukNoteText, missingLabel } from './reasons.js';

/**
 * `--format xlsx`: the report as an Excel workbook, for analysts who work in spreadsheets.
 * A Summary sheet (what was read, the method in brief, the headline gaps and a list of the
 * sheets), one sheet per view (headline views, intersections, and each view within the
 * subgroups of --within), with --explain a sheet per decomposed view, the GOV.UK figures, and the Method sheet (settings and where they
 * came from, every exclusion, disclosure control, warnings). Numbers are real numbers with
 * number formats (money £#,##0.00, percentages 0.0%, counts #,##0), unrounded; a figure that
 * is not shown is a word. exceljs (loaded only for this format) builds the file in memory:
 * a report is small, whatever the export's size.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = `paygap ${report.tool.version}`;
  // No clock in a renderer: the workbook is dated by the snapshot it describes, if any.
  const dated = report.snapshotDate === null ? new Date(0) : new Date(`${report.snapshotDate}T00:00:00Z`);
  book.created = dated;
  book.modified = dated;
  const used = new Set(['summary', 'gov.uk', 'method']);
  const sheets = viewSheets(report, used);
  const explained = explainedViews(report).map((e) => ({ name: sheetName(`Why – ${shortName(e.view)}`, used), heading: `Why the mean gaps: ${e.view.title}`, explained: e }));
  addSummary(book, report, [...sheets, ...explained]);
  for (const sheet of sheets) addViewSheet(book, sheet);
  for (const sheet of explained) addExplainSheet(book, sheet.name, sheet.explained);
  if (report.govukSubmission !== null) addGovuk(book, report.govukSubmission);
  addMethod(book, report);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique (ignoring case). */
export function sheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${clean.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** "Sex", "Ethnicity (broad)", "Sex × binary": short enough for a sheet tab. */
function shortName(view: CharacteristicReport): string {
  if (view.characteristic.includes('×')) return capital(view.view.replace('×', ' × '));
  return view.characteristic === view.view ? capital(view.view) : `${capital(view.characteristic)} (${view.view})`;
}

function viewSheets(report: Report, used: Set<string>): ViewSheet[] {
  const headline = [...report.characteristics, ...report.intersections].map(
    (view): ViewSheet => ({ name: sheetName(shortName(view), used), heading: view.title, rows: [{ view }], notes: viewNotes(view) }),
  );
  return [...headline, ...report.breakdowns.flatMap((b) => breakdownSheets(b, used))];
}

/** A breakdown: one sheet per view, a row per subgroup and group. */
function breakdownSheets(b: Breakdown, used: Set<string>): ViewSheet[] {
  const first = b.subgroups[0];
  if (first === undefined) return [];
  return first.characteristics.map((view, v) => ({
    name: sheetName(`${capital(b.within)} – ${shortName(view)}`, used),
    heading: `${view.title}, within each ${b.within}`,
    rows: b.subgroups.map((sg) => ({ subgroup: sg.subgroup, view: sg.characteristics[v] as CharacteristicReport })),
    composition: b.composition.find((c) => c.characteristic === view.characteristic && c.view === view.view),
    notes: [`Reference group: ${view.referenceGroup}`, `Every figure is computed inside each ${b.within}, with the same rules as the headline figures.`],
  }));
}

function keyValues(sheet: Worksheet, rows: readonly (readonly [string, Value | string])[]): void {
  for (const [label, value] of rows) addRow(sheet, [text(label), typeof value === 'string' ? text(value) : value]);
}

function addSummary(book: Workbook, report: Report, sheets: readonly { readonly name: string; readonly heading: string }[]): void {
  const ws = book.addWorksheet('Summary');
  const p = report.population;
  const m = report.method;
  title(ws, 'Pay gaps');
  keyValues(ws, [
    ['File', report.input.file],
    ...(report.input.sheet === undefined ? [] : [['Sheet read', `${report.input.sheet} (header on row ${report.input.headerRow})`] as const]),
    ['SHA-256', report.input.sha256],
    ...(report.inputs ?? []).map((i) => ['Each file', inputFileText(i, (s) => s)] as const),
    ['Snapshot date', report.snapshotDate ?? 'not given'],
    ['Rows read', count(p.rowsRead)],
    ['Valid rows', count(p.rowsValid)],
    ['Invalid rows', count(p.rowsInvalid)],
    ['Relevant employees', count(p.relevantEmployees)],
    ['Full-pay relevant employees', count(p.fullPayEmployees)],
    ['Pay method', `${m.payMethod} (${m.payMethodReason})`],
    ['Counted', `${m.unit} (${m.unitReason})`],
    ['Small groups', disclosureSentence(report.disclosureControl, m.minGroupSize)],
    ['Gaps', '(reference − group) ÷ reference; positive means the group is paid less'],
    ['Made by', `paygap ${report.tool.version}`],
  ]);
  ws.addRow([]);
  addRow(ws, ['Headline', 'Group', 'Full-pay staff', 'Mean gap', 'Median gap'].map(text), true);
  for (const view of report.characteristics) {
    for (const g of view.groups) {
      if (g.reference || !g.comparable) continue;
      const word = (v: number | null, key: 'meanGapPercent' | 'medianGapPercent') => (v === null ? missingLabel(g.status[key]) : percent(v));
      addRow(ws, [text(view.title), text(`${g.group} (vs ${view.referenceGroup})`), count(g.headcount), word(g.meanGapPercent, 'meanGapPercent'), word(g.medianGapPercent, 'medianGapPercent')]);
    }
  }
  ws.addRow([]);
  addRow(ws, [text('Sheets'), text('Contents')], true);
  for (const s of sheets) addRow(ws, [text(s.name), text(s.heading)]);
  if (report.govukSubmission !== null) addRow(ws, [text('GOV.UK'), text('The 14 figures for the gender pay gap service')]);
  addRow(ws, [text('Method'), text('Settings and where each came from, exclusions, disclosure control, warnings')]);
  widths(ws, 36, 16, 5);
  ws.getColumn(2).width = 48;
}

const GOVUK_ROWS: readonly (readonly [string, (s: GovukSubmission) => number | null])[] = [
  ['Mean gender pay gap (hourly pay)', (s) => s.meanHourlyPayGapPercent],
  ['Median gender pay gap (hourly pay)', (s) => s.medianHourlyPayGapPercent],
  ['Mean bonus gender pay gap', (s) => s.meanBonusGapPercent],
  ['Median bonus gender pay gap', (s) => s.medianBonusGapPercent],
  ['Men receiving a bonus', (s) => s.malesReceivingBonusPercent],
  ['Women receiving a bonus', (s) => s.femalesReceivingBonusPercent],
  ['Lower quarter: men', (s) => s.lowerQuarter.male],
  ['Lower quarter: women', (s) => s.lowerQuarter.female],
  ['Lower middle quarter: men', (s) => s.lowerMiddleQuarter.male],
  ['Lower middle quarter: women', (s) => s.lowerMiddleQuarter.female],
  ['Upper middle quarter: men', (s) => s.upperMiddleQuarter.male],
  ['Upper middle quarter: women', (s) => s.upperMiddleQuarter.female],
  ['Upper quarter: men', (s) => s.upperQuarter.male],
  ['Upper quarter: women', (s) => s.upperQuarter.female],
];

/** The 14 figures as the service asks for them (one decimal place); a blank figure is left blank. */
function addGovuk(book: Workbook, s: GovukSubmission): void {
  const ws = book.addWorksheet('GOV.UK');
  title(ws, 'GOV.UK gender pay gap service: the figures to enter');
  ws.addRow(['One decimal place, men as the reference, never withheld (as the regulations require).']);
  ws.addRow([]);
  addRow(ws, [text('Figure'), text('Value')], true);
  for (const [label, of] of GOVUK_ROWS) addRow(ws, [text(label), percent(of(s))]);
  if (s.notes.length > 0) ws.addRow([]);
  for (const note of s.notes) ws.addRow([govukNoteText(note)]);
  widths(ws, 40, 12, 2);
}

function addMethod(book: Workbook, report: Report): void {
  const ws = book.addWorksheet('Method');
  const m = report.method;
  title(ws, 'Method');
  keyValues(ws, [
    ['Pay method', m.payMethod],
    ['Why', m.payMethodReason],
    ['Unit', m.unit],
    ['Why', m.unitReason],
    ['Pay period', `${m.payPeriod} (${m.daysInPeriod} days)`],
    ['Salary basis', m.salaryBasis],
    ['Minimum group size', count(m.minGroupSize)],
    ['Hourly pay rounded to', `${m.hourlyPayDecimals} decimal places before ranking`],
    ['Full Pay column', m.fullPayColumn ? 'yes' : 'no: everyone with positive pay counts as on full pay'],
    ['Bonus column', m.bonusColumn ? 'yes' : 'no'],
  ]);
  section(ws, ['Field', 'Read from column'], Object.entries(m.columns).map(([field, header]) => [text(field), text(header as string)]));
  section(ws, ['Setting', 'Came from'], Object.entries(m.settingSources).map(([name, s]) => [text(name), text('file' in s ? `${s.from} (${s.file})` : s.from)]));
  section(ws, ['Left out', 'Count', 'Stage'], report.population.exclusions.map((e) => [text(e.reason), count(e.count), text(e.stage)]));
  const d = report.disclosureControl;
  section(ws, ['Disclosure control', ''], [[text(disclosureSentence(d, m.minGroupSize)), null]]);
  if (d !== null && d.protecting.length > 0) {
    section(ws, ['Withheld to protect another cell: section', 'Subgroup', 'Characteristic', 'View', 'Group', 'Figures'],
      d.protecting.map((c) => [c.section, c.subgroup ?? '', c.characteristic, c.view, c.group, c.figures].map(text)));
  }
  if (report.warnings.length > 0) section(ws, ['Warnings'], report.warnings.map((w) => [text(w)]));
  widths(ws, 48, 18, 6);
}

/** A blank line, a bold heading row, then the rows. */
function section(ws: Worksheet, heads: readonly string[], rows: readonly (readonly (Value | { readonly text: string })[])[]): void {
  ws.addRow([]);
  addRow(ws, heads.map(text), true);
  for (const row of rows) addRow(ws, row);
}
