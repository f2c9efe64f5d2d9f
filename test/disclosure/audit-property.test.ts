import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableSecrets, exportText, type Person } from '../helpers/independent-audit.js';
import { reportOfText } from '../helpers/pipeline.js';

/**
 * Hundreds of random small exports with rare groups (one or two people in a detailed ethnic
 * group, a single disabled person, unrecorded sex), with and without a breakdown by band and
 * an intersection, with and without --explain by a directorate column (a second breakdown), at K = 5 and 10: an audit written here, independently of src/disclosure,
 * finds no withheld figure and no total of fewer than K people that the report lets a
 * reader work out; with --ci, no interval end turns back into a person's pay.
 */
const RARE = ['B', 'C', 'D', 'H', 'N', 'R'];

const personArb = (id: number) =>
  fc
    .record({
      sex: fc.constantFrom<Person['sex']>('Female', 'Female', 'Female', 'Male', 'Male', ''),
      ethnicity: fc.oneof({ weight: 8, arbitrary: fc.constant('A') }, { weight: 3, arbitrary: fc.constantFrom(...RARE) }, { weight: 1, arbitrary: fc.constantFrom('Z', '') }),
      disability: fc.oneof({ weight: 10, arbitrary: fc.constant<Person['disability']>('No') }, { weight: 1, arbitrary: fc.constantFrom<Person['disability']>('Yes', 'Not Declared', '') }),
      band: fc.constantFrom('Band 3', 'Band 5', 'Band 5', 'Band 7'),
      pence: fc.integer({ min: 1000, max: 6000 }),
      bonus: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }) }),
      fullPay: fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      org: fc.constantFrom('Surgery', 'Medicine', 'Medicine', ''),
    })
    .map((r): Person => ({ id, sex: r.sex, ethnicity: r.ethnicity, disability: r.disability, band: r.band, org: r.org, pay: r.pence / 100, bonus: r.bonus, fullPay: r.fullPay }));

const exportArb = fc.integer({ min: 12, max: 70 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i + 1))));

type Interval = { low: number; high: number } | null;
type ViewJson = { view: string; groups: { group: string; reference: boolean; meanHourlyPay: number | null; medianHourlyPay: number | null; meanGapPercent: number | null; confidence: { meanGapPercent: Interval; medianGapPercent: Interval } | null }[] };

/**
 * Interval ends turned back into pay as a reader would, against the view's reference group's
 * published mean or median (gap e → reference × (1 − e ÷ 100)): none may be a person's pay
 * (to within a millionth of a pound). Withheld gaps have no interval.
 */
function endsAtSomeonesPay(people: readonly Person[], json: { readonly characteristics: readonly unknown[]; readonly intersections: readonly unknown[] }): string[] {
  const pays = people.map((p) => p.pay);
  const found: string[] = [];
  for (const view of [...json.characteristics, ...json.intersections] as ViewJson[]) {
    const reference = view.groups.find((g) => g.reference);
    for (const g of view.groups) {
      if (g.meanGapPercent === null && g.confidence !== null) found.push(`${view.view} ${g.group}: an interval for a withheld gap`);
      if (g.confidence === null || reference === undefined) continue;
      const ends: [Interval, number | null][] = [[g.confidence.meanGapPercent, reference.meanHourlyPay], [g.confidence.medianGapPercent, reference.medianHourlyPay]];
      for (const [interval, base] of ends) {
        if (interval === null || base === null) continue;
        for (const end of [interval.low, interval.high]) {
          const pay = base * (1 - end / 100);
          if (pays.some((p) => Math.abs(p - pay) < 1e-6)) found.push(`${view.view} ${g.group}: an end is £${pay}`);
        }
      }
    }
  }
  return found;
}

describe('disclosure control against an independent audit', () => {
  it('leaves nothing derivable in random exports with rare groups', async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, fc.constantFrom(5, 10), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), async (people, k, within, intersect, ci, explain) => {
        const { json } = await reportOfText(exportText(people), {
          minGroupSize: k,
          within: within ? 'band' : undefined,
          // --explain publishes a second breakdown (its cells' figures), which the audit must cover too.
          explain: explain ? ['Org L3'] : undefined,
          intersect: intersect ? [['sex/sex', 'ethnicity/binary']] : [],
          intersecting: intersect ? ['sex', 'ethnicity'] : [],
          ...(ci ? { ci: { level: 95, resamples: 200, seed: 1 } } : {}),
        });
        expect(json.disclosureControl?.rule).toBe('audit');
        expect(derivableSecrets(people, json, k)).toEqual([]);
        expect(endsAtSomeonesPay(people, json)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
