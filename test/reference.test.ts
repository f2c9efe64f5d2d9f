/**
 * Differential test: the real CLI (`paygap report --format json`, in-process) against an
 * independent reference implementation written from the original specification (now docs/METHOD.md §1–§7) and the lead's decisions
 * (test/reference/reference-impl.ts), on generated and hand-built files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportJson } from './helpers/run-cli.js';
import { reportOfText } from './helpers/pipeline.js';
import { type Case, OPTION_SETS, govukTieCsv, handCases, messyCases, sampleCsv } from './reference/generate-cases.js';
import { BANDS, type RefReport, quartileCounts, referenceReport } from './reference/reference-impl.js';

const dir = mkdtempSync(join(tmpdir(), 'paygap-reference-'));
// REFERENCE_KEEP=1 keeps the generated CSVs for debugging (their paths are in failure messages).
afterAll(() => {
  if (!process.env.REFERENCE_KEEP) rmSync(dir, { recursive: true, force: true });
});

let fileCounter = 0;
function writeCsv(text: string): string {
  const file = join(dir, `case-${++fileCounter}.csv`);
  writeFileSync(file, text);
  return file;
}

/** Same criterion as expect(x).toBeCloseTo(y, 10): |x − y| < 10^-10 / 2. */
function close(cli: unknown, ref: number): boolean {
  return typeof cli === 'number' && Math.abs(cli - ref) < 10 ** -10 / 2;
}

/** Compare a CLI report with the reference; returns human-readable mismatches. */
function compare(cli: any, ref: RefReport): string[] {
  const problems: string[] = [];
  const num = (path: string, c: unknown, r: number | null, exact: boolean) => {
    if (r === null) {
      if (c !== null) problems.push(`${path}: cli=${JSON.stringify(c)} ref=null`);
    } else if (exact ? c !== r : !close(c, r)) {
      problems.push(`${path}: cli=${JSON.stringify(c)} ref=${r}`);
    }
  };

  if (cli.method?.payMethod !== ref.payMethod) problems.push(`method.payMethod: cli=${cli.method?.payMethod} ref=${ref.payMethod}`);
  if (cli.method?.unit !== ref.unit) problems.push(`method.unit: cli=${cli.method?.unit} ref=${ref.unit}`);
  for (const key of Object.keys(ref.population) as (keyof RefReport['population'])[]) {
    num(`population.${key}`, cli.population?.[key], ref.population[key], true);
  }

  const cliChars: any[] = cli.characteristics ?? [];
  const id = (c: { characteristic: string; view: string }) => `${c.characteristic}/${c.view}`;
  const cliIds = cliChars.map(id).sort();
  const refIds = ref.characteristics.map(id).sort();
  if (JSON.stringify(cliIds) !== JSON.stringify(refIds)) problems.push(`characteristics: cli=${cliIds.join(',')} ref=${refIds.join(',')}`);

  for (const rc of ref.characteristics) {
    const cc = cliChars.find((c) => id(c) === id(rc));
    if (!cc) continue;
    const at = id(rc);
    if (cc.referenceGroup !== rc.referenceGroup) problems.push(`${at}.referenceGroup: cli=${cc.referenceGroup} ref=${rc.referenceGroup}`);
    for (const b of BANDS) num(`${at}.quartileSizes.${b}`, cc.quartileSizes?.[b], rc.quartileSizes[b], true);
    num(`${at}.disclosure.disclosed`, cc.disclosure?.disclosed, rc.disclosure.disclosed, true);
    num(`${at}.disclosure.notDisclosed`, cc.disclosure?.notDisclosed, rc.disclosure.notDisclosed, true);
    num(`${at}.disclosure.ratePercent`, cc.disclosure?.ratePercent, rc.disclosure.ratePercent, false);

    const cliNames = (cc.groups ?? []).map((g: any) => g.group);
    const refNames = rc.groups.map((g) => g.group);
    if (JSON.stringify(cliNames) !== JSON.stringify(refNames)) problems.push(`${at}.groups (names, in order): cli=${JSON.stringify(cliNames)} ref=${JSON.stringify(refNames)}`);

    for (const rg of rc.groups) {
      const cg = (cc.groups ?? []).find((g: any) => g.group === rg.group);
      if (!cg) continue;
      const gat = `${at}[${rg.group}]`;
      if (cg.reference !== rg.reference) problems.push(`${gat}.reference: cli=${cg.reference} ref=${rg.reference}`);
      if (cg.comparable !== rg.comparable) problems.push(`${gat}.comparable: cli=${cg.comparable} ref=${rg.comparable}`);
      num(`${gat}.headcount`, cg.headcount, rg.headcount, true);
      num(`${gat}.relevantHeadcount`, cg.relevantHeadcount, rg.relevantHeadcount, true);
      // Cells withheld to protect other cells are disclosure control's business (checked by the
      // independent audit in test/disclosure); the reference models small-group suppression only.
      const protecting = (key: string) => cg.figureStatus?.[key]?.status === 'withheld';
      const fig = (key: string, path: string, c: unknown, r: number | null, exact: boolean) => {
        if (!protecting(key)) num(path, c, r, exact);
      };
      fig('meanHourlyPay', `${gat}.meanHourlyPay`, cg.meanHourlyPay, rg.meanHourlyPay, false);
      fig('medianHourlyPay', `${gat}.medianHourlyPay`, cg.medianHourlyPay, rg.medianHourlyPay, false);
      fig('meanGapPercent', `${gat}.meanGapPercent`, cg.meanGapPercent, rg.meanGapPercent, false);
      fig('medianGapPercent', `${gat}.medianGapPercent`, cg.medianGapPercent, rg.medianGapPercent, false);
      fig('bonus.recipients', `${gat}.bonus.recipients`, cg.bonus?.recipients, rg.bonus.recipients, true);
      fig('bonus.receivingPercent', `${gat}.bonus.receivingPercent`, cg.bonus?.receivingPercent, rg.bonus.receivingPercent, false);
      fig('bonus.mean', `${gat}.bonus.mean`, cg.bonus?.mean, rg.bonus.mean, false);
      fig('bonus.median', `${gat}.bonus.median`, cg.bonus?.median, rg.bonus.median, false);
      fig('bonus.meanGapPercent', `${gat}.bonus.meanGapPercent`, cg.bonus?.meanGapPercent, rg.bonus.meanGapPercent, false);
      fig('bonus.medianGapPercent', `${gat}.bonus.medianGapPercent`, cg.bonus?.medianGapPercent, rg.bonus.medianGapPercent, false);
      for (const b of BANDS) {
        fig('quartiles', `${gat}.quartiles.${b}.count`, cg.quartiles?.[b]?.count, rg.quartiles[b].count, true);
        fig('quartiles', `${gat}.quartiles.${b}.percent`, cg.quartiles?.[b]?.percent, rg.quartiles[b].percent, false);
      }
    }
  }
  return problems;
}

