import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import displayWidth from 'string-width';
import { cliTable, plainTable, stringWidth, textTable, wrapWords, CLI_TABLE_ROWS, type TextCell, type TextTableSpec } from '../../src/render/text-table.js';

/**
 * Large tables are drawn without cli-table3 (it is slow and overflows the stack with
 * hundreds of thousands of rows). The plain drawing must look the same: the same borders,
 * padding, alignment and wrapping, for any table whose words fit their columns.
 */
const bold = new Chalk({ level: 1 }).bold;
const dim = new Chalk({ level: 1 }).dim;

const word = (max: number) => fc.string({ unit: fc.constantFrom(...'abcXYZ019£%.,-'.split('')), minLength: 1, maxLength: Math.max(1, max) });
const text = (max: number) => fc.array(word(max), { minLength: 0, maxLength: 5 }).map((w) => w.join(' '));

const tables = fc
  .record({
    columns: fc.integer({ min: 1, max: 5 }),
    fixed: fc.boolean(),
    width: fc.integer({ min: 5, max: 20 }),
    right: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    styled: fc.boolean(),
  })
  .chain(({ columns, fixed, width, right, styled }) => {
    const inner = width - 2;
    const cell: fc.Arbitrary<TextCell> = styled ? fc.tuple(text(inner), fc.boolean()).map(([t, s]) => (s && t !== '' ? { text: t, style: dim } : t)) : text(inner);
    const spec: TextTableSpec = {
      head: [],
      widths: fixed ? Array(columns).fill(width) : undefined,
      aligns: right.slice(0, columns).map((r) => (r ? 'right' : 'left')),
      wrap: fixed,
      headStyle: styled ? bold : undefined,
    };
    return fc.tuple(fc.array(text(inner), { minLength: columns, maxLength: columns }), fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 12 })).map(([head, rows]) => ({ spec: { ...spec, head }, rows }));
  });

describe('text tables', () => {
  it('are drawn the same with and without cli-table3 when words fit their columns', () => {
    fc.assert(
      fc.property(tables, ({ spec, rows }) => {
        const plain = plainTable(spec, rows);
        const cli = cliTable(spec, rows);
        // Styled text wrapped over lines: cli-table3 leaves the style open across the border, the plain drawing closes it on each line.
        const visible = (s: string) => s.replaceAll(/\x1b\[\d+m/g, '');
        if (spec.headStyle === undefined) expect(plain).toBe(cli);
        else expect(visible(plain)).toBe(visible(cli));
      }),
      { numRuns: 400 },
    );
  });

  it('wrap a word wider than its column over lines instead of cutting it', () => {
    expect(wrapWords('abcdefghij kl', 4)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    const out = plainTable({ head: ['Group'], widths: [8], wrap: true }, [['Aaaaaaaaaaaaaa']]);
    expect(out.replaceAll(/[│ ]/g, '')).toContain('Aaaaaa\naaaaaa\naa');
  });

  it(`switch to the plain drawing above ${CLI_TABLE_ROWS} rows, linear in rows (100,000 rows)`, () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`value ${i}`, String(i)]);
    const out = textTable({ head: ['Value', 'Rows'], aligns: ['left', 'right'] }, rows);
    const lines = out.split('\n');
    expect(lines.length).toBe(100_000 + 4);
    expect(lines.at(-2)).toBe('│ value 99999 │ 99999 │');
  });
});

describe('stringWidth', () => {
  // The quick count (length) must agree with string-width wherever it is used instead of it.
  const quick = [[0x20, 0x7e], [0xa0, 0x2ff], [0x2010, 0x2027]].flatMap(([from, to]) => Array.from({ length: (to as number) - (from as number) + 1 }, (_, i) => String.fromCharCode((from as number) + i)));
  it('counts each character of the quick range as string-width does', () => {
    for (const c of quick) expect([c, stringWidth(`a${c}b`)]).toEqual([c, displayWidth(`a${c}b`)]);
  });
  it('agrees with string-width on any text, quick or not', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(...quick), fc.constantFrom('\u0301', '\ufe0f', '\u20e3', '漢', '\u001b', '😀', '©')) });
    fc.assert(fc.property(text, (t) => stringWidth(t) === displayWidth(t)));
  });
});
