import { beforeAll, describe, expect, it } from 'vitest';
import { reportOfText } from '../helpers/pipeline.js';
import { runCli } from '../helpers/run-cli.js';
import type { Report } from '../../src/report/model.js';
import { renderJson } from '../../src/render/json.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { renderTable } from '../../src/render/table.js';

/**
 * Every renderer at the scale of a free-text column: a --characteristic with 100,000
 * distinct values, and `validate` with 500,000 unrecognised codes. They must finish without
 * error (no array spread into a call, no cli-table3 with half a million rows, nothing
 * quadratic). How long they take is measured in benchmarks, not here.
 */
const GROUPS = 100_000;

/** One person per value, built as one string (fast to generate). */
function manyValues(n: number, column: string, value: (i: number) => string): string {
  const lines = new Array<string>(n + 1);
  lines[0] = `Employee Number,Gender,Hourly Rate,${column}`;
  for (let i = 0; i < n; i++) lines[i + 1] = `${i},${i % 2 ? 'Male' : 'Female'},${10 + (i % 50)},${value(i)}`;
  return `${lines.join('\n')}\n`;
}

/**
 * Searching outputs of 25-250 MB: a pattern run over the whole text, or a split into millions
 * of lines, cost the test seconds more than the renderer it checks.
 */
function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) n++;
  return n;
}
/** The whole line holding `part` (its first occurrence). */
function lineOf(text: string, part: string): string {
  const at = text.indexOf(part);
  if (at === -1) return '';
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}

describe(`a characteristic of ${GROUPS.toLocaleString('en-GB')} groups`, () => {
  let report: Report;
  beforeAll(async () => {
    const text = manyValues(GROUPS, 'Religion', (i) => `v${i}`);
    // Figures shown (no suppression), so every group has its sentences, rows and cells.
    ({ report } = await reportOfText(text, { extra: [{ name: 'religion', header: 'Religion', kind: 'column' }], minGroupSize: 0 }));
    expect(report.characteristics.find((c) => c.characteristic === 'religion')?.groups.length).toBe(GROUPS);
  }, 300_000);

  it.each([
    ['table', (r: Report) => renderTable(r, { colour: false }), '│ v99999 '],
    ['json', renderJson, '"group": "v99999"'],
    ['csv', renderCsv, ',v99999,'],
    ['markdown', renderMarkdown, '| v99999 |'],
    ['html', (r: Report) => renderHtml(r), '<th scope="row">v99999</th>'],
  ] as const)('renders as %s', (_format, render, last) => {
    const out = render(report);
    expect(out).toContain(last);
    if (_format === 'csv') expect(count(out, '\r\n')).toBe(1 + (2 + GROUPS) * 22);
    if (_format === 'html') expect(out).toContain('100,000 groups are too many to chart');
    if (_format === 'markdown') expect(out).toContain('Median hourly pay gaps, largest first:');
  }, 300_000);
});

describe('validate with 500,000 unrecognised codes', () => {
  it('prints every code in its table', async () => {
    const text = manyValues(500_000, 'Ethnic Origin', (i) => `X${i}`);
    const result = await runCli(['validate', '-', '--quiet'], { stdin: text });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Unrecognised codes');
    expect(lineOf(result.stdout, '"X499999"')).toMatch(/^│ ethnicity │ "X499999" +│ 1 +│ Unknown +│$/);
  }, 300_000);
});
