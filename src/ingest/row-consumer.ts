import type { Field } from '../schema/fields.js';
import type { ColumnMap } from '../schema/headers.js';
import type { RunPlan } from './plan.js';
import { RowValidator } from './validate-row.js';
import { QualityCollector } from './quality.js';
import { BASE_CHARACTERISTICS, type Characteristic } from '../schema/characteristics.js';
import { AssignmentBuilder } from './assignments.js';
import type { PayConfig } from '../schema/pay.js';
import type { RecordSink } from '../io/scan-records.js';
import { cellText } from '../io/cell-text.js';
import { LINES, type RowPlaces } from './row-place.js';

/**
 * What happens to each record once the header is known: validate it, then either add it to
 * the assignment columns or count it as invalid with its reasons. Used alike by the
 * single-threaded reader and by each worker thread of the parallel one.
 */
export class RowConsumer implements Omit<RecordSink, 'header'> {
  readonly builder = new AssignmentBuilder();
  readonly quality: QualityCollector;
  readonly validator: RowValidator;
  /** The characteristics this run reads, with their columns (for listing unrecognised values). */
  private readonly characteristicColumns: (readonly [Characteristic, number])[];
  private readonly employeeColumn: number;
  private readonly readsExtra: boolean;

  constructor(columns: ColumnMap, plan: RunPlan, pay: PayConfig, places: RowPlaces = LINES) {
    this.quality = new QualityCollector(places);
    this.validator = new RowValidator(columns, plan.requirements, pay, plan.fields, plan.textColumns);
    this.readsExtra = plan.textColumns.length > 0;
    const at = (f: Field) => (plan.fields.includes(f) ? (columns.index.get(f) ?? -1) : -1);
    this.characteristicColumns = BASE_CHARACTERISTICS.map((c) => [c, at(c)] as const).filter(([, column]) => column >= 0);
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
    for (let k = 0; k < this.characteristicColumns.length; k++) {
      const [c, column] = this.characteristicColumns[k]!;
      if (values[c]?.unrecognised === true) quality.unrecognised(c, cellText(cells[column]!));
    }
    this.builder.addRow(line, values, v.hourlyPay);
    if (this.readsExtra) this.builder.addExtra(v.extraValues, values.dateOfBirth);
  }

  malformed(line: number, message: string): void {
    this.quality.rowsRead++;
    this.quality.invalid([{ line, column: '(row)', value: '', message: `not valid CSV: ${message}` }]);
  }
}
