import Table from 'cli-table3';
import { count, percent } from './format.js';
import type { QualityReport } from '../report/build-quality.js';

export function renderQualityJson(report: QualityReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const plainTable = (head: string[]) => new Table({ head, style: { head: [], border: [], compact: true } });

/** The data-quality report as text tables. */
export function renderQualityTable(report: QualityReport): string {
  const r = report.rows;
  const out: string[] = [
    `Data quality: ${report.input.file}`,
    `Rows: ${count(r.read)} read, ${count(r.valid)} valid, ${count(r.invalid)} invalid; ` +
      `${count(r.assignmentsUsed)} assignments form ${count(r.units)} units (${report.unit}); pay method ${report.payMethod}`,
  ];
  const columns = plainTable(['Field', 'Header in file', 'Matched by']);
  for (const c of report.columns) columns.push([c.field, c.summedFrom?.join(' + ') ?? c.header ?? '(not found)', c.matchedBy ?? '']);
  out.push('', 'Columns', columns.toString());
  if (report.ignoredHeaders.length > 0) out.push(`Ignored headers: ${report.ignoredHeaders.join(', ')}`);
  if (report.invalidByReason.length > 0) {
    const reasons = plainTable(['Invalid rows', 'Reason']);
    for (const x of report.invalidByReason) reasons.push([count(x.count), x.reason]);
    out.push('', 'Invalid rows by reason', reasons.toString());
  }
  for (const x of report.rowsNotUsed) out.push(`Not used: ${count(x.count)} ${x.reason}`);
  if (report.unrecognised.length > 0) {
    const unknown = plainTable(['Field', 'Value', 'Rows', 'Read as']);
    for (const u of report.unrecognised) {
      unknown.push([u.field, JSON.stringify(u.value), count(u.count), u.field === 'sex' ? 'Not recorded' : 'Unknown']);
    }
    out.push('', 'Unrecognised codes', unknown.toString());
  }
  for (const c of report.characteristics) {
    const t = plainTable(['Group', 'Count', 'Disclosed']);
    for (const g of c.groups) t.push([g.group, count(g.count), g.disclosed ? 'yes' : 'no']);
    out.push('', `${c.characteristic}: disclosure ${c.ratePercent === null ? 'n/a' : percent(c.ratePercent)} (${count(c.disclosed)} of ${count(c.disclosed + c.notDisclosed)})`, t.toString());
  }
  for (const w of report.warnings) out.push(`Warning: ${w}`);
  return `${out.join('\n')}\n`;
}
