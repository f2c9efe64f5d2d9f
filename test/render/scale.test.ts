import { beforeAll, describe, expect, it } from 'vitest';
import { manyValues } from '../helpers/csv.js';
import { reportOfText } from '../helpers/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { renderJson } from '../../src/render/json.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { renderTable } from '../../src/render/table.js';

/**
 * Every renderer at the scale of a free-text column: a --characteristic with 100,000
 * distinct values. They must finish without error (no array spread into a call, no cli-table3
 * with 100,000 rows, nothing quadratic). How long they take is measured in benchmarks, not
 * here. `validate` with 500,000 codes is in scale-codes.test.ts, so the two can run at once.
 */
const GROUPS = 100_000;

/**
 * Searching outputs of 25-250 MB: a pattern run over the whole text, or a split into millions
 * of lines, cost the test seconds more than the renderer it checks.
 */
function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) n++;
  return n;
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
