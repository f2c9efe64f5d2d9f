import { describe, expect, it } from 'vitest';
import type { PublishedReport } from '../../src/report/published.js';
import { derivableSecrets, exportText, type Person } from '../helpers/independent-audit.js';
import { reportOfText } from '../helpers/pipeline.js';

/**
 * A hostile test of --explain (METHOD §17.4): one woman alone in Band 9. Her pay is withheld,
 * and so is another cell of women that would give it back by subtraction. Two workforces that
 * differ only in her pay (and, by the same amount the other way, the pay of a woman in that
 * other withheld cell) publish the same report. If the decomposition let a reader learn
 * anything about her pay, the two reports with --explain would differ; they are the same to
 * the last digit. The decomposition therefore tells nothing the report does not.
 */
const BANDS = [
  { band: 'Band 3', women: 30, men: 10, low: 12, high: 15 },
  { band: 'Band 5', women: 40, men: 12, low: 18, high: 22 },
  { band: 'Band 7', women: 25, men: 15, low: 25, high: 30 },
  { band: 'Band 8d', women: 11, men: 12, low: 34, high: 38 },
  { band: 'Band 9', women: 0, men: 12, low: 70, high: 80 },
];
const HER_PAY = 60;

/** Whole pounds (so every total is exact), pay bands that do not overlap, each band's top woman alone at its top. */
function workforce(): Person[] {
  const people: Person[] = [];
  const add = (sex: Person['sex'], band: string, pay: number) =>
    people.push({ id: people.length + 1, sex, ethnicity: 'A', disability: 'No', band, pay, bonus: 0, fullPay: true });
  for (const b of BANDS) {
    for (let i = 0; i < b.women; i++) add('Female', b.band, i === 0 ? b.high : b.low + (i % (b.high - b.low)));
    for (let i = 0; i < b.men; i++) add('Male', b.band, b.low + (i % (b.high - b.low + 1)));
  }
  add('Female', 'Band 9', HER_PAY);
  return people;
}

const report = async (people: readonly Person[], explain: boolean) =>
  (await reportOfText(exportText(people), { by: ['sex'], explain: explain ? ['band'] : undefined })).json;

/** The report without what describes the file itself (its hash and size differ with any byte). */
const published = (json: PublishedReport) => JSON.stringify({ ...json, input: null });

describe('--explain tells nothing about a small cell that the report does not', () => {
  it('one woman alone in Band 9: her pay cannot be recovered from the decomposition and the rest of the report', async () => {
    const a = workforce();
    const first = await report(a, true);
    const her = a.find((p) => p.band === 'Band 9' && p.sex === 'Female') as Person;
    const sexInBand = (band: string) => first.breakdowns[0]!.subgroups.find((s) => s.subgroup === band)!.characteristics[0]!;
    expect(sexInBand('Band 9').groups[1]).toMatchObject({ group: 'Female', headcount: 1, meanHourlyPay: null });

    // The other cell of women that disclosure control withheld to protect hers.
    const other = BANDS.find((b) => b.band !== 'Band 9' && sexInBand(b.band).groups[1]!.meanHourlyPay === null);
    expect(other).toBeDefined();
    const partner = a.find((p) => p.band === other!.band && p.sex === 'Female' && p.pay === other!.high) as Person;
    const b = a.map((p) => (p === her ? { ...p, pay: HER_PAY - 1 } : p === partner ? { ...p, pay: partner.pay + 1 } : p));

    // The premise: the report alone cannot tell the two workforces apart.
    expect(published(await report(b, false))).toBe(published(await report(a, false)));
    // With --explain, still not: the decomposition is worked out from published figures only.
    const second = await report(b, true);
    expect(published(second)).toBe(published(first));

    // Her cell gives no contribution of its own: it is among the withheld cells, taken as one.
    const women = first.characteristics[0]!.decomposition!.groups[0]!;
    expect(women.parts).not.toBeNull();
    expect(women.cells.find((c) => c.cell === 'Band 9')).toMatchObject({ contribution: null, groupHeadcount: 1 });
    expect(women.withheldCells?.cells).toEqual(expect.arrayContaining(['Band 9', other!.band]));
    // And the published figures the decomposition rests on leave no small total derivable.
    expect(derivableSecrets(a, first, 10)).toEqual([]);
  });

  it('a headline mean that is withheld takes the whole decomposition with it', async () => {
    const people = workforce().map((p) => (p.sex === 'Male' && p.id % 7 !== 0 ? { ...p, sex: 'Female' as const } : p));
    const json = await report(people, true);
    const men = json.characteristics[0]!.groups.find((g) => g.group === 'Male')!;
    expect(men.headcount).toBeLessThan(10);
    const d = json.characteristics[0]!.decomposition!;
    expect(d.groups[0]).toMatchObject({ meanGap: null, parts: null, cells: [], withheldCells: null, status: { status: 'suppressed', reason: 'small-group', ofReference: true } });
  });
});
