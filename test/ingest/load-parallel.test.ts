import { describe, expect, it } from 'vitest';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput, type LoadOptions } from '../../src/ingest/load.js';
import { loadFileParallel } from '../../src/ingest/load-parallel.js';
import { sampleLines } from '../../src/sample/generate.js';

const dir = mkdtempSync(join(tmpdir(), 'paygap-parallel-'));
const options: LoadOptions = { payMethod: 'auto', salaryBasis: 'fte', payPeriod: 'monthly', map: new Map() };

const readBoth = async (text: string, chunkBytes: number) => {
  const path = join(dir, `f${Math.random()}.csv`);
  writeFileSync(path, text);
  const one = await loadInput(path, createReadStream(path), options);
  const many = await loadFileParallel(path, options, 2, chunkBytes);
  return { one, many };
};

/** Rows as comparable records, in line order (the parallel reader joins parts out of order). */
function rows(loaded: Awaited<ReturnType<typeof loadInput>>) {
  const a = loaded.assignments;
  const out = [];
  for (let i = 0; i < a.length; i++) {
    out.push([a.line[i], a.employee[i] >= 1e9 ? a.employeeNames[a.employee[i] - 1e9] : a.employee[i], a.codes.sex[i], a.codes.ethnicity[i], a.codes.disability[i], a.hourlyPay[i], a.hours[i], a.bonus[i], a.fullPay[i]]);
  }
  return out.sort((x, y) => (x[0] as number) - (y[0] as number));
}

describe('parallel reading', () => {
  it('reads exactly what one thread reads: rows, lines, invalid rows and codes', async () => {
    const sample = [...sampleLines({ rows: 3000, seed: 9 })];
    // Add awkward rows: invalid pay, a quoted field over two lines, an unknown code, a blank line.
    sample.splice(100, 0, '99999999,99999999-1,Y,"Staff\r\nGroup",Band 5,Female,Martian,No,01-JAN-1980,37.5,1,30000,abc,2500,0,Y\r\n');
    sample.splice(2000, 0, '\r\n', '88888888,88888888-1,Y,X,Band 5,Male,"A White - British",Sometimes,01-JAN-1980,37.5,1,30000,15.5,2500,0,Y\r\n');
    const { one, many } = await readBoth(sample.join(''), 16 * 1024);
    expect(many.sha256).toBe(one.sha256);
    expect(rows(many)).toEqual(rows(one));
    expect(many.quality.result()).toEqual(one.quality.result());
    expect(one.quality.result().rowsInvalid).toBe(1);
  });

  it('falls back to one thread on a quote in the middle of a field, with the same result', async () => {
    const text = 'Gender,Hourly Rate,Note\n' + Array.from({ length: 2000 }, (_, i) => `${i % 2 ? 'Male' : 'Female'},${10 + (i % 7)},5'10" tall\n`).join('');
    const { one, many } = await readBoth(text, 4096);
    expect(rows(many)).toEqual(rows(one));
    expect(many.quality.result()).toEqual(one.quality.result());
  });

  it('handles a header split across chunks and a file without a final line end', async () => {
    const text = 'Employee Number,Gender,Hourly Rate\n' + Array.from({ length: 500 }, (_, i) => `${i + 1},Male,${i % 30}.5`).join('\n');
    const { one, many } = await readBoth(text, 7);
    expect(rows(many)).toEqual(rows(one));
    expect(many.assignments.length).toBe(500);
  });

  it('reads blank lines, a long quoted header and a long field over many chunks and lines as one thread does', async () => {
    const long = `${'a,b ""c""\n'.repeat(20_000)}end`;
    const sample = [...sampleLines({ rows: 500, seed: 3 })].map((line, i) => (i === 0 ? `${line.trimEnd()},"Notes ${'\n'.repeat(3000)}"\r\n` : `${line.trimEnd()},${i === 200 ? `"${long}"` : ''}\r\n`));
    const { one, many } = await readBoth(`\n\r\n${sample.join('')}`, 1000);
    expect(many.sha256).toBe(one.sha256);
    expect(rows(many)).toEqual(rows(one));
    expect(many.quality.result()).toEqual(one.quality.result());
    // Two blank lines, a header over 3,001 lines, 500 rows, one of them over 20,001 lines.
    expect(many.assignments.length).toBe(500);
    expect(many.assignments.line[0]).toBe(3004);
    expect(many.assignments.line[499]).toBe(3003 + 500 + 20_000);
  });

  it('reads a file that is only a header without a line end as a header with no rows', async () => {
    const { one, many } = await readBoth(`Gender,Hourly Rate,"${'x'.repeat(50_000)}"`, 1000);
    expect(many.columns.headers).toEqual(one.columns.headers);
    expect(many.assignments.length).toBe(0);
  });
});
