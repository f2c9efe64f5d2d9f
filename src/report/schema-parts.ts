import { z } from 'zod';
import { BANDS } from '../metrics/quarters.js';
import { FIGURE_KEYS, FIGURE_STATUSES, POPULATION_NAMES, REASON_CODES } from './status.js';

/** The building blocks of the published report's zod model (report-schema.ts, METHOD §13.4). */
export const count = z.int().min(0);
export const number = z.number();
export const nullableNumber = z.number().nullable();
export const nullableCount = count.nullable();
const FIGURE_STATES = FIGURE_STATUSES.filter((s) => s !== 'shown') as Exclude<(typeof FIGURE_STATUSES)[number], 'shown'>[];
const OTHER_REASONS = REASON_CODES.filter((r) => r !== 'small-group' && r !== 'empty-group') as Exclude<(typeof REASON_CODES)[number], 'small-group' | 'empty-group'>[];

/** Why a figure is not shown, as codes (METHOD §13.2); the parameters a reason has, it always has. */
const stateFields = {
  status: z.enum(FIGURE_STATES).describe('shown figures have no entry'),
  ofReference: z.literal(true).optional().describe("the reason is the reference group's (a gap whose reference figure is missing)"),
};
export const figureState = z.discriminatedUnion('reason', [
  z.strictObject({ ...stateFields, reason: z.literal('small-group'), minGroupSize: count, population: z.enum(POPULATION_NAMES) }),
  z.strictObject({ ...stateFields, reason: z.literal('empty-group'), population: z.enum(POPULATION_NAMES) }),
  z.strictObject({ ...stateFields, reason: z.enum(OTHER_REASONS) }),
]);

const interval = z.strictObject({ low: number, high: number, distinguishable: z.boolean().describe('false when the interval spans 0') });

export const bonus = z.strictObject({
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
