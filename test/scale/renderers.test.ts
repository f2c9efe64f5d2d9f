import { beforeAll, describe, expect, it } from 'vitest';
import { constants } from 'node:buffer';
import { manyValues } from '../helpers/csv.js';
import { reportOfText } from '../helpers/pipeline.js';
import { LONG } from '../helpers/stack.js';
import type { Report } from '../../src/report/model.js';
import { MAX_CUSTOM_GROUPS } from '../../src/report/extra-views.js';
import { renderJson } from '../../src/render/json.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { renderTable } from '../../src/render/table.js';

/**
 * Every renderer at the scale of a free-text column: a --characteristic with 15,000 distinct
 * values, on the small stack of test/helpers/stack.ts, where that many is enough to overflow a
 * spread into one call. They must finish without error (no array spread into a call, no
 * cli-table3 with 15,000 rows). How long they take at paygap's limit of 100,000 groups is
 * measured by `npm run bench`, not here.
 */
const GROUPS = LONG;
const last = `v${GROUPS - 1}`;

/**
 * Searching outputs of 5-40 MB: a pattern run over the whole text, or a split into millions
 * of lines, cost the test more than the renderer it checks.
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
    ['table', (r: Report) => renderTable(r, { colour: false }), `│ ${last} `],
    ['json', renderJson, `"group": "${last}"`],
    ['csv', renderCsv, `,${last},`],
    ['markdown', renderMarkdown, `| ${last} |`],
    ['html', (r: Report) => renderHtml(r), `<th scope="row">${last}</th>`],
  ] as const)('renders as %s', (format, render, lastGroup) => {
    const out = render(report);
    expect(out).toContain(lastGroup);
    if (format === 'csv') expect(count(out, '\r\n')).toBe(1 + (2 + GROUPS) * 22);
    if (format === 'html') expect(out).toContain(`${GROUPS.toLocaleString('en-GB')} groups are too many to chart`);
    if (format === 'markdown') expect(out).toContain('Median hourly pay gaps, largest first:');
    // Each output is one string, and grows by the same text for each group: at the limit of
    // groups it must still be shorter than the longest string V8 makes (about 512 MB), or
    // the run would end in "Invalid string length". JSON, the longest, is about 47% of it.
    expect((out.length / GROUPS) * MAX_CUSTOM_GROUPS).toBeLessThan(constants.MAX_STRING_LENGTH);
  }, 300_000);
});
