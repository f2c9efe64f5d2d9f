import type { Breakdown, CharacteristicReport, GroupReport, IntersectionReport, Withheld } from '../report/model.js';
import { secondarySuppression, type SuppressionCell } from './secondary-suppression.js';
import { isWithheld, withholdBlock, withoutGaps, type Block } from './withhold.js';
import { lossOf } from './cost.js';

/**
 * Complementary (secondary) suppression for tables whose cells add up to published totals
 * (METHOD §8): a breakdown's cells add up, group by group, to the headline view, and within a
 * subgroup to its quarter sizes; an intersection's rows and columns add up to the two
 * headline views. Where exactly one cell of such a line is withheld, more cells are withheld
 * (see secondary-suppression.ts).
 */
interface Cell {
  /** Which view (index into the views) and which group (index into its groups). */
  readonly view: number;
  readonly group: number;
}

/** Withhold further cells of `views` until no line has exactly one withheld cell. */
function applySecondary(
  views: readonly CharacteristicReport[],
  cells: readonly Cell[],
  lines: Readonly<Record<Block, readonly (readonly number[])[]>>,
): { views: CharacteristicReport[]; withheld: { cell: Cell; block: Block }[] } {
  const out = views.map((v) => ({ ...v, groups: [...v.groups] }));
  const withheld: { cell: Cell; block: Block }[] = [];
  for (const block of ['pay', 'bonus'] as const) {
    const state: SuppressionCell[] = cells.map((c) => {
      const g = out[c.view]!.groups[c.group]!;
      const headcount = block === 'pay' ? g.headcount : g.relevantHeadcount;
      return { headcount, withheld: isWithheld(g, block), cost: lossOf(g, headcount, false) };
    });
    for (const at of secondarySuppression(state, lines[block])) {
      const cell = cells[at]!;
      const group = out[cell.view]!.groups[cell.group]!;
      out[cell.view]!.groups[cell.group] = withholdBlock(group, block);
      withheld.push({ cell, block });
      if (group.reference) out[cell.view] = { ...withoutGaps(out[cell.view]!, block) } as CharacteristicReport & { groups: GroupReport[] };
    }
  }
  return { views: out, withheld };
}

/** Is a headline group's block published (so its cells form a line that adds up to it)? */
const published = (head: CharacteristicReport, i: number, block: Block): boolean =>
  block === 'pay' ? head.groups[i]?.meanHourlyPay != null : head.groups[i]?.bonus.recipients != null;

/** An intersection with its complementary cells withheld, given the two headline views. */
export function protectIntersection(x: IntersectionReport, headA: CharacteristicReport, headB: CharacteristicReport): IntersectionReport {
  const cells = x.groups.map((_, g) => ({ view: 0, group: g }));
  const columns = x.positions[0]?.length ?? 0;
  const lines = (block: Block) => [
    ...x.positions.filter((_, i) => published(headA, i, block)).map((row) => [...row]),
    ...Array.from({ length: columns }, (_, j) => j).filter((j) => published(headB, j, block)).map((j) => x.positions.map((row) => row[j] as number)),
  ];
  const result = applySecondary([x], cells, { pay: [...lines('pay'), cells.map((_, g) => g)], bonus: lines('bonus') });
  const out = result.views[0] as IntersectionReport;
  return {
    ...out,
    withheld: [...x.withheld, ...result.withheld.map((w) => ({ characteristic: x.characteristic, view: x.view, group: x.groups[w.cell.group]?.group ?? '', figures: w.block }))],
  };
}

/**
 * A breakdown with its complementary cells withheld, view by view; `headline` holds the
 * published view each breakdown view adds up to (same order as each subgroup's views).
 */
export function protectBreakdown(b: Breakdown, headline: readonly CharacteristicReport[]): Breakdown {
  const subgroups = b.subgroups.map((sg) => ({ ...sg, characteristics: [...sg.characteristics] }));
  const withheld: Withheld[] = [...b.withheld];
  headline.forEach((head, v) => {
    const groups = head.groups.length;
    const cells = subgroups.flatMap((_, s) => head.groups.map((__, g) => ({ view: s, group: g })));
    const at = (s: number, g: number) => s * groups + g;
    const across = (block: Block) =>
      head.groups.map((_, g) => g).filter((g) => published(head, g, block)).map((g) => subgroups.map((__, s) => at(s, g)));
    const within = subgroups.map((_, s) => head.groups.map((__, g) => at(s, g)));
    const result = applySecondary(
      subgroups.map((sg) => sg.characteristics[v] as CharacteristicReport),
      cells,
      { pay: [...across('pay'), ...within], bonus: across('bonus') },
    );
    result.views.forEach((report, s) => (subgroups[s]!.characteristics[v] = report));
    for (const w of result.withheld) {
      withheld.push({ subgroup: subgroups[w.cell.view]!.subgroup, characteristic: head.characteristic, view: head.view, group: head.groups[w.cell.group]?.group as string, figures: w.block });
    }
  });
  return { ...b, subgroups, withheld };
}

/**
 * A headline view whose groups' quarter counts add up to its published quarter sizes: where
 * exactly one group with people has its pay withheld, another group is withheld too, or the
 * sizes minus the shown counts would place the withheld people in their quarters.
 */
export function protectQuarters(view: CharacteristicReport): CharacteristicReport {
  const cells = view.groups.map((_, g) => ({ view: 0, group: g }));
  return applySecondary([view], cells, { pay: [cells.map((_, g) => g)], bonus: [] }).views[0] as CharacteristicReport;
}
