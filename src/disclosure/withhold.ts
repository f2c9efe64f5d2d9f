import { secondarySuppression, type SuppressionCell } from './secondary-suppression.js';
import type { CharacteristicReport, GroupReport } from '../report/model.js';

export const SECONDARY_REASON = 'withheld so that a suppressed figure cannot be worked out from the totals';

export type Block = 'pay' | 'bonus';

/** Is the block withheld for a small group (the primary --min-group-size rule)? */
export function isWithheld(g: GroupReport, block: Block): boolean {
  const paths = block === 'pay' ? ['meanHourlyPay'] : ['bonus.recipients', 'bonus.mean'];
  return paths.some((p) => g.nullReasons[p]?.startsWith('fewer than') === true || g.nullReasons[p] === SECONDARY_REASON);
}

/** A group with its pay figures (means, medians, gaps, quarters) or bonus figures withheld. */
export function withhold(g: GroupReport, block: Block, reason = SECONDARY_REASON): GroupReport {
  const reasons = { ...g.nullReasons };
  if (block === 'pay') {
    // Figures still shown get the reason; figures already null keep theirs.
    for (const key of ['meanHourlyPay', 'medianHourlyPay', 'meanGapPercent', 'medianGapPercent']) {
      if ((g as unknown as Record<string, unknown>)[key] !== null) reasons[key] = reason;
    }
    if (g.quartiles.lower.count !== null) reasons.quartiles = reason;
    const cell = { count: null, percent: null };
    return {
      ...g,
      suppressed: true,
      suppressionReason: g.suppressionReason ?? reason,
      meanHourlyPay: null,
      medianHourlyPay: null,
      meanGapPercent: null,
      medianGapPercent: null,
      quartiles: { lower: cell, lowerMiddle: cell, upperMiddle: cell, upper: cell },
      nullReasons: reasons,
    };
  }
  for (const key of ['recipients', 'receivingPercent', 'mean', 'median', 'meanGapPercent', 'medianGapPercent']) {
    if ((g.bonus as unknown as Record<string, unknown>)[key] !== null) reasons[`bonus.${key}`] = reason;
  }
  return {
    ...g,
    suppressed: true,
    suppressionReason: g.suppressionReason ?? reason,
    bonus: { recipients: null, receivingPercent: null, mean: null, median: null, meanGapPercent: null, medianGapPercent: null },
    nullReasons: reasons,
  };
}

/**
 * A view whose reference group's figures are withheld: every gap in it goes too, since a
 * gap and the group's own figure would give the reference figure back.
 */
function withoutGaps(view: CharacteristicReport, block: Block): CharacteristicReport & { groups: GroupReport[] } {
  const keys = block === 'pay' ? ['meanGapPercent', 'medianGapPercent'] : ['bonus.meanGapPercent', 'bonus.medianGapPercent'];
  return {
    ...view,
    groups: view.groups.map((g) => {
      if (g.reference) return g;
      const reasons = { ...g.nullReasons };
      for (const k of keys) reasons[k] ??= `reference group: ${SECONDARY_REASON}`;
      return block === 'pay'
        ? { ...g, meanGapPercent: null, medianGapPercent: null, nullReasons: reasons }
        : { ...g, bonus: { ...g.bonus, meanGapPercent: null, medianGapPercent: null }, nullReasons: reasons };
    }),
  };
}

export interface Cell {
  /** Which view (index into `views`) and which group (index into its groups). */
  readonly view: number;
  readonly group: number;
}

/**
 * Apply secondary suppression to a set of views whose cells form lines with published
 * totals. Returns the views with the extra cells withheld, and which cells they were.
 */
export function applySecondary(
  views: readonly CharacteristicReport[],
  cells: readonly Cell[],
  lines: { readonly pay: readonly (readonly number[])[]; readonly bonus: readonly (readonly number[])[] },
): { views: CharacteristicReport[]; withheld: { cell: Cell; block: Block }[] } {
  const out = views.map((v) => ({ ...v, groups: [...v.groups] }));
  const withheld: { cell: Cell; block: Block }[] = [];
  for (const block of ['pay', 'bonus'] as const) {
    const state: SuppressionCell[] = cells.map((c) => {
      const g = out[c.view]!.groups[c.group]!;
      return { headcount: block === 'pay' ? g.headcount : g.relevantHeadcount, withheld: isWithheld(g, block) };
    });
    for (const at of secondarySuppression(state, lines[block])) {
      const cell = cells[at]!;
      const view = out[cell.view]!;
      const group = view.groups[cell.group]!;
      (view.groups as GroupReport[])[cell.group] = withhold(group, block);
      withheld.push({ cell, block });
      if (group.reference) out[cell.view] = withoutGaps(out[cell.view]!, block);
    }
  }
  return { views: out, withheld };
}
