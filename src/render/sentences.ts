import type { CharacteristicReport, GroupReport } from '../report/model.js';
import { oneDecimal } from '../metrics/round.js';
import { people, percent, perPound } from './format.js';

/**
 * Plain-language sentences for board papers, generated from the same numbers as the tables.
 * The words follow the figure as published (one decimal place): a gap within ±0.5 points is
 * "broadly equal"; a positive gap says the group is paid less, a negative one more.
 */
const BROADLY_EQUAL = 0.5;

export function gapSentence(
  view: CharacteristicReport,
  group: GroupReport,
  measure: 'mean' | 'median',
  // Passed in by callers that write a sentence per group, so a view is not searched once per group.
  reference: GroupReport | undefined = view.groups.find((g) => g.reference),
): string | undefined {
  const gap = measure === 'mean' ? group.meanGapPercent : group.medianGapPercent;
  if (reference === undefined || gap === null) return undefined;
  // The gap as published (METHOD §12.1), so the words agree with the figure printed.
  const shown = oneDecimal(gap);
  const who = `between ${people(reference.group)} and ${people(group.group)}`;
  if (Math.abs(shown) < BROADLY_EQUAL) {
    return `The ${measure} hourly pay gap ${who} is ${percent(gap)}: pay is broadly equal.`;
  }
  const pound = `for every £1 ${people(reference.group)} earn, ${people(group.group)} earn ${perPound(gap)}`;
  if (shown > 0) return `The ${measure} hourly pay gap ${who} is ${percent(gap)}: ${pound}.`;
  return `The ${measure} hourly pay gap ${who} is ${percent(gap)}: ${people(group.group)} are paid more; ${pound}.`;
}

export function bonusSentence(view: CharacteristicReport, group: GroupReport): string | undefined {
  const reference = view.groups.find((g) => g.reference);
  if (reference === undefined || group.bonus.receivingPercent === null || reference.bonus.receivingPercent === null) return undefined;
  return `${percent(group.bonus.receivingPercent)} of ${people(group.group)} received a bonus, against ${percent(reference.bonus.receivingPercent)} of ${people(reference.group)}.`;
}

/** "Women are 72.7% of the lower pay quarter and 65.9% of the upper." */
export function quarterSentence(group: GroupReport): string | undefined {
  const lower = group.quartiles.lower.percent;
  const upper = group.quartiles.upper.percent;
  if (lower === null || upper === null) return undefined;
  const name = people(group.group);
  return `${name[0]?.toUpperCase()}${name.slice(1)} are ${percent(lower)} of the lower pay quarter and ${percent(upper)} of the upper.`;
}

/**
 * A view's sentences, laid out to read well at any size. With one group compared to the
 * reference: one paragraph (median and mean gap, bonus, quarters). With more: one list per
 * measure (median, then mean), a sentence per group on its own line, the largest gaps
 * (either way) first, so a view of 15 ethnic groups is not one paragraph of 30 sentences.
 */
export type ViewSentences =
  | { readonly layout: 'paragraph'; readonly sentences: readonly string[] }
  | { readonly layout: 'lists'; readonly lists: readonly { readonly heading: string; readonly sentences: readonly string[] }[] };

export function viewSentences(view: CharacteristicReport): ViewSentences | undefined {
  const compared = view.groups.filter((g) => !g.reference && g.comparable);
  const reference = view.groups.find((g) => g.reference);
  if (compared.length === 1) {
    const g = compared[0] as GroupReport;
    const sentences = [gapSentence(view, g, 'median'), gapSentence(view, g, 'mean'), bonusSentence(view, g), quarterSentence(g)].filter((x): x is string => x !== undefined);
    return sentences.length === 0 ? undefined : { layout: 'paragraph', sentences };
  }
  const lists = (['median', 'mean'] as const).map((measure) => {
    const gap = (g: GroupReport) => (measure === 'mean' ? g.meanGapPercent : g.medianGapPercent);
    const ranked = compared.filter((g) => gap(g) !== null).sort((a, b) => Math.abs(gap(b) as number) - Math.abs(gap(a) as number));
    const sentences = ranked.map((g) => gapSentence(view, g, measure, reference)).filter((x): x is string => x !== undefined);
    return { heading: `${measure === 'median' ? 'Median' : 'Mean'} hourly pay gaps, largest first:`, sentences };
  });
  const shown = lists.filter((l) => l.sentences.length > 0);
  return shown.length === 0 ? undefined : { layout: 'lists', lists: shown };
}
