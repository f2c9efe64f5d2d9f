import { BASE_CHARACTERISTICS, CODE_LISTS, WHEN_NOT_READ, type Characteristic } from '../schema/characteristics.js';
import type { RowValues } from '../schema/row-schema.js';
import { assignmentKeyOf, employeeKeyOf } from './keys.js';
import { Float64Column, Int32Column, Interner } from './typed-columns.js';

/**
 * Valid assignments in columns: one typed array per attribute, codes as small integers and
 * text labels interned. A million rows take about 60 MB and the calculations run as tight
 * loops over numbers.
 */
export interface Assignments {
  readonly length: number;
  readonly line: Uint32Array;
  /** Employee key: the number itself for plain employee numbers, else an interned id (see employeeName). */
  readonly employee: Float64Array;
  /** Assignment key (see assignmentKey), NaN when the row has none. */
  readonly assignment: Float64Array;
  /** 1 primary, 0 not primary, -1 unknown. */
  readonly primary: Int8Array;
  /** Each built-in characteristic's code: an index into its CODE_LISTS entry. */
  readonly codes: { readonly [C in Characteristic]: Uint8Array };
  /** Unrounded hourly pay of the assignment. */
  readonly hourlyPay: Float64Array;
  /** Contracted hours a week, NaN when not known. */
  readonly hours: Float64Array;
  /** FTE, NaN when not known or not read (it is read with --pay-method annual-salary). */
  readonly fte: Float64Array;
  readonly bonus: Float64Array;
  /** 1 full pay, 0 reduced or nil pay because of leave. */
  readonly fullPay: Uint8Array;
  /** Index into staffGroups / grades; -1 when blank. */
  readonly staffGroup: Int32Array;
  readonly grade: Int32Array;
  readonly staffGroups: readonly string[];
  readonly grades: readonly string[];
  /** Index into organisations; -1 when the run has one organisation (METHOD §16). */
  readonly organisation: Int32Array;
  readonly organisations: readonly string[];
  /** Employee numbers that are not plain numbers, by key − INTERNED_KEY_BASE. */
  readonly employeeNames: readonly string[];
  /** Assignment numbers that are not of the form 12345678 or 12345678-2, by key − ASSIGNMENT_KEY_BASE. */
  readonly assignmentNames: readonly string[];
  /** Extra characteristics: each row's value as an index into `values` (-1: none read). */
  readonly extra: readonly { readonly codes: Int32Array; readonly values: readonly string[] }[];
  /** Date of birth as days since 1970-01-01, NaN when unknown or not read. */
  readonly birth: Float64Array;
}

/** One assignment as plain values: for tests and small callers (see assignmentsOf). */
export interface AssignmentInput {
  readonly line: number;
  readonly employee: string;
  readonly assignment?: string | undefined;
  readonly primary: boolean | undefined;
  readonly sex: string;
  readonly ethnicity: string;
  readonly disability: string;
  readonly hourlyPay: number;
  readonly hours: number | undefined;
  readonly bonus: number;
  readonly fullPay: boolean;
  readonly staffGroup: string | undefined;
  readonly grade: string | undefined;
}

const CODE_INDEX = Object.fromEntries(BASE_CHARACTERISTICS.map((c) => [c, new Map(CODE_LISTS[c].map((v, i) => [v, i]))])) as unknown as {
  readonly [C in Characteristic]: ReadonlyMap<string, number>;
};

/** Collects assignments as they are validated. */
export class AssignmentBuilder {
  private readonly line = new Int32Column();
  private readonly employee = new Float64Column();
  private readonly assignment = new Float64Column();
  private readonly assignments = new Interner();
  private readonly primary = new Int32Column();
  private readonly codes = Object.fromEntries(BASE_CHARACTERISTICS.map((c) => [c, new Int32Column()])) as { readonly [C in Characteristic]: Int32Column };
  private readonly hourlyPay = new Float64Column();
  private readonly hours = new Float64Column();
  private readonly fte = new Float64Column();
  private readonly bonus = new Float64Column();
  private readonly fullPay = new Int32Column();
  private readonly staffGroup = new Int32Column();
  private readonly grade = new Int32Column();
  private readonly employees = new Interner();
  private readonly extraCodes: Int32Column[] = [];
  private readonly extraValues: Interner[] = [];
  private readonly birth = new Float64Column();
  private readonly staffGroups = new Interner();
  private readonly grades = new Interner();
  private readonly organisation = new Int32Column();
  private readonly organisations = new Interner();

