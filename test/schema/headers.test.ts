import { describe, expect, it } from 'vitest';
import { resolveHeaders } from '../../src/schema/headers.js';
import fc from 'fast-check';
import { headerWords, normaliseHeader } from '../../src/schema/fields.js';
import { DataError } from '../../src/errors.js';

describe('normaliseHeader', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normaliseHeader('Employee No.')).toBe('employeeno');
    expect(normaliseHeader('EMPLOYEE_NO')).toBe('employeeno');
    expect(normaliseHeader(' employee-no ')).toBe('employeeno');
  });

  // Both skip their Unicode patterns for plain lower-case ASCII; the results must be what the
  // patterns give, for any text.
  it('gives what the Unicode patterns give, for plain and any text', () => {
    const byPattern = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const wordsByPattern = (h: string) =>
      h
        .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const unit = fc.oneof(fc.constantFrom(...'abz09 AZ_-.£éÉßİ\u00a0'.split('')), fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (h) => {
        expect(normaliseHeader(h)).toBe(byPattern(h));
        expect(headerWords(h)).toBe(wordsByPattern(h));
      }),
      { numRuns: 2000 },
    );
    expect(headerWords('contractedhours')).toBe('contractedhours');
    expect(headerWords('ContractedHours')).toBe('contracted hours');
  });
});

describe('resolveHeaders', () => {
  it('matches aliases whatever their case, spacing and punctuation', () => {
    const columns = resolveHeaders(['EMPLOYEE_NO', 'gender', 'Ethnic category', 'Basic Hourly Rate', 'Something Else'], new Map());
    expect(Object.fromEntries(columns.index)).toEqual({ employeeNumber: 0, sex: 1, ethnicity: 2, hourlyRate: 3 });
    expect(columns.ignored).toEqual(['Something Else']);
  });

  it('prefers the earlier alias: Annual Salary over Salary', () => {
    const columns = resolveHeaders(['Salary', 'Annual Salary'], new Map());
    expect(columns.header.get('annualSalary')).toBe('Annual Salary');
  });

  it('lets --map override an alias and frees nothing else', () => {
    const columns = resolveHeaders(['Rate Per Hour', 'Hourly Rate'], new Map([['hourlyRate', 'rate per hour']]));
    expect(columns.header.get('hourlyRate')).toBe('Rate Per Hour');
    expect(columns.matchedBy.get('hourlyRate')).toBe('map');
  });

  it('fails on a --map header the file does not have, listing the headers found', () => {
    expect(() => resolveHeaders(['Gender'], new Map([['hourlyRate', 'Pay']]))).toThrow(DataError);
    try {
      resolveHeaders(['Gender'], new Map([['hourlyRate', 'Pay']]));
    } catch (error) {
      expect((error as DataError).details.join('\n')).toContain('"Gender"');
    }
  });

  it('refuses duplicate headers a field would use', () => {
    expect(() => resolveHeaders(['Gender', 'Hourly Rate', 'gender'], new Map())).toThrow(/appears more than once/);
  });
});
