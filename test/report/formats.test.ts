import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportJson, runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';
import { govukFigures } from '../../src/report/govuk.js';
import { safeText } from '../../src/render/csv.js';
import { gapSentence } from '../../src/render/sentences.js';
import { MEASURES } from '../../src/report/measures.js';

/**
 * Markdown, HTML and CSV for the bundled sample: golden files reviewed by hand once (the
 * Markdown and CSV against the table output, the HTML in Chromium: see the README), then
 * compared on every run. Regenerate with `npx vitest run -u` only after checking the diff.
 */
const args = ['report', 'fixtures/esr-sample.csv', '--snapshot-date', '2025-03-31', '--quiet'];

describe('golden documents for fixtures/esr-sample.csv', () => {
  it.each([
    ['markdown', 'esr-sample.md'],
    ['csv', 'esr-sample.csv'],
    ['html', 'esr-sample.html'],
  ])('%s', async (format, file) => {
    const result = await runCli([...args, '--format', format]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`../golden/${file}`);
  });
});

describe('Markdown sentences', () => {
  const view = (gap: number | null) =>
    ({
      groups: [
        { group: 'Male', reference: true, meanGapPercent: null, medianGapPercent: null },
        { group: 'Female', reference: false, meanGapPercent: gap, medianGapPercent: gap },
      ],
    }) as never;
  it.each([
    [8.9, 'The median hourly pay gap between men and women is 8.9%: for every £1 men earn, women earn 91p.'],
    [0.44, 'The median hourly pay gap between men and women is 0.4%: pay is broadly equal.'],
    [-0.49, 'The median hourly pay gap between men and women is -0.5%: women are paid more; for every £1 men earn, women earn £1.00.'],
    [-3.2, 'The median hourly pay gap between men and women is -3.2%: women are paid more; for every £1 men earn, women earn £1.03.'],
  ])('gap %d', (gap, sentence) => {
    expect(gapSentence(view(gap), (view(gap) as any).groups[1], 'median')).toBe(sentence);
  });
  it('direction words always match the sign of the gap shown', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (gap) => {
        const text = gapSentence(view(gap), (view(gap) as any).groups[1], 'median') as string;
        // Judge the words against the figure the sentence itself prints, not a re-rounding here.
        const shown = Number(/is (-?\d+\.\d)%/.exec(text)?.[1]);
        expect(Number.isFinite(shown)).toBe(true);
        expect(text.includes('broadly equal')).toBe(Math.abs(shown) < 0.5);
        expect(text.includes('are paid more')).toBe(shown <= -0.5);
      }),
      { numRuns: 500 },
    );
  });
});

