import { BANDS, type Band } from '../metrics/quarters.js';
import { PARTS, type PartKey } from './decomposition.js';
import type { GroupReport } from './model.js';
import type { FigureKey, FigureState, PopulationName } from './status.js';

/**
 * The catalogue of measures: every figure a group has, declared once (METHOD §6). Withholding,
 * the CSV rows, the year-on-year comparison and every renderer's columns are driven by it,
 * so adding a figure means one entry here plus its computation.
 */
export interface Measure {
  /** Stable identifier, used as the CSV `measure` and in the trend and comparison outputs. */
  readonly id: string;
  /** Where the value is in a group (dotted path), e.g. "bonus.mean". */
  readonly path: string;
  /** The status key that says why the value is missing (quarter cells share "quartiles"). */
  readonly key: FigureKey | null;
  readonly unit: 'people' | 'GBP per hour' | 'GBP' | 'percent';
  /** The population the figure is computed on (the CSV `population`). */
  readonly population: 'full-pay' | 'relevant' | 'bonus recipients';
  /**
   * What withholding takes it with: the pay block (hourly pay, its gaps and the quarters) or
   * the bonus block; null for headcounts, which are always shown.
   */
  readonly block: 'pay' | 'bonus' | null;
  /** A pay gap (a percentage, or a difference in pounds): compared by direction (narrowed, widened). */
  readonly gap: boolean;
  /** Long label, for comparisons and trend: "Mean hourly pay gap". */
  readonly label: string;
  /** Column heading in documents (Markdown, HTML): "Mean gap". */
  readonly heading: string;
  /** Column heading in terminal tables. */
  readonly short: string;
  /**
   * How several organisations' figures make the system's (METHOD §15.2): a sum of counts; a
   * mean from each organisation's mean × its population (the measure whose value is that
   * population's count); a share from a count over a population; a gap (or a difference in
   * pounds) from the system's means of the group and the reference group; or not at all
   * (medians and quarters).
   */
  readonly combine: Combine;
}

export type Combine =
  | { readonly kind: 'sum' }
  | { readonly kind: 'mean'; readonly weight: string }
  | { readonly kind: 'share'; readonly count: string; readonly of: string }
  | { readonly kind: 'gap'; readonly of: string }
  | { readonly kind: 'difference'; readonly of: string }
  | { readonly kind: 'none' };

const SUM: Combine = { kind: 'sum' };
const NONE: Combine = { kind: 'none' };

const POPULATION: Readonly<Record<PopulationName, Measure['population']>> = { 'full-pay': 'full-pay', relevant: 'relevant', recipients: 'bonus recipients' };
export const populationOf = (name: PopulationName): Measure['population'] => POPULATION[name];

const BAND_LABEL: Readonly<Record<Band, string>> = { lower: 'Lower', lowerMiddle: 'Lower middle', upperMiddle: 'Upper middle', upper: 'Upper' };

