import type { Assignments } from './assignments.js';

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
 * With several organisations, assignment numbers are qualified by organisation (METHOD §16.1),
 * so a repeat is one within an organisation.
 * Rows without an assignment number are never duplicates.
 *
 * Method: one pass when the keys come sorted (as ESR exports do), else one numeric sort of
 * the keys to find which repeat, then one pass over the rows.
 */
export function findDuplicateAssignments(a: Assignments): Duplicate[] {
  const keys = a.assignment;
  let sorted = true;
  for (let i = 1; sorted && i < a.length; i++) sorted = !(keys[i - 1] > keys[i]);
  let repeated: Set<number>;
  if (sorted) {
    repeated = new Set();
    for (let i = 1; i < a.length; i++) if (keys[i] === keys[i - 1]) repeated.add(keys[i]);
  } else {
    const ordered = keys.slice().sort();
    repeated = new Set();
    for (let i = 1; i < ordered.length; i++) if (ordered[i] === ordered[i - 1]) repeated.add(ordered[i]);
  }
  if (repeated.size === 0) return [];
  const first = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = keys[i];
    if (!repeated.has(key)) continue;
    // Rows are in file order (files in the order given, each in line order), so the first
    // met is the lowest line, and with several files the earliest file.
    if (!first.has(key)) first.set(key, i);
  }
  const out: Duplicate[] = [];
  for (let i = 0; i < a.length; i++) {
    const keep = first.get(keys[i]);
    if (keep !== undefined && keep !== i) out.push({ row: i, firstRow: keep, firstLine: a.line[keep] });
  }
  return out;
}
