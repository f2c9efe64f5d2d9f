import { count, percent } from './format.js';
import type { QualityReport } from '../report/build-quality.js';
import { textTable } from './text-table.js';
import { terminalText as tt } from './terminal-text.js';
import { jsonText } from './json-text.js';

export function renderQualityJson(report: QualityReport): string {
  return jsonText(report);
}

/**
 * The data-quality report as text tables. Headers, values, groups, the file name and
 * warnings come from the export, so each goes through terminalText; tables of any length
 * (500,000 unrecognised values) are drawn in linear time (textTable).
 */
export function renderQualityTable(report: QualityReport): string {
  const r = report.rows;
  const out: string[] = [
    `Data quality: ${tt(report.input.file)}${report.input.sheet === undefined ? '' : ` (sheet ${tt(report.input.sheet)}, header on row ${report.input.headerRow})`}`,
    `Rows: ${count(r.read)} read, ${count(r.valid)} valid, ${count(r.invalid)} invalid; ` +
      `${count(r.assignmentsUsed)} assignments form ${count(r.units)} units (${tt(report.unit)}); pay method ${tt(report.payMethod)}`,
  ];
  const columns = report.columns.map((c) => [c.field, c.summedFrom?.map(tt).join(' + ') ?? (c.header === null ? '(not found)' : tt(c.header)), c.matchedBy ?? '']);
  out.push('', 'Columns', textTable({ head: ['Field', 'Header in file', 'Matched by'] }, columns));
  if (report.ignoredHeaders.length > 0) out.push(`Ignored headers: ${report.ignoredHeaders.map(tt).join(', ')}`);
  if (report.invalidByReason.length > 0) {
    const reasons = report.invalidByReason.map((x) => [count(x.count), tt(x.reason)]);
    out.push('', 'Invalid rows by reason', textTable({ head: ['Invalid rows', 'Reason'] }, reasons));
  }
  for (const x of report.rowsNotUsed) out.push(`Not used: ${count(x.count)} ${tt(x.reason)}`);
  if (report.unrecognised.length > 0) {
    const unknown = report.unrecognised.map((u) => [u.field, tt(JSON.stringify(u.value)), count(u.count), u.field === 'sex' ? 'Not recorded' : 'Unknown']);
    out.push('', 'Unrecognised codes', textTable({ head: ['Field', 'Value', 'Rows', 'Read as'] }, unknown));
  }
  for (const c of report.characteristics) {
    const groups = c.groups.map((g) => [tt(g.group), count(g.count), g.disclosed ? 'yes' : 'no']);
    const rate = `disclosure ${c.ratePercent === null ? 'n/a' : percent(c.ratePercent)} (${count(c.disclosed)} of ${count(c.disclosed + c.notDisclosed)})`;
    out.push('', `${tt(c.characteristic)}: ${rate}`, textTable({ head: ['Group', 'Count', 'Disclosed'] }, groups));
  }
  for (const w of report.warnings) out.push(`Warning: ${tt(w)}`);
  return `${out.join('\n')}\n`;
}
