import { SEX_GROUPS, type Sex } from '../schema/codes/sex.js';
import { ETHNICITY_VALUES, type Ethnicity } from '../schema/codes/ethnicity.js';
import { DISABILITY_GROUPS, type Disability } from '../schema/codes/disability.js';

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
  /** Index into SEX_GROUPS / ETHNICITY_VALUES / DISABILITY_GROUPS. */
  readonly sex: Uint8Array;
  readonly ethnicity: Uint8Array;
  readonly disability: Uint8Array;
  /** Unrounded hourly pay of the assignment. */
  readonly hourlyPay: Float64Array;
  /** Contracted hours a week, NaN when not known. */
  readonly hours: Float64Array;
  readonly bonus: Float64Array;
  /** 1 full pay, 0 reduced or nil pay because of leave. */
  readonly fullPay: Uint8Array;
  /** Index into staffGroups / grades; -1 when blank. */
  readonly staffGroup: Int32Array;
  readonly grade: Int32Array;
  readonly staffGroups: readonly string[];
  readonly grades: readonly string[];
  /** Employee numbers that are not plain numbers, by key − INTERNED_KEY_BASE. */
  readonly employeeNames: readonly string[];
  /** Assignment numbers that are not of the form 12345678 or 12345678-2, by key − ASSIGNMENT_KEY_BASE. */
  readonly assignmentNames: readonly string[];
  /** Extra characteristics: each row's value as an index into `values` (-1: none read). */
  readonly extra: readonly { readonly codes: Int32Array; readonly values: readonly string[] }[];
  /** Date of birth as days since 1970-01-01, NaN when unknown or not read. */
  readonly birth: Float64Array;
}

export interface AssignmentInput {
  readonly line: number;
  readonly employee: string;
  readonly assignment?: string | undefined;
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

const SEX_INDEX = new Map<string, number>(SEX_GROUPS.map((v, i) => [v, i]));
const ETHNICITY_INDEX = new Map<string, number>(ETHNICITY_VALUES.map((v, i) => [v, i]));
const DISABILITY_INDEX = new Map<string, number>(DISABILITY_GROUPS.map((v, i) => [v, i]));

/**
 * Employee numbers that are plain numbers below 10⁹ without a leading zero are their own key
 * (distinct texts, distinct numbers); anything else is interned to a key from 10⁹ up. Keys
 * therefore stay below 2³¹, which lets people be grouped by one numeric sort.
 */
export const INTERNED_KEY_BASE = 1e9;
const PLAIN_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * Assignment numbers as ESR writes them (12345678, 12345678-2) become numbers: employee part
 * × 1000 + (suffix + 1, or 0 without one; suffixes go to 99), distinct for distinct texts; others are interned
 * from ASSIGNMENT_KEY_BASE up.
 */
export const ASSIGNMENT_KEY_BASE = 2 ** 50;

export function assignmentText(a: Assignments, key: number): string {
  if (key >= ASSIGNMENT_KEY_BASE) return a.assignmentNames[key - ASSIGNMENT_KEY_BASE] as string;
  const suffix = key % 1000;
  const employee = (key - suffix) / 1000;
  return suffix === 0 ? String(employee) : `${employee}-${suffix - 1}`;
}

/** The key of an employee number as written, or undefined if no row has it. */
export function employeeKey(a: Assignments, name: string): number | undefined {
  if (PLAIN_NUMBER.test(name)) return Number(name);
  const at = a.employeeNames.indexOf(name);
  return at === -1 ? undefined : INTERNED_KEY_BASE + at;
}

/** The employee number as written, from its key. */
export function employeeName(a: Assignments, key: number): string {
  return key >= INTERNED_KEY_BASE ? (a.employeeNames[key - INTERNED_KEY_BASE] as string) : String(key);
}

class Interner {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

/**
 * Typed arrays that grow by doubling. Two classes rather than one generic one, so each
 * `push` site sees one array type (a generic one measured 3× slower at a million rows).
 */
class Float64Column {
  length = 0;
  data = new Float64Array(1024);
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

class Int32Column {
  length = 0;
  data = new Int32Array(1024);
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** Collects assignments as they are validated. */
export class AssignmentBuilder {
  private readonly line = new Int32Column();
  private readonly employee = new Float64Column();
  private readonly assignment = new Float64Column();
  private readonly assignments = new Interner();
  private readonly primary = new Int32Column();
  private readonly sex = new Int32Column();
  private readonly ethnicity = new Int32Column();
  private readonly disability = new Int32Column();
  private readonly hourlyPay = new Float64Column();
  private readonly hours = new Float64Column();
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

