import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { RecordScanner } from '../../src/io/scan-records.js';
import { cellText } from '../../src/io/cell-text.js';

/** Scan text (fed in the given chunk sizes) and collect every record in full. */
function scan(text: string | Buffer, chunkSizes: number[] = [], delimiter = ',') {
  const records: { fields: string[]; line: number }[] = [];
  const malformed: { line: number; message: string }[] = [];
  let header: string[] | undefined;
  const scanner = new RecordScanner(
    {
      header(fields) {
        header = [...fields];
        // Ask for more columns than the header has, so ragged records are read in full.
        return Array.from({ length: 64 }, (_, i) => i);
      },
      record(cells, fieldCount, line) {
        records.push({ fields: cells.slice(0, fieldCount).map(cellText), line });
      },
      malformed(line, message) {
        malformed.push({ line, message });
      },
    },
    { delimiter },
  );
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let at = 0;
  for (const size of chunkSizes) {
    if (at >= bytes.length) break;
    scanner.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (at < bytes.length) scanner.push(bytes.subarray(at));
  scanner.end();
  return { header, records, malformed, work: scanner.work, bytes: bytes.length };
}

/** csv-parse's reading of the same text: the oracle. */
function oracle(text: string, delimiter = ',') {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, delimiter, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return rows.map((r) => ({ fields: r.record, endLine: r.info.lines }));
}

const quoteField = (value: string) => (/[",\r\n]/.test(value) || value.startsWith(' ') ? `"${value.replaceAll('"', '""')}"` : value);

// Fields drawn from characters that make CSV hard: delimiters, quotes, CR, LF, £, é, emoji.
const fieldText = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', ',', '"', '\n', '\r\n', '£', 'é', '😀', '-'), maxLength: 8 });
const csvOf = (field: fc.Arbitrary<string>) => fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ width, rows, crlf, bom, finalNewline }) => {
    const eol = crlf ? '\r\n' : '\n';
    const header = Array.from({ length: width }, (_, i) => `h${i}`).join(',');
    // A record of one empty field would be a blank line, which is not a record: avoid it.
    const lines = rows.map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map(quoteField).join(',')));
    return (bom ? '\ufeff' : '') + [header, ...lines].join(eol) + (finalNewline ? eol : '');
  });
const csvText = csvOf(fieldText);
// Fields long enough to be cut by many chunks, with line breaks and doubled quotes inside.
const longFieldText = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', '£', '😀'), minLength: 20, maxLength: 300 });
const longCsvText = csvOf(fc.oneof(fieldText, longFieldText));

/** The scanner's searches and copies stay within a few times the input, whatever the chunking. */
function expectLinearWork(result: { work: { searched: number; copied: number }; bytes: number }) {
  expect(result.work.searched).toBeLessThanOrEqual(4 * result.bytes + 64);
  expect(result.work.copied).toBeLessThanOrEqual(2 * result.bytes);
}

