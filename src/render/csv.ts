import type { CharacteristicReport, Report } from '../report/model.js';
import { MEASURES, stateOf, valueOf } from '../report/measures.js';
import { reasonText } from './reasons.js';

/**
 * `--format csv`: tidy long format, one row per section, subgroup, characteristic, view,
 * group and measure, for spreadsheets and BI tools. Columns and row order are stable.
 * Numbers are unrounded and plain (a negative gap stays a number); text cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) are
 * prefixed with an apostrophe.
 */
export const CSV_COLUMNS = ['section', 'subgroup', 'characteristic', 'view', 'group', 'reference_group', 'measure', 'value', 'unit', 'population', 'status', 'reason', 'reason_code'];

type Row = [string, string, string, string, string, string, string, number | null, string, string, string, string, string];

function viewRows(section: string, subgroup: string, view: CharacteristicReport, rows: Row[]): void {
  for (const g of view.groups) {
    for (const m of MEASURES) {
      const value = valueOf(g, m);
      const state = value === null ? stateOf(g, m) : undefined;
      const status = value !== null ? 'shown' : (state?.status ?? 'not-applicable');
      const reason = state === undefined ? '' : reasonText(state);
      rows.push([section, subgroup, view.characteristic, view.view, g.group, view.referenceGroup, m.id, value, m.unit, m.population, status, reason, state?.reason.code ?? '']);
    }
  }
}

/** Text a spreadsheet could run as a formula is prefixed with an apostrophe (OWASP CSV injection). */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(report: Report): string {
  const rows: Row[] = [];
  for (const view of report.characteristics) viewRows('headline', '', view, rows);
  for (const view of report.intersections) viewRows('intersection', '', view, rows);
  for (const b of report.breakdowns) {
    for (const sg of b.subgroups) for (const view of sg.characteristics) viewRows(`within ${b.within}`, sg.subgroup, view, rows);
  }
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
