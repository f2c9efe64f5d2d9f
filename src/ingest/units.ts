import type { Unit } from './plan.js';
import { employeeKey, employeeName, type Assignments } from './assignments.js';
import { roundRate } from '../schema/pay.js';

/**
 * The units counted in the figures (METHOD §3): people, assignments or
 * primary assignments, in columns.
 */
export interface Units {
  readonly length: number;
  /** Hourly pay rounded to 4 decimal places, so people on one pay point tie exactly. */
  readonly pay: Float64Array;
  readonly bonus: Float64Array;
  /** 1 when no assignment of the unit is on reduced or nil pay because of leave. */
  readonly fullPay: Uint8Array;
  readonly sex: Uint8Array;
  readonly ethnicity: Uint8Array;
  readonly disability: Uint8Array;
  readonly staffGroup: Int32Array;
  readonly grade: Int32Array;
  readonly staffGroups: readonly string[];
  readonly grades: readonly string[];
  /** Extra characteristics (custom columns), codes into `values`, from the profile row. */
  readonly extra: readonly { readonly codes: Uint16Array; readonly values: readonly string[] }[];
  /** Date of birth, days since 1970-01-01 (NaN unknown), from the profile row. */
  readonly birth: Float64Array;
}

export interface Conflict {
  readonly line: number;
  readonly employee: string;
  /** Says which characteristics disagree; holds no values (it is used as a reason in reports). */
  readonly message: string;
}

export interface UnitsResult {
  readonly units: Units;
  /** Rows of people whose assignments disagree on a characteristic: invalid, not used. */
  readonly conflicts: readonly Conflict[];
  /** Valid rows that are not units by design (e.g. not the primary assignment). */
  readonly rowsNotUsed: readonly { readonly reason: string; readonly count: number }[];
  readonly assignmentsUsed: number;
}

function allocate(length: number, a: Assignments) {
  return {
    length,
    pay: new Float64Array(length),
    bonus: new Float64Array(length),
    fullPay: new Uint8Array(length),
    sex: new Uint8Array(length),
    ethnicity: new Uint8Array(length),
    disability: new Uint8Array(length),
    staffGroup: new Int32Array(length),
    grade: new Int32Array(length),
    staffGroups: a.staffGroups,
    grades: a.grades,
    extra: a.extra.map((x) => ({ codes: new Uint16Array(length), values: x.values })),
    birth: new Float64Array(length),
  };
}

function copyRow(u: ReturnType<typeof allocate>, to: number, a: Assignments, from: number): void {
  u.pay[to] = roundRate(a.hourlyPay[from] as number);
  u.bonus[to] = a.bonus[from] as number;
  u.fullPay[to] = a.fullPay[from] as number;
  u.sex[to] = a.sex[from] as number;
  u.ethnicity[to] = a.ethnicity[from] as number;
  u.disability[to] = a.disability[from] as number;
  u.staffGroup[to] = a.staffGroup[from] as number;
  u.grade[to] = a.grade[from] as number;
  u.birth[to] = a.birth[from] as number;
  for (let k = 0; k < a.extra.length; k++) (u.extra[k] as { codes: Uint16Array }).codes[to] = (a.extra[k] as { codes: Int32Array }).codes[from] as number;
}

/**
 * @param invalidEmployees employee numbers that have an invalid row: with `person`, such a
 *   person's other rows are not used either (counted by reason), as a person's pay cannot be
 *   worked out from some of their assignments.
 */
export function buildUnits(
  a: Assignments,
  unit: Unit,
  invalidEmployees: ReadonlySet<string> = new Set(),
  /** Rows found invalid after reading (repeated assignments): not used at all. */
  skip: ReadonlySet<number> = new Set(),
): UnitsResult {
  if (unit === 'person') return buildPeople(a, invalidEmployees, skip);
  const rows: number[] = [];
  for (let i = 0; i < a.length; i++) if (!skip.has(i) && (unit === 'assignment' || a.primary[i] === 1)) rows.push(i);
  const units = allocate(rows.length, a);
  rows.forEach((row, to) => copyRow(units, to, a, row));
  const notPrimary = a.length - skip.size - rows.length;
  return {
    units,
    conflicts: [],
    rowsNotUsed: notPrimary > 0 ? [{ reason: 'not the primary assignment (--unit primary)', count: notPrimary }] : [],
    assignmentsUsed: rows.length,
  };
}

const CHARACTERISTIC_FIELDS = ['sex', 'ethnicity', 'disability'] as const;

/** Rows per person above which grouping uses a map instead of the packed sort. */
const PACKED_LIMIT = 2 ** 22;

/**
 * Number the people: personOf[row] and each person's first row (lowest row index).
 * Employee keys are below 2³¹ (see assignments.ts), so key × 2²² + row fits exactly in a
 * double and one numeric sort groups a person's rows together, much faster than a map of a
 * million strings. People are numbered in key order; nothing depends on that order.
 */
