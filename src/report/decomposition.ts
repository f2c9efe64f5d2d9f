import type { FigureState } from './status.js';

/**
 * The decomposition of each mean hourly pay gap of a view (METHOD §17), as the report model
 * holds it (schemaVersion 1: an added field of each headline view and intersection). Every
 * amount is in £ per hour and in points of the headline mean gap (÷ the reference group's
 * mean hourly pay × 100), so the parts add up to the gap in both.
 */
export interface Amount {
  readonly pounds: number;
  readonly points: number;
}

/** The four parts of a mean gap, declared once: the renderers and the CSV iterate this list. */
export const PARTS = [
  { key: 'composition', id: 'composition', label: 'Composition', short: 'Compo-\nsition' },
  { key: 'withinCell', id: 'within_cell', label: 'Within cells', short: 'Within\ncells' },
  { key: 'referenceOnlyCells', id: 'reference_only_cells', label: 'Cells with only the reference group', short: 'Ref.-only\ncells' },
  { key: 'groupOnlyCells', id: 'group_only_cells', label: 'Cells with only the group', short: 'Group-\nonly cells' },
] as const;

export type PartKey = (typeof PARTS)[number]['key'];
export type Parts = { readonly [K in PartKey]: Amount };

/** One cell's share of each part; a cell whose figures are withheld has none (its people are in the withheld cells). */
export interface CellContribution {
  readonly cell: string;
  /** Full-pay employees of the reference group and of the group in the cell (always published). */
  readonly referenceHeadcount: number;
  readonly groupHeadcount: number;
  /** Which groups have people in the cell: both (composition and within cells), one only, or neither. */
  readonly support: 'both' | 'reference only' | 'group only' | 'neither';
  /** null when the cell's mean hourly pay is withheld for either group (see `state`). */
  readonly contribution: Parts | null;
  /** Why there is no contribution: the withheld figure's status (the group's, else the reference group's). */
  readonly state?: FigureState | undefined;
}

/** The cells whose figures are withheld, as one cell whose totals follow from published figures. */
export interface WithheldCells extends Omit<CellContribution, 'cell' | 'state' | 'contribution'> {
  readonly cells: readonly string[];
  readonly contribution: Parts;
}

export interface DecomposedGroup {
  readonly group: string;
  /** The mean gap: the difference in pounds and the gap in percent, as the view publishes them. */
  readonly meanGap: Amount | null;
  readonly parts: Parts | null;
  /** Why there are no parts: the mean gap's status, or no cell in common. */
  readonly state?: FigureState | undefined;
  readonly cells: readonly CellContribution[];
  readonly withheldCells: WithheldCells | null;
}

export interface Decomposition {
  readonly method: 'nopo-2008';
  /** The columns whose cross-classification makes the cells, as given to --explain. */
  readonly columns: readonly string[];
  /** The breakdown the cells and their figures are published in (its `within`). */
  readonly breakdown: string;
  readonly referenceGroup: string;
  /** Medians cannot be split: always not-applicable, with the reason. */
  readonly median: FigureState;
  /** Every comparable group but the reference, in the view's order. */
  readonly groups: readonly DecomposedGroup[];
}
