import type { BonusFigures, CharacteristicReport, GroupReport, QuartileCell } from '../report/model.js';
import { keysOfBlock } from '../report/measures.js';
import { isProtected, ofReference, stateFor, type FigureKey, type FigureState } from '../report/status.js';

/** The pay block (hourly pay, its gaps, the quarter cells) or the bonus block of a group. */
export type Block = 'pay' | 'bonus';

const BONUS_FIELD: Partial<Record<FigureKey, keyof BonusFigures>> = {
  'bonus.recipients': 'recipients',
  'bonus.receivingPercent': 'receivingPercent',
  'bonus.mean': 'mean',
  'bonus.median': 'median',
  'bonus.meanGapPercent': 'meanGapPercent',
  'bonus.medianGapPercent': 'medianGapPercent',
};

/** The pay block's figures that are plain numbers of the group. */
const PAY_FIGURE_KEYS = ['meanHourlyPay', 'medianHourlyPay', 'meanGapPercent', 'medianGapPercent', 'meanPayDifference', 'medianPayDifference'] as const;
type PayFigureKey = (typeof PAY_FIGURE_KEYS)[number];

/** Is the figure under this key shown (for the quarters: any of the four cells)? */
export function isShown(g: GroupReport, key: FigureKey): boolean {
  if (key === 'quartiles') return Object.values(g.quartiles).some((q) => q.count !== null || q.percent !== null);
  const bonusField = BONUS_FIELD[key];
  if (bonusField !== undefined) return g.bonus[bonusField] !== null;
  return g[key as PayFigureKey] !== null;
}

const EMPTY: QuartileCell = { count: null, percent: null };

/** The group with the figures under these keys set to null (their states are set by the caller). */
function cleared(g: GroupReport, keys: ReadonlySet<FigureKey>): GroupReport {
  const bonus: Record<string, number | null> = { ...g.bonus };
  for (const key of keys) {
    const field = BONUS_FIELD[key];
    if (field !== undefined) bonus[field] = null;
  }
  const out: { -readonly [K in keyof GroupReport]: GroupReport[K] } = { ...g, bonus: bonus as unknown as BonusFigures };
  for (const key of PAY_FIGURE_KEYS) if (keys.has(key)) out[key] = null;
  if (keys.has('quartiles')) out.quartiles = { lower: EMPTY, lowerMiddle: EMPTY, upperMiddle: EMPTY, upper: EMPTY };
  // No interval for a gap that is not shown: its midpoint would give the gap back.
  if (g.confidence !== null) {
    const mean = out.meanGapPercent === null ? null : g.confidence.meanGapPercent;
    const median = out.medianGapPercent === null ? null : g.confidence.medianGapPercent;
    out.confidence = mean === null && median === null ? null : { ...g.confidence, meanGapPercent: mean, medianGapPercent: median };
  }
  return out;
}

/**
 * The group with figures withheld:
 * - `withheld`: each figure still shown is withheld with that state; a figure already
 *   missing keeps its own state (it says why better).
 * - `overrides`: gaps whose reference figure is withheld take that state whatever they had,
 *   except the reference group's own gaps and undisclosed categories' (never gaps at all).
 */
export function withFigures(g: GroupReport, withheld: ReadonlyMap<FigureKey, FigureState>, overrides: ReadonlyMap<FigureKey, FigureState> = new Map()): GroupReport {
  if (withheld.size === 0 && overrides.size === 0) return g;
  const status: Partial<Record<FigureKey, FigureState>> = { ...g.status };
  const keys = new Set<FigureKey>();
  for (const [key, state] of withheld) {
    if (!isShown(g, key)) continue;
    status[key] = state;
    keys.add(key);
  }
  for (const [key, state] of overrides) {
    const current = status[key]?.status;
    if (current === 'reference' || current === 'undisclosed') continue;
    status[key] = state;
    keys.add(key);
  }
  return { ...cleared(g, keys), status };
}

const PROTECTS = stateFor({ code: 'protects-another-cell' });

/** The group with every figure of the block still shown withheld to protect another cell. */
export function withholdBlock(g: GroupReport, block: Block): GroupReport {
  return withFigures(g, new Map(keysOfBlock(block).map((key) => [key, PROTECTS])));
}

/** Is the block withheld, for a small group or to protect another cell (not merely missing)? */
export function isWithheld(g: GroupReport, block: Block): boolean {
  const keys: FigureKey[] = block === 'pay' ? ['meanHourlyPay'] : ['bonus.recipients', 'bonus.mean'];
  return keys.some((key) => {
    const state = g.status[key];
    return isProtected(state) && state?.ofReference !== true;
  });
}

/** The pay figures formed with the reference group's: the gaps and the differences in pounds (METHOD §6.7). */
export const PAY_COMPARISONS: readonly FigureKey[] = ['meanGapPercent', 'medianGapPercent', 'meanPayDifference', 'medianPayDifference'];

/**
 * A view whose reference group's block is withheld: every gap of the block goes too (and the
 * differences in pounds), since a gap and the group's own figure would give the reference
 * figure back. A gap already
 * missing keeps its reason.
 */
export function withoutGaps(view: CharacteristicReport, block: Block): CharacteristicReport {
  const keys: readonly FigureKey[] = block === 'pay' ? PAY_COMPARISONS : ['bonus.meanGapPercent', 'bonus.medianGapPercent'];
  const state = ofReference(PROTECTS);
  return {
    ...view,
    groups: view.groups.map((g) => (g.reference ? g : withFigures(g, new Map(keys.map((key) => [key, state]))))),
  };
}
