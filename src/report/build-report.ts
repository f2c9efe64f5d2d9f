import type { DataQuality } from '../schema/quality.js';
import type { Field } from '../schema/fields.js';
import type { RunPlan } from '../schema/plan.js';
import type { PayConfig, PayPeriod } from '../metrics/hourly-pay.js';
import type { Units, UnitsResult } from '../metrics/units.js';
import { buildView, type Ordered, type ViewContext } from './build-view.js';
import { SCHEMA_VERSION, type Exclusion, type Report } from './model.js';
import { VIEWS } from './views.js';

export interface ReportInput {
  readonly toolVersion: string;
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly snapshotDate: string | null;
  readonly plan: RunPlan;
  readonly pay: PayConfig;
  readonly payPeriod: PayPeriod;
  readonly minGroupSize: number;
  readonly columns: ReadonlyMap<Field, string>;
  readonly quality: DataQuality;
  readonly units: UnitsResult;
  readonly warnings: readonly string[];
}

/**
 * Indices of the units with `keep[i]` set, ordered by `values`, lowest first. Sorting the
 * indices with a comparator costs about 4× a native numeric sort, so when every value is a
 * whole number of 1/10,000ths (hourly pay is rounded to 4 places) each is packed with its
 * index into one exact double, value × 2²² + index, and sorted natively.
 */
function orderBy(values: Float64Array, keep: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < keep.length; i++) count += keep[i];
  const order = new Uint32Array(count);
  for (let i = 0, at = 0; i < keep.length; i++) if (keep[i]) order[at++] = i;
  const INDEX = 2 ** 22;
  const packed = new Float64Array(count);
  let packable = values.length <= INDEX;
  for (let k = 0; packable && k < count; k++) {
    // Exact when the value is a whole number of 1/10,000ths: then scaled / 10,000 gives it back.
    const scaled = Math.round(values[order[k]] * 10_000);
    packable = scaled / 10_000 === values[order[k]] && scaled >= 0 && scaled < 2 ** 31;
    packed[k] = scaled * INDEX + order[k];
  }
  if (!packable) return order.sort((a, b) => values[a] - values[b]);
  packed.sort();
  for (let k = 0; k < count; k++) order[k] = packed[k] % INDEX;
  return order;
}

/** The values and characteristic codes of `order`'s units, in that order. */
function ordered(order: Uint32Array, values: Float64Array, units: Units): Ordered {
  const pick = <T extends Float64Array | Uint8Array>(column: T, out: T): T => {
    for (let k = 0; k < order.length; k++) out[k] = column[order[k]];
    return out;
  };
  const n = order.length;
  return {
    values: pick(values, new Float64Array(n)),
    codes: {
      sex: pick(units.sex, new Uint8Array(order.length)),
      ethnicity: pick(units.ethnicity, new Uint8Array(order.length)),
      disability: pick(units.disability, new Uint8Array(order.length)),
    },
    scratch: { byGroup: new Float64Array(n), inView: new Float64Array(n), inViewGroup: new Uint8Array(n) },
  };
}

/** Build the whole report from validated, unit-level data. Pure: no I/O, no clock. */
export function buildReport(input: ReportInput): Report {
  const { units } = input.units;
  const { quality } = input;

  let reducedPay = 0;
  let zeroPay = 0;
  const onFullPay = new Uint8Array(units.length);
  const recipient = new Uint8Array(units.length);
  for (let i = 0; i < units.length; i++) {
    if (units.fullPay[i] === 0) reducedPay++;
    else if (!(units.pay[i] > 0)) zeroPay++;
    else onFullPay[i] = 1;
    if (units.bonus[i] > 0) recipient[i] = 1;
  }
  const context: ViewContext = {
    units,
    fullPay: ordered(orderBy(units.pay, onFullPay), units.pay, units),
    recipients: ordered(orderBy(units.bonus, recipient), units.bonus, units),
    minGroupSize: input.minGroupSize,
    hasBonusColumn: input.plan.hasBonusColumn,
  };

  const exclusions: Exclusion[] = [
    ...quality.invalidByReason.map((r): Exclusion => ({ reason: `invalid row: ${r.reason}`, count: r.count, stage: 'invalid-row' })),
    ...input.units.rowsNotUsed.map((r): Exclusion => ({ reason: r.reason, count: r.count, stage: 'row-not-used' })),
  ];
  if (reducedPay > 0) {
    exclusions.push({ reason: 'on reduced or nil pay because of leave (counted for bonus figures only)', count: reducedPay, stage: 'not-full-pay' });
  }
  if (zeroPay > 0) {
    exclusions.push({ reason: 'hourly pay is 0 (counted for bonus figures only)', count: zeroPay, stage: 'not-full-pay' });
  }

  const plan = input.plan;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'paygap', version: input.toolVersion },
    input: { file: input.file, sha256: input.sha256, bytes: input.bytes },
    snapshotDate: input.snapshotDate,
    method: {
      payMethod: plan.payMethod,
      payMethodReason: plan.payMethodReason,
      unit: plan.unit,
      unitReason: plan.unitReason,
      minGroupSize: input.minGroupSize,
      payPeriod: input.payPeriod,
      daysInPeriod: input.pay.daysInPeriod,
      salaryBasis: input.pay.salaryBasis,
      hourlyPayDecimals: 4,
      fullPayColumn: plan.hasFullPayColumn,
      bonusColumn: plan.hasBonusColumn,
      columns: Object.fromEntries(input.columns),
    },
    population: {
      rowsRead: quality.rowsRead,
      rowsValid: quality.rowsValid,
      rowsInvalid: quality.rowsInvalid,
      assignmentsUsed: input.units.assignmentsUsed,
      relevantEmployees: units.length,
      fullPayEmployees: context.fullPay.values.length,
      exclusions,
    },
    characteristics: plan.characteristics.flatMap((c) => VIEWS[c].map((view) => buildView(view, context))),
    warnings: input.warnings,
  };
}
