import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { reportOfFiles, reportOfText } from '../helpers/pipeline.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { sampleCsv } from '../reference/generate-cases.js';
import { referenceReport } from '../reference/reference-impl.js';
import { compare } from '../reference/compare.js';

/**
 * One report of several organisations' exports (METHOD §16): people keyed by organisation and
 * employee number, repeats found within an organisation, every row of every file accounted
 * for, a breakdown by organisation whose figures are each organisation's own.
 */
const HEADER = ['Employee Number', 'Assignment Number', 'Gender', 'Hourly Rate', 'Contracted Hours', 'Bonus Pay', 'Full Pay'];
const row = (employee: string, assignment: string, sex: string, rate: number, hours = 37.5, bonus = 0) => [employee, assignment, sex, rate, hours, bonus, 'Y'];

/**
 * Rewrite an export's employee and assignment numbers onto another's (the k-th employee of
 * `text` takes the k-th employee number of `onto`), so two organisations share employee and
 * assignment numbers, as real ones do. Both are sample files: the numbers are the first two
 * cells and never quoted.
 */
function renumbered(text: string, onto: string): string {
  const employees = (t: string) => [...new Set(t.trim().split('\n').slice(1).map((l) => l.split(',')[0] as string))];
  const target = employees(onto);
  const map = new Map(employees(text).map((e, k) => [e, target[k] ?? `9${e}`]));
  const [header, ...lines] = text.trim().split('\n');
  return `${[header, ...lines.map((l) => l.replace(/^(\d+),(\d+)/, (_, e: string, a: string) => `${map.get(e)},${a.replace(e, map.get(e)!)}`))].join('\n')}\n`;
}

/** The exports as one file with an organisation column "Trust" (the files' rows in order). */
function withColumn(files: Readonly<Record<string, string>>): string {
  const parts = Object.entries(files).map(([name, text]) => text.trim().split('\n').map((l, i) => `${l},${i === 0 ? 'Trust' : name.replace(/\.csv$/, '')}`));
  return `${[parts[0]![0], ...parts.flatMap((p) => p.slice(1))].join('\n')}\n`;
}

/** Everything but where the figures were read from. */
const figures = (json: any) => ({ ...json, input: undefined, inputs: undefined, method: { ...json.method, columns: undefined } });

