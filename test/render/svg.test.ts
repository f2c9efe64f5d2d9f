import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distinctColours, quartersChart } from '../../src/render/svg-quarters.js';
import { labelColumn, WIDTH } from '../../src/render/svg.js';
import { textWidth, wrapText } from '../../src/render/text-width.js';
import type { CharacteristicReport, GroupReport } from '../../src/report/model.js';

/** Chart layout without a browser (the browser test checks the drawn result). */
const cell = (percent: number | null) => ({ count: percent === null ? null : 1, percent });
const group = (name: string, comparable = true, share: number | null = 10): GroupReport =>
  ({
    group: name,
    reference: false,
    comparable,
    quartiles: { lower: cell(share), lowerMiddle: cell(share), upperMiddle: cell(share), upper: cell(share) },
  }) as unknown as GroupReport;
const view = (groups: GroupReport[]) => ({ title: 'Religion', referenceGroup: groups[0]?.group ?? '', groups }) as unknown as CharacteristicReport;

describe('chart colours', () => {
  it('give each of up to eight disclosed and four undisclosed groups its own colour', () => {
    const groups = [...Array(8)].map((_, i) => group(`g${i}`)).concat([...Array(4)].map((_, i) => group(`u${i}`, false)));
    const colours = distinctColours(groups)!;
    expect(new Set(colours).size).toBe(12);
  });

  it.each([
    ['nine disclosed groups', [...Array(9)].map((_, i) => group(`g${i}`))],
    ['five undisclosed groups', [group('a'), ...[...Array(5)].map((_, i) => group(`u${i}`, false))]],
  ])('are not repeated: %s are drawn as small multiples, without a legend', (_name, groups) => {
    expect(distinctColours(groups)).toBeUndefined();
    const svg = quartersChart(view(groups), 'q');
    expect(svg).not.toContain('width="12" height="12"');
    for (const g of groups) expect(svg).toContain(`>${g.group}</text>`);
  });
});

describe('chart labels', () => {
  it('take the width of the longest label, up to 40% of the chart, and wrap beyond it', () => {
    expect(labelColumn(['Male', 'Female']).width).toBe(Math.ceil(textWidth('Female', 12)));
    const long = labelColumn(['P Black or Black British - Any other Black background staff with a very long name indeed']);
    expect(long.width).toBeLessThanOrEqual(WIDTH * 0.4);
    expect(long.lines[0]!.length).toBeGreaterThan(1);
  });

  it('wrap any text into lines no wider than asked, keeping every word (up to the line limit)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'W', 'i', '中', '-'), minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 30, max: 250 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width, 12, 100);
        for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(width);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }),
      { numRuns: 300 },
    );
  });

  it('end a label cut at the line limit with an ellipsis', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 40, 12, 2);
    expect(lines.length).toBe(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});
