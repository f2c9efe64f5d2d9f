import type { CharacteristicReport, GroupReport } from '../report/model.js';
import { keysOfBlock } from '../report/measures.js';
import { ofReference, stateFor, type FigureKey, type FigureState, type PopulationName } from '../report/status.js';
import { PAY_COMPARISONS, withFigures } from './withhold.js';

/**
 * Primary suppression (METHOD §8): a figure computed on fewer than K people (but at least
 * one) is withheld, K being --min-group-size (0 turns it off).
 *
 * | figures                                         | withheld when the group has fewer than K |
 * | mean and median hourly pay, gaps, quarter cells | full-pay employees                      |
 * | bonus recipients and % receiving                | relevant employees                      |
 * | mean and median bonus, bonus gaps               | bonus recipients                        |
 *
 * A gap is also withheld when the reference group's figure is (the gap and the group's
 * figure would give it back); the reference group's reason then comes first, as it is the
 * reason the gap cannot be formed. Headcounts always stay visible.
 */
export function suppressSmallGroups(view: CharacteristicReport, k: number): CharacteristicReport {
  if (k <= 0) return view;
  const small = (n: number | null): boolean => n !== null && n > 0 && n < k;
  const reason = (population: PopulationName): FigureState => stateFor({ code: 'small-group', minGroupSize: k, population });
  const reference = view.groups.find((g) => g.reference);
  const referencePay = reference !== undefined && small(reference.headcount) ? ofReference(reason('full-pay')) : undefined;
  const referenceBonus = reference !== undefined && small(reference.bonus.recipients) ? ofReference(reason('recipients')) : undefined;
  const groups = view.groups.map((g): GroupReport => {
    const withheld = new Map<FigureKey, FigureState>();
    const compared = !g.reference && g.comparable;
    if (small(g.headcount)) for (const key of PAY_KEYS) withheld.set(key, reason('full-pay'));
    if (small(g.relevantHeadcount)) for (const key of RECEIVING_KEYS) withheld.set(key, reason('relevant'));
    if (small(g.bonus.recipients)) for (const key of BONUS_AMOUNT_KEYS) withheld.set(key, reason('recipients'));
    const overrides = new Map<FigureKey, FigureState>();
    if (compared && referencePay) for (const key of PAY_GAPS) overrides.set(key, referencePay);
    if (compared && referenceBonus) for (const key of BONUS_GAPS) overrides.set(key, referenceBonus);
    return withFigures(g, withheld, overrides);
  });
  return { ...view, groups };
}

// The differences in pounds go with the gaps (METHOD §6.7).
const PAY_GAPS: readonly FigureKey[] = PAY_COMPARISONS;
const BONUS_GAPS: readonly FigureKey[] = ['bonus.meanGapPercent', 'bonus.medianGapPercent'];
const RECEIVING_KEYS: readonly FigureKey[] = ['bonus.recipients', 'bonus.receivingPercent'];
const PAY_KEYS = keysOfBlock('pay');
const BONUS_AMOUNT_KEYS = keysOfBlock('bonus').filter((key) => !RECEIVING_KEYS.includes(key));