describe('GOV.UK submission figures', () => {
  it('match the sex view at one decimal place, each quarter summing to exactly 100.0', async () => {
    const report = await reportJson(['fixtures/esr-sample.csv', '--quiet']);
    const s = report.govukSubmission;
    const female = report.characteristics[0].groups[1];
    expect(s.meanHourlyPayGapPercent).toBe(Math.round(female.meanGapPercent * 10) / 10);
    expect(s.medianHourlyPayGapPercent).toBe(3.3);
    for (const q of [s.lowerQuarter, s.lowerMiddleQuarter, s.upperMiddleQuarter, s.upperQuarter]) {
      expect(Math.round((q.male + q.female) * 10)).toBe(1000);
    }
    expect(s).toMatchObject({ malesReceivingBonusPercent: 7.6, femalesReceivingBonusPercent: 2.7 });
  });

  it('quarter pairs sum to 100.0 for any counts, even where plain rounding would give 100.1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { minLength: 4, maxLength: 4 }), (counts) => {
        const band = (i: number) => ({ count: counts[i]![0], percent: 0 });
        const bandW = (i: number) => ({ count: counts[i]![1], percent: 0 });
        const group = (name: string, reference: boolean, b: (i: number) => { count: number; percent: number }) => ({
          group: name,
          reference,
          meanGapPercent: 1,
          medianGapPercent: 1,
          bonus: { recipients: 1, receivingPercent: 1, meanGapPercent: 1, medianGapPercent: 1 },
          quartiles: { lower: b(0), lowerMiddle: b(1), upperMiddle: b(2), upper: b(3) },
        });
        const s = govukFigures({ groups: [group('Male', true, band), group('Female', false, bandW)] } as never)!;
        [s.lowerQuarter, s.lowerMiddleQuarter, s.upperMiddleQuarter, s.upperQuarter].forEach((q, i) => {
          if (counts[i]![0] + counts[i]![1] === 0) expect(q.male).toBeNull();
          else expect(Math.round((q.male! + q.female!) * 10)).toBe(1000);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the bonus gaps blank when no man received a bonus', async () => {
    const rows = [...Array(12)].map((_, i) => [i % 2 ? 'Male' : 'Female', '12', i % 2 ? '0' : '300']);
    const report = await reportJson(['-', '--min-group-size', '0', '--quiet'], { stdin: csv(['Gender', 'Hourly Rate', 'Bonus Pay'], rows) });
    expect(report.govukSubmission).toMatchObject({ meanBonusGapPercent: null, medianBonusGapPercent: null, malesReceivingBonusPercent: 0 });
    expect(report.govukSubmission.notes[0]).toMatch(/no man received a bonus/);
    const markdown = (await runCli(['report', '-', '--format', 'markdown', '--quiet'], { stdin: csv(['Gender', 'Hourly Rate', 'Bonus Pay'], rows) })).stdout;
    expect(markdown).toContain('| Mean gender pay gap in bonus pay (%) | (blank) |');
  });
});

describe('CSV', () => {
  it('escapes text a spreadsheet would run, and keeps numbers (negative gaps too) plain', async () => {
    expect(['=SUM(A1)', '+1', '-x', '@cmd', '\tx', '\rx', 'Female'].map(safeText)).toEqual(["'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tx", "'\rx", 'Female']);
    const rows = [
      ['Male', '20', 'Christianity'],
      ['Female', '21', '=HYPERLINK("http://x")'],
      ['Male', '19', '=HYPERLINK("http://x")'],
    ];
    const out = (
      await runCli(['report', '-', '--format', 'csv', '--characteristic', 'religion=Religion', '--reference', 'religion=Christianity', '--min-group-size', '0', '--quiet'], {
        stdin: csv(['Gender', 'Hourly Rate', 'Religion'], rows),
      })
    ).stdout;
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,subgroup,characteristic,view,group,reference_group,measure,value,unit,population,status,reason,reason_code');
    expect(out).not.toMatch(/,=HYPERLINK/);
    expect(out).toContain(`"'=HYPERLINK(""http://x"")"`);
    // Female's mean gap: men (20 + 19) / 2 = 19.5, women 21 → (19.5 − 21) / 19.5, a plain negative number.
    const row = lines.find((l) => l.startsWith('headline,,sex,sex,Female,Male,mean_gap,'))!.split(',');
    expect(row[7]).toMatch(/^-\d/);
    expect(Number(row[7])).toBeCloseTo(((19.5 - 21) / 19.5) * 100, 12);
  });

  it('keeps two different values different: text already starting with an apostrophe gets one more', () => {
    expect(["'=1", '=1', "'plain", 'plain'].map(safeText)).toEqual(["''=1", "'=1", "''plain", 'plain']);
    // Taking one leading apostrophe off gives the value back, so no two values are written alike.
    const back = (text: string) => (text.startsWith("'") ? text.slice(1) : text);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', ' ') }), (value) => {
        expect(back(safeText(value))).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('has one row per group and measure in a stable order', async () => {
    const out = (await runCli([...args, '--format', 'csv'])).stdout.trimEnd().split('\r\n');
    const report = await reportJson(['fixtures/esr-sample.csv', '--quiet']);
    const groups = report.characteristics.reduce((n: number, v: any) => n + v.groups.length, 0);
    expect(out.length - 1).toBe(groups * MEASURES.length);
    expect(MEASURES.length).toBe(22);
    expect(out[1]!.startsWith('headline,,sex,sex,Male,Male,headcount,')).toBe(true);
  });
});

describe('--output for every format', () => {
  it.each(['table', 'json', 'markdown', 'html', 'csv'])('%s is written whole, with no temporary file left', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-out-'));
    const target = join(dir, `report.${format}`);
    const result = await runCli([...args, '--format', format, '--output', target]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(dir)).toEqual([`report.${format}`]);
    expect(readFileSync(target, 'utf8')).toBe((await runCli([...args, '--format', format])).stdout);
  });

  it('a failed run leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-out-'));
    const result = await runCli(['report', 'fixtures/bad/empty.csv', '--format', 'html', '--output', join(dir, 'x.html')]);
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
