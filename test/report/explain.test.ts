import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTS, type Parts } from '../../src/report/decomposition.js';
import type { PublishedReport, PublishedView } from '../../src/report/published.js';
import { exportText, groupOfPerson, type Person } from '../helpers/independent-audit.js';
import { exactNopo, toNumber, type Earner } from '../helpers/independent-decomposition.js';
import { reportOfFile, reportOfText } from '../helpers/pipeline.js';

/**
 * --explain (METHOD §17) on whole reports: the parts add up to every gap of the bundled
 * sample; they agree with an independent computation in exact arithmetic; they do not depend
 * on the order of the rows or the names of the cells; a group whose headline mean is not
 * published has no decomposition; and the medians are never split.
 */
const SAMPLE = 'fixtures/esr-sample.csv';
type Decomposition = NonNullable<PublishedView['decomposition']>;
type Group = Decomposition['groups'][number];

const decomposed = (json: PublishedReport): { view: PublishedView; d: Decomposition }[] =>
  [...json.characteristics, ...json.intersections].flatMap((view) => (view.decomposition ? [{ view, d: view.decomposition }] : []));
const sumParts = (p: Parts, unit: 'points' | 'pounds') => PARTS.reduce((s, part) => s + p[part.key][unit], 0);

describe('--explain on the bundled sample', async () => {
  const OPTIONS = { explain: ['band'], intersect: [['sex/sex', 'ethnicity/binary']], intersecting: ['sex', 'ethnicity'] } as const;
  const { json } = await reportOfFile(SAMPLE, OPTIONS);

  it('splits every mean gap exactly: the parts add up to the gap, and the cells to each part', () => {
    const views = decomposed(json);
    expect(views.length).toBe(json.characteristics.length + json.intersections.length);
    let split = 0;
    for (const { view, d } of views) {
      expect(d.groups.map((g) => g.group)).toEqual(view.groups.filter((g) => !g.reference && g.comparable).map((g) => g.group));
      for (const g of d.groups) {
        if (g.parts === null) continue;
        split++;
        const shown = view.groups.find((x) => x.group === g.group)!;
        expect(g.meanGap).toEqual({ pounds: shown.meanPayDifference, points: shown.meanGapPercent });
        expect(Math.abs(sumParts(g.parts, 'pounds') - g.meanGap!.pounds)).toBeLessThan(1e-9);
        expect(Math.abs(sumParts(g.parts, 'points') - g.meanGap!.points)).toBeLessThan(1e-9);
        for (const part of PARTS) {
          const cells = g.cells.reduce((s, c) => s + (c.contribution?.[part.key].pounds ?? 0), 0) + (g.withheldCells?.contribution[part.key].pounds ?? 0);
          expect(Math.abs(cells - g.parts[part.key].pounds)).toBeLessThan(1e-9);
        }
      }
    }
    expect(split).toBeGreaterThanOrEqual(15);
  });

  it('gives the numbers behind the issue: a 17.0% gap, 0.3% in Band 5 where women are 84%, nearly all of it composition', () => {
    const sex = json.characteristics.find((c) => c.view === 'sex')!;
    const women = sex.decomposition!.groups[0]!;
    expect(women.meanGap!.points.toFixed(1)).toBe('17.0');
    expect(women.parts!.composition.points.toFixed(1)).toBe('17.1');
    expect(women.parts!.withinCell.points.toFixed(1)).toBe('-0.1');
    const band5 = women.cells.find((c) => c.cell === 'Band 5')!;
    expect([band5.referenceHeadcount, band5.groupHeadcount]).toEqual([44, 235]);
    expect(((100 * 235) / (44 + 235)).toFixed(0)).toBe('84');
    const inBand5 = json.breakdowns[0]!.subgroups.find((s) => s.subgroup === 'Band 5')!.characteristics[0]!.groups[1]!;
    expect(inBand5.meanGapPercent!.toFixed(1)).toBe('0.3');
  });

  it('never splits a median, and says why', () => {
    for (const { d } of decomposed(json)) expect(d.median).toMatchObject({ status: 'not-applicable', reason: 'not-decomposable' });
  });

  it('does not split a gap whose headline mean is withheld, and publishes no cell of it', () => {
    const detailed = json.characteristics.find((c) => c.view === 'detailed')!;
    const small = detailed.groups.filter((g) => !g.reference && g.comparable && g.meanHourlyPay === null);
    expect(small.length).toBeGreaterThan(0);
    for (const g of small) {
      const d = detailed.decomposition!.groups.find((x) => x.group === g.group)!;
      expect(d).toMatchObject({ meanGap: null, parts: null, cells: [], withheldCells: null });
      expect(d.status?.status).toBe(g.figureStatus.meanGapPercent?.status);
    }
  });

  it('does not depend on the order of the rows', async () => {
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const random = fc.sample(fc.infiniteStream(fc.nat()), { numRuns: 1, seed: 14 })[0]!;
    for (let i = rows.length - 1; i > 0; i--) {
      const j = (random.next().value as number) % (i + 1);
      [rows[i], rows[j]] = [rows[j] as string, rows[i] as string];
    }
    const shuffled = await reportOfText([header, ...rows].join('\n') + '\n', OPTIONS);
    expect(rounded(decomposed(shuffled.json).map((x) => x.d))).toEqual(rounded(decomposed(json).map((x) => x.d)));
  });

  it.each([0, 10])('does not depend on the names of the cells (K = %i)', async (k) => {
    // The staff group renamed, bijectively, with names that sort in another order.
    const rename = (name: string) => `${String.fromCharCode(90 - name.length)} ${[...name].reverse().join('')}`;
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const at = header!.split(',').indexOf('Staff Group');
    const renamed = rows.map((row) => {
      const cells = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      return `${row},${rename(cells[at] as string)}`;
    });
    const original = await reportOfFile(SAMPLE, { explain: ['staffGroup'], minGroupSize: k });
    const relabelled = await reportOfText([`${header},Org L3`, ...renamed].join('\n') + '\n', { explain: ['Org L3'], minGroupSize: k });
    const byName = (d: Decomposition, cellName: (c: string) => string) =>
      d.groups.map((g) => ({ ...g, cells: [...g.cells].map((c) => ({ ...c, cell: cellName(c.cell) })).sort((a, b) => a.cell.localeCompare(b.cell)), withheldCells: g.withheldCells && { ...g.withheldCells, cells: g.withheldCells.cells.map(cellName).sort() } }));
    const a = decomposed(original.json).map(({ d }) => byName(d, rename));
    const b = decomposed(relabelled.json).map(({ d }) => byName(d, (c) => c));
    expect(rounded(b)).toEqual(rounded(a));
  });
});