function groupPeople(a: Assignments): { personOf: Int32Array; firstRow: number[] } {
  const personOf = new Int32Array(a.length);
  const firstRow: number[] = [];
  // ESR exports usually come sorted by employee number: then each person is a run of rows.
  let sorted = true;
  for (let i = 1; sorted && i < a.length; i++) sorted = a.employee[i - 1] <= a.employee[i];
  if (sorted) {
    for (let i = 0; i < a.length; i++) {
      if (i === 0 || a.employee[i] !== a.employee[i - 1]) firstRow.push(i);
      personOf[i] = firstRow.length - 1;
    }
    return { personOf, firstRow };
  }
  if (a.length <= PACKED_LIMIT) {
    const packed = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) packed[i] = a.employee[i] * PACKED_LIMIT + i;
    packed.sort();
    let previous = -1;
    for (let k = 0; k < packed.length; k++) {
      const key = Math.floor(packed[k] / PACKED_LIMIT);
      const row = packed[k] - key * PACKED_LIMIT;
      if (key !== previous) {
        firstRow.push(row);
        previous = key;
      }
      personOf[row] = firstRow.length - 1;
    }
    return { personOf, firstRow };
  }
  const ids = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    let id = ids.get(a.employee[i]);
    if (id === undefined) {
      id = firstRow.length;
      ids.set(a.employee[i], id);
      firstRow.push(i);
    }
    personOf[i] = id;
  }
  return { personOf, firstRow };
}

/**
 * Combine each person's assignments: hourly pay = total pay ÷ total hours, i.e. the mean of
 * the assignments' rates weighted by contracted hours (equal weights when any assignment's
 * hours are unknown, or all are 0); bonus summed; full pay only if no assignment is on reduced
 * pay; staff group and grade from the primary assignment, else the first row. A person whose
 * rows disagree on sex, ethnicity or disability is a validation issue: all their rows are
 * reported and left out, since which value is right cannot be known.
 */
function buildPeople(a: Assignments, invalidEmployees: ReadonlySet<string>, skip: ReadonlySet<number>): UnitsResult {
  const { personOf, firstRow } = groupPeople(a);
  const droppedKeys = new Set<number>();
  for (const name of invalidEmployees) {
    const key = employeeKey(a, name);
    if (key !== undefined) droppedKeys.add(key);
  }
  const n = firstRow.length;
  const weighted = new Float64Array(n);
  const hours = new Float64Array(n);
  const plain = new Float64Array(n);
  const count = new Uint32Array(n);
  const hoursUnknown = new Uint8Array(n);
  const bonus = new Float64Array(n);
  const fullPay = new Uint8Array(n).fill(1);
  const conflicted = new Uint8Array(n);
  const profileRow = Int32Array.from(firstRow);
  for (let i = 0; i < a.length; i++) {
    if (skip.size > 0 && skip.has(i)) continue;
    const p = personOf[i];
    const pay = a.hourlyPay[i] as number;
    const h = a.hours[i] as number;
    if (Number.isNaN(h)) hoursUnknown[p] = 1;
    else {
      weighted[p] += pay * h;
      hours[p] += h;
    }
    plain[p] += pay;
    count[p]++;
    bonus[p] += a.bonus[i] as number;
    if (a.fullPay[i] === 0) fullPay[p] = 0;
    const first = firstRow[p] as number;
    // Bit per characteristic that disagrees with the person's first row.
    conflicted[p] |= (a.sex[i] !== a.sex[first] ? 1 : 0) | (a.ethnicity[i] !== a.ethnicity[first] ? 2 : 0) | (a.disability[i] !== a.disability[first] ? 4 : 0);
    // Profile: the primary assignment, else the row on the lowest line (whatever the row order).
    const current = profileRow[p];
    const better = a.primary[i] === 1 ? a.primary[current] !== 1 || a.line[i] < a.line[current] : a.primary[current] !== 1 && a.line[i] < a.line[current];
    if (better) profileRow[p] = i;
  }

  const conflicts: Conflict[] = [];
  let conflictedPeople = 0;
  for (let p = 0; p < n; p++) if (conflicted[p]) conflictedPeople++;
  if (conflictedPeople > 0) {
    for (let i = 0; i < a.length; i++) {
      const p = personOf[i] as number;
      const mask = conflicted[p] as number;
      if (mask === 0) continue;
      const fields = CHARACTERISTIC_FIELDS.filter((_, bit) => mask & (1 << bit));
      conflicts.push({
        line: a.line[i] as number,
        employee: employeeName(a, a.employee[i]),
        message: `this person's assignments disagree on ${fields.join(' and ')}`,
      });
    }
  }

  let droppedPeople = 0;
  let droppedRows = 0;
  const dropped = new Uint8Array(n);
  if (droppedKeys.size > 0) {
    for (let p = 0; p < n; p++) {
      if (!conflicted[p] && droppedKeys.has(a.employee[firstRow[p]])) {
        dropped[p] = 1;
        droppedPeople++;
        droppedRows += count[p];
      }
    }
  }

  const units = allocate(n - conflictedPeople - droppedPeople, a);
  let to = 0;
  let assignmentsUsed = 0;
  for (let p = 0; p < n; p++) {
    if (conflicted[p] || dropped[p]) continue;
    copyRow(units, to, a, profileRow[p] as number);
    const useHours = !hoursUnknown[p] && (hours[p] as number) > 0;
    const rate = useHours ? (weighted[p] as number) / (hours[p] as number) : (plain[p] as number) / (count[p] as number);
    units.pay[to] = roundRate(rate);
    units.bonus[to] = bonus[p] as number;
    units.fullPay[to] = fullPay[p] as number;
    assignmentsUsed += count[p] as number;
    to++;
  }
  const rowsNotUsed = droppedRows > 0 ? [{ reason: "another assignment of the same person is invalid (--unit person)", count: droppedRows }] : [];
  return { units, conflicts, rowsNotUsed, assignmentsUsed };
}
