import type { BootstrapOptions } from '../metrics/bootstrap.js';
import type { Units } from '../ingest/units.js';
import { orderByValue } from '../metrics/order.js';

/**
 * A population in value order, with each unit's characteristic codes alongside, so that
 * every view reads it front to back instead of jumping around the unit columns.
 */
export interface Ordered {
  /** Hourly pay (or bonus), lowest first. */
  readonly values: Float64Array;
  /** The unit each value belongs to. */
  readonly order: Uint32Array;
  /**
   * Working space as long as `values`, reused by every view (each view's figures are
   * computed before the next view starts), so seven views do not allocate seven copies.
   */
  readonly scratch: { readonly byGroup: Float64Array; readonly inView: Float64Array; readonly inViewGroup: Uint32Array };
  /** Code columns put in this order, with how many have each code: made once per column. */
  readonly columns: Map<string, { readonly codes: CodeColumn; readonly counts: Uint32Array }>;
}

/** A unit-level code column: a characteristic's code for each unit. */
export type CodeColumn = Uint8Array | Uint16Array | Uint32Array;

/** The named code column in the population's order (made on first use, then reused). */
function inOrder(ordered: Ordered, name: string, unitCodes: CodeColumn, codeCount: number) {
  let found = ordered.columns.get(name);
  if (found === undefined) {
    const { order } = ordered;
    const codes = new Uint32Array(order.length);
    const counts = new Uint32Array(codeCount);
    for (let k = 0; k < order.length; k++) {
      const c = unitCodes[order[k]];
      codes[k] = c;
      counts[c]++;
    }
    found = { codes, counts };
    ordered.columns.set(name, found);
  }
  return found;
}

/** A population in value order (see Ordered). */
export function ordered(order: Uint32Array, values: Float64Array): Ordered {
  const n = order.length;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = values[order[k]];
  return {
    values: sorted,
    order,
    scratch: { byGroup: new Float64Array(n), inView: new Float64Array(n), inViewGroup: new Uint32Array(n) },
    columns: new Map(),
  };
}

/** What every view of one report shares: the units and their orderings, sorted once. */
export interface ViewContext {
  readonly units: Units;
  /** Code columns by name: sex, ethnicity, disability and any derived ones (intersections). */
  readonly columns: ReadonlyMap<string, CodeColumn>;
  /** Full-pay units (full pay and hourly pay above 0) by hourly pay. */
  readonly fullPay: Ordered;
  /** 1 for each full-pay unit. */
  readonly onFullPay: Uint8Array;
  /** Units with a bonus above 0, by bonus. */
  readonly recipients: Ordered;
  readonly minGroupSize: number;
  readonly hasBonusColumn: boolean;
  /** --ci: bootstrap intervals for the gaps. */
  readonly ci?: { readonly level: number; readonly resamples: number; readonly seed: number; readonly onProgress?: BootstrapOptions['onProgress'] } | undefined;
}

/**
 * Split an ordered population by group, keeping the order within each group; also the part
 * of it inside the view (group ≥ 0) with each member's group, for the pay quarters. The
 * results are views into the population's scratch space: valid until the next call.
 */
export function partition(population: Ordered, column: string, unitCodes: CodeColumn, table: Int32Array, groups: number) {
  const { values, scratch } = population;
  const { codes, counts } = inOrder(population, column, unitCodes, table.length);
  const sizes = new Array<number>(groups).fill(0);
  counts.forEach((count, code) => {
    const g = table[code];
    if (g >= 0) sizes[g] += count;
  });
  const offsets: number[] = [];
  let inViewCount = 0;
  for (const size of sizes) {
    offsets.push(inViewCount);
    inViewCount += size;
  }
  const inView = scratch.inView.subarray(0, inViewCount);
  const inViewGroup = scratch.inViewGroup.subarray(0, inViewCount);
  const filled = [...offsets];
  for (let i = 0, at = 0; i < values.length; i++) {
    const g = table[codes[i]];
    if (g < 0) continue;
    scratch.byGroup[filled[g]++] = values[i];
    inView[at] = values[i];
    inViewGroup[at++] = g;
  }
  const byGroup = sizes.map((size, g) => scratch.byGroup.subarray(offsets[g], offsets[g] + size));
  return { byGroup, inView, inViewGroup };
}

/** The shared orderings every view of these units reads (one sort of pay, one of bonus). */
export function viewContext(
  units: Units,
  minGroupSize: number,
  hasBonusColumn: boolean,
  extra: ReadonlyMap<string, CodeColumn> = new Map(),
  ci?: ViewContext['ci'],
): ViewContext {
  const onFullPay = new Uint8Array(units.length);
  const recipient = new Uint8Array(units.length);
  for (let i = 0; i < units.length; i++) {
    if (units.fullPay[i] === 1 && units.pay[i] > 0) onFullPay[i] = 1;
    if (units.bonus[i] > 0) recipient[i] = 1;
  }
  return {
    units,
    columns: new Map<string, CodeColumn>([...Object.entries(units.codes), ...extra]),
    fullPay: ordered(orderByValue(units.pay, onFullPay), units.pay),
    onFullPay,
    recipients: ordered(orderByValue(units.bonus, recipient), units.bonus),
    minGroupSize,
    hasBonusColumn,
    ci,
  };
}

/** A stable 32-bit hash (FNV-1a), to give each view its own seeded random stream. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
