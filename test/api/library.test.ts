import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { analyse, DataError, UsageError, type AnalyseSettings } from '../../src/api/index.js';
import { OPTIONS, type OptionSpec } from '../../src/cli/option-table.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { reportJson } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';
import { workbookBytes } from '../helpers/workbook.js';

/**
 * The library API: in-process for its behaviour, and through the built package (its
 * "exports", by the package's own name, from a consumer folder) for the README's example and
 * the declarations a TypeScript user compiles against.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(root, 'fixtures/esr-sample.csv');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder that uses paygap as an installed package: node_modules/paygap → this repository. */
function consumer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-consumer-'));
  made.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/paygap'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'monthly-job', private: true, type: 'module' }));
  return dir;
}

const SMALL = csv(['Employee Number', 'Gender', 'Hourly Rate'], [['E1', 'Male', 20], ['E2', 'Female', 18], ['E3', 'Female', 'abc'], ['E4', 'Male', 22]]);

describe('analyse', () => {
  it('gives the report the command gives, and every format', async () => {
    const result = await analyse(SAMPLE, { snapshotDate: '2025-03-31' });
    const fromCli = await reportJson([SAMPLE, '--snapshot-date', '2025-03-31', '--quiet']);
    const withoutSources = (r: any) => ({ ...r, method: { ...r.method, settingSources: undefined } });
    expect(withoutSources(result.report)).toEqual(withoutSources(fromCli));
    expect(result.report.method.settingSources.snapshotDate).toEqual({ from: 'config', file: 'analyse() settings' });
    expect(result.report.method.settingSources.minGroupSize).toEqual({ from: 'default' });
    expect(reportSchema.safeParse(result.report).success).toBe(true);
    expect(JSON.parse(result.json())).toEqual(result.report);
    expect(result.markdown()).toContain('The median hourly pay gap between men and women is 3.3%');
    expect(result.html()).toMatch(/^<!DOCTYPE html>/i);
    expect(result.csv().split('\n')[0]).toContain('measure');
    expect(result.table()).not.toMatch(/\u001b\[/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await result.xlsx()) as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.name).toBe('Summary');
    expect(result.html({ previous: result.report })).toContain('<svg');
  });

  it('reads CSV text and workbook bytes, naming them, and returns the invalid rows instead of printing them', async () => {
    const fromText = await analyse({ text: SMALL, name: 'march.csv' }, { minGroupSize: 0 });
    expect(fromText.report.input.file).toBe('march.csv');
    expect(fromText.rows).toMatchObject({ read: 4, valid: 3, invalid: 1 });
    expect(fromText.rows.firstInvalid).toEqual([{ place: 'line 4', column: 'Hourly Rate', value: 'abc', message: expect.stringContaining('expected hourly rate') }]);
    const rows = SMALL.trim().split('\n').map((line) => line.split(','));
    const fromBytes = await analyse({ bytes: await workbookBytes([{ name: 'Staff', rows }]) }, { minGroupSize: 0 });
    expect(fromBytes.rows.firstInvalid[0]?.place).toBe('sheet Staff, row 4');
    expect(fromBytes.report.characteristics).toEqual(fromText.report.characteristics);
  });

  it('checks its settings as the config file is checked, and throws typed errors', async () => {
    await expect(analyse({ text: SMALL }, { minGroupSize: -1 })).rejects.toThrow(/analyse\(\) settings:\n {2}minGroupSize: Too small/);
    await expect(analyse({ text: SMALL }, { colour: true } as unknown as AnalyseSettings)).rejects.toThrow(/colour: not a setting paygap knows/);
    await expect(analyse({ text: SMALL }, { age: true })).rejects.toBeInstanceOf(UsageError);
    await expect(analyse({ text: SMALL }, { strict: true, minGroupSize: 0 })).rejects.toBeInstanceOf(DataError);
    await expect(analyse('no-such-file.csv')).rejects.toThrow('cannot read no-such-file.csv: no such file');
    const warned = await analyse({ text: SMALL }, { seed: 3, minGroupSize: 0 });
    expect(warned.warnings).toContain('seed in analyse() settings has no effect without --ci');
  });

  it('takes exactly the config file’s keys, plus strict', async () => {
    const every: Required<AnalyseSettings> = {
      by: ['sex'],
      unit: 'person',
      payMethod: 'auto',
      payPeriod: 'monthly',
      salaryBasis: 'fte',
      snapshotDate: '2025-03-31',
      map: { hourlyRate: 'Hourly Rate' },
      characteristics: [],
      age: false,
      delimiter: 'auto',
      encoding: 'utf8',
      sheet: 'Staff',
      minGroupSize: 0,
      within: 'grade',
      explain: ['band'],
      paySchemes: {},
      intersect: [],
      ci: 95,
      resamples: 100,
      seed: 1,
      referenceGroups: {},
      organisationName: 'North Trust',
      targets: [],
      strict: false,
    };
    const configKeys = (OPTIONS as readonly OptionSpec[]).filter((o) => o.config !== undefined).map((o) => o.name);
    expect(Object.keys(every).sort()).toEqual([...configKeys, 'strict'].sort());
    const withGrade = csv(['Employee Number', 'Gender', 'Hourly Rate', 'Grade'], [['E1', 'Male', 20, 'Band 5'], ['E2', 'Female', 18, 'Band 5']]);
    expect((await analyse({ text: withGrade }, every)).report.breakdowns[0]?.within).toBe('grade');
  });
});

describe('the built package', () => {
  it('runs the README example as written, importing paygap by its name', () => {
    const dir = consumer();
    copyFileSync(SAMPLE, join(dir, 'staff.csv'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## JSON Schema and library API'), readme.indexOf('## Performance'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain("from 'paygap'");
    writeFileSync(join(dir, 'monthly.mjs'), example as string);
    const run = spawnSync('node', ['monthly.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('2000 valid rows; median gap for women: 3.3%\n');
    for (const file of ['pay-gaps.json', 'board-paper.md', 'pay-gaps.html', 'pay-gaps.xlsx']) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'pay-gaps.json'), 'utf8')).breakdowns[0].within).toBe('band');
  });

  it('exports only its entry, with declarations a TypeScript user compiles against', () => {
    const dir = consumer();
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['job.ts'] }),
    );
    writeFileSync(
      join(dir, 'job.ts'),
      [
        "import { analyse, reportJsonSchema, DataError, type Analysis, type AnalyseSettings, type PublishedGroup, type FigureStatus } from 'paygap';",
        "const settings: AnalyseSettings = { minGroupSize: 5, payMethod: 'hourly-rate', map: { hourlyRate: 'Rate' } };",
        "export async function run(): Promise<number> {",
        "  const result: Analysis = await analyse({ text: 'Gender,Hourly Rate\\nMale,1\\n' }, settings);",
        '  const group: PublishedGroup | undefined = result.report.characteristics[0]?.groups[0];',
        "  const status: FigureStatus | undefined = group?.figureStatus['meanGapPercent']?.status;",
        '  void status; void reportJsonSchema(); void DataError;',
        '  // @ts-expect-error: the report is typed, not any',
        '  const wrong: string = result.report.population.rowsRead;',
        '  void wrong;',
        "  // @ts-expect-error: an unknown setting",
        "  await analyse('x.csv', { colour: true });",
        '  return result.report.population.rowsRead;',
        '}',
        "// @ts-expect-error: internals are not exported",
        "import { reportOf } from 'paygap/dist/pipeline.js';",
        'void reportOf;',
      ].join('\n'),
    );
    const tsc = spawnSync('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
