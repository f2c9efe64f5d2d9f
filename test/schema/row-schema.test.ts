import { describe, expect, it } from 'vitest';
import { FIELD_SCHEMAS, rowSchema, cellSchema, type Requirements } from '../../src/schema/row-schema.js';
import type { Field } from '../../src/schema/fields.js';

const hourly = (text: string) => FIELD_SCHEMAS.hourlyRate.safeParse(text);

describe('money fields', () => {
  it.each([
    ['31000.5', 31000.5],
    ['£31,000.50', 31000.5],
    ['31,000', 31000],
    ['  12.34 ', 12.34],
    ['£ 15', 15],
    ['0', 0],
    ['.5', 0.5],
    ['1,234,567.89', 1234567.89],
  ])('reads %j as %d', (text, expected) => {
    const result = FIELD_SCHEMAS.annualSalary.safeParse(text);
    expect(result.success && result.data).toBe(expected);
  });

  it.each([
    ['-5', /0 or more/],
    ['abc', /expected hourly rate in pounds/],
    ['NaN', /expected hourly rate in pounds/],
    ['Infinity', /expected hourly rate in pounds/],
    ['1e308', /expected hourly rate in pounds/],
    ['12,34', /expected hourly rate in pounds/],
    ['1,0000', /expected hourly rate in pounds/],
    ['10001', /at most 10,000/],
  ])('rejects %j', (text, message) => {
    const result = hourly(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe('hours and FTE', () => {
  it('accepts 0 to 168 hours', () => {
    expect(FIELD_SCHEMAS.contractedHours.safeParse('37.5').data).toBe(37.5);
    expect(FIELD_SCHEMAS.contractedHours.safeParse('0').data).toBe(0);
    expect(FIELD_SCHEMAS.contractedHours.safeParse('168').data).toBe(168);
  });
  it.each(['169', '-1', 'full'])('rejects %j hours', (text) => {
    expect(FIELD_SCHEMAS.contractedHours.safeParse(text).success).toBe(false);
  });
});

describe('flags', () => {
  it.each([
    ['Y', true],
    ['yes', true],
    ['N', false],
    ['No', false],
  ])('%j is %s', (text, expected) => {
    expect(FIELD_SCHEMAS.fullPay.safeParse(text).data).toBe(expected);
  });
  it('rejects other text', () => {
    expect(FIELD_SCHEMAS.fullPay.safeParse('maybe').error?.issues[0]?.message).toBe('expected Y or N for full pay');
  });
});

const requirements = (present: Field[], required: [Field, string][] = []): Requirements => ({
  present: new Set(present),
  required: new Map(required),
});

describe('blank cells', () => {
  it('make optional fields undefined and give defaults where blank means something', () => {
    const r = requirements(['hourlyRate', 'bonusPay', 'fullPay', 'grade']);
    expect(cellSchema('grade', r).safeParse('  ').data).toBeUndefined();
    expect(cellSchema('bonusPay', r).safeParse('').data).toBe(0);
    expect(cellSchema('fullPay', r).safeParse('').data).toBe(true);
  });
  it('are an issue, with the reason, for required fields', () => {
    const r = requirements(['hourlyRate'], [['hourlyRate', 'a value is required for the hourly-rate pay method']]);
    const result = cellSchema('hourlyRate', r).safeParse('');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('a value is required for the hourly-rate pay method');
  });
});

describe('rowSchema', () => {
  const pay = { method: 'period-pay' as const, daysInPeriod: 30.44, salaryBasis: 'fte' as const };
  const r = requirements(['periodPay', 'contractedHours', 'sex'], [
    ['periodPay', 'required'],
    ['contractedHours', 'required'],
  ]);
  it('accepts a valid row and reads its codes', () => {
    const result = rowSchema(r, pay).safeParse({ periodPay: '£2,600', contractedHours: '37.5', sex: 'F' });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ periodPay: 2600, contractedHours: 37.5, sex: { value: 'Female' } });
  });
  it('applies the cross-field rule: period pay needs hours above 0', () => {
    const result = rowSchema(r, pay).safeParse({ periodPay: '2600', contractedHours: '0', sex: 'F' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['contractedHours'], message: expect.stringMatching(/more than 0/) });
  });
});
