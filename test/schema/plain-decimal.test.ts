import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellSchema, DECIMAL_LIMITS, plainDecimal, type Requirements } from '../../src/schema/row-schema.js';
import type { Field } from '../../src/schema/fields.js';
import { cellText } from '../../src/io/cell-text.js';

/**
 * The money and quantity fast path against its definition, the zod schema: whenever
 * `plainDecimal` gives a number, the schema accepts the same text with exactly that number
 * (Object.is: no rounding difference, no -0); whenever it gives nothing, zod decides, so the
 * reader's verdict is zod's for every input string.
 */
const fields = Object.keys(DECIMAL_LIMITS) as (keyof typeof DECIMAL_LIMITS)[];

// Each field as the reader meets it: required (a pay method needs it) or optional.
const schemasOf = (field: Field) => [
  cellSchema(field, { present: new Set([field]), required: new Map([[field, 'required']]) } satisfies Requirements),
  cellSchema(field, { present: new Set([field]), required: new Map() } satisfies Requirements),
];

/** Text built from the characters that matter to a number, and anything else (Latin-1, as the scanner gives). */
const numberish = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', '£', ' ', '-', '+', 'e', 'E', '\t', 'x', '_', '\u00a0'), maxLength: 20 });
const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 18 });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
const decimal = fc.tuple(digits(0, 10), fc.boolean(), digits(0, 10)).map(([whole, point, fraction]) => (point ? `${whole}.${fraction}` : whole + fraction));
const asWritten = fc.oneof(
  fc.double({ min: 0, max: 2e7, noNaN: true }).map(String),
  fc.tuple(fc.double({ min: 0, max: 2e7, noNaN: true }), fc.integer({ min: 0, max: 12 })).map(([x, places]) => x.toFixed(places)),
);
const edges = fc.constantFrom(
  '', '0', '00', '.5', '5.', '.', '..', '0.0', '000000000000001', '1234567890123456', '123456789012345', '12345678901234.5', '1.00000000000000',
  '10000', '10000.0000', '10000.0001', '168', '168.0000001', '2', '2.0000000000001', '9999999.99', '10000000', '10000000.01',
  '0.1', '0.2', '0.3', '1.1', '2.675', '9007199254740993', '1e3', '0x10', ' 5', '5 ', '£5', '-0', '+5', '1,000', '٣',
);
const texts = fc.oneof(numberish, latin1, decimal, asWritten, edges);

describe('plainDecimal', () => {
  it.each(fields)('gives exactly what the %s schema gives, whenever it gives anything', (field) => {
    const max = DECIMAL_LIMITS[field];
    const schemas = schemasOf(field);
    fc.assert(
      fc.property(texts, (raw) => {
        const fast = plainDecimal(raw, max);
        if (fast === undefined) return;
        for (const schema of schemas) {
          const result = schema.safeParse(cellText(raw));
          expect(result.success).toBe(true);
          expect(Object.is(result.data, fast)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it.each(fields)('takes every plain decimal of up to 15 digits within the %s limit (so the fast path is used)', (field) => {
    const max = DECIMAL_LIMITS[field];
    fc.assert(
      fc.property(decimal, (raw) => {
        const plain = /^\d+(\.\d+)?$|^\.\d+$/.test(raw) && raw.replace('.', '').length <= 15 && Number(raw) <= max;
        expect(plainDecimal(raw, max) !== undefined).toBe(plain);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['37.5', 168, 37.5],
    ['0', 168, 0],
    ['.5', 2, 0.5],
    ['1234.5678', 10_000, 1234.5678],
    ['0.1', 2, 0.1],
    ['168', 168, 168],
  ])('reads %j (limit %d) as %d', (text, max, expected) => {
    expect(plainDecimal(text, max)).toBe(expected);
  });

  it.each([
    ['', 'blank: the schema decides what blank means'],
    ['5.', 'no digits after the point'],
    ['169', 'over the limit: the schema gives the message'],
    ['£5', 'a pound sign'],
    ['1,000', 'a thousands comma'],
    [' 5', 'a space'],
    ['1234567890123456', 'more than 15 digits'],
  ])('leaves %j to the schema (%s)', (text) => {
    expect(plainDecimal(text, 168)).toBeUndefined();
  });
});
