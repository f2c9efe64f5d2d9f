import type { Workbook } from 'exceljs';
import type { CharacteristicReport, Composition, GroupReport } from '../report/model.js';
import { MEASURES, stateOf, valueOf } from '../report/measures.js';
import { missingLabel, reasonText } from './reasons.js';
import { addRow, measureValue, percent, text, title, widths, type Value } from './xlsx-cells.js';

/**
 * One sheet per view of the workbook: a row per group (per subgroup and group for a
 * breakdown), a column per measure of the catalogue, so the columns follow the measures
 * declared once. A figure that is not shown is the word documents use ("withheld",
 * "reference", "–", "n/a"), never a number; the last column says why in words.
 */
export interface ViewRows {
  readonly subgroup?: string;
  readonly view: CharacteristicReport;
}

export interface ViewSheet {
  readonly name: string;
  readonly heading: string;
  readonly rows: readonly ViewRows[];
  /** A breakdown's composition of this view: each group's share of each subgroup. */
  readonly composition?: Composition | undefined;
  /** Lines under the heading (reference group, disclosure, what is left out). */
  readonly notes: readonly string[];
}

const CI_HEADINGS = [
  'Mean gap: interval low',
  'Mean gap: interval high',
  'Mean gap distinguishable from no gap',
  'Median gap: interval low',
  'Median gap: interval high',
  'Median gap distinguishable from no gap',
];

export function addViewSheet(book: Workbook, sheet: ViewSheet): void {
  const ws = book.addWorksheet(sheet.name);
  title(ws, sheet.heading);
  for (const note of sheet.notes) ws.addRow([note]);
  ws.addRow([]);
  const groups = sheet.rows.flatMap((r) => r.view.groups.map((g) => ({ subgroup: r.subgroup, group: g })));
  const withSubgroup = sheet.rows.some((r) => r.subgroup !== undefined);
  const withCi = groups.some((x) => x.group.confidence !== null);
  const withComposition = sheet.composition !== undefined;
  const heads = [
    ...(withSubgroup ? ['Subgroup'] : []),
    'Group',
    ...MEASURES.map((m) => m.label),
    ...(withComposition ? ['Share of the subgroup', 'Share of the group found here'] : []),
    ...(withCi ? CI_HEADINGS : []),
    'Why figures are missing',
  ];
  const header = addRow(ws, heads.map(text), true);
  header.alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: withSubgroup ? 2 : 1 }];
  for (const { subgroup, group } of groups) {
    addRow(ws, [
      ...(withSubgroup ? [text(subgroup ?? '')] : []),
      text(group.group),
      ...MEASURES.map((m) => figure(group, m)),
      ...(withComposition ? compositionCells(sheet.composition as Composition, subgroup, group.group) : []),
      ...(withCi ? intervalCells(group) : []),
      text(whyMissing(group)),
    ]);
  }
  widths(ws, withSubgroup ? 24 : 36, 14, heads.length);
  if (withSubgroup) ws.getColumn(2).width = 36;
  ws.getColumn(heads.length).width = 60;
}

function figure(group: GroupReport, m: (typeof MEASURES)[number]): Value {
  const value = valueOf(group, m);
  return value === null ? missingLabel(stateOf(group, m)) : measureValue(m, value);
}

function compositionCells(composition: Composition, subgroup: string | undefined, group: string): Value[] {
  const cell = composition.rows.find((r) => r.subgroup === subgroup)?.groups.find((g) => g.group === group);
  return [percent(cell?.percentOfSubgroup ?? null), percent(cell?.percentOfGroup ?? null)];
}

function intervalCells(group: GroupReport): Value[] {
  const c = group.confidence;
  return [c?.meanGapPercent ?? null, c?.medianGapPercent ?? null].flatMap((x): Value[] =>
    x === null ? [null, null, null] : [percent(x.low), percent(x.high), x.distinguishable ? 'yes' : 'no'],
  );
}

/** Every missing figure's reason, once each: "Mean hourly pay gap: this is the reference group; …". */
function whyMissing(group: GroupReport): string {
  const seen = new Map<string, string[]>();
  for (const m of MEASURES) {
    const state = stateOf(group, m);
    if (state === undefined) continue;
    const reason = reasonText(state);
    const labels = seen.get(reason) ?? [];
    if (m.key === 'quartiles') {
      if (!labels.includes('pay quarters')) labels.push('pay quarters');
    } else labels.push(m.label);
    seen.set(reason, labels);
  }
  return [...seen].map(([reason, labels]) => `${labels.join(', ')}: ${reason}`).join('; ');
}

/** The lines under a view's heading. */
export function viewNotes(view: CharacteristicReport): string[] {
  const disclosed = view.disclosure.ratePercent;
  const notes = [`Reference group: ${view.referenceGroup}`];
  if (disclosed !== null) notes.push(`Disclosure: ${view.disclosure.disclosed.toLocaleString('en-GB')} of ${(view.disclosure.disclosed + view.disclosure.notDisclosed).toLocaleString('en-GB')} relevant employees (${disclosed.toFixed(1)}%)`);
  for (const x of view.excluded) notes.push(`Left out of this view: ${x.relevant.toLocaleString('en-GB')} relevant employees (${x.fullPay.toLocaleString('en-GB')} on full pay): ${x.reason}`);
  return notes;
}