describe('two exports against one file with an organisation column', () => {
  const north = sampleCsv(900, 1);
  const south = renumbered(sampleCsv(700, 2), north);
  const files = { 'north.csv': north, 'south.csv': south };

  it('share employee and assignment numbers (so keying by organisation matters here)', () => {
    const firstCells = (t: string) => new Set(t.split('\n').slice(1).map((l) => l.split(',')[1]));
    const shared = [...firstCells(south)].filter((a) => firstCells(north).has(a));
    expect(shared.length).toBeGreaterThan(100);
  });

  it.each([
    ['default settings', {}],
    ['with --within band and an intersection', { within: 'band' as const, intersect: [['sex/sex', 'ethnicity/binary'] as const], intersecting: ['sex' as const, 'ethnicity' as const] }],
    ['counted by assignment', { unit: 'assignment' as const }],
  ])('give the same figures: %s', async (_name, overrides) => {
    const two = await reportOfFiles(files, overrides);
    const one = await reportOfText(withColumn(files), { ...overrides, map: new Map([['organisation', 'Trust']]) });
    expect(two.json.breakdowns[0]?.within).toBe('organisation');
    expect(two.json.breakdowns[0]?.subgroups.map((s) => s.subgroup)).toEqual(['north', 'south']);
    expect(figures(two.json)).toEqual(figures(one.json));
    // The same rows keyed by employee number alone are fewer people: the keying is what differs.
    const merged = await reportOfText(withColumn(files), overrides);
    if (!('unit' in overrides)) expect(merged.json.population.relevantEmployees).toBeLessThan(two.json.population.relevantEmployees);
  });

  it('record each file with its organisation and rows, as the published schema describes', async () => {
    const { json } = await reportOfFiles(files, { organisations: ['North Trust', 'South Trust'] });
    expect(json.inputs?.map((i) => [i.file, i.organisation, i.rowsRead])).toEqual([
      ['north.csv', 'North Trust', 900],
      ['south.csv', 'South Trust', 700],
    ]);
    expect(json.input.file).toBe('north.csv, south.csv');
    expect(json.input.bytes).toBe(Buffer.byteLength(north) + Buffer.byteLength(south));
    expect(json.population.rowsRead).toBe(1600);
    const parsed = reportSchema.safeParse(JSON.parse(JSON.stringify(json)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });
});

describe('people are keyed by organisation and employee number', () => {
  const a = csv(HEADER, [row('1', '1-1', 'F', 10), row('2', '2-1', 'M', 12), row('2', '2-2', 'M', 14, 7.5)]);
  const b = csv(HEADER, [row('1', '1-1', 'M', 20), row('3', '3-1', 'F', 11)]);

  it('employee 1 in A and employee 1 in B are two people, whatever their rows say', async () => {
    const { json } = await reportOfFiles({ 'a.csv': a, 'b.csv': b }, { minGroupSize: 0 });
    // Kept apart: 4 people, no conflict (employee 1 is a woman in A and a man in B).
    expect(json.population).toMatchObject({ rowsRead: 5, rowsValid: 5, rowsInvalid: 0, assignmentsUsed: 5, relevantEmployees: 4 });
    const bySex = (org: number) => json.breakdowns[0]!.subgroups[org]!.characteristics[0]!.groups.map((g) => [g.group, g.headcount]);
    expect(bySex(0)).toEqual([['Male', 1], ['Female', 1]]);
    expect(bySex(1)).toEqual([['Male', 1], ['Female', 1]]);
    // Person 2 of A is one person of two assignments: (12 × 37.5 + 14 × 7.5) ÷ 45.
    expect(json.breakdowns[0]!.subgroups[0]!.characteristics[0]!.groups[0]!.meanHourlyPay).toBeCloseTo(12.3333, 4);
    // As one file without organisations, B's row of employee 1 repeats assignment 1-1, and
    // takes A's employee 1 out with it: two people, not four.
    const merged = await reportOfText(a + b.split('\n').slice(1).join('\n'), { minGroupSize: 0 });
    expect(merged.json.population).toMatchObject({ rowsInvalid: 1, assignmentsUsed: 3, relevantEmployees: 2 });
  });

  it('an organisation column keys people the same way', async () => {
    const text = csv([...HEADER, 'Trust'], [[...row('1', '1-1', 'F', 10), 'A'], [...row('1', '1-1', 'M', 20), 'B'], [...row('7', '7-1', 'F', 15), 'B']]);
    const { json } = await reportOfText(text, { minGroupSize: 0, map: new Map([['organisation', 'Trust']]) });
    expect(json.population).toMatchObject({ rowsInvalid: 0, relevantEmployees: 3 });
    expect(json.breakdowns[0]!.subgroups.map((s) => [s.subgroup, s.relevantEmployees])).toEqual([['A', 1], ['B', 2]]);
    expect(json.inputs?.[0]?.organisation).toBeNull();
  });

  it('a repeated assignment number is one only within an organisation', async () => {
    const repeated = csv(HEADER, [row('1', '1-1', 'F', 10), row('5', '1-1', 'F', 11)]);
    const { json, report } = await reportOfFiles({ 'a.csv': a, 'b.csv': b, 'c.csv': repeated }, { minGroupSize: 0 });
    // 1-1 is in A, B and C: only C's second row is a repeat (of C's line 2), and it takes employee 5 of C with it.
    expect(json.population.rowsInvalid).toBe(1);
    expect(json.population.exclusions).toContainEqual({ reason: 'invalid row: Assignment Number: the same assignment number is on an earlier line', count: 1, stage: 'invalid-row' });
    expect(json.inputs?.map((i) => i.rowsInvalid)).toEqual([0, 0, 1]);
    expect(report.breakdowns[0]!.subgroups.map((s) => s.relevantEmployees)).toEqual([2, 2, 1]);
  });

  it('an invalid row takes its own organisation’s person out, not the other organisation’s', async () => {
    const bad = csv(HEADER, [row('1', '1-1', 'M', 20), ['1', '1-2', 'M', 'twelve', 37.5, 0, 'Y'], row('3', '3-1', 'F', 11)]);
    const { json } = await reportOfFiles({ 'a.csv': a, 'b.csv': bad }, { minGroupSize: 0 });
    expect(json.population.exclusions).toContainEqual({ reason: 'another assignment of the same person is invalid (--unit person)', count: 1, stage: 'row-not-used' });
    expect(json.breakdowns[0]!.subgroups.map((s) => s.relevantEmployees)).toEqual([2, 1]);
  });
});

describe('the breakdown by organisation against the independent reference implementation', () => {
  const files = { 'east.csv': sampleCsv(600, 31), 'west.csv': renumbered(sampleCsv(450, 32), sampleCsv(600, 31)) };

  it.each([0, 10])('each organisation’s figures are those of its own export (K = %i)', async (k) => {
    const { json } = await reportOfFiles(files, { minGroupSize: k });
    const byOrg = json.breakdowns.find((b) => b.within === 'organisation')!;
    const problems = Object.entries(files).flatMap(([name, text], i) => {
      const sg = byOrg.subgroups[i]!;
      const input = json.inputs![i]!;
      const cli = {
        method: json.method,
        population: { rowsRead: input.rowsRead, rowsValid: input.rowsValid, rowsInvalid: input.rowsInvalid, relevantEmployees: sg.relevantEmployees, fullPayEmployees: sg.fullPayEmployees },
        characteristics: sg.characteristics,
      };
      return compare(cli, referenceReport(text, { minGroupSize: k })).map((p) => `${name}: ${p}`);
    });
    expect(problems.slice(0, 20), `${problems.length} mismatch(es)`).toEqual([]);
  });
});
