import { BASE_CHARACTERISTICS } from '../schema/characteristics.js';
import { roundRate } from '../schema/pay.js';
import type { Assignments } from './assignments.js';
import { employeeName } from './keys.js';
import { personKey, personKeyOf, severalOrganisations } from './organisations.js';
import { allocateUnits, copyRow, type Conflict, type UnitsResult } from './units.js';

/** Rows per person above which grouping uses a map instead of the packed sort. */
const PACKED_LIMIT = 2 ** 22;

/**
 * Number the people: personOf[row] and each person's first row (lowest row index).
 * Employee keys are below 2³¹ (see keys.ts), so key × 2²² + row fits exactly in a double and
 * one numeric sort groups a person's rows together, much faster than a map of a million
 * strings. People are numbered in key order; nothing depends on that order. With several
 * organisations a person is an organisation and an employee number (METHOD §16.1): the key
 * is then wider, and rows not already in order are grouped by a map.
 */
function groupPeople(a: Assignments): { personOf: Int32Array; firstRow: number[] } {
  const personOf = new Int32Array(a.length);
  const firstRow: number[] = [];
  const organisations = severalOrganisations(a);
  const key = organisations ? Float64Array.from({ length: a.length }, (_, i) => personKeyOf(a, i)) : a.employee;
  // ESR exports usually come sorted by employee number: then each person is a run of rows
  // (files in the order given, one organisation each, keep the runs apart too).
  let sorted = true;
  for (let i = 1; sorted && i < a.length; i++) sorted = key[i - 1]! <= key[i]!;
  if (sorted) {
    for (let i = 0; i < a.length; i++) {
      if (i === 0 || key[i] !== key[i - 1]) firstRow.push(i);
      personOf[i] = firstRow.length - 1;
    }
  } else if (a.length <= PACKED_LIMIT && !organisations) {
    const packed = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) packed[i] = a.employee[i]! * PACKED_LIMIT + i;
    packed.sort();
    let previous = -1;
    for (let k = 0; k < packed.length; k++) {
      const key = Math.floor(packed[k]! / PACKED_LIMIT);
      const row = packed[k]! - key * PACKED_LIMIT;
      if (key !== previous) {
        firstRow.push(row);
        previous = key;
      }
      personOf[row] = firstRow.length - 1;
    }
  } else {
    const ids = new Map<number, number>();
    for (let i = 0; i < a.length; i++) {
      let id = ids.get(key[i]!);
      if (id === undefined) {
        id = firstRow.length;
        ids.set(key[i]!, id);
        firstRow.push(i);
      }
      personOf[i] = id;
    }
  }
  return { personOf, firstRow };
}

/** Per person sums over their valid rows (rows in `skip` take no part at all). */
function sumPeople(a: Assignments, personOf: Int32Array, n: number, skip: ReadonlySet<number>) {
  const s = {
    weighted: new Float64Array(n),
    hours: new Float64Array(n),
    plain: new Float64Array(n),
    count: new Uint32Array(n),
    hoursUnknown: new Uint8Array(n),
    bonus: new Float64Array(n),
    fullPay: new Uint8Array(n).fill(1),
    /** A bit per characteristic that disagrees with the person's first valid row. */
    conflicted: new Uint8Array(n),
    /** The primary assignment, else the valid row on the lowest line (whatever the row order). */
    profileRow: new Int32Array(n).fill(-1),
  };
  for (let i = 0; i < a.length; i++) {
    if (skip.size > 0 && skip.has(i)) continue;
    const p = personOf[i]!;
    const pay = a.hourlyPay[i]!;
    const h = a.hours[i]!;
    if (Number.isNaN(h)) s.hoursUnknown[p] = 1;
    else {
      s.weighted[p] += pay * h;
      s.hours[p] += h;
    }
    s.plain[p] += pay;
    s.count[p]++;
    s.bonus[p] += a.bonus[i]!;
    if (a.fullPay[i] === 0) s.fullPay[p] = 0;
    const current = s.profileRow[p]!;
    if (current === -1) {
      s.profileRow[p] = i;
      continue;
    }
    BASE_CHARACTERISTICS.forEach((c, bit) => {
      if (a.codes[c][i] !== a.codes[c][current]) s.conflicted[p]! |= 1 << bit;
    });
    const better = a.primary[i] === 1 ? a.primary[current] !== 1 || a.line[i]! < a.line[current]! : a.primary[current] !== 1 && a.line[i]! < a.line[current]!;
    if (better) s.profileRow[p] = i;
  }
  return s;
}

