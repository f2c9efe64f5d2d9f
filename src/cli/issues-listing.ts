import type { DataQuality } from '../ingest/quality.js';
import { count } from '../render/format.js';
import { terminalText as tt } from '../render/terminal-text.js';

/**
 * The invalid-row listing for stderr: the first rows in full (line, column, value, what was
 * expected), then every invalid row counted by reason. Values appear here only, never in
 * reports. Columns, values and messages come from the export, so each goes through
 * terminalText before it reaches the terminal.
 */
export function invalidRowsListing(quality: DataQuality): string {
  if (quality.rowsInvalid === 0) return '';
  const lines = [`paygap: ${count(quality.rowsInvalid)} of ${count(quality.rowsRead)} rows are invalid and left out:`];
  for (const issue of quality.firstIssues) {
    const value = issue.value === '' ? 'blank' : JSON.stringify(issue.value.length > 60 ? `${issue.value.slice(0, 60)}…` : issue.value);
    lines.push(
      issue.column === '(row)'
        ? `  line ${issue.line}: ${tt(issue.message)}${issue.value === '' ? '' : ` (found ${tt(issue.value)})`}`
        : `  line ${issue.line}, ${tt(issue.column)} = ${tt(value)}: ${tt(issue.message)}`,
    );
  }
  if (quality.issueCount > quality.firstIssues.length || quality.invalidByReason.length > 1) {
    lines.push(`  invalid rows by reason${quality.issueCount > quality.firstIssues.length ? ` (${count(quality.issueCount - quality.firstIssues.length)} issues not shown above)` : ''}:`);
    const width = count(quality.invalidByReason[0]?.count ?? 0).length;
    for (const r of quality.invalidByReason) lines.push(`  ${count(r.count).padStart(width)}  ${tt(r.reason)}`);
  }
  return `${lines.join('\n')}\n`;
}