describe('RecordScanner', () => {
  it('reads what csv-parse reads from random well-formed CSV, whatever the chunking', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 40 }), (text, chunks) => {
        const expected = oracle(text);
        const whole = scan(text);
        const chunked = scan(text, chunks);
        expect(whole.malformed).toEqual([]);
        expect([whole.header, ...whole.records.map((r) => r.fields)]).toEqual(expected.map((r) => r.fields));
        expect(chunked.records).toEqual(whole.records);
        // A record's start line plus the line breaks inside it is csv-parse's end line
        // (csv-parse counts a CR inside a quoted field as a line too, so texts with CRs are
        // left to the fixed-example line test below).
        if (text.includes('\r')) return;
        whole.records.forEach((r, i) => {
          const inside = r.fields.join('').split('\n').length - 1;
          expect(r.line + inside).toBe(expected[i + 1].endLine);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('reads what csv-parse reads when long fields are cut by many chunks, in work linear in the input', () => {
    fc.assert(
      fc.property(longCsvText, fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 50, maxLength: 2000 }), (text, chunks) => {
        const expected = oracle(text);
        const chunked = scan(text, chunks);
        expect(chunked.malformed).toEqual([]);
        expect([chunked.header, ...chunked.records.map((r) => r.fields)]).toEqual(expected.map((r) => r.fields));
        expect(chunked.records).toEqual(scan(text).records);
        expectLinearWork(chunked);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a quote inside an unquoted field as an ordinary character, like csv-parse relax_quotes', () => {
    const text = 'name,height\nAnn,5\'10"\nBo"b,6\n';
    expect(scan(text).records.map((r) => r.fields)).toEqual(oracle(text).slice(1).map((r) => r.fields));
    expect(scan(text).records[0].fields).toEqual(['Ann', '5\'10"']);
  });

  it('reads semicolon- and tab-delimited text when told the delimiter', () => {
    expect(scan('a;b\n"x;y";2\n', [], ';').records[0].fields).toEqual(['x;y', '2']);
    expect(scan('a\tb\n1\t2\n', [], '\t').records[0].fields).toEqual(['1', '2']);
  });

  it('numbers records by the line they start on, skipping blank lines', () => {
    const text = 'h1,h2\n\n1,"two\nlines"\r\n\r\n3,4\n';
    expect(scan(text).records.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports text after a closing quote as a malformed record and carries on', () => {
    const result = scan('a,b\n"x"y,1\n2,3\n');
    expect(result.malformed).toEqual([{ line: 2, message: 'text after the closing quote of a quoted field' }]);
    expect(result.records).toEqual([{ fields: ['2', '3'], line: 3 }]);
  });

  it('fails on a quoted field never closed, naming the line it opened on', () => {
    expect(() => scan('a,b\n1,2\n3,"open\n4,5\n')).toThrow(/line 3: a quoted field is never closed/);
  });

  it('keeps multi-byte characters whole when a chunk ends inside one', () => {
    const text = 'name,pay\n£é😀,£1\n';
    for (let size = 1; size < 8; size++) {
      expect(scan(text, Array(40).fill(size)).records[0].fields).toEqual(['£é😀', '£1']);
    }
  });

  it('reads a 10 MB quoted field', () => {
    const big = 'x'.repeat(10_000_000);
    const result = scan(`a,b\n"${big}",1\n`, Array(20).fill(1 << 20));
    expect(result.records[0].fields[0].length).toBe(10_000_000);
    expect(result.records[0].fields[1]).toBe('1');
  });

  // Linear time is shown by counting work, not by timing: a scanner that rescanned a carried
  // record or joined held chunks on every push would count about n² / 128 KB here (8e8 for
  // 10 MB, 3e9 for 20 MB) against a bound of 4n (4e7 and 8e7), so a larger field would show
  // nothing more.
  const STDIN_CHUNK = 64 * 1024;
  const inChunks = (n: number) => Array(Math.ceil(n / STDIN_CHUNK) + 1).fill(STDIN_CHUNK);

  // A field as written in the file, and as read.
  const lines = (quote: string) => `${'x'.repeat(990)}${quote}${'y'.repeat(7)}\n`.repeat(20_000);
  it.each([
    ['10 MB', 'without line breaks', 'x'.repeat(10_000_000), 'x'.repeat(10_000_000)],
    ['20 MB', 'with line breaks and doubled quotes', lines('""'), lines('"')],
  ])('reads a %s quoted field %s, cut into 64 KB chunks as on stdin, in linear work', (_size, _kind, written, big) => {
    const result = scan(`a,b,c\n1,"${written}",3\n4,5,6\n`, inChunks(written.length + 20));
    const field = result.records[0].fields[1];
    expect(field.length).toBe(big.length);
    expect(field === big).toBe(true);
    expect(result.records.map((r) => [r.fields[0], r.fields[2], r.line])).toEqual([
      ['1', '3', 2],
      ['4', '6', 3 + big.split('\n').length - 1],
    ]);
    expectLinearWork(result);
  });

  it('reads a 20 MB quoted field it does not need without keeping it, in linear work', () => {
    const big = 'ab\ncd'.repeat(4_000_000);
    let records = 0;
    const scanner = new RecordScanner({ header: () => [0], record: () => void records++, malformed() {} });
    const bytes = Buffer.from(`a,b\n1,"${big}"\n2,x\n`);
    for (let at = 0; at < bytes.length; at += STDIN_CHUNK) scanner.push(bytes.subarray(at, at + STDIN_CHUNK));
    scanner.end();
    expect(records).toBe(2);
    expect(scanner.work.searched).toBeLessThanOrEqual(4 * bytes.length);
  });

  it('does not search past the line end again for every record when the lines have no delimiter', () => {
    const text = 'a,b\n' + 'x\n'.repeat(500_000);
    const result = scan(text, [text.length]);
    expect(result.records).toHaveLength(500_000);
    expectLinearWork(result);
  });
});
