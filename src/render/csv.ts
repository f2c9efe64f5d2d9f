import type { CharacteristicReport, GroupReport, Report } from '../report/model.js';

/**
 * `--format csv`: tidy long format, one row per section, subgroup, characteristic, view,
 * group and measure, for spreadsheets and BI tools. Columns and row order are stable.
 * Numbers are unrounded and plain (a negative gap stays a number); text cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) are
 * prefixed with an apostrophe.
 */
export const CSV_COLUMNS = ['section', 'subgroup', 'characteristic', 'view', 'group', 'reference_group', 'measure', 'value', 'unit', 'population', 'status', 'reason'];

type Row = [string, string, string, string, string, string, string, number | null, string, string, string, string];

const MEASURES: readonly { measure: string; path: string; unit: string; population: string }[] = [
  { measure: 'headcount', path: 'headcount', unit: 'people', population: 'full-pay' },
  { measure: 'relevant_headcount', path: 'relevantHeadcount', unit: 'people', population: 'relevant' },
  { measure: 'mean_hourly_pay', path: 'meanHourlyPay', unit: 'GBP per hour', population: 'full-pay' },
  { measure: 'median_hourly_pay', path: 'medianHourlyPay', unit: 'GBP per hour', population: 'full-pay' },
  { measure: 'mean_gap', path: 'meanGapPercent', unit: 'percent', population: 'full-pay' },
  { measure: 'median_gap', path: 'medianGapPercent', unit: 'percent', population: 'full-pay' },
  { measure: 'bonus_recipients', path: 'bonus.recipients', unit: 'people', population: 'relevant' },
  { measure: 'bonus_receiving', path: 'bonus.receivingPercent', unit: 'percent', population: 'relevant' },
  { measure: 'mean_bonus', path: 'bonus.mean', unit: 'GBP', population: 'bonus recipients' },
  { measure: 'median_bonus', path: 'bonus.median', unit: 'GBP', population: 'bonus recipients' },
  { measure: 'mean_bonus_gap', path: 'bonus.meanGapPercent', unit: 'percent', population: 'bonus recipients' },
  { measure: 'median_bonus_gap', path: 'bonus.medianGapPercent', unit: 'percent', population: 'bonus recipients' },
  ...(['lower', 'lowerMiddle', 'upperMiddle', 'upper'] as const).flatMap((band) => [
    { measure: `quarter_${band}_count`, path: `quartiles.${band}.count`, unit: 'people', population: 'full-pay' },
    { measure: `quarter_${band}_share`, path: `quartiles.${band}.percent`, unit: 'percent', population: 'full-pay' },
  ]),
];

function valueAt(group: GroupReport, path: string): number | null {
  let value: unknown = group;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
  return typeof value === 'number' ? value : null;
}

function reasonFor(group: GroupReport, path: string): string {
  const key = path.startsWith('quartiles.') ? 'quartiles' : path;
  return group.nullReasons[key] ?? '';
}

function viewRows(section: string, subgroup: string, view: CharacteristicReport): Row[] {
  const rows: Row[] = [];
  for (const g of view.groups) {
    for (const m of MEASURES) {
      const value = valueAt(g, m.path);
      const reason = value === null ? reasonFor(g, m.path) : '';
      const status = value !== null ? 'shown' : /fewer than|withheld/.test(reason) ? 'suppressed' : 'not-applicable';
      rows.push([section, subgroup, view.characteristic, view.view, g.group, view.referenceGroup, m.measure, value, m.unit, m.population, status, reason]);
    }
  }
  return rows;
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
  for (const view of report.characteristics) rows.push(...viewRows('headline', '', view));
  for (const view of report.intersections) rows.push(...viewRows('intersection', '', view));
  for (const b of report.breakdowns) {
    for (const sg of b.subgroups) for (const view of sg.characteristics) rows.push(...viewRows(`within ${b.within}`, sg.subgroup, view));
  }
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
