import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CannotSplit, RecordCutter, recordEnd } from '../../src/io/chunks.js';

/** Cut `bytes` in chunks of the given sizes (repeating the last) with a cutter; the pieces it gives and what is left. */
function cut(bytes: Buffer, sizes: number[], delimiter = ',') {
  const cutter = new RecordCutter(delimiter);
  const pieces: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)] as number;
    // A fresh copy per chunk, overwritten after use, as the reader reuses one buffer.
    const chunk = Buffer.from(bytes.subarray(at, at + size));
    at += size;
    const parts = cutter.last(chunk);
    if (parts !== undefined) pieces.push(Buffer.concat(parts));
    chunk.fill(0x21);
  }
  return { pieces, rest: cutter.rest(), copied: cutter.copied };
}

const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', '1', ' '), maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('a', ',', '""', '\n', '\r\n', '£'), maxLength: 40 }).map((s) => `"${s}"`),
);
const csv = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }).map((r) => r.join(',')), { minLength: 1, maxLength: 20 }).map((rows) => rows.join('\n') + '\n');

/** Record ends in RFC 4180 text: line ends with an even number of quotes before them. */
function recordEnds(text: Buffer): number[] {
  const ends: number[] = [];
  let quotes = 0;
  text.forEach((byte, i) => {
    if (byte === 0x22) quotes++;
    if (byte === 0x0a && quotes % 2 === 0) ends.push(i + 1);
  });
  return ends;
}

describe('RecordCutter', () => {
  it('cuts only at record ends, loses nothing, and carries the quote state across any chunking', () => {
    fc.assert(
      fc.property(csv, fc.array(fc.integer({ min: 1, max: 23 }), { minLength: 1, maxLength: 50 }), (text, sizes) => {
        const bytes = Buffer.from(text);
        const { pieces, rest } = cut(bytes, sizes);
        expect(Buffer.concat([...pieces, rest]).equals(bytes)).toBe(true);
        const ends = new Set(recordEnds(bytes));
        let at = 0;
        for (const piece of pieces) {
          at += piece.length;
          expect(ends.has(at)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds a 20 MB record cut into 64 KB chunks copying each byte a fixed number of times', () => {
    const record = Buffer.from(`1,"${'ab\ncd,'.repeat(3_200_000)}",3\n`);
    const { pieces, rest, copied } = cut(Buffer.concat([record, Buffer.from('4,5,6')]), [64 * 1024]);
    expect(pieces.map((p) => p.length)).toEqual([record.length]);
    expect(pieces[0]!.equals(record)).toBe(true);
    expect(rest.toString()).toBe('4,5,6');
    expect(copied).toBeLessThanOrEqual(2 * (record.length + 5));
  });

  it('gives the first record alone, for the header', () => {
    const cutter = new RecordCutter('auto');
    expect(cutter.first(Buffer.from('a;"b'))).toBeUndefined();
    const found = cutter.first(Buffer.from('\nc";d\n1;2\n'));
    expect(found?.record.toString()).toBe('a;"b\nc";d\n');
    expect(found?.rest.toString()).toBe('1;2\n');
  });

  it('refuses a quote that opens in the middle of a field, where parity would lie', () => {
    expect(() => recordEnd(Buffer.from('a,5\'10" tall\n'), ',')).toThrow(CannotSplit);
    expect(recordEnd(Buffer.from('a,"5\'10"" tall"\nb'), ',')).toBe(16);
  });
});
