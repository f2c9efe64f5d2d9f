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
import { quartileCounts, referenceReport } from './reference/reference-impl.js';
import { compare } from './reference/compare.js';

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
