import type { DataQuality } from '../schema/quality.js';
import type { Field } from '../schema/fields.js';
import type { RunPlan } from '../schema/plan.js';
import type { PayConfig, PayPeriod } from '../metrics/hourly-pay.js';
import type { UnitsResult } from '../metrics/units.js';
import { buildView, type ViewContext } from './build-view.js';
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

/** Indices of `keep` units ordered by `values`, lowest first. */
function orderBy(values: Float64Array, length: number, keep: (i: number) => boolean): Uint32Array {
  let count = 0;
  for (let i = 0; i < length; i++) if (keep(i)) count++;
  const order = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < length; i++) if (keep(i)) order[at++] = i;
  return order.sort((a, b) => values[a] - values[b]);
}

/** Build the whole report from validated, unit-level data. Pure: no I/O, no clock. */
export function buildReport(input: ReportInput): Report {
  const { units } = input.units;
  const { quality } = input;

  let reducedPay = 0;
  let zeroPay = 0;
  for (let i = 0; i < units.length; i++) {
    if (units.fullPay[i] === 0) reducedPay++;
    else if (!(units.pay[i] > 0)) zeroPay++;
  }
  const context: ViewContext = {
    units,
    fullPayByPay: orderBy(units.pay, units.length, (i) => units.fullPay[i] === 1 && units.pay[i] > 0),
    recipientsByBonus: orderBy(units.bonus, units.length, (i) => units.bonus[i] > 0),
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
      fullPayEmployees: context.fullPayByPay.length,
      exclusions,
    },
    characteristics: plan.characteristics.flatMap((c) => VIEWS[c].map((view) => buildView(view, context))),
    warnings: input.warnings,
  };
}
