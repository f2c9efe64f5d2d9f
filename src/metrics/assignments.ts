import { SEX_GROUPS, type Sex } from '../schema/codes/sex.js';
import { ETHNICITY_VALUES, type Ethnicity } from '../schema/codes/ethnicity.js';
import { DISABILITY_GROUPS, type Disability } from '../schema/codes/disability.js';

/**
 * Valid assignments in columns: one array per attribute, codes as small integers and text
 * labels interned. Columns keep a million rows compact and let the calculations run as
 * tight loops over numbers.
 */
export interface Assignments {
  readonly length: number;
  readonly line: readonly number[];
  /** Employee number, or "" when the file has none. */
  readonly employee: readonly string[];
  /** 1 primary, 0 not primary, -1 unknown. */
  readonly primary: readonly number[];
  /** Index into SEX_GROUPS / ETHNICITY_VALUES / DISABILITY_GROUPS. */
  readonly sex: readonly number[];
  readonly ethnicity: readonly number[];
  readonly disability: readonly number[];
  /** Unrounded hourly pay of the assignment. */
  readonly hourlyPay: readonly number[];
  /** Contracted hours a week, NaN when not known. */
  readonly hours: readonly number[];
  readonly bonus: readonly number[];
  /** 1 full pay, 0 reduced or nil pay because of leave. */
  readonly fullPay: readonly number[];
  /** Index into staffGroups / grades; -1 when blank. */
  readonly staffGroup: readonly number[];
  readonly grade: readonly number[];
  readonly staffGroups: readonly string[];
  readonly grades: readonly string[];
}

export interface AssignmentInput {
  readonly line: number;
  readonly employee: string;
  readonly primary: boolean | undefined;
  readonly sex: Sex;
  readonly ethnicity: Ethnicity;
  readonly disability: Disability;
  readonly hourlyPay: number;
  readonly hours: number | undefined;
  readonly bonus: number;
  readonly fullPay: boolean;
  readonly staffGroup: string | undefined;
  readonly grade: string | undefined;
}

const SEX_INDEX = new Map(SEX_GROUPS.map((v, i) => [v, i]));
const ETHNICITY_INDEX = new Map(ETHNICITY_VALUES.map((v, i) => [v, i]));
const DISABILITY_INDEX = new Map(DISABILITY_GROUPS.map((v, i) => [v, i]));

class Interner {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string | undefined): number {
    if (name === undefined || name === '') return -1;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

/** Collects assignments as they are validated. */
export class AssignmentBuilder {
  private readonly data = {
    line: [] as number[],
    employee: [] as string[],
    primary: [] as number[],
    sex: [] as number[],
    ethnicity: [] as number[],
    disability: [] as number[],
    hourlyPay: [] as number[],
    hours: [] as number[],
    bonus: [] as number[],
    fullPay: [] as number[],
    staffGroup: [] as number[],
    grade: [] as number[],
  };
  private readonly staffGroups = new Interner();
  private readonly grades = new Interner();

  add(row: AssignmentInput): void {
    const d = this.data;
    d.line.push(row.line);
    d.employee.push(row.employee);
    d.primary.push(row.primary === undefined ? -1 : row.primary ? 1 : 0);
    d.sex.push(SEX_INDEX.get(row.sex) as number);
    d.ethnicity.push(ETHNICITY_INDEX.get(row.ethnicity) as number);
    d.disability.push(DISABILITY_INDEX.get(row.disability) as number);
    d.hourlyPay.push(row.hourlyPay);
    d.hours.push(row.hours ?? Number.NaN);
    d.bonus.push(row.bonus);
    d.fullPay.push(row.fullPay ? 1 : 0);
    d.staffGroup.push(this.staffGroups.id(row.staffGroup));
    d.grade.push(this.grades.id(row.grade));
  }

  build(): Assignments {
    return { ...this.data, length: this.data.line.length, staffGroups: this.staffGroups.names, grades: this.grades.names };
  }
}

/** Build assignments from plain rows: for tests and small callers. */
export function assignmentsOf(rows: readonly AssignmentInput[]): Assignments {
  const builder = new AssignmentBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
}
