import type { Assignments } from './assignments.js';
import { buildPeople } from './people.js';
import type { Unit } from './plan.js';
import { allocateUnits, copyRow, type UnitsResult } from './units.js';

/**
 * The units of a run from its valid assignments.
 *
 * @param invalidEmployees employee numbers that have an invalid row: with `person`, such a
 *   person's other rows are not used either (counted by reason), as a person's pay cannot be
 *   worked out from some of their assignments (METHOD §3.4).
 * @param skip rows found invalid after reading (repeated assignment numbers): not used at all.
 */
export function buildUnits(a: Assignments, unit: Unit, invalidEmployees: ReadonlySet<string> = new Set(), skip: ReadonlySet<number> = new Set()): UnitsResult {
  if (unit === 'person') return buildPeople(a, invalidEmployees, skip);
  const rows: number[] = [];
  for (let i = 0; i < a.length; i++) if (!skip.has(i) && (unit === 'assignment' || a.primary[i] === 1)) rows.push(i);
  const units = allocateUnits(rows.length, a);
  rows.forEach((row, to) => copyRow(units, to, a, row));
  const notPrimary = a.length - skip.size - rows.length;
  return {
    units,
    conflicts: [],
    rowsNotUsed: notPrimary > 0 ? [{ reason: 'not the primary assignment (--unit primary)', count: notPrimary }] : [],
    assignmentsUsed: rows.length,
    equalWeights: 0,
  };
}
