import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bandOf, compareBands } from '../../src/schema/codes/bands.js';
import { reportJson, runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

const sample = readFileSync(new URL('../../fixtures/esr-sample.csv', import.meta.url), 'utf8');
const lines = sample.trimEnd().split('\r\n');
const header = (lines[0] as string).split(',');
/** The sample with one column set to a single value for every row. */
const withColumn = (name: string, value: string) => {
  const at = header.indexOf(name);
  // Rows may contain quoted commas (salaries); rebuild them field by field.
  const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')).slice(0, header.length);
  return [lines[0], ...lines.slice(1).map((l) => split(l).map((c, i) => (i === at ? value : c)).join(','))].join('\n') + '\n';
};

describe('bandOf', () => {
  it.each([
    ['NHS|XR05|Review Body Band 5', 'Band 5'],
    ['Band 8A', 'Band 8a'],
    ['AfC Band 8c', 'Band 8c'],
    ['XR03', 'Band 3'],
    ['Consultant', 'Consultant'],
    ['Medical|Specialty Registrar', 'Specialty Registrar'],
    ['', '(no grade)'],
  ])('%j → %s', (grade, band) => {
    expect(bandOf(grade)).toBe(band);
  });
  it('orders bands numerically, 8a before 8b, other grades after, no grade last', () => {
    expect(['Consultant', '(no grade)', 'Band 9', 'Band 8b', 'Band 10'.slice(0, 6), 'Band 8a', 'Band 2'].sort(compareBands)).toEqual([
      'Band 1',
      'Band 2',
      'Band 8a',
      'Band 8b',
      'Band 9',
      'Consultant',
      '(no grade)',
    ]);
  });
});

describe('--within', () => {
  it('a breakdown with one subgroup equals the headline', async () => {
    const report = await reportJson(['-', '--within', 'staffGroup', '--min-group-size', '0', '--quiet'], { stdin: withColumn('Staff Group', 'All staff') });
    const [only] = report.breakdowns[0].subgroups;
    expect(report.breakdowns[0].subgroups).toHaveLength(1);
    expect(only.subgroup).toBe('All staff');
    // Headline views also carry `decomposition` (null without --explain); subgroup views do not.
    expect(only.characteristics).toEqual(report.characteristics.map(({ decomposition: _d, ...view }: { decomposition: unknown }) => view));
    expect(only.fullPayEmployees).toBe(report.population.fullPayEmployees);
  });

  it('subgroups partition the population, and composition adds up', async () => {
    const report = await reportJson(['fixtures/esr-sample.csv', '--within', 'band', '--min-group-size', '0', '--quiet']);
    const b = report.breakdowns[0];
    expect(b.subgroups.reduce((s: number, x: { relevantEmployees: number }) => s + x.relevantEmployees, 0)).toBe(report.population.relevantEmployees);
    report.characteristics.forEach((view: any, v: number) => {
      view.groups.forEach((g: any, i: number) => {
        // Each group's headcounts across subgroups add up to its headline headcount.
        const total = b.subgroups.reduce((s: number, sg: any) => s + sg.characteristics[v].groups[i].headcount, 0);
        expect(total).toBe(g.headcount);
        const share = b.composition[v].rows.reduce((s: number, row: any) => s + (row.groups[i].percentOfGroup ?? 0), 0);
        if (g.headcount > 0) expect(share).toBeCloseTo(100, 9);
      });
    });
    for (const row of b.composition[0].rows) {
      const total = row.groups.reduce((s: number, x: any) => s + x.headcount, 0);
      if (total > 0) expect(row.groups.reduce((s: number, x: any) => s + x.percentOfSubgroup, 0)).toBeCloseTo(100, 9);
    }
  });

  it('withholds extra cells so no suppressed figure can be worked out from the totals', async () => {
    const report = await reportJson(['fixtures/esr-sample.csv', '--within', 'band', '--quiet']);
    const b = report.breakdowns[0];
    expect(b.withheld.length).toBeGreaterThan(0);
    report.characteristics.forEach((view: any, v: number) => {
      // Within a subgroup: never exactly one group with people whose pay is withheld.
      for (const sg of b.subgroups) {
        const groups = sg.characteristics[v].groups.filter((g: any) => g.headcount > 0);
        const hidden = groups.filter((g: any) => g.meanHourlyPay === null);
        if (hidden.length === 1) expect(groups.length).toBe(1);
      }
      // Across subgroups, for each group shown in the headline: never exactly one hidden.
      view.groups.forEach((g: any, i: number) => {
        if (g.meanHourlyPay === null) return;
        const cells = b.subgroups.map((sg: any) => sg.characteristics[v].groups[i]).filter((c: any) => c.headcount > 0);
        const hidden = cells.filter((c: any) => c.meanHourlyPay === null);
        if (hidden.length === 1) expect(cells.length).toBe(1);
      });
    });
    const first = b.withheld[0];
    const cell = b.subgroups.find((s: any) => s.subgroup === first.subgroup).characteristics.find((c: any) => c.view === first.view).groups.find((g: any) => g.group === first.group);
    expect(cell.nullReasons.meanHourlyPay ?? cell.nullReasons['bonus.mean']).toMatch(/withheld so that a suppressed figure cannot be worked out|fewer than/);
  });

  it('needs the column it breaks down by', async () => {
    const result = await runCli(['report', '-', '--within', 'band'], { stdin: csv(['Gender', 'Hourly Rate'], [['Male', '10']]) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing required column grade \(--within band needs it\)/);
  });
});

describe('--intersect', () => {
  it('intersecting with a characteristic everyone shares gives that characteristic', async () => {
    const report = await reportJson(['-', '--intersect', 'sex,disability', '--min-group-size', '0', '--quiet'], { stdin: withColumn('Disability', 'No') });
    const sex = report.characteristics.find((c: any) => c.view === 'sex');
    const x = report.intersections[0];
    expect(x.referenceGroup).toBe('Male × Non-disabled');
    for (const name of ['Male', 'Female']) {
      const { group: _a, reference: _r, ...plain } = sex.groups.find((g: any) => g.group === name);
      const { group: _b, reference: _s, ...crossed } = x.groups.find((g: any) => g.group === `${name} × Non-disabled`);
      expect(crossed).toEqual(plain);
    }
    // The other combinations are empty.
    expect(x.groups.filter((g: any) => !g.group.endsWith('Non-disabled')).every((g: any) => g.headcount === 0)).toBe(true);
  });

  it('compares each combination with the reference combination, by hand', async () => {
    const rows = [
      ['Male', 'A', '20'], ['Male', 'A', '22'], ['Male', 'N', '18'],
      ['Female', 'A', '15'], ['Female', 'N', '12'], ['Female', 'N', '14'],
    ];
    const report = await reportJson(['-', '--by', 'sex,ethnicity', '--intersect', 'sex,ethnicity', '--min-group-size', '0', '--quiet'], {
      stdin: csv(['Gender', 'Ethnic Origin', 'Hourly Rate'], rows),
    });
    const x = report.intersections[0];
    const g = (name: string) => x.groups.find((y: any) => y.group === name);
    expect(g('Male × White').reference).toBe(true);
    expect(g('Male × White').meanHourlyPay).toBe(21);
    // Female × BME: mean 13 against 21 → (21 − 13) / 21.
    expect(g('Female × BME').meanGapPercent).toBeCloseTo((8 / 21) * 100, 10);
    expect(g('Male × BME').medianGapPercent).toBeCloseTo((3 / 21) * 100, 10);
    expect(g('Female × Not stated').comparable).toBe(false);
  });

  it('rejects an intersection of a characteristic with itself', async () => {
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--intersect', 'ethnicity,broad']);
    expect(result.code).toBe(2);
  });
});
