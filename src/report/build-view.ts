import { mean, median } from '../metrics/average.js';
import { known, suppressed, unknown, type Figure } from '../metrics/figure.js';
import { gap } from '../metrics/gap.js';
import { BANDS, quarterCounts, quarterSizes, type Band } from '../metrics/quarters.js';
import type { Units } from '../ingest/units.js';
import { orderByValue } from '../metrics/order.js';
import type { BonusFigures, CharacteristicReport, GroupReport, Interval, QuartileCell } from './model.js';
import { bootstrapGapIntervals, type BootstrapOptions, type GapInterval } from '../metrics/bootstrap.js';
import { Random } from '../metrics/random.js';
import type { ViewDefinition } from './views.js';

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
  readonly scratch: { readonly byGroup: Float64Array; readonly inView: Float64Array; readonly inViewGroup: Uint16Array };
  /** Code columns put in this order, with how many have each code: made once per column. */
  readonly columns: Map<string, { readonly codes: CodeColumn; readonly counts: Uint32Array }>;
}

/** A unit-level code column: a characteristic's code for each unit. */
export type CodeColumn = Uint8Array | Uint16Array;

/** The named code column in the population's order (made on first use, then reused). */
function inOrder(ordered: Ordered, name: string, unitCodes: CodeColumn, codeCount: number) {
  let found = ordered.columns.get(name);
  if (found === undefined) {
    const { order } = ordered;
    const codes = new Uint16Array(order.length);
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
    scratch: { byGroup: new Float64Array(n), inView: new Float64Array(n), inViewGroup: new Uint16Array(n) },
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
function partition(population: Ordered, column: string, unitCodes: CodeColumn, table: Int16Array, groups: number) {
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
    columns: new Map<string, CodeColumn>([['sex', units.sex], ['ethnicity', units.ethnicity], ['disability', units.disability], ...extra]),
    fullPay: ordered(orderByValue(units.pay, onFullPay), units.pay),
    recipients: ordered(orderByValue(units.bonus, recipient), units.bonus),
    minGroupSize,
    hasBonusColumn,
    ci,
  };
}

/** A stable 32-bit hash (FNV-1a), to give each view its own seeded random stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}


const pct = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

/**
 * Build one characteristic view: per group headcounts, mean and median hourly pay, gaps
 * against the reference group, bonus figures and pay quarters, with --min-group-size
 * suppression (SPEC §4 "Small numbers").
 */
export function buildView(def: ViewDefinition, ctx: ViewContext): CharacteristicReport {
  const { units, minGroupSize: k } = ctx;
  const codes = ctx.columns.get(def.column) as CodeColumn;
  const table = Int16Array.from(def.groupOfCode);
  const n = def.groups.length;

  // Relevant employees and bonus recipients by group; units outside the view (group -1).
  const relevant = new Array<number>(n).fill(0);
  const recipients = new Array<number>(n).fill(0);
  let outsideRelevant = 0;
  for (let i = 0; i < units.length; i++) {
    const g = table[codes[i]];
    if (g < 0) outsideRelevant++;
    else {
      relevant[g]++;
      if (units.bonus[i] > 0) recipients[g]++;
    }
  }

  const pay = partition(ctx.fullPay, def.column, codes, table, n);
  const payByGroup = pay.byGroup;
  const bonusByGroup = partition(ctx.recipients, def.column, codes, table, n).byGroup;

  // Pay quarters over every full-pay unit in the view, in pay order.
  const counts = quarterCounts(
    pay.inView,
    pay.inViewGroup,
    def.groups.map((g) => g.name),
  );
  const inView = pay.inView.length;
  const sizes = quarterSizes(inView);
  const outsideFullPay = ctx.fullPay.values.length - inView;

  const small = (size: number) => k > 0 && size > 0 && size < k;
  const ref = def.groups.findIndex((g) => g.reference);
  const payFigures = payByGroup.map((pays) => {
    if (small(pays.length)) {
      const reason = `fewer than ${k} full-pay employees`;
      return { mean: suppressed(reason), median: suppressed(reason) };
    }
    const empty = 'no full-pay employees in this group';
    return { mean: mean(pays, empty), median: median(pays, empty) };
  });
  const bonusFigures = bonusByGroup.map((bonuses) => {
    if (!ctx.hasBonusColumn) {
      const none = unknown('the file has no bonus column');
      return { mean: none, median: none };
    }
    if (small(bonuses.length)) {
      const reason = `fewer than ${k} bonus recipients`;
      return { mean: suppressed(reason), median: suppressed(reason) };
    }
    const empty = 'no bonus recipients in this group';
    return { mean: mean(bonuses, empty), median: median(bonuses, empty) };
  });

  // --ci: intervals for groups whose gaps are shown (never for withheld figures).
  const intervals: (GapInterval | null)[] = def.groups.map(() => null);
  if (ctx.ci !== undefined && payFigures[ref]?.mean.value !== null) {
    const compared = def.groups.map((_, g) => g).filter((g) => !def.groups[g]!.reference && def.groups[g]!.comparable && payFigures[g]!.mean.value !== null);
    const random = new Random(hash(`${ctx.ci.seed}:${def.column}`));
    const found = bootstrapGapIntervals(
      payByGroup[ref] as Float64Array,
      compared.map((g) => payByGroup[g] as Float64Array),
      { level: ctx.ci.level, resamples: ctx.ci.resamples, random, onProgress: ctx.ci.onProgress },
    );
    compared.forEach((g, i) => (intervals[g] = found[i] ?? null));
  }
  const interval = (range: readonly [number, number] | null): Interval | null =>
    range === null ? null : { low: range[0], high: range[1], distinguishable: !(range[0] <= 0 && range[1] >= 0) };

  const groups = def.groups.map((definition, g): GroupReport => {
    const reasons: Record<string, string> = {};
    let firstSuppression: string | null = null;
    const take = (path: string, figure: Figure): number | null => {
      if (figure.value !== null) return figure.value;
      reasons[path] = figure.reason;
      if (figure.suppressed && firstSuppression === null) firstSuppression = figure.reason;
      return null;
    };
    const gapAgainstReference = (refFigure: Figure, own: Figure): Figure => {
      if (definition.reference) return unknown('this is the reference group');
      if (!definition.comparable) return unknown('not compared: an undisclosed category');
      return gap(refFigure, own);
    };

    const pay = payFigures[g];
    const refPay = payFigures[ref];
    const bonus = bonusFigures[g];
    const refBonus = bonusFigures[ref];

    // Pay first, so the group's headline suppression reason is about pay.
    const meanHourlyPay = take('meanHourlyPay', pay.mean);
    const medianHourlyPay = take('medianHourlyPay', pay.median);
    const meanGapPercent = take('meanGapPercent', gapAgainstReference(refPay.mean, pay.mean));
    const medianGapPercent = take('medianGapPercent', gapAgainstReference(refPay.median, pay.median));

    let recipientsFigure: Figure;
    let receivingFigure: Figure;
    if (!ctx.hasBonusColumn) {
      recipientsFigure = receivingFigure = unknown('the file has no bonus column');
    } else if (small(relevant[g])) {
      recipientsFigure = receivingFigure = suppressed(`fewer than ${k} relevant employees`);
    } else if (relevant[g] === 0) {
      recipientsFigure = known(0);
      receivingFigure = unknown('no relevant employees in this group');
    } else {
      recipientsFigure = known(recipients[g]);
      receivingFigure = known((recipients[g] / relevant[g]) * 100);
    }

    const bonusReport: BonusFigures = {
      recipients: take('bonus.recipients', recipientsFigure),
      receivingPercent: take('bonus.receivingPercent', receivingFigure),
      mean: take('bonus.mean', bonus.mean),
      median: take('bonus.median', bonus.median),
      meanGapPercent: take('bonus.meanGapPercent', gapAgainstReference(refBonus.mean, bonus.mean)),
      medianGapPercent: take('bonus.medianGapPercent', gapAgainstReference(refBonus.median, bonus.median)),
    };

    const headcount = payByGroup[g].length;
    const quartilesSuppressed = small(headcount);
    if (quartilesSuppressed) {
      reasons.quartiles = `fewer than ${k} full-pay employees`;
      firstSuppression ??= reasons.quartiles;
    }
    const quartiles = Object.fromEntries(
      BANDS.map((band, b): [Band, QuartileCell] => [
        band,
        quartilesSuppressed ? { count: null, percent: null } : { count: counts[b][g], percent: pct(counts[b][g], sizes[b]) },
      ]),
    ) as Record<Band, QuartileCell>;


    return {
      group: definition.name,
      reference: definition.reference,
      comparable: definition.comparable,
      suppressed: firstSuppression !== null,
      suppressionReason: firstSuppression,
      headcount,
      relevantHeadcount: relevant[g],
      meanHourlyPay,
      medianHourlyPay,
      meanGapPercent,
      medianGapPercent,
      bonus: bonusReport,
      quartiles,
      confidence:
        intervals[g] && ctx.ci
          ? { level: ctx.ci.level, resamples: ctx.ci.resamples, meanGapPercent: interval(intervals[g]!.mean), medianGapPercent: interval(intervals[g]!.median) }
          : null,
      nullReasons: reasons,
    };
  });

  const disclosed = def.groups.reduce((sum, group, g) => sum + (group.comparable ? relevant[g] : 0), 0);
  const all = units.length;
  return {
    characteristic: def.characteristic,
    view: def.view,
    title: def.title,
    referenceGroup: def.groups[ref].name,
    quartileSizes: { lower: sizes[0], lowerMiddle: sizes[1], upperMiddle: sizes[2], upper: sizes[3] },
    disclosure: { disclosed, notDisclosed: all - disclosed, ratePercent: pct(disclosed, all) },
    excluded: def.outsideReason === undefined || (outsideRelevant === 0 && outsideFullPay === 0)
      ? []
      : [{ reason: def.outsideReason, relevant: outsideRelevant, fullPay: outsideFullPay }],
    groups,
  };
}
