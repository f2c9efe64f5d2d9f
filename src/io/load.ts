import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { DataError } from '../errors.js';
import type { Field } from '../schema/fields.js';
import { resolveHeaders, type ColumnMap } from '../schema/headers.js';
import { planRun, type PlanOptions, type RunPlan } from '../schema/plan.js';
import { RowValidator, type RowIssue } from '../schema/validate-row.js';
import { QualityCollector, type DataQuality } from '../schema/quality.js';
import type { CodeReading } from '../schema/codes/disability.js';
import { AssignmentBuilder, type Assignments } from '../metrics/assignments.js';
import { PAY_PERIOD_DAYS, type PayConfig, type PayPeriod } from '../metrics/hourly-pay.js';
import { RecordScanner } from './scan-records.js';

export interface LoadOptions extends PlanOptions {
  readonly map: ReadonlyMap<Field, string>;
  readonly payPeriod: PayPeriod;
  /** Called now and then with the rows and bytes read so far. */
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

const NOT_RECORDED: CodeReading<'Not recorded'> = { value: 'Not recorded', unrecognised: false };
const UNKNOWN: CodeReading<'Unknown'> = { value: 'Unknown', unrecognised: false };

/**
 * Read and validate a whole export: headers → plan → every row through the row validator →
 * valid rows into columns, invalid rows into the quality record. Nothing is dropped silently.
 */
export async function loadInput(name: string, stream: Readable, options: LoadOptions): Promise<Loaded> {
  let columns: ColumnMap | undefined;
  let plan: RunPlan | undefined;
  let validator: RowValidator | undefined;
  let pay: PayConfig | undefined;
  const builder = new AssignmentBuilder();
  const quality = new QualityCollector();
  let bytes = 0;
  let sexColumn = -1;
  let ethnicityColumn = -1;
  let disabilityColumn = -1;

  const scanner = new RecordScanner({
    header(headers) {
      columns = resolveHeaders(headers, options.map);
      plan = planRun(columns, options);
      pay = { method: plan.payMethod, daysInPeriod: PAY_PERIOD_DAYS[options.payPeriod], salaryBasis: options.salaryBasis };
      validator = new RowValidator(columns, plan.requirements, pay, plan.fields);
      const at = (f: Field) => (plan!.fields.includes(f) ? (columns!.index.get(f) ?? -1) : -1);
      sexColumn = at('sex');
      ethnicityColumn = at('ethnicity');
      disabilityColumn = at('disability');
      return validator.columnIndices;
    },
    record(cells, fieldCount, line) {
      quality.rowsRead++;
      const v = validator as RowValidator;
      const issues = v.validate(cells, fieldCount, line);
      if (issues !== undefined) {
        quality.invalid(issues);
        return;
      }
      const values = v.values;
      const sex = values.sex ?? NOT_RECORDED;
      const ethnicity = values.ethnicity ?? UNKNOWN;
      const disability = values.disability ?? UNKNOWN;
      if (sex.unrecognised) quality.unrecognised('sex', cells[sexColumn]);
      if (ethnicity.unrecognised) quality.unrecognised('ethnicity', cells[ethnicityColumn]);
      if (disability.unrecognised) quality.unrecognised('disability', cells[disabilityColumn]);
      builder.addRow(
        line,
        values.employeeNumber ?? '',
        values.primaryAssignment,
        sex.value,
        ethnicity.value,
        disability.value,
        v.hourlyPay,
        values.contractedHours,
        values.bonusPay ?? 0,
        values.fullPay ?? true,
        values.staffGroup,
        values.grade,
      );
    },
    malformed(line, message) {
      quality.rowsRead++;
      quality.invalid([{ line, column: '(row)', value: '', message: `not valid CSV: ${message}` }]);
    },
  });

  const hash = createHash('sha256');
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    hash.update(buffer);
    bytes += buffer.length;
    scanner.push(buffer);
    options.onProgress?.(quality.rowsRead, bytes);
  }
  scanner.end();
  if (!scanner.headerSeen || columns === undefined || plan === undefined || pay === undefined) {
    throw new DataError(`${name === '-' ? 'stdin' : name} is empty: expected a header row and at least one data row`);
  }
  return { file: name, sha256: hash.digest('hex'), bytes, columns, plan, pay, assignments: builder.build(), quality };
}

export type { RowIssue, DataQuality };
