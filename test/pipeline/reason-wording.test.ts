import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * Figure statuses are data: nothing reads a reason's words to decide what is withheld. This
 * test rewords every reason and checks that no cell changes: the same figures are shown and
 * withheld, with the same statuses, in every format; only the sentences differ.
 */
const options = { within: 'band' as const, intersect: [['sex/sex', 'ethnicity/binary']] as const, intersecting: ['sex', 'ethnicity'] as const, minGroupSize: 10 };

async function everyFormat() {
  const { reportOfFile } = await import('../helpers/pipeline.js');
  const { renderCsv } = await import('../../src/render/csv.js');
  const { renderMarkdown } = await import('../../src/render/markdown.js');
  const { report, json } = await reportOfFile('fixtures/esr-sample.csv', { ...options, intersect: [...options.intersect], intersecting: [...options.intersecting] });
  return { report, json, csv: renderCsv(report), markdown: renderMarkdown(report) };
}

/** The JSON without the sentences. */
function withoutWords(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json, (key, value) => (key === 'nullReasons' || key === 'suppressionReason' ? undefined : value)));
}

/** The CSV without its `reason` column (the 12th). */
const csvWithoutWords = (csv: string) => csv.split('\r\n').map((line) => line.split(',').filter((_, i) => i !== 11).join(','));

describe('rewording every reason', () => {
  // The module registry too: under shared workers (isolate: false) a later file must not get the reworded module.
  afterAll(() => {
    vi.doUnmock('../../src/render/reasons.js');
    vi.resetModules();
  });

  it('changes no shown or withheld cell in any format', async () => {
    const before = await everyFormat();
    vi.resetModules();
    vi.doMock('../../src/render/reasons.js', async (importOriginal) => {
      const original = await importOriginal<typeof import('../../src/render/reasons.js')>();
      return { ...original, reasonText: (state: Parameters<typeof original.reasonText>[0]) => `REWORDED ${[...original.reasonText(state)].reverse().join('')}` };
    });
    const after = await everyFormat();

    // The words did change…
    const reasons = (json: typeof before.json) => json.characteristics.flatMap((v) => v.groups.flatMap((g) => Object.values(g.nullReasons)));
    expect(reasons(before.json).length).toBeGreaterThan(50);
    expect(reasons(after.json).every((r) => r.startsWith('REWORDED '))).toBe(true);
    expect(reasons(before.json).some((r) => r.startsWith('REWORDED '))).toBe(false);
    // …and cells were withheld both for small groups and to protect other cells…
    const statuses = JSON.stringify(before.json).match(/"status": ?"(suppressed|withheld)"/g) ?? [];
    expect(new Set(statuses.map((s) => s.replace(/\s/g, '')))).toEqual(new Set(['"status":"suppressed"', '"status":"withheld"']));
    // …yet every value and status is the same.
    expect(withoutWords(after.json)).toEqual(withoutWords(before.json));
    expect(after.report).toEqual(before.report);
    expect(csvWithoutWords(after.csv)).toEqual(csvWithoutWords(before.csv));
    expect(after.markdown).toBe(before.markdown);
  });
});
