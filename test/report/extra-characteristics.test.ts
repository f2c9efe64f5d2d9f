import { describe, expect, it } from 'vitest';
import { ageBandColumn } from '../../src/report/extra-views.js';
import { reportJson, runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('age bands', () => {
  it('counts full years at the snapshot date, a birthday on the day included', () => {
    const birth = Float64Array.from([days('2001-03-31'), days('2001-04-01'), days('1990-03-31'), days('1960-01-01'), days('2015-01-01'), Number.NaN]);
    // 24 on the day → 16–24; 23 the day before turning 24 → 16–24; 35 → 35–44; 65 → 65+; 10 → unknown; none → unknown.
    expect([...ageBandColumn(birth, '2025-03-31')]).toEqual([0, 0, 2, 5, 6, 6]);
    expect([...ageBandColumn(Float64Array.from([days('2000-03-31')]), '2025-03-31')]).toEqual([1]); // 25 today
  });

  it('reports age bands from Date of Birth at the snapshot date', async () => {
    const rows = [
      ['1', 'Male', '20', '31/03/1990'],
      ['2', 'Female', '18', '01-APR-1990'],
      ['3', 'Female', '12', '2003-06-01'],
      ['4', 'Male', '15', ''],
    ];
    const report = await reportJson(['-', '--age', '--snapshot-date', '2025-03-31', '--by', 'sex', '--min-group-size', '0', '--quiet'], {
      stdin: csv(['Employee Number', 'Gender', 'Hourly Rate', 'Date of Birth'], rows),
    });
    const age = report.characteristics.find((c: any) => c.characteristic === 'age');
    const g = (name: string) => age.groups.find((x: any) => x.group === name);
    expect(age.referenceGroup).toBe('35–44');
    expect(g('35–44').headcount).toBe(1); // 35 on the day
    expect(g('25–34').headcount).toBe(1); // 34, turning 35 tomorrow
    expect(g('16–24').headcount).toBe(1);
    expect(g('Unknown')).toMatchObject({ headcount: 1, comparable: false });
    // 25–34 (£18) against 35–44 (£20): (20 − 18) / 20.
    expect(g('25–34').meanGapPercent).toBeCloseTo(10, 10);
  });

  it('needs --snapshot-date', async () => {
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--age']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--age needs --snapshot-date/);
  });
});

describe('--characteristic', () => {
  const rows = [
    ['Male', '20', 'Christianity'],
    ['Male', '22', 'No religion'],
    ['Female', '18', 'Christianity'],
    ['Female', '16', 'No religion'],
    ['Female', '14', 'No religion'],
    ['Male', '30', 'Rather not say'],
    ['Female', '10', ''],
  ];
  const text = csv(['Gender', 'Hourly Rate', 'Religious Belief'], rows);

  it('compares any column with its reference group, keeping undisclosed values apart', async () => {
    const report = await reportJson(
      ['-', '--characteristic', 'religion=Religious Belief', '--undisclosed', 'religion=Rather not say', '--reference', 'religion=Christianity', '--min-group-size', '0', '--quiet'],
      { stdin: text },
    );
    const religion = report.characteristics.find((c: any) => c.characteristic === 'religion');
    expect(religion.groups.map((g: any) => [g.group, g.comparable])).toEqual([
      ['Christianity', true],
      ['No religion', true],
      ['Rather not say', false],
      ['Unknown', false],
    ]);
    // Christianity mean 19, No religion mean (22 + 16 + 14) / 3 = 17.33…
    expect(religion.groups[1].meanGapPercent).toBeCloseTo(((19 - 52 / 3) / 19) * 100, 10);
    expect(religion.disclosure).toMatchObject({ disclosed: 5, notDisclosed: 2 });
  });

  it('defaults the reference to the largest disclosed group', async () => {
    const report = await reportJson(['-', '--characteristic', 'religion=Religious Belief', '--min-group-size', '0', '--quiet'], { stdin: text });
    expect(report.characteristics.find((c: any) => c.characteristic === 'religion').referenceGroup).toBe('No religion');
  });

  it('says when the reference is not a value in the file, or the column is missing', async () => {
    const bad = await runCli(['report', '-', '--characteristic', 'religion=Religious Belief', '--reference', 'religion=Jedi'], { stdin: text });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"Jedi" is not a disclosed value of religion/);
    const missing = await runCli(['report', '-', '--characteristic', 'orientation=Sexual Orientation'], { stdin: text });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing column "Sexual Orientation" for the characteristic orientation/);
  });
});