  /**
   * Add one valid row: its validated cell values (the validator's reused object) and its
   * hourly pay under the run's pay method. A characteristic the file has no column for takes
   * its "not read" value.
   */
  addRow(line: number, values: RowValues, hourlyPay: number): void {
    this.line.push(line);
    this.employee.push(employeeKeyOf(values.employeeNumber ?? '', this.employees));
    const assignment = values.assignmentNumber;
    this.assignment.push(assignment === undefined || assignment === '' ? Number.NaN : assignmentKeyOf(assignment, this.assignments));
    this.primary.push(values.primaryAssignment === undefined ? -1 : values.primaryAssignment ? 1 : 0);
    for (const c of BASE_CHARACTERISTICS) this.codes[c].push(CODE_INDEX[c].get(values[c]?.value ?? WHEN_NOT_READ[c]) as number);
    this.hourlyPay.push(hourlyPay);
    this.hours.push(values.contractedHours ?? Number.NaN);
    this.fte.push(values.fte ?? Number.NaN);
    this.bonus.push(values.bonusPay ?? 0);
    this.fullPay.push(values.fullPay === false ? 0 : 1);
    this.staffGroup.push(values.staffGroup === undefined || values.staffGroup === '' ? -1 : this.staffGroups.id(values.staffGroup));
    this.grade.push(values.grade === undefined || values.grade === '' ? -1 : this.grades.id(values.grade));
    this.organisation.push(values.organisation === undefined ? -1 : this.organisations.id(values.organisation));
  }

  /** `addRow` from plain values (tests and small callers). */
  add(row: AssignmentInput): void {
    const reading = (value: string) => ({ value, unrecognised: false });
    this.addRow(
      row.line,
      {
        employeeNumber: row.employee,
        assignmentNumber: row.assignment,
        primaryAssignment: row.primary,
        sex: reading(row.sex),
        ethnicity: reading(row.ethnicity),
        disability: reading(row.disability),
        contractedHours: row.hours,
        bonusPay: row.bonus,
        fullPay: row.fullPay,
        staffGroup: row.staffGroup,
        grade: row.grade,
      } as RowValues,
      row.hourlyPay,
    );
  }

  get length(): number {
    return this.line.length;
  }

  /** The extra characteristics and date of birth of the row just added (when read). */
  addExtra(values: readonly string[], birth: string | undefined): void {
    values.forEach((value, k) => {
      if (this.extraCodes[k] === undefined) {
        this.extraCodes[k] = new Int32Column();
        this.extraValues[k] = new Interner();
      }
      (this.extraCodes[k] as Int32Column).push((this.extraValues[k] as Interner).id(value));
    });
    this.birth.push(birth === undefined ? Number.NaN : Date.parse(`${birth}T00:00:00Z`) / 86_400_000);
  }

  build(): Assignments {
    const n = this.line.length;
    const f64 = (c: Float64Column) => c.data.slice(0, n);
    return {
      length: n,
      line: Uint32Array.from(this.line.data.subarray(0, n)),
      employee: f64(this.employee),
      assignment: f64(this.assignment),
      primary: Int8Array.from(this.primary.data.subarray(0, n)),
      codes: Object.fromEntries(BASE_CHARACTERISTICS.map((c) => [c, Uint8Array.from(this.codes[c].data.subarray(0, n))])) as Assignments['codes'],
      hourlyPay: f64(this.hourlyPay),
      hours: f64(this.hours),
      fte: f64(this.fte),
      bonus: f64(this.bonus),
      fullPay: Uint8Array.from(this.fullPay.data.subarray(0, n)),
      staffGroup: this.staffGroup.data.slice(0, n),
      grade: this.grade.data.slice(0, n),
      staffGroups: this.staffGroups.names,
      grades: this.grades.names,
      organisation: this.organisation.data.slice(0, n),
      organisations: this.organisations.names,
      employeeNames: this.employees.names,
      assignmentNames: this.assignments.names,
      extra: this.extraCodes.map((c, k) => ({ codes: c.data.slice(0, n), values: (this.extraValues[k] as Interner).names })),
      birth: this.birth.length === n ? f64(this.birth) : new Float64Array(n).fill(Number.NaN),
    };
  }
}

/** Build assignments from plain rows: for tests and small callers. */
export function assignmentsOf(rows: readonly AssignmentInput[]): Assignments {
  const builder = new AssignmentBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
}
