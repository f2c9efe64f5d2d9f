import type { DataQuality } from '../ingest/quality.js';
import type { Plausibility } from '../ingest/plausibility.js';
import type { RowIssue } from '../ingest/validate-row.js';
import { excerpt, shortened } from '../errors.js';
import { count } from '../render/format.js';
import { placeOf } from '../ingest/row-place.js';
import { terminalText as tt } from '../render/terminal-text.js';

/**
 * The invalid-row listing for stderr: the first rows in full (line, column, value, what was
 * expected), then every invalid row counted by reason. Values appear here only, never in
 * reports. Columns, values and messages come from the export, so each goes through
 * terminalText before it reaches the terminal.
 */
export function invalidRowsListing(quality: DataQuality): string {
  if (quality.rowsInvalid === 0) return '';
  const lines = [`paygap: ${count(quality.rowsInvalid)} of ${count(quality.rowsRead)} rows ${quality.rowsInvalid === 1 ? 'is' : 'are'} invalid and left out:`];
  for (const issue of quality.firstIssues) lines.push(issueLine(issue, placeOf(quality.places, issue.line)));
  if (quality.issueCount > quality.firstIssues.length || quality.invalidByReason.length > 1) {
    lines.push(`  invalid rows by reason${quality.issueCount > quality.firstIssues.length ? ` (${count(quality.issueCount - quality.firstIssues.length)} issues not shown above)` : ''}:`);
    const width = count(quality.invalidByReason[0]?.count ?? 0).length;
    for (const r of quality.invalidByReason) lines.push(`  ${count(r.count).padStart(width)}  ${tt(r.reason)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One issue: where (line, or a workbook's sheet and row), column and value (quoted short, with its length when long), and the problem. */
function issueLine(issue: RowIssue, place: string): string {
  if (issue.column === '(row)') return `  ${tt(place)}: ${tt(issue.message)}${issue.value === '' ? '' : ` (found ${tt(shortened(issue.value))})`}`;
  return `  ${tt(place)}, ${tt(shortened(issue.column))} = ${issue.value === '' ? 'blank' : tt(excerpt(issue.value))}: ${tt(issue.message)}`;
}

/**
 * Implausible values (METHOD §2.7) with their values, for stderr only: the report's warnings
 * name the lines and the rule, never an individual's pay. Under --strict they are invalid rows
 * and listed with them instead.
 */
export function implausibleListing(found: Plausibility, strict: boolean): string {
  if (strict || found.rows.length === 0) return '';
  const n = found.rows.length;
  const lines = [`paygap: ${count(n)} row${n === 1 ? ' has values' : 's have values'} that no contract or pay scale has (left in the figures; --strict makes them invalid):`];
  for (const issue of found.first) lines.push(`  line ${issue.line}, ${tt(shortened(issue.column))} = ${tt(issue.value)}: ${tt(issue.message)}`);
  const listed = new Set(found.first.map((i) => i.line)).size;
  if (n > listed) lines.push(`  and ${count(n - listed)} more rows (the warnings give their lines)`);
  return `${lines.join('\n')}\n`;
}
