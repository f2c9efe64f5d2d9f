import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { comparableReport, reportJsonSchema, reportSchema, type ReportSchema } from '../../src/report/report-schema.js';
import type { PublishedReport } from '../../src/report/published.js';
import { reportJson, runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';
import { workbookBytes } from '../helpers/workbook.js';

/**
 * The published contract: the zod model of the JSON report describes exactly what
 * `--format json` writes (every report below parses with no unknown and no missing field),
 * and the JSON Schema printed by `paygap schema` accepts the same reports (checked by an
 * independent validator, ajv) while allowing fields to be added.
 */
// The model's type is the published report's type (a compile error here means they differ).
const asPublished = (r: ReportSchema): PublishedReport => r;
void asPublished;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function folder(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-schema-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateJson = ajv.compile(reportJsonSchema());
const GOLDEN = JSON.parse(readFileSync('test/golden/esr-sample.json', 'utf8'));
const SAMPLE = 'fixtures/esr-sample.csv';

/** The model parses it exactly, and the JSON Schema accepts it. */
function expectValid(report: unknown): void {
  const parsed = reportSchema.safeParse(report);
  expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  expect(validateJson(report) ? [] : validateJson.errors?.slice(0, 5)).toEqual([]);
}

const EXTRA = csv(
  ['Employee Number', 'Gender', 'Ethnic Origin', 'Hourly Rate', 'Religious Belief', 'Date of Birth', 'Grade'],
  Array.from({ length: 60 }, (_, i) => [
    `E${i}`,
    i % 3 === 0 ? 'Male' : 'Female',
    ['A White - British', 'H Asian - Indian', 'Z Not Stated'][i % 3] as string,
    12 + (i % 11),
    ['Christianity', 'Islam', 'Prefer not to say', ''][i % 4] as string,
    `${1960 + (i % 40)}-0${1 + (i % 9)}-15`,
    `Band ${5 + (i % 3)}`,
  ]),
);

describe('the report model and its JSON Schema', () => {
  it('describe the golden report', () => {
    expectValid(GOLDEN);
  });

  it.each([
    ['breakdowns, intersections and intervals', [SAMPLE, '--within', 'band', '--intersect', 'sex,ethnicity', '--intersect', 'disability,ethnicity/broad', '--ci', '95', '--resamples', '200']],
    ['no suppression', [SAMPLE, '--min-group-size', '0', '--within', 'staffGroup']],
    ['another reference group and pay method', [SAMPLE, '--reference', 'sex=Female', '--pay-method', 'annual-salary', '--by', 'sex,disability']],
    ['a file without sex (no GOV.UK figures)', [SAMPLE, '--by', 'ethnicity']],
    ['several organisations, with --within as well (inputs, two breakdowns)', ['fixtures/organisations/north.csv', 'fixtures/organisations/south.csv', '--within', 'band']],
    ['an organisation column', ['fixtures/organisations/north.csv', '--map', 'organisation=Trust']],
    ['--explain with --within, crossed columns and an intersection', [SAMPLE, '--within', 'band', '--explain', 'band,staffGroup', '--intersect', 'sex,ethnicity/broad']],
    ['--explain on the --within column', [SAMPLE, '--within', 'band', '--explain', 'band']],
  ])('describe generated reports: %s', async (_name, args) => {
    expectValid(await reportJson(['--quiet', ...args]));
  });

  it('describe reports with custom characteristics, age bands, a config file and an Excel input', async () => {
    const dir = folder({
      'staff.csv': EXTRA,
      'paygap.config.json': JSON.stringify({ characteristics: [{ name: 'religion', column: 'Religious Belief', undisclosed: ['Prefer not to say'] }], age: true, minGroupSize: 5 }),
      'staff.xlsx': await workbookBytes([{ name: 'Staff', rows: [['Extract'], ...EXTRA.trim().split('\n').map((line) => line.split(','))] }]),
    });
    const fromCsv = await reportJson(['staff.csv', '--quiet', '--snapshot-date', '2025-03-31', '--within', 'grade', '--intersect', 'sex,ethnicity'], { cwd: dir });
    expect(fromCsv.characteristics.map((c: { characteristic: string }) => c.characteristic)).toEqual(expect.arrayContaining(['religion', 'age']));
    expect(fromCsv.method.settingSources.age).toEqual({ from: 'config', file: 'paygap.config.json' });
    expectValid(fromCsv);
    const fromXlsx = await reportJson(['staff.xlsx', '--quiet', '--snapshot-date', '2025-03-31'], { cwd: dir });
    expect(fromXlsx.input.headerRow).toBe(2);
    expectValid(fromXlsx);
  });

  it.each([
    ['a renamed field', (r: any) => ((r.characteristics[0].groups[0].headCount = r.characteristics[0].groups[0].headcount), delete r.characteristics[0].groups[0].headcount)],
    ['a reason code that does not exist', (r: any) => (r.characteristics[0].groups[0].figureStatus.meanGapPercent.reason = 'too-small')],
    ['a figure as text', (r: any) => (r.characteristics[0].groups[1].medianGapPercent = '3.3')],
    ['a small-group reason without its minimum group size', (r: any) => {
      const state = r.characteristics.find((c: any) => c.view === 'disability').groups[1].figureStatus['bonus.mean'];
      expect(state.reason).toBe('small-group');
      delete state.minGroupSize;
    }],
    ['a missing section', (r: any) => delete r.govukSubmission],
  ])('reject %s', (_name, damage) => {
    const report = structuredClone(GOLDEN);
    damage(report);
    expect(reportSchema.safeParse(report).success).toBe(false);
    expect(validateJson(report)).toBe(false);
  });

  it('hold the model to exactly what is published, while the JSON Schema lets fields be added', () => {
    const report = structuredClone(GOLDEN);
    report.characteristics[0].groups[1].meanPayRatio = 0.9;
    expect(reportSchema.safeParse(report).success).toBe(false);
    expect(validateJson(report)).toBe(true);
  });
});

describe('paygap schema', () => {
  it('prints the JSON Schema, and writes it with --output', async () => {
    const printed = await runCli(['schema']);
    expect(printed.code).toBe(0);
    const schema = JSON.parse(printed.stdout);
    expect(schema).toEqual(reportJsonSchema());
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.characteristics.items.properties.groups.items.properties.figureStatus.additionalProperties.oneOf.length).toBe(3);
    const dir = folder({});
    expect((await runCli(['schema', '--output', 'report.schema.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.schema.json'), 'utf8'))).toEqual(schema);
  });
});

describe('paygap compare checks its inputs with the same model', () => {
  it('accepts a report of schemaVersion 1 made before fields were added to it', () => {
    const older = structuredClone(GOLDEN);
    delete older.disclosureControl;
    delete older.method.settingSources;
    for (const view of older.characteristics) for (const g of view.groups) delete g.figureStatus;
    expect(comparableReport.safeParse(older).success).toBe(true);
  });

  it('refuses a report whose figures are not what the model says, naming the field', async () => {
    const damaged = structuredClone(GOLDEN);
    damaged.characteristics[0].groups[1].medianGapPercent = '3.3';
    const dir = folder({ 'a.json': JSON.stringify(GOLDEN), 'b.json': JSON.stringify(damaged) });
    const result = await runCli(['compare', 'a.json', 'b.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('b.json is not a paygap report: characteristics.0.groups.1.medianGapPercent');
  });
});
