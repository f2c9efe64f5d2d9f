import type { Assignments } from './assignments.js';
import { severalOrganisations } from './organisations.js';

export interface Duplicate {
  /** The repeated row (index into the assignments). */
  readonly row: number;
  /** The first row with the same assignment number, and its line. */
  readonly firstRow: number;
  readonly firstLine: number;
}

/**
 * Rows whose assignment number appeared on an earlier line: the same assignment exported
 * twice would be counted twice. The row on the lowest line is kept; the others are returned.
 * Rows without an assignment number are never duplicates. With several organisations a
 * repeat is one within an organisation (METHOD §16.1): rows are grouped by organisation first.
 *
 * Method: one pass when the keys come sorted (as ESR exports do), else one numeric sort of
 * the keys to find which repeat, then one pass over the rows.
 */
export function findDuplicateAssignments(a: Assignments): Duplicate[] {
  if (!severalOrganisations(a)) return duplicatesAmong(a, undefined);
  const rows: number[][] = a.organisations.map(() => []);
  for (let i = 0; i < a.length; i++) rows[a.organisation[i]!]!.push(i);
  return rows.flatMap((list) => duplicatesAmong(a, list)).sort((x, y) => x.row - y.row);
}

/** The repeats among `rows` (all rows when undefined), in row order. */
function duplicatesAmong(a: Assignments, rows: readonly number[] | undefined): Duplicate[] {
  const n = rows === undefined ? a.length : rows.length;
  const row = rows === undefined ? (k: number) => k : (k: number) => rows[k]!;
  const keys = rows === undefined ? a.assignment : Float64Array.from(rows, (i) => a.assignment[i]!);
  let sorted = true;
  for (let k = 1; sorted && k < n; k++) sorted = !(keys[k - 1]! > keys[k]!);
  const ordered = sorted ? keys : keys.slice().sort();
  const repeated = new Set<number>();
  for (let k = 1; k < n; k++) if (ordered[k] === ordered[k - 1]) repeated.add(ordered[k]!);
  if (repeated.size === 0) return [];
  // Rows are in file order (files in the order given, each in line order), so the first
  // met is the lowest line, and with several files the earliest file.
  const first = new Map<number, number>();
  for (let k = 0; k < n; k++) if (repeated.has(keys[k]!) && !first.has(keys[k]!)) first.set(keys[k]!, row(k));
  const out: Duplicate[] = [];
  for (let k = 0; k < n; k++) {
    const keep = first.get(keys[k]!);
    if (keep !== undefined && keep !== row(k)) out.push({ row: row(k), firstRow: keep, firstLine: a.line[keep]! });
  }
  return out;
}
