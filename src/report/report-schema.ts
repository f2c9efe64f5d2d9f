import { z } from 'zod';
import { FIELDS } from '../schema/fields.js';
import { PAY_METHODS, PAY_PERIOD_DAYS, SALARY_BASES, type PayPeriod } from '../schema/pay.js';
import { UNITS } from '../ingest/plan.js';
import { BANDS } from '../metrics/quarters.js';
import { FIGURE_KEYS, FIGURE_STATUSES, POPULATION_NAMES, REASON_CODES } from './status.js';

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
const count = z.int().min(0);
const number = z.number();
const nullableNumber = z.number().nullable();
const nullableCount = count.nullable();
const FIGURE_STATES = FIGURE_STATUSES.filter((s) => s !== 'shown') as Exclude<(typeof FIGURE_STATUSES)[number], 'shown'>[];
const OTHER_REASONS = REASON_CODES.filter((r) => r !== 'small-group' && r !== 'empty-group') as Exclude<(typeof REASON_CODES)[number], 'small-group' | 'empty-group'>[];

/** Why a figure is not shown, as codes (METHOD §13.2); the parameters a reason has, it always has. */
const stateFields = {
  status: z.enum(FIGURE_STATES).describe('shown figures have no entry'),
  ofReference: z.literal(true).optional().describe("the reason is the reference group's (a gap whose reference figure is missing)"),
};
const figureState = z.discriminatedUnion('reason', [
  z.strictObject({ ...stateFields, reason: z.literal('small-group'), minGroupSize: count, population: z.enum(POPULATION_NAMES) }),
  z.strictObject({ ...stateFields, reason: z.literal('empty-group'), population: z.enum(POPULATION_NAMES) }),
  z.strictObject({ ...stateFields, reason: z.enum(OTHER_REASONS) }),
]);

const interval = z.strictObject({ low: number, high: number, distinguishable: z.boolean().describe('false when the interval spans 0') });

const bonus = z.strictObject({
  recipients: nullableCount,
  receivingPercent: nullableNumber,
  mean: nullableNumber,
  median: nullableNumber,
  meanGapPercent: nullableNumber,
  medianGapPercent: nullableNumber,
});

const byBand = <T extends z.ZodType>(cell: T) => z.strictObject(Object.fromEntries(BANDS.map((b) => [b, cell])) as Record<(typeof BANDS)[number], T>);

export const groupSchema = z.strictObject({
  group: z.string(),
  reference: z.boolean(),
  comparable: z.boolean().describe('false for undisclosed categories, which have no gaps'),
  suppressed: z.boolean().describe('any figure withheld (suppressed for a small group, or withheld to protect another cell)'),
  suppressionReason: z.string().nullable(),
  headcount: count.describe('full-pay relevant employees'),
  relevantHeadcount: count.describe('relevant employees'),
  meanHourlyPay: nullableNumber,
  medianHourlyPay: nullableNumber,
  meanGapPercent: nullableNumber,
  medianGapPercent: nullableNumber,
  meanPayDifference: nullableNumber.describe('reference mean hourly pay − this group\'s, in pounds (negative: this group is paid more)'),
  medianPayDifference: nullableNumber.describe('reference median hourly pay − this group\'s, in pounds'),
  bonus,
  quartiles: byBand(z.strictObject({ count: nullableCount, percent: nullableNumber })),
  confidence: z.strictObject({ level: number, resamples: count, meanGapPercent: interval.nullable(), medianGapPercent: interval.nullable() }).nullable(),
  nullReasons: z.partialRecord(z.enum(FIGURE_KEYS), z.string()).describe('figure key → why it is null, in words'),
  figureStatus: z.partialRecord(z.enum(FIGURE_KEYS), figureState).describe('figure key → its status and reason code, for every figure not shown'),
});

export const viewSchema = z.strictObject({
  characteristic: z.string(),
  view: z.string(),
  title: z.string(),
  referenceGroup: z.string(),
  quartileSizes: byBand(count),
  disclosure: z.strictObject({ disclosed: count, notDisclosed: count, ratePercent: nullableNumber }),
  excluded: z.array(z.strictObject({ reason: z.string(), relevant: count, fullPay: count })),
  groups: z.array(groupSchema),
});

/** --explain (METHOD §17): a status with its words, for the decomposition's figures. */
const reasonWithText = z.intersection(figureState, z.object({ text: z.string() }));
const amount = z.strictObject({ pounds: number.describe('£ per hour'), points: number.describe('points of the mean gap %: pounds ÷ the reference group\'s mean hourly pay × 100') });
const parts = z.strictObject({
  composition: amount.describe('where the groups are: their different shares of the cells'),
  withinCell: amount.describe('pay differences between the two groups in the same cell'),
  referenceOnlyCells: amount.describe('cells with people of the reference group only'),
  groupOnlyCells: amount.describe('cells with people of the group only'),
});
const support = z.enum(['both', 'reference only', 'group only', 'neither']);
const decomposition = z
  .strictObject({
    method: z.literal('nopo-2008'),
    columns: z.array(z.string()).describe('the --explain columns whose cross-classification makes the cells'),
    breakdown: z.string().describe('the breakdown (its `within`) that publishes the cells\' figures'),
    referenceGroup: z.string(),
    median: reasonWithText.describe('medians are not decomposable: always not-applicable'),
    groups: z.array(
      z.strictObject({
        group: z.string(),
        meanGap: amount.nullable().describe('the mean gap as the view publishes it: meanPayDifference and meanGapPercent'),
        parts: parts.nullable().describe('add up to meanGap; null when the decomposition is withheld or cannot be formed (see status)'),
        status: reasonWithText.nullable(),
        withheldCells: z
          .strictObject({ cells: z.array(z.string()), referenceHeadcount: count, groupHeadcount: count, support, contribution: parts })
          .nullable()
          .describe('the cells whose figures are withheld, taken together as one cell'),
        cells: z.array(
          z.strictObject({
            cell: z.string(),
            referenceHeadcount: count,
            groupHeadcount: count,
            support,
            contribution: parts.nullable().describe('null when the cell\'s figures are withheld (it is in withheldCells)'),
            status: reasonWithText.nullable(),
          }),
        ),
      }),
    ),
  })
  .nullable()
  .describe('--explain: each mean gap split into parts (METHOD §17); null when not asked for');

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
    input: z.strictObject({
      file: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: count,
      delimiter: z.string().describe('the field delimiter read; "" for an Excel workbook'),
      encoding: z.string(),
      sheet: z.string().optional().describe('an Excel workbook: the sheet read'),
      headerRow: z.int().min(1).optional().describe('an Excel workbook: the row the header was found on'),
    }),
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
