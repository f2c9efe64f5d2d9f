import { mean, median } from '../metrics/average.js';
import { gapPercent } from '../metrics/gap.js';
import { BANDS, quarterCounts, quarterSizes, type Band } from '../metrics/quarters.js';
import { bootstrapGapIntervals, type GapInterval } from '../metrics/bootstrap.js';
import { Random } from '../metrics/random.js';
import type { BonusFigures, CharacteristicReport, Confidence, GroupReport, Interval, QuartileCell } from './model.js';
import { hash, partition, type CodeColumn, type ViewContext } from './ordered.js';
import { missing, ofReference, shown, stateFor, type Figure, type FigureKey, type FigureState } from './status.js';
import type { GroupDefinition, ViewDefinition } from './views.js';

/**
 * One characteristic view, every figure computed (METHOD §6, §7): per group headcounts, mean
 * and median hourly pay, gaps against the reference group, bonus figures and pay quarters.
 * Nothing is withheld here: what may be published is decided afterwards, on the whole
 * report, by disclosure control (src/disclosure). A figure that cannot be computed is null
 * with a typed reason.
 */
export function buildView(def: ViewDefinition, ctx: ViewContext): CharacteristicReport {
  const codes = ctx.columns.get(def.column) as CodeColumn;
  const table = Int32Array.from(def.groupOfCode);
  const n = def.groups.length;
  const people = countPeople(ctx, codes, table, n);
  const pay = partition(ctx.fullPay, def.column, codes, table, n);
  const bonuses = partition(ctx.recipients, def.column, codes, table, n).byGroup;
  // Pay quarters over every full-pay unit in the view, in pay order (METHOD §7).
  const counts = quarterCounts(pay.inView, pay.inViewGroup, def.groups.map((g) => g.name));
  const sizes = quarterSizes(pay.inView.length);
  const ref = def.groups.findIndex((g) => g.reference);

  const payFigures = pay.byGroup.map((values) => averages(values, 'full-pay'));
  const bonusFigures = bonuses.map((values) => (ctx.hasBonusColumn ? averages(values, 'recipients') : { mean: NO_BONUS_COLUMN, median: NO_BONUS_COLUMN }));
  const intervals = confidence(def, ctx, pay.byGroup, ref);
  const groups = def.groups.map((definition, g) =>
    groupReport({
      definition,
      headcount: pay.byGroup[g]!.length,
      relevant: people.relevant[g]!,
      recipients: people.recipients[g]!,
      hasBonusColumn: ctx.hasBonusColumn,
      pay: payFigures[g]!,
      refPay: payFigures[ref]!,
      bonus: bonusFigures[g]!,
      refBonus: bonusFigures[ref]!,
      quarters: BANDS.map((_, b) => ({ count: counts[b]![g]!, size: sizes[b] })),
      confidence: intervals[g] ?? null,
    }),
  );

  const disclosed = def.groups.reduce((sum, group, g) => sum + (group.comparable ? people.relevant[g]! : 0), 0);
  const all = ctx.units.length;
  const outsideFullPay = ctx.fullPay.values.length - pay.inView.length;
  return {
    characteristic: def.characteristic,
    view: def.view,
    title: def.title,
    // A custom characteristic whose every answer is undisclosed has no reference group.
    referenceGroup: def.groups[ref]?.name ?? '',
    quartileSizes: { lower: sizes[0], lowerMiddle: sizes[1], upperMiddle: sizes[2], upper: sizes[3] },
    disclosure: { disclosed, notDisclosed: all - disclosed, ratePercent: pct(disclosed, all) },
    excluded:
      def.outsideReason === undefined || (people.outside === 0 && outsideFullPay === 0)
        ? []
        : [{ reason: def.outsideReason, relevant: people.outside, fullPay: outsideFullPay }],
    groups,
  };
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

const NO_BONUS_COLUMN = missing({ code: 'no-bonus-column' });

/** Relevant employees and bonus recipients by group, and the units outside the view. */
function countPeople(ctx: ViewContext, codes: CodeColumn, table: Int32Array, n: number) {
  const relevant = new Array<number>(n).fill(0);
  const recipients = new Array<number>(n).fill(0);
  let outside = 0;
  const bonus = ctx.units.bonus;
  for (let i = 0; i < ctx.units.length; i++) {
    const g = table[codes[i]!]!;
    if (g < 0) outside++;
    else {
      relevant[g]!++;
      if (bonus[i]! > 0) recipients[g]!++;
    }
  }
  return { relevant, recipients, outside };
}

/** Mean and median of a group's values (sorted), or why there are none. */
function averages(sorted: Float64Array, population: 'full-pay' | 'recipients'): { mean: Figure; median: Figure } {
  const m = mean(sorted);
  if (m === null) {
    const none = missing({ code: 'empty-group', population });
    return { mean: none, median: none };
  }
  return { mean: shown(m), median: shown(median(sorted) as number) };
}

/**
 * --ci: bootstrap intervals for the gaps of groups compared with the reference (METHOD §9).
 * Only where both the group and the reference have at least the minimum group size: an
 * interval for a group too small to publish would describe it.
 */
function confidence(def: ViewDefinition, ctx: ViewContext, payByGroup: readonly Float64Array[], ref: number): (Confidence | null)[] {
  const out: (Confidence | null)[] = def.groups.map(() => null);
  const ci = ctx.ci;
  const k = ctx.minGroupSize;
  const big = (size: number) => size > 0 && !(k > 0 && size < k);
  if (ci === undefined || ref < 0 || !big(payByGroup[ref]!.length)) return out;
  const compared = def.groups.map((_, g) => g).filter((g) => !def.groups[g]!.reference && def.groups[g]!.comparable && big(payByGroup[g]!.length));
  const random = new Random(hash(`${ci.seed}:${def.column}`));
  const found = bootstrapGapIntervals(
    payByGroup[ref] as Float64Array,
    compared.map((g) => payByGroup[g] as Float64Array),
    { level: ci.level, resamples: ci.resamples, random, onProgress: ci.onProgress },
  );
  const interval = (range: readonly [number, number] | null): Interval | null =>
    range === null ? null : { low: range[0], high: range[1], distinguishable: !(range[0] <= 0 && range[1] >= 0) };
  compared.forEach((g, i) => {
    const range = found[i] as GapInterval | undefined;
    if (range !== undefined) out[g] = { level: ci.level, resamples: ci.resamples, meanGapPercent: interval(range.mean), medianGapPercent: interval(range.median) };
  });
  return out;
}

interface GroupInputs {
  readonly definition: GroupDefinition;
  readonly headcount: number;
  readonly relevant: number;
  readonly recipients: number;
  readonly hasBonusColumn: boolean;
  readonly pay: { readonly mean: Figure; readonly median: Figure };
  readonly refPay: { readonly mean: Figure; readonly median: Figure };
  readonly bonus: { readonly mean: Figure; readonly median: Figure };
  readonly refBonus: { readonly mean: Figure; readonly median: Figure };
  readonly quarters: readonly { readonly count: number; readonly size: number }[];
  readonly confidence: Confidence | null;
}

/** The gap of a group's figure against the reference group's (METHOD §6.3). */
function gapFigure(definition: GroupDefinition, reference: Figure, own: Figure): Figure {
  return compared(definition, reference, own, (r, g) => {
    const gap = gapPercent(r, g);
    return gap === null ? missing({ code: 'reference-zero' }) : shown(gap);
  });
}

/**
 * The difference in pounds, reference minus group (METHOD §6.7). It has the gap's status in
 * every case but a reference figure of 0, which cannot arise (METHOD §6.6).
 */
function differenceFigure(definition: GroupDefinition, reference: Figure, own: Figure): Figure {
  return compared(definition, reference, own, (r, g) => shown(r - g));
}

/** A figure comparing a group with the reference group, or why there is none. */
function compared(definition: GroupDefinition, reference: Figure, own: Figure, compute: (reference: number, group: number) => Figure): Figure {
  if (definition.reference) return missing({ code: 'reference-group' });
  if (!definition.comparable) return missing({ code: 'undisclosed-category' });
  if (reference.value === null) return { value: null, state: ofReference(reference.state) };
  if (own.value === null) return own;
  return compute(reference.value, own.value);
}

/** Bonus recipients and the share of the group receiving a bonus. */
function receiving(input: GroupInputs): { recipients: Figure; percent: Figure } {
  if (!input.hasBonusColumn) return { recipients: NO_BONUS_COLUMN, percent: NO_BONUS_COLUMN };
  if (input.relevant === 0) return { recipients: shown(0), percent: missing({ code: 'empty-group', population: 'relevant' }) };
  return { recipients: shown(input.recipients), percent: shown((input.recipients / input.relevant) * 100) };
}

function groupReport(input: GroupInputs): GroupReport {
  const status: Partial<Record<FigureKey, FigureState>> = {};
  const take = (key: FigureKey, figure: Figure): number | null => {
    if (figure.value === null) status[key] = figure.state;
    return figure.value;
  };
  const { definition } = input;
  const bonusReceiving = receiving(input);
  const bonus: BonusFigures = {
    recipients: take('bonus.recipients', bonusReceiving.recipients),
    receivingPercent: take('bonus.receivingPercent', bonusReceiving.percent),
    mean: take('bonus.mean', input.bonus.mean),
    median: take('bonus.median', input.bonus.median),
    meanGapPercent: take('bonus.meanGapPercent', gapFigure(definition, input.refBonus.mean, input.bonus.mean)),
    medianGapPercent: take('bonus.medianGapPercent', gapFigure(definition, input.refBonus.median, input.bonus.median)),
  };
  const quartiles = Object.fromEntries(
    BANDS.map((band, b): [Band, QuartileCell] => {
      const q = input.quarters[b]!;
      return [band, { count: q.count, percent: pct(q.count, q.size) }];
    }),
  ) as Record<Band, QuartileCell>;
  if (input.quarters.some((q) => q.size === 0)) status.quartiles = stateFor({ code: 'empty-quarter' });
  return {
    group: definition.name,
    reference: definition.reference,
    comparable: definition.comparable,
    headcount: input.headcount,
    relevantHeadcount: input.relevant,
    meanHourlyPay: take('meanHourlyPay', input.pay.mean),
    medianHourlyPay: take('medianHourlyPay', input.pay.median),
    meanGapPercent: take('meanGapPercent', gapFigure(definition, input.refPay.mean, input.pay.mean)),
    medianGapPercent: take('medianGapPercent', gapFigure(definition, input.refPay.median, input.pay.median)),
    meanPayDifference: take('meanPayDifference', differenceFigure(definition, input.refPay.mean, input.pay.mean)),
    medianPayDifference: take('medianPayDifference', differenceFigure(definition, input.refPay.median, input.pay.median)),
    bonus,
    quartiles,
    confidence: input.confidence,
    status,
  };
}