  add(row: AssignmentInput): void {
    this.addRow(
      row.line,
      row.employee,
      row.assignment,
      row.primary,
      row.sex,
      row.ethnicity,
      row.disability,
      row.hourlyPay,
      row.hours,
      row.bonus,
      row.fullPay,
      row.staffGroup,
      row.grade,
    );
  }

  /** `add` without the row object: the loader calls this once per row. */
  addRow(
    line: number,
    employee: string,
    assignment: string | undefined,
    primary: boolean | undefined,
    sex: Sex,
    ethnicity: Ethnicity,
    disability: Disability,
    hourlyPay: number,
    hours: number | undefined,
    bonus: number,
    fullPay: boolean,
    staffGroup: string | undefined,
    grade: string | undefined,
  ): void {
    this.line.push(line);
    this.employee.push(PLAIN_NUMBER.test(employee) ? Number(employee) : INTERNED_KEY_BASE + this.employees.id(employee));
    this.assignment.push(assignment === undefined || assignment === '' ? Number.NaN : this.assignmentKey(assignment));
    this.primary.push(primary === undefined ? -1 : primary ? 1 : 0);
    this.sex.push(SEX_INDEX.get(sex) as number);
    this.ethnicity.push(ETHNICITY_INDEX.get(ethnicity) as number);
    this.disability.push(DISABILITY_INDEX.get(disability) as number);
    this.hourlyPay.push(hourlyPay);
    this.hours.push(hours ?? Number.NaN);
    this.bonus.push(bonus);
    this.fullPay.push(fullPay ? 1 : 0);
    this.staffGroup.push(staffGroup === undefined || staffGroup === '' ? -1 : this.staffGroups.id(staffGroup));
    this.grade.push(grade === undefined || grade === '' ? -1 : this.grades.id(grade));
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

  /** Reads /^([1-9]\d{0,9})(-(0|[1-9]\d?))?$/ by hand (a regular expression per row measured 3× slower). */
  private assignmentKey(text: string): number {
    let employee = 0;
    let at = 0;
    const n = text.length;
    const first = text.charCodeAt(0);
    if (first < 49 || first > 57) return ASSIGNMENT_KEY_BASE + this.assignments.id(text); // not 1-9
    for (; at < n && at < 10; at++) {
      const c = text.charCodeAt(at);
      if (c < 48 || c > 57) break;
      employee = employee * 10 + (c - 48);
    }
    if (at === n) return employee * 1000;
    if (text.charCodeAt(at) !== 45 || at + 1 === n || n - at - 1 > 2) return ASSIGNMENT_KEY_BASE + this.assignments.id(text);
    const s1 = text.charCodeAt(at + 1) - 48;
    const s2 = at + 2 < n ? text.charCodeAt(at + 2) - 48 : -1;
    if (s1 < 0 || s1 > 9 || (s2 !== -1 && (s2 < 0 || s2 > 9 || s1 === 0))) return ASSIGNMENT_KEY_BASE + this.assignments.id(text);
    return employee * 1000 + (s2 === -1 ? s1 : s1 * 10 + s2) + 1;
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
      sex: Uint8Array.from(this.sex.data.subarray(0, n)),
      ethnicity: Uint8Array.from(this.ethnicity.data.subarray(0, n)),
      disability: Uint8Array.from(this.disability.data.subarray(0, n)),
      hourlyPay: f64(this.hourlyPay),
      hours: f64(this.hours),
      bonus: f64(this.bonus),
      fullPay: Uint8Array.from(this.fullPay.data.subarray(0, n)),
      staffGroup: this.staffGroup.data.slice(0, n),
      grade: this.grade.data.slice(0, n),
      staffGroups: this.staffGroups.names,
      grades: this.grades.names,
      employeeNames: this.employees.names,
      assignmentNames: this.assignments.names,
      extra: this.extraCodes.map((c, k) => ({ codes: c.data.slice(0, n), values: (this.extraValues[k] as Interner).names })),
      birth: this.birth.length === n ? f64(this.birth) : new Float64Array(n).fill(Number.NaN),
    };
  }
}

/**
 * Join parts read separately (by worker threads) into one set of columns. Labels and
 * non-numeric employee numbers were interned per part, so their ids are mapped to one
 * shared dictionary; everything else is copied as it is.
 */
export function concatAssignments(
  parts: readonly Assignments[],
  /** Which rows of which part, in output order; default: every part whole, in turn. */
  segments: readonly { part: number; start: number; count: number }[] = parts.map((p, part) => ({ part, start: 0, count: p.length })),
): Assignments {
  if (parts.length === 1 && segments.length === 1) return parts[0] as Assignments;
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const staffGroups = new Interner();
  const grades = new Interner();
  const employees = new Interner();
  const assignments = new Interner();
  const out = {
    length,
    line: new Uint32Array(length),
    employee: new Float64Array(length),
    assignment: new Float64Array(length),
    primary: new Int8Array(length),
    sex: new Uint8Array(length),
    ethnicity: new Uint8Array(length),
    disability: new Uint8Array(length),
    hourlyPay: new Float64Array(length),
    hours: new Float64Array(length),
    bonus: new Float64Array(length),
    fullPay: new Uint8Array(length),
    staffGroup: new Int32Array(length),
    grade: new Int32Array(length),
    staffGroups: staffGroups.names,
    grades: grades.names,
    employeeNames: employees.names,
    assignmentNames: assignments.names,
    extra: (parts[0]?.extra ?? []).map(() => ({ codes: new Int32Array(length), values: [] as string[] })),
    birth: new Float64Array(length),
  };
  const extraInterners = out.extra.map((x) => {
    const interner = new Interner();
    (x as { values: string[] }).values = interner.names;
    return interner;
  });
  const maps = parts.map((p) => ({
    groupIds: p.staffGroups.map((name) => staffGroups.id(name)),
    gradeIds: p.grades.map((name) => grades.id(name)),
    employeeIds: p.employeeNames.map((name) => INTERNED_KEY_BASE + employees.id(name)),
    assignmentIds: p.assignmentNames.map((name) => ASSIGNMENT_KEY_BASE + assignments.id(name)),
    extraIds: p.extra.map((x, k) => x.values.map((v) => (extraInterners[k] as Interner).id(v))),
  }));
  let at = 0;
  for (const { part, start, count } of segments) {
    const p = parts[part] as Assignments;
    const { groupIds, gradeIds, employeeIds, assignmentIds, extraIds } = maps[part] as (typeof maps)[number];
    p.extra.forEach((x, k) => {
      const ids = extraIds[k] as number[];
      const target = (out.extra[k] as { codes: Int32Array }).codes;
      for (let i = 0; i < count; i++) target[at + i] = ids[x.codes[start + i] as number] as number;
    });
    for (const key of ['line', 'primary', 'sex', 'ethnicity', 'disability', 'hourlyPay', 'hours', 'bonus', 'fullPay', 'birth'] as const) {
      (out[key] as Float64Array).set((p[key] as Float64Array).subarray(start, start + count), at);
    }
    for (let i = 0; i < count; i++) {
      const g = p.staffGroup[start + i];
      out.staffGroup[at + i] = g < 0 ? g : (groupIds[g] as number);
      const b = p.grade[start + i];
      out.grade[at + i] = b < 0 ? b : (gradeIds[b] as number);
      const e = p.employee[start + i];
      out.employee[at + i] = e >= INTERNED_KEY_BASE ? (employeeIds[e - INTERNED_KEY_BASE] as number) : e;
      const k = p.assignment[start + i];
      out.assignment[at + i] = k >= ASSIGNMENT_KEY_BASE ? (assignmentIds[k - ASSIGNMENT_KEY_BASE] as number) : k;
    }
    at += count;
  }
  return out;
}

/** Build assignments from plain rows: for tests and small callers. */
export function assignmentsOf(rows: readonly AssignmentInput[]): Assignments {
  const builder = new AssignmentBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
}
