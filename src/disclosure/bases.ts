import { PRIMES, SpanBasis } from './span.js';

/**
 * The audit's two bases for one measure (METHOD §8.4), kept from one audit round to the next.
 * A basis depends only on its width and the published rows' vectors, in order; a round
 * withholds a few cells, so its rows usually begin as the last round's did. The adds of that
 * common beginning are kept and only the rest redone, which leaves both bases exactly as if
 * built afresh (see SpanBasis.keepFirst): same pivots, same combinations, same redundant rows.
 */
interface Kept {
  readonly width: number;
  readonly exact: SpanBasis;
  readonly check: SpanBasis;
  /** The vectors added, as text (`columns.join(',')`), in order. */
  signatures: readonly string[];
  /** Targets (as text) found in neither span: still so while rows are only taken away. */
  underivable: Set<string>;
}

/** By the audit's list of cells (the same list through every round of one report), then measure. */
const keptFor = new WeakMap<object, Map<string, Kept>>();

/** How many leading signatures two lists share. */
function commonPrefix(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** Are all of `a` in `b`? */
function isSubset(a: readonly string[], b: readonly string[]): boolean {
  const all = new Set(b);
  return a.every((s) => all.has(s));
}

export interface Bases {
  readonly exact: SpanBasis;
  readonly check: SpanBasis;
  /** Vectors (as text) in neither span, found by earlier calls: no need to reduce them again. */
  readonly underivable: Set<string>;
}

/**
 * Bases modulo both primes holding these rows (row i is `vectors[i]`, whose text is
 * `signatures[i]`), reusing what was built for `owner` and `measure` before.
 */
export function basesOf(owner: object, measure: string, width: number, signatures: readonly string[], vectors: readonly (readonly number[])[]): Bases {
  let byMeasure = keptFor.get(owner);
  if (byMeasure === undefined) keptFor.set(owner, (byMeasure = new Map()));
  let kept = byMeasure.get(measure);
  if (kept === undefined || kept.width !== width) {
    kept = { width, exact: new SpanBasis(width, PRIMES[0]), check: new SpanBasis(width, PRIMES[1], false), signatures: [], underivable: new Set() };
    byMeasure.set(measure, kept);
  }
  // Rows only taken away (cells withheld, as in every round): a span can only shrink.
  if (!isSubset(signatures, kept.signatures)) kept.underivable = new Set();
  const keep = commonPrefix(kept.signatures, signatures);
  kept.exact.keepFirst(keep);
  kept.check.keepFirst(keep);
  for (let id = keep; id < vectors.length; id++) {
    kept.exact.add(id, vectors[id] as readonly number[]);
    kept.check.add(id, vectors[id] as readonly number[]);
  }
  kept.signatures = signatures;
  return kept;
}
