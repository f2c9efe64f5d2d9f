import type { Readable } from 'node:stream';
import { DataError } from '../errors.js';
import type { Field } from '../schema/fields.js';
import { resolveHeaders, type ColumnMap } from '../schema/headers.js';
import { planRun, type PlanOptions, type RunPlan } from '../schema/plan.js';
import { createRowValidator, type RowIssue } from '../schema/validate-row.js';
import { QualityCollector, type DataQuality } from '../schema/quality.js';
import { AssignmentBuilder, type Assignments } from '../metrics/assignments.js';
import { PAY_PERIOD_DAYS, type PayConfig, type PayPeriod } from '../metrics/hourly-pay.js';
import { readCsv } from './read-csv.js';

export interface LoadOptions extends PlanOptions {
  readonly map: ReadonlyMap<Field, string>;
  readonly payPeriod: PayPeriod;
  /** Called now and then with the number of rows read so far. */
  readonly onProgress?: ((rowsRead: number, bytes: number) => void) | undefined;
}

export interface Loaded {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly columns: ColumnMap;
  readonly plan: RunPlan;
  readonly pay: PayConfig;
  readonly assignments: Assignments;
  readonly quality: QualityCollector;
}

/**
 * Read and validate a whole export: headers → plan → every row through the row validator →
 * valid rows into columns, invalid rows into the quality record. Nothing is dropped silently.
 */
export async function loadInput(name: string, stream: Readable, options: LoadOptions): Promise<Loaded> {
  let columns: ColumnMap | undefined;
  let plan: RunPlan | undefined;
  let validate: ReturnType<typeof createRowValidator> | undefined;
  let pay: PayConfig | undefined;
  const builder = new AssignmentBuilder();
  const quality = new QualityCollector();
  let bytesSoFar = 0;

  const summary = await readCsv(stream, {
    onHeader(headers) {
      columns = resolveHeaders(headers, options.map);
      plan = planRun(columns, options);
      pay = { method: plan.payMethod, daysInPeriod: PAY_PERIOD_DAYS[options.payPeriod], salaryBasis: options.salaryBasis };
      validate = createRowValidator(columns, plan.requirements, pay);
    },
    onRecord(record, line) {
      quality.rowsRead++;
      const result = (validate as NonNullable<typeof validate>)(record, line);
      if (!result.ok) {
        quality.invalid(result.issues);
        return;
      }
      const v = result.values;
      const sex = v.sex ?? { value: 'Not recorded', unrecognised: false };
      const ethnicity = v.ethnicity ?? { value: 'Unknown', unrecognised: false };
      const disability = v.disability ?? { value: 'Unknown', unrecognised: false };
      const c = columns as ColumnMap;
      if (sex.unrecognised) quality.unrecognised('sex', record[c.index.get('sex') as number] as string);
      if (ethnicity.unrecognised) quality.unrecognised('ethnicity', record[c.index.get('ethnicity') as number] as string);
      if (disability.unrecognised) quality.unrecognised('disability', record[c.index.get('disability') as number] as string);
      builder.add({
        line,
        employee: v.employeeNumber ?? '',
        primary: v.primaryAssignment,
        sex: sex.value,
        ethnicity: ethnicity.value,
        disability: disability.value,
        hourlyPay: result.hourlyPay,
        hours: v.contractedHours,
        bonus: v.bonusPay ?? 0,
        fullPay: v.fullPay ?? true,
        staffGroup: v.staffGroup,
        grade: v.grade,
      });
      if (options.onProgress && (quality.rowsRead & 0xffff) === 0) options.onProgress(quality.rowsRead, bytesSoFar);
    },
    onBytes(bytes) {
      bytesSoFar = bytes;
    },
  });
  if (!summary.sawHeader || columns === undefined || plan === undefined || pay === undefined) {
    throw new DataError(`${name === '-' ? 'stdin' : name} is empty: expected a header row and at least one data row`);
  }
  return {
    file: name,
    sha256: summary.sha256,
    bytes: summary.bytes,
    columns,
    plan,
    pay,
    assignments: builder.build(),
    quality,
  };
}

export type { RowIssue, DataQuality };
