import type { DataQuality } from '../ingest/quality.js';
import { count } from '../render/format.js';
import { placeOf } from '../ingest/row-place.js';

/**
 * The invalid-row listing for stderr: the first rows in full (line, column, value, what was
 * expected), then every invalid row counted by reason. Values appear here only, never in
 * reports.
 */
export function invalidRowsListing(quality: DataQuality): string {
  if (quality.rowsInvalid === 0) return '';
  const lines = [`paygap: ${count(quality.rowsInvalid)} of ${count(quality.rowsRead)} rows are invalid and left out:`];
  for (const issue of quality.firstIssues) {
    const place = placeOf(quality.places, issue.line);
    const value = issue.value === '' ? 'blank' : JSON.stringify(issue.value.length > 60 ? `${issue.value.slice(0, 60)}…` : issue.value);
    lines.push(
      issue.column === '(row)'
        ? `  ${place}: ${issue.message}${issue.value === '' ? '' : ` (found ${issue.value})`}`
        : `  ${place}, ${issue.column} = ${value}: ${issue.message}`,
    );
  }
  if (quality.issueCount > quality.firstIssues.length || quality.invalidByReason.length > 1) {
    lines.push(`  invalid rows by reason${quality.issueCount > quality.firstIssues.length ? ` (${count(quality.issueCount - quality.firstIssues.length)} issues not shown above)` : ''}:`);
    const width = count(quality.invalidByReason[0]?.count ?? 0).length;
    for (const r of quality.invalidByReason) lines.push(`  ${count(r.count).padStart(width)}  ${r.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
