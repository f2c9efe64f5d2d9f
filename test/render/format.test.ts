import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, people, withinLabel } from '../../src/render/format.js';
import { runCli } from '../helpers/run-cli.js';

describe('count', () => {
  const formatter = new Intl.NumberFormat('en-GB');
  it('writes every number as the en-GB formatter does (small whole numbers without it)', () => {
    for (let n = 0; n < 1100; n++) expect(count(n)).toBe(formatter.format(n));
    for (const n of [-0, -1, 0.5, 999.5, 1000, 1234567, Number.NaN, Number.POSITIVE_INFINITY]) expect(count(n)).toBe(formatter.format(n));
    fc.assert(fc.property(fc.double(), (n) => count(n) === formatter.format(n)));
  });
});

describe('words looked up from text in the data', () => {
  // Names an object has of its own: looked up in a plain object, they found a function.
  const OWN = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('name any other group as "<group> staff", whatever it is called', () => {
    expect(people('Male')).toBe('men');
    expect(people('Female')).toBe('women');
    for (const name of OWN) expect(people(name)).toBe(`${name} staff`);
  });

  it('name any other breakdown column by its own name', () => {
    expect(withinLabel('band')).toBe('pay band');
    for (const name of OWN) expect(withinLabel(name)).toBe(name);
  });

  it('refuse --delimiter of such a name as any other word', async () => {
    for (const name of ['constructor', 'toString']) {
      const result = await runCli(['validate', 'fixtures/esr-sample.csv', '--delimiter', name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('expected one character, or comma, semicolon, tab, pipe or auto');
    }
  });
});
