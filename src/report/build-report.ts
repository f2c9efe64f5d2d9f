import type { DataQuality } from '../schema/quality.js';
import type { Field } from '../schema/fields.js';
import type { RunPlan } from '../schema/plan.js';
import type { PayConfig, PayPeriod } from '../metrics/hourly-pay.js';
import type { UnitsResult } from '../metrics/units.js';
import { buildView, ordered, type CodeColumn, type ViewContext } from './build-view.js';
import { SCHEMA_VERSION, type Exclusion, type Report } from './model.js';
import { viewsOf } from './views.js';
import { orderByValue } from '../metrics/order.js';

export interface ReportInput {
  readonly toolVersion: string;
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly delimiter: string;
  readonly encoding: string;
  readonly snapshotDate: string | null;
  readonly plan: RunPlan;
  readonly pay: PayConfig;
  readonly payPeriod: PayPeriod;
  readonly minGroupSize: number;
  /** "characteristic/view" → reference group, where not the default. */
  readonly references?: ReadonlyMap<string, string>;
  readonly columns: ReadonlyMap<Field, string>;
  readonly quality: DataQuality;
  readonly units: UnitsResult;
  readonly warnings: readonly string[];
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
    columns: new Map<string, CodeColumn>([
      ['sex', units.sex],
      ['ethnicity', units.ethnicity],
      ['disability', units.disability],
    ]),
    fullPay: ordered(orderByValue(units.pay, onFullPay), units.pay),
    recipients: ordered(orderByValue(units.bonus, recipient), units.bonus),
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
    input: { file: input.file, sha256: input.sha256, bytes: input.bytes, delimiter: input.delimiter, encoding: input.encoding },
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
    characteristics: plan.characteristics.flatMap((c) => viewsOf(c, input.references ?? new Map()).map((view) => buildView(view, context))),
    warnings: input.warnings,
  };
}
