import type { Field } from '../schema/fields.js';
import type { ColumnMap } from '../schema/headers.js';
import type { RunPlan } from './plan.js';
import { RowValidator } from './validate-row.js';
import { QualityCollector } from './quality.js';
import type { CodeReading } from '../schema/codes/disability.js';
import { AssignmentBuilder } from './assignments.js';
import type { PayConfig } from '../schema/pay.js';
import type { RecordSink } from '../io/scan-records.js';
import { cellText } from '../io/cell-text.js';

const NOT_RECORDED: CodeReading<'Not recorded'> = { value: 'Not recorded', unrecognised: false };
const UNKNOWN: CodeReading<'Unknown'> = { value: 'Unknown', unrecognised: false };

/**
 * What happens to each record once the header is known: validate it, then either add it to
 * the assignment columns or count it as invalid with its reasons. Used alike by the
 * single-threaded reader and by each worker thread of the parallel one.
 */
export class RowConsumer implements Omit<RecordSink, 'header'> {
  readonly builder = new AssignmentBuilder();
  readonly quality = new QualityCollector();
  readonly validator: RowValidator;
  private readonly sexColumn: number;
  private readonly ethnicityColumn: number;
  private readonly disabilityColumn: number;
  private readonly employeeColumn: number;
  private readonly readsExtra: boolean;

  constructor(columns: ColumnMap, plan: RunPlan, pay: PayConfig) {
    this.validator = new RowValidator(columns, plan.requirements, pay, plan.fields, plan.extra);
    this.readsExtra = plan.extra.length > 0;
    const at = (f: Field) => (plan.fields.includes(f) ? (columns.index.get(f) ?? -1) : -1);
    this.sexColumn = at('sex');
    this.ethnicityColumn = at('ethnicity');
    this.disabilityColumn = at('disability');
    this.employeeColumn = at('employeeNumber');
  }

  record(cells: readonly string[], fieldCount: number, line: number): void {
    const quality = this.quality;
    quality.rowsRead++;
    const v = this.validator;
    const issues = v.validate(cells, fieldCount, line);
    if (issues !== undefined) {
      quality.invalid(issues);
      // Remember whose row it was (a short row may not reach the column: cells past its end
      // are left over from an earlier row).
      const e = this.employeeColumn;
      if (e >= 0 && e < fieldCount) {
        const employee = cellText(cells[e]).trim();
        if (employee !== '') quality.invalidEmployees.add(employee);
      }
      return;
    }
    const values = v.values;
    const sex = values.sex ?? NOT_RECORDED;
    const ethnicity = values.ethnicity ?? UNKNOWN;
    const disability = values.disability ?? UNKNOWN;
    if (sex.unrecognised) quality.unrecognised('sex', cellText(cells[this.sexColumn]));
    if (ethnicity.unrecognised) quality.unrecognised('ethnicity', cellText(cells[this.ethnicityColumn]));
    if (disability.unrecognised) quality.unrecognised('disability', cellText(cells[this.disabilityColumn]));
    this.builder.addRow(
      line,
      values.employeeNumber ?? '',
      values.assignmentNumber,
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
    if (this.readsExtra) this.builder.addExtra(v.extraValues, values.dateOfBirth);
  }

  malformed(line: number, message: string): void {
    this.quality.rowsRead++;
    this.quality.invalid([{ line, column: '(row)', value: '', message: `not valid CSV: ${message}` }]);
  }
}
