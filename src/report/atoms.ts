import type { Units } from '../ingest/units.js';
import type { CodeColumn } from './ordered.js';

/**
 * The atoms of a report (METHOD §8.4): the groups of people who share every classification
 * the report uses (each code column its views read, and the breakdown subgroup). Every cell
 * the report publishes is a union of atoms, so what can be worked out from published cells
 * is a question about sums of atoms, which disclosure control answers with linear algebra.
 * Only atoms that occur are listed.
 */
export interface AtomTable {
  /** The code columns, in order (the breakdowns' subgroup columns last, when there are breakdowns). */
  readonly columns: readonly string[];
  /** codes[c][a]: atom a's code in column c. */
  readonly codes: readonly Uint32Array[];
  /** Per atom: full-pay employees, relevant employees and bonus recipients. */
  readonly fullPay: Uint32Array;
  readonly relevant: Uint32Array;
  readonly recipients: Uint32Array;
}

/** How a published table's groups are made of atoms. */
export interface TableShape {
  /** The code column the table's view reads. */
  readonly column: string;
  /** Code → group (−1: outside the table). */
  readonly groupOfCode: readonly number[];
  /** For a breakdown's table: which breakdown, and its subgroup's code in that breakdown's subgroup column. */
  readonly subgroup?: { readonly breakdown: number; readonly code: number } | undefined;
}

/** What building the report tells disclosure control about the shape of its tables. */
export interface ReportShapes {
  readonly headline: readonly TableShape[];
  readonly intersections: readonly TableShape[];
  /** [breakdown][subgroup][view] */
  readonly breakdowns: readonly (readonly (readonly TableShape[])[])[];
}

/**
 * The code column of breakdown `b`'s subgroups among the atoms' columns. A report may have
 * two breakdowns (by organisation and by --within, METHOD §16.4), so atoms are cut by both.
 */
export const subgroupColumn = (b: number): string => `subgroup ${b}`;

/** Whether an atom column is a breakdown's subgroup column, and which breakdown. */
export function breakdownOfColumn(name: string): number | undefined {
  const match = /^subgroup (\d+)$/.exec(name);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Group the units into atoms. The key of a unit is its codes in mixed radix when that fits in
 * a double exactly, else their text joined (a characteristic with very many values).
 */
export function buildAtoms(units: Units, columns: ReadonlyMap<string, CodeColumn>, fullPay: Uint8Array): AtomTable {
  const names = [...columns.keys()];
  const sources = names.map((name) => columns.get(name) as CodeColumn);
  const radix = sources.map((codes) => {
    let max = 0;
    for (let u = 0; u < codes.length; u++) if (codes[u]! > max) max = codes[u]!;
    return max + 1;
  });
  const numeric = radix.reduce((product, r) => product * r, 1) <= Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const first: number[] = [];
  const of = new Uint32Array(units.length);
  for (let u = 0; u < units.length; u++) {
    let key: number | string;
    if (numeric) {
      key = 0;
      for (let c = 0; c < sources.length; c++) key = key * radix[c]! + sources[c]![u]!;
    } else key = sources.map((codes) => codes[u]).join(',');
    let a = index.get(key);
    if (a === undefined) {
      a = first.length;
      index.set(key, a);
      first.push(u);
    }
    of[u] = a;
  }
  const n = first.length;
  const counts = { fullPay: new Uint32Array(n), relevant: new Uint32Array(n), recipients: new Uint32Array(n) };
  for (let u = 0; u < units.length; u++) {
    const a = of[u]!;
    counts.relevant[a]!++;
    if (fullPay[u] === 1) counts.fullPay[a]!++;
    if (units.bonus[u]! > 0) counts.recipients[a]!++;
  }
  return {
    columns: names,
    codes: sources.map((codes) => Uint32Array.from(first, (u) => codes[u]!)),
    ...counts,
  };
}
