/**
 * Secondary suppression: no withheld figure may be worked out by subtracting shown figures
 * from a shown total.
 *
 * A "line" is a set of cells whose total is published elsewhere (for a breakdown, one group's
 * cells across all subgroups add up to the headline; for an intersection, each row and column
 * add up to the headline views). If exactly one cell of a line is withheld, it can be worked
 * out, so one more cell is withheld: the unwithheld cell with the fewest people (ties: the
 * first). Cells with nobody in them reveal nothing and are never chosen. Repeats until no line
 * has exactly one withheld cell, since each new withholding can expose another line.
 *
 * Returns the indices of the cells withheld by this rule (not those withheld already).
 *
 * @example
 * // Line [0, 1, 2]; cell 0 withheld (3 people), cells 1 and 2 shown (40 and 25 people):
 * secondarySuppression([{ headcount: 3, withheld: true }, { headcount: 40, withheld: false },
 *   { headcount: 25, withheld: false }], [[0, 1, 2]]) // [2]
 */
export interface SuppressionCell {
  readonly headcount: number;
  readonly withheld: boolean;
  /** What withholding it costs readers (default: its headcount); the cheapest is chosen. */
  readonly cost?: number;
}

export function secondarySuppression(cells: readonly SuppressionCell[], lines: readonly (readonly number[])[]): number[] {
  const withheld = cells.map((c) => c.withheld && c.headcount > 0);
  const added: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      let count = 0;
      for (const i of line) if (withheld[i]) count++;
      if (count !== 1) continue;
      let pick = -1;
      for (const i of line) {
        if (withheld[i] || (cells[i] as SuppressionCell).headcount === 0) continue;
        const cost = (c: SuppressionCell) => c.cost ?? c.headcount;
        if (pick === -1 || cost(cells[i] as SuppressionCell) < cost(cells[pick] as SuppressionCell)) pick = i;
      }
      if (pick === -1) continue;
      withheld[pick] = true;
      added.push(pick);
      changed = true;
    }
  }
  return added;
}