/** Every valid row of a person whose rows disagree, with which characteristics disagree. */
function conflictRows(a: Assignments, personOf: Int32Array, conflicted: Uint8Array, skip: ReadonlySet<number>): Conflict[] {
  const conflicts: Conflict[] = [];
  if (!conflicted.some((mask) => mask !== 0)) return conflicts;
  for (let i = 0; i < a.length; i++) {
    const mask = conflicted[personOf[i]!]!;
    if (mask === 0 || skip.has(i)) continue;
    const fields = BASE_CHARACTERISTICS.filter((_, bit) => mask & (1 << bit));
    conflicts.push({ row: i, line: a.line[i]!, employee: employeeName(a.employeeNames, a.employee[i]!), message: `this person's assignments disagree on ${fields.join(' and ')}` });
  }
  return conflicts;
}

/**
 * Combine each person's assignments (METHOD §3.2): hourly pay = total pay ÷ total hours, i.e.
 * the mean of the assignments' rates weighted by contracted hours (equal weights when any
 * assignment's hours are unknown, or all are 0); bonus summed; full pay only if no assignment
 * is on reduced pay; staff group and grade from the primary assignment, else the first row.
 * A person whose rows disagree on sex, ethnicity or disability is a validation issue: all
 * their rows are reported and left out (METHOD §3.3). A person with an invalid row (including
 * a repeated assignment number) is left out whole, their other rows counted (METHOD §3.4);
 * a person with no valid row is no person at all.
 */
export function buildPeople(a: Assignments, invalidEmployees: ReadonlySet<string>, skip: ReadonlySet<number>): UnitsResult {
  const { personOf, firstRow } = groupPeople(a);
  const n = firstRow.length;
  const s = sumPeople(a, personOf, n, skip);
  const conflicts = conflictRows(a, personOf, s.conflicted, skip);
  const droppedKeys = new Set<number>();
  for (const name of invalidEmployees) {
    const key = personKey(a, name);
    if (key !== undefined) droppedKeys.add(key);
  }
  const kept = new Uint8Array(n);
  let keptPeople = 0;
  let droppedRows = 0;
  for (let p = 0; p < n; p++) {
    if (s.count[p] === 0 || s.conflicted[p] !== 0) continue;
    if (droppedKeys.has(personKeyOf(a, firstRow[p]!))) droppedRows += s.count[p]!;
    else {
      kept[p] = 1;
      keptPeople++;
    }
  }
  const units = allocateUnits(keptPeople, a);
  let to = 0;
  let assignmentsUsed = 0;
  let equalWeights = 0;
  for (let p = 0; p < n; p++) {
    if (!kept[p]) continue;
    copyRow(units, to, a, s.profileRow[p]!);
    const useHours = !s.hoursUnknown[p] && s.hours[p]! > 0;
    if (!useHours && s.count[p]! > 1) equalWeights++;
    units.pay[to] = roundRate(useHours ? s.weighted[p]! / s.hours[p]! : s.plain[p]! / s.count[p]!);
    units.bonus[to] = s.bonus[p]!;
    units.fullPay[to] = s.fullPay[p]!;
    assignmentsUsed += s.count[p]!;
    to++;
  }
  const rowsNotUsed = droppedRows > 0 ? [{ reason: 'another assignment of the same person is invalid (--unit person)', count: droppedRows }] : [];
  return { units, conflicts, rowsNotUsed, assignmentsUsed, equalWeights };
}
