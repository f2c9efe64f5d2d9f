import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';
import { expectReconciled } from '../helpers/reconcile.js';

/**
 * Property tests: random valid exports keep the invariants; random bytes and random damage
 * to a valid file never crash paygap, never show a stack trace, and exit 0 or 1 with a
 * message. Run counts are in each fc.assert.
 */
const HEADER = ['Employee Number', 'Assignment Number', 'Gender', 'Ethnic Origin', 'Disability', 'Hourly Rate', 'Contracted Hours', 'Bonus Pay', 'Full Pay'];

const rowArb = fc.record({
  person: fc.integer({ min: 1, max: 40 }),
  sex: fc.constantFrom('Male', 'Female', 'M', 'F', '', 'Unknown'),
  ethnicity: fc.constantFrom('A White - British', 'B White - Irish', 'C3 White - Any other white background', 'H Indian', 'N African', 'R Chinese', 'Z Not Stated', '99', ''),
  disability: fc.constantFrom('No', 'Yes', 'Not Declared', 'Unspecified', ''),
  pence: fc.integer({ min: 0, max: 9000 }),
  hours: fc.constantFrom('37.5', '22.5', '7.5', '0', ''),
  bonus: fc.constantFrom('0', '', '250.00', '1200.50', '3016'),
  fullPay: fc.constantFrom('Y', 'Y', 'Y', 'N', ''),
});

type Row = { person: number; sex: string; ethnicity: string; disability: string; pence: number; hours: string; bonus: string; fullPay: string };

/** Each person's characteristics: those of their first row in the original order. */
const profilesOf = (rows: Row[]) => {
  const first = new Map<number, Row>();
  for (const r of rows) if (!first.has(r.person)) first.set(r.person, r);
  return first;
};

/** One person's characteristics come from `profiles`, so rows never conflict in any order. */
function exportOf(rows: Row[], profiles: Map<number, Row>, scale = 1): string {
  const seen = new Map<number, number>();
  return csv(
    HEADER,
    rows.map((r) => {
      const n = (seen.get(r.person) ?? 0) + 1;
      seen.set(r.person, n);
      const p = profiles.get(r.person)!;
      return [String(1000 + r.person), `${1000 + r.person}-${n}`, p.sex, p.ethnicity, p.disability, ((r.pence * scale) / 100).toFixed(2), r.hours, r.bonus, r.fullPay];
    }),
  );
}

const json = async (text: string, args: string[] = []) => {
  const result = await runCli(['report', '-', '--format', 'json', '--quiet', ...args], { stdin: text });
  return { result, report: result.code === 0 ? JSON.parse(result.stdout) : undefined };
};

describe('random valid exports', () => {
  it('never crash, reconcile, and do not depend on row order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.integer(), async (rows, seed) => {
        const profiles = profilesOf(rows);
        const { result, report } = await json(exportOf(rows, profiles), ['--min-group-size', '0']);
        expect(result.code).toBe(0);
        expectReconciled(report);
        const shuffled = [...rows].sort((a, b) => ((a.pence * 7919 + seed) % 97) - ((b.pence * 7919 + seed) % 97));
        const again = (await json(exportOf(shuffled, profiles), ['--min-group-size', '0'])).report;
        // Assignment numbers follow row order, so compare figures only.
        expect(again.characteristics).toEqual(report.characteristics);
        expect(again.population).toEqual(report.population);
      }),
      { numRuns: 80 },
    );
  });

  it('scaling all pay by 10 leaves gaps and quarters unchanged (by assignment)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 60 }), async (rows) => {
        const args = ['--min-group-size', '0', '--unit', 'assignment'];
        const profiles = profilesOf(rows);
        const base = (await json(exportOf(rows, profiles), args)).report;
        const big = (await json(exportOf(rows, profiles, 10), args)).report;
        base.characteristics.forEach((view: any, v: number) => {
          view.groups.forEach((g: any, i: number) => {
            const h = big.characteristics[v].groups[i];
            expect(h.quartiles).toEqual(g.quartiles);
            for (const key of ['meanGapPercent', 'medianGapPercent']) {
              if (g[key] === null) expect(h[key]).toBeNull();
              else expect(h[key]).toBeCloseTo(g[key], 9);
            }
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});

const noCrash = (result: { code: number; stdout: string; stderr: string }) => {
  expect([0, 1]).toContain(result.code);
  expect(result.stderr).not.toContain('unexpected error');
  expect(result.stderr).not.toMatch(/\n\s+at .*\(/); // no stack frames
  if (result.code === 1) {
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^paygap: /m);
  } else {
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  }
};

describe('random and damaged input', () => {
  it('random bytes: exit 0 or 1 with a message, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        noCrash(await runCli(['report', '-', '--format', 'json', '--quiet'], { stdin: Buffer.from(bytes) }));
      }),
      { numRuns: 300 },
    );
  });

  const sample = readFileSync(new URL('../../fixtures/esr-sample.csv', import.meta.url)).subarray(0, 6000);
  const damage = fc.array(
    fc.record({ at: fc.nat({ max: sample.length - 1 }), kind: fc.constantFrom('flip', 'delete', 'insert', 'quote', 'comma', 'newline', 'nul'), byte: fc.integer({ min: 0, max: 255 }) }),
    { minLength: 1, maxLength: 12 },
  );
  it('random damage to a valid export: exit 0 or 1 with a message, every row accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (edits) => {
        const bytes = [...sample];
        for (const e of edits) {
          const at = Math.min(e.at, bytes.length - 1);
          const insert = { flip: [e.byte], insert: [e.byte, bytes[at] as number], quote: [34], comma: [44], newline: [10], nul: [0] }[e.kind as 'flip'];
          if (e.kind === 'delete') bytes.splice(at, 1);
          else bytes.splice(at, e.kind === 'insert' ? 1 : 1, ...(insert ?? [e.byte]));
        }
        const result = await runCli(['report', '-', '--format', 'json', '--quiet'], { stdin: Buffer.from(bytes) });
        noCrash(result);
        if (result.code === 0) expectReconciled(JSON.parse(result.stdout));
      }),
      { numRuns: 300 },
    );
  });
});
