import { z } from 'zod';
import { FIELDS } from '../schema/fields.js';
import { PAY_METHODS, PAY_PERIOD_DAYS, SALARY_BASES, type PayPeriod } from '../schema/pay.js';
import { UNITS } from '../ingest/plan.js';
import { bonus, count, groupSchema, nullableNumber, number, viewSchema } from './schema-parts.js';

export { groupSchema, viewSchema } from './schema-parts.js';
import { decomposition } from './schema-explain.js';

/**
 * The published JSON report (schemaVersion 1, METHOD §13.4) as a zod model: every field that
 * `render/json.ts` writes, with its type, nullability and closed sets (figure statuses,
 * reason codes, populations, pay methods). It is the contract in code:
 *
 * - `paygap schema` prints it as JSON Schema (draft 2020-12), with extra properties allowed,
 *   since fields may be added within schemaVersion 1;
 * - tests parse the golden report and generated ones with it exactly (no unknown field, none
 *   missing), so the model and the output cannot drift apart;
 * - `paygap compare` checks its inputs with the parts of it that it reads (`comparableReport`).
 */
const figures = z.enum(['pay', 'bonus']);
const withheld = z.strictObject({ subgroup: z.string().optional(), characteristic: z.string(), view: z.string(), group: z.string(), figures });

const composition = z.strictObject({
  characteristic: z.string(),
  view: z.string(),
  title: z.string(),
  rows: z.array(
    z.strictObject({
      subgroup: z.string(),
      groups: z.array(z.strictObject({ group: z.string(), headcount: count, percentOfSubgroup: nullableNumber, percentOfGroup: nullableNumber })),
    }),
  ),
});

const settingSource = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('default') }),
  z.strictObject({ from: z.literal('config'), file: z.string() }),
  z.strictObject({ from: z.literal('command line') }),
  z.strictObject({ from: z.literal('config and command line'), file: z.string() }),
]);

const quarterShares = z.strictObject({ male: nullableNumber, female: nullableNumber });

const inputShape = {
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: count,
  delimiter: z.string().describe('the field delimiter read; "" for an Excel workbook'),
  encoding: z.string(),
  sheet: z.string().optional().describe('an Excel workbook: the sheet read'),
  headerRow: z.int().min(1).optional().describe('an Excel workbook: the row the header was found on'),
};

const method = z.strictObject({
  payMethod: z.enum(PAY_METHODS),
  payMethodReason: z.string(),
  unit: z.enum(UNITS),
  unitReason: z.string(),
  minGroupSize: count,
  payPeriod: z.enum(Object.keys(PAY_PERIOD_DAYS) as [PayPeriod, ...PayPeriod[]]),
  daysInPeriod: number,
  salaryBasis: z.enum(SALARY_BASES),
  hourlyPayDecimals: z.literal(4),
  fullPayColumn: z.boolean(),
  bonusColumn: z.boolean(),
  columns: z.partialRecord(z.enum(FIELDS), z.string()).describe('field → the header it was read from'),
  bonusColumns: z.array(z.string()).describe('every column bonus pay is read from, summed per assignment when there are several'),
  settingSources: z.record(z.string(), settingSource).describe('setting → where it came from'),
});