/** Numbers to 9 decimal places, so sums taken in another order compare equal. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e9) / 1e9 + 0;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

const BANDS = ['Band 2', 'Band 3', 'Band 5', 'Band 7', 'Band 8a', 'Consultant'];
const personArb = (id: number) =>
  fc
    .record({
      sex: fc.constantFrom<Person['sex']>('Female', 'Female', 'Male'),
      ethnicity: fc.constantFrom('A', 'A', 'A', 'H', 'N', 'C'),
      band: fc.constantFrom(...BANDS),
      pence: fc.integer({ min: 1100, max: 9000 }),
      fullPay: fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map((r): Person => ({ id, sex: r.sex, ethnicity: r.ethnicity, disability: 'No', band: r.band, pay: r.pence / 100, bonus: 0, fullPay: r.fullPay }));

describe('--explain against an independent computation in exact arithmetic', () => {
  it('gives the same parts and cell contributions, with the withheld cells taken as one', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 40, max: 160 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i + 1)))), fc.constantFrom(0, 5, 10), async (people, k) => {
        const { json } = await reportOfText(exportText(people), { explain: ['band'], minGroupSize: k, by: ['sex', 'ethnicity'] });
        for (const { view, d } of decomposed(json)) {
          for (const g of d.groups) if (g.parts !== null) checked += checkGroup(people, view, d, g);
        }
      }),
      { numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});

/** The detailed view's groups are matched by their code ("A " is "A White - British"). */
const inGroup = (mine: string | undefined, group: string): boolean => mine !== undefined && (mine === group || (mine.endsWith(' ') && group.startsWith(mine)));

/** Checks one group's parts and each shown cell's within-cell contribution; returns how many figures it checked. */
function checkGroup(people: readonly Person[], view: PublishedView, d: Decomposition, g: Group): number {
  const lumped = new Set(g.withheldCells?.cells ?? []);
  const earners = (group: string): Earner[] =>
    people
      .filter((p) => p.fullPay && inGroup(groupOfPerson(p, view.characteristic, view.view), group))
      .map((p) => ({ pence: Math.round(p.pay * 100), cell: lumped.has(p.band) ? '(withheld)' : p.band }));
  const exact = exactNopo(earners(d.referenceGroup), earners(g.group));
  expect(g.meanGap!.pounds).toBeCloseTo(toNumber(exact.gap), 9);
  for (const part of PARTS) expect(g.parts![part.key].pounds, `${view.view} ${g.group} ${part.key}`).toBeCloseTo(toNumber(exact[part.key]), 9);
  // A shown cell's within-cell contribution: the group's share of the common support in it × (reference mean − group mean).
  const [reference, group] = [earners(d.referenceGroup), earners(g.group)];
  const support = group.filter((p) => reference.some((r) => r.cell === p.cell)).length;
  const meanIn = (list: readonly Earner[], cell: string) => list.filter((p) => p.cell === cell).reduce((s, p) => s + p.pence, 0) / 100 / list.filter((p) => p.cell === cell).length;
  const shown = g.cells.filter((c) => c.contribution !== null && c.support === 'both');
  for (const c of shown) {
    const expected = (group.filter((p) => p.cell === c.cell).length / support) * (meanIn(reference, c.cell) - meanIn(group, c.cell));
    expect(c.contribution!.withinCell.pounds).toBeCloseTo(expected, 9);
  }
  return PARTS.length + shown.length;
}