export const MEASURES: readonly Measure[] = [
  { id: 'headcount', path: 'headcount', key: null, unit: 'people', population: 'full-pay', block: null, gap: false, label: 'Full-pay staff', heading: 'Staff', short: 'Staff', combine: SUM },
  { id: 'relevant_headcount', path: 'relevantHeadcount', key: null, unit: 'people', population: 'relevant', block: null, gap: false, label: 'Relevant staff', heading: 'Relevant staff', short: 'Relevant', combine: SUM },
  { id: 'mean_hourly_pay', path: 'meanHourlyPay', key: 'meanHourlyPay', unit: 'GBP per hour', population: 'full-pay', block: 'pay', gap: false, label: 'Mean hourly pay (£)', heading: 'Mean hourly pay', short: 'Mean £/h', combine: { kind: 'mean', weight: 'headcount' } },
  { id: 'median_hourly_pay', path: 'medianHourlyPay', key: 'medianHourlyPay', unit: 'GBP per hour', population: 'full-pay', block: 'pay', gap: false, label: 'Median hourly pay (£)', heading: 'Median hourly pay', short: 'Median £/h', combine: NONE },
  { id: 'mean_gap', path: 'meanGapPercent', key: 'meanGapPercent', unit: 'percent', population: 'full-pay', block: 'pay', gap: true, label: 'Mean hourly pay gap', heading: 'Mean gap', short: 'Mean gap', combine: { kind: 'gap', of: 'mean_hourly_pay' } },
  { id: 'median_gap', path: 'medianGapPercent', key: 'medianGapPercent', unit: 'percent', population: 'full-pay', block: 'pay', gap: true, label: 'Median hourly pay gap', heading: 'Median gap', short: 'Median gap', combine: NONE },
  { id: 'mean_pay_difference', path: 'meanPayDifference', key: 'meanPayDifference', unit: 'GBP per hour', population: 'full-pay', block: 'pay', gap: true, label: 'Mean hourly pay difference (£)', heading: 'Mean difference', short: 'Mean\ndiff.', combine: { kind: 'difference', of: 'mean_hourly_pay' } },
  { id: 'median_pay_difference', path: 'medianPayDifference', key: 'medianPayDifference', unit: 'GBP per hour', population: 'full-pay', block: 'pay', gap: true, label: 'Median hourly pay difference (£)', heading: 'Median difference', short: 'Median\ndiff.', combine: NONE },
  { id: 'bonus_recipients', path: 'bonus.recipients', key: 'bonus.recipients', unit: 'people', population: 'relevant', block: 'bonus', gap: false, label: 'Bonus recipients', heading: 'Bonus recipients', short: 'Bonus\nrecipients', combine: SUM },
  { id: 'bonus_receiving', path: 'bonus.receivingPercent', key: 'bonus.receivingPercent', unit: 'percent', population: 'relevant', block: 'bonus', gap: false, label: 'Receiving a bonus (%)', heading: 'Receiving bonus', short: 'Bonus\nreceived', combine: { kind: 'share', count: 'bonus_recipients', of: 'relevant_headcount' } },
  { id: 'mean_bonus', path: 'bonus.mean', key: 'bonus.mean', unit: 'GBP', population: 'bonus recipients', block: 'bonus', gap: false, label: 'Mean bonus (£)', heading: 'Mean bonus', short: 'Mean\nbonus', combine: { kind: 'mean', weight: 'bonus_recipients' } },
  { id: 'median_bonus', path: 'bonus.median', key: 'bonus.median', unit: 'GBP', population: 'bonus recipients', block: 'bonus', gap: false, label: 'Median bonus (£)', heading: 'Median bonus', short: 'Median\nbonus', combine: NONE },
  { id: 'mean_bonus_gap', path: 'bonus.meanGapPercent', key: 'bonus.meanGapPercent', unit: 'percent', population: 'bonus recipients', block: 'bonus', gap: true, label: 'Mean bonus gap', heading: 'Mean bonus gap', short: 'Bonus\nmean gap', combine: { kind: 'gap', of: 'mean_bonus' } },
  { id: 'median_bonus_gap', path: 'bonus.medianGapPercent', key: 'bonus.medianGapPercent', unit: 'percent', population: 'bonus recipients', block: 'bonus', gap: true, label: 'Median bonus gap', heading: 'Median bonus gap', short: 'Bonus\nmedian gap', combine: NONE },
  ...BANDS.flatMap((band): Measure[] => [
    { id: `quarter_${band}_count`, path: `quartiles.${band}.count`, key: 'quartiles', unit: 'people', population: 'full-pay', block: 'pay', gap: false, label: `Count in the ${BAND_LABEL[band].toLowerCase()} quarter`, heading: BAND_LABEL[band], short: BAND_LABEL[band], combine: NONE },
    {
      id: `quarter_${band}_share`,
      path: `quartiles.${band}.percent`,
      key: 'quartiles',
      unit: 'percent',
      population: 'full-pay',
      block: 'pay',
      gap: false,
      label: band === 'upper' ? 'Share of the upper quarter (%)' : `Share of the ${BAND_LABEL[band].toLowerCase()} quarter (%)`,
      heading: BAND_LABEL[band],
      short: BAND_LABEL[band].replace(' ', '\n'),
      combine: NONE,
    },
  ]),
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/** A measure by its id; throws on an unknown id (a programming error, not a user's). */
export function measure(id: string): Measure {
  const found = BY_ID.get(id);
  if (found === undefined) throw new Error(`no measure ${id}`);
  return found;
}

/** The value of a measure in a group (a published JSON report's group works too), or null. */
export function valueOf(group: object, m: Measure): number | null {
  let value: unknown = group;
  for (const key of pathKeys(m.path)) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'number' ? value : null;
}

// Each path split once: renderers ask for every measure of every group (20 × 100,000 groups).
const PATH_KEYS = new Map<string, readonly string[]>();
function pathKeys(path: string): readonly string[] {
  let keys = PATH_KEYS.get(path);
  if (keys === undefined) PATH_KEYS.set(path, (keys = path.split('.')));
  return keys;
}

/** Why a measure's value is missing; undefined when it is shown. */
export function stateOf(group: GroupReport, m: Measure): FigureState | undefined {
  return m.key === null ? undefined : group.status[m.key];
}

/** The figures compared year on year (paygap compare, --previous), in this order. */
export const COMPARED: readonly Measure[] = [
  'mean_gap',
  'median_gap',
  'mean_bonus_gap',
  'median_bonus_gap',
  'bonus_receiving',
  'quarter_upper_share',
  'mean_hourly_pay',
  'median_hourly_pay',
  'mean_pay_difference',
  'median_pay_difference',
].map(measure);

/** The figures of a trend (paygap trend): the compared figures and the group's size. */
export const TRENDED: readonly Measure[] = [measure('headcount'), ...COMPARED];

/** A part of the decomposed mean gap (--explain, METHOD §17.2): where it is in a decomposed group. */
export interface PartMeasure extends Measure {
  readonly part: PartKey;
}

/**
 * The parts of the mean gap trended from reports made with --explain (METHOD §11.5, §17.6), in
 * points of the mean gap; `path` is within a group of the view's `decomposition`. Not in
 * MEASURES: a part is a figure of the decomposition, not of a group.
 */
export const TRENDED_PARTS: readonly PartMeasure[] = PARTS.map((p) => ({
  id: `mean_gap_${p.id}`,
  path: `parts.${p.key}.points`,
  key: 'meanGapPercent',
  unit: 'percent',
  population: 'full-pay',
  block: 'pay',
  gap: true,
  label: `Mean gap part: ${p.label.toLowerCase()}`,
  heading: p.label,
  short: p.short,
  combine: NONE,
  part: p.key,
}));

/** The figures set side by side for several organisations (paygap benchmark): the compared ones and the bonus amounts. */
export const BENCHMARKED: readonly Measure[] = [...COMPARED, measure('mean_bonus'), measure('median_bonus')];

/** Every measure's id, for checking a target's measure (config file). */
export const MEASURE_IDS: readonly string[] = MEASURES.map((m) => m.id);


/** Each group's share of each pay quarter, lowest first. */
export const QUARTER_SHARES: readonly Measure[] = BANDS.map((band) => measure(`quarter_${band}_share`));

/** The figures of a board-paper table (Markdown and HTML), in column order. */
export const BOARD_COLUMNS: readonly Measure[] = [
  'headcount',
  'mean_hourly_pay',
  'median_hourly_pay',
  'mean_gap',
  'median_gap',
  'mean_pay_difference',
  'median_pay_difference',
  'bonus_receiving',
  'mean_bonus_gap',
  'median_bonus_gap',
].map(measure);

/** A column of a terminal table: the measure and the column's width. */
export type TerminalColumn = readonly [Measure, number];
const terminalColumns = (list: readonly (readonly [string, number])[]): TerminalColumn[] => list.map(([id, width]) => [measure(id), width]);

/**
 * The figures of the two terminal tables (pay, then bonus and quarters), in column order, each
 * with its column's width (one space of padding each side included): with the group's column
 * and the borders, each table stays within 100 characters.
 */
export const TERMINAL_COLUMNS: { readonly pay: readonly TerminalColumn[]; readonly bonus: readonly TerminalColumn[] } = {
  pay: terminalColumns([['headcount', 8], ['mean_hourly_pay', 10], ['median_hourly_pay', 10], ['mean_gap', 10], ['median_gap', 9], ['mean_pay_difference', 9], ['median_pay_difference', 9]]),
  bonus: terminalColumns([['bonus_receiving', 10], ['mean_bonus_gap', 10], ['median_bonus_gap', 12], ...QUARTER_SHARES.map((m): [string, number] => [m.id, 8])]),
};


/** The keys a withholding of a block takes with it (every key the block's measures use). */
export function keysOfBlock(block: 'pay' | 'bonus'): FigureKey[] {
  return [...new Set(MEASURES.filter((m) => m.block === block && m.key !== null).map((m) => m.key as FigureKey))];
}