export const reportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: z.strictObject({ name: z.literal('paygap'), version: z.string() }),
    organisation: z.strictObject({ name: z.string() }).nullable().describe('the organisation the report is about (--organisation-name), or null'),
    input: z
      .strictObject(inputShape)
      .describe('what was read; several files as one: their names joined, the SHA-256 of their SHA-256 digests, their bytes added up, a delimiter and encoding they share or "mixed"'),
    inputs: z
      .array(
        z.strictObject({
          ...inputShape,
          organisation: z.string().nullable().describe("the file's organisation label; null when an organisation column names each row's"),
          columns: z.partialRecord(z.enum(FIELDS), z.string()).describe('field → the header it was read from in this file'),
          rowsRead: count,
          rowsValid: count,
          rowsInvalid: count,
        }),
      )
      .optional()
      .describe('a report of several files, or of an organisation column: each file read'),
    snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    method,
    population: z.strictObject({
      rowsRead: count,
      rowsValid: count,
      rowsInvalid: count,
      assignmentsUsed: count,
      relevantEmployees: count,
      fullPayEmployees: count,
      exclusions: z.array(z.strictObject({ reason: z.string(), count, stage: z.enum(['invalid-row', 'row-not-used', 'not-full-pay']) })),
    }),
    characteristics: z.array(z.strictObject({ ...viewSchema.shape, decomposition })),
    intersections: z.array(z.strictObject({ ...viewSchema.shape, decomposition, withheld: z.array(withheld) })),
    breakdowns: z.array(
      z.strictObject({
        within: z.string(),
        columns: z.array(z.string()).describe('the columns crossed, as named'),
        unmappedGrades: z.array(z.strictObject({ grade: z.string(), people: count })).describe('--within payScheme: grades no rule maps, in "(not mapped)"'),
        subgroups: z.array(z.strictObject({ subgroup: z.string(), relevantEmployees: count, fullPayEmployees: count, characteristics: z.array(viewSchema) })),
        composition: z.array(composition),
        withheld: z.array(withheld),
      }),
    ),
    govukSubmission: z
      .strictObject({
        meanHourlyPayGapPercent: nullableNumber,
        medianHourlyPayGapPercent: nullableNumber,
        meanBonusGapPercent: nullableNumber,
        medianBonusGapPercent: nullableNumber,
        malesReceivingBonusPercent: nullableNumber,
        femalesReceivingBonusPercent: nullableNumber,
        lowerQuarter: quarterShares,
        lowerMiddleQuarter: quarterShares,
        upperMiddleQuarter: quarterShares,
        upperQuarter: quarterShares,
        notes: z.array(z.string()),
      })
      .nullable(),
    disclosureControl: z
      .strictObject({
        rule: z.enum(['audit', 'conservative', 'off']),
        minGroupSize: count,
        atoms: count,
        rounds: count,
        cellsWithheld: z.strictObject({ smallGroup: count, protectingOthers: count }),
        protecting: z.array(z.strictObject({ section: z.string(), ...withheld.shape })),
      })
      .nullable(),
    warnings: z.array(z.string()),
  })
  .meta({
    title: 'paygap report',
    description: 'The JSON report of `paygap report --format json`, schemaVersion 1. Fields may be added within schemaVersion 1; none is renamed or removed.',
  });

export type ReportSchema = z.infer<typeof reportSchema>;

/**
 * The JSON Schema of the report: the model above, with extra properties allowed everywhere
 * (a later paygap may add fields within schemaVersion 1, and its reports still validate).
 */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return openObjects(schema) as Record<string, unknown>;
}

function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'additionalProperties' && value === false)).map(([key, value]) => [key, openObjects(value)]));
}

/** Keep `keys` of an object schema, allowing any other field. */
const loose = <S extends z.ZodRawShape, K extends keyof S & string>(shape: S, keys: readonly K[]) =>
  z.looseObject(Object.fromEntries(keys.map((k) => [k, shape[k]])) as Pick<S, K>);

/**
 * What `paygap compare` reads from a report, checked with the model's own definitions of
 * those fields. Other fields are not required, so reports written by any paygap of
 * schemaVersion 1 (including earlier ones, which lack fields added since) can be compared.
 */
export const comparableReport = z.looseObject({
  schemaVersion: z.literal(1, { error: 'expected schemaVersion 1 (a paygap JSON report)' }),
  tool: loose(reportSchema.shape.tool.shape, ['version']),
  organisation: reportSchema.shape.organisation.optional(),
  input: loose(reportSchema.shape.input.shape, ['file', 'sha256']),
  snapshotDate: reportSchema.shape.snapshotDate,
  method: loose(method.shape, ['payMethod', 'unit', 'minGroupSize', 'payPeriod', 'salaryBasis']),
  characteristics: z.array(
    z.looseObject({
      characteristic: viewSchema.shape.characteristic,
      view: viewSchema.shape.view,
      title: viewSchema.shape.title,
      referenceGroup: viewSchema.shape.referenceGroup,
      groups: z.array(
        z.looseObject({
          group: groupSchema.shape.group,
          meanHourlyPay: groupSchema.shape.meanHourlyPay,
          medianHourlyPay: groupSchema.shape.medianHourlyPay,
          meanGapPercent: groupSchema.shape.meanGapPercent,
          medianGapPercent: groupSchema.shape.medianGapPercent,
          bonus: loose(bonus.shape, ['receivingPercent', 'meanGapPercent', 'medianGapPercent']),
          quartiles: z.looseObject({ upper: loose(groupSchema.shape.quartiles.shape.upper.shape, ['percent']) }),
        }),
      ),
    }),
  ),
});