async function check(c: Case): Promise<void> {
  const file = writeCsv(c.csv);
  const { json: cli } = await reportOfText(c.csv, {
    payMethod: c.ref.payMethod ?? 'auto',
    unit: c.ref.unit,
    minGroupSize: c.ref.minGroupSize ?? 10,
    payPeriod: c.ref.payPeriod ?? 'monthly',
    salaryBasis: c.ref.salaryBasis ?? 'fte',
  });
  const ref = referenceReport(c.csv, c.ref);
  const problems = compare(cli, ref);
  // Print the first mismatches in full; the assertion carries the count.
  expect(problems.slice(0, 40), `${problems.length} mismatch(es) for "${c.name}" (${file})`).toEqual([]);
}

describe('reference implementation sanity', () => {
  it('shares tied seats like the GOV.UK worked example (9 W + 1 M, then 27 W + 3 M)', () => {
    const members = [
      ...Array.from({ length: 30 }, (_, i) => ({ group: i % 2 ? 'M' : 'W', pay: 10 + i / 100 })),
      ...Array.from({ length: 40 }, (_, i) => ({ group: i < 36 ? 'W' : 'M', pay: 12 })),
      ...Array.from({ length: 90 }, (_, i) => ({ group: i % 2 ? 'M' : 'W', pay: 13 + i / 100 })),
    ];
    const { counts } = quartileCounts(members);
    // lower: 15 W + 15 M below the tie, then 9 W + 1 M from it
    expect(counts.lower.get('W')).toBe(24);
    expect(counts.lower.get('M')).toBe(16);
    // lower middle: the remaining 27 W + 3 M of the tie, then the first 10 of the high group
    expect(counts.lowerMiddle.get('W')).toBe(27 + 5);
    expect(counts.lowerMiddle.get('M')).toBe(3 + 5);
    const ref = referenceReport(govukTieCsv(), { minGroupSize: 0 });
    const female = ref.characteristics[0]!.groups.find((g) => g.group === 'Female')!;
    expect(female.quartiles.lower.count).toBe(24);
    expect(female.quartiles.lowerMiddle.count).toBe(32);
  });
});

describe('the command line gives what the library gives', () => {
  const text = sampleCsv(400, 77);
  for (const o of OPTION_SETS) {
    it(o.name, async () => {
      const cli = await reportJson([writeCsv(text), '--quiet', ...o.args]);
      const { json } = await reportOfText(text, {
        payMethod: o.ref.payMethod ?? 'auto',
        unit: o.ref.unit,
        minGroupSize: o.ref.minGroupSize ?? 10,
        payPeriod: o.ref.payPeriod ?? 'monthly',
        salaryBasis: o.ref.salaryBasis ?? 'fte',
      });
      // Everything but where the file was read from and the tool's version.
      const strip = (r: any) => ({ ...r, tool: undefined, input: { ...r.input, file: undefined }, method: { ...r.method, settingSources: undefined } });
      expect(strip(cli)).toEqual(strip(JSON.parse(JSON.stringify(json))));
    });
  }
});

describe('the library matches the reference implementation', () => {
  describe('hand-built files', () => {
    for (const c of handCases()) it(c.name, () => check(c));
  });

  describe('seeded messy files', () => {
    for (const c of messyCases()) it(c.name, () => check(c));
  });

  const samples: ReadonlyArray<{ rows: number; seed: number }> = [
    { rows: 300, seed: 11 },
    { rows: 1000, seed: 202 },
    { rows: 2500, seed: 3003 },
  ];
  for (const { rows, seed } of samples) {
    describe(`paygap sample --rows ${rows} --seed ${seed}`, () => {
      let text: string | undefined;
      const load = () => (text ??= sampleCsv(rows, seed));
      for (const o of OPTION_SETS) {
        it(o.name, () => check({ name: `sample ${rows}/${seed} ${o.name}`, csv: load(), args: o.args, ref: o.ref }));
      }
    });
  }
});
