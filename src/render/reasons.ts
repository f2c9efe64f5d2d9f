import type { GovukFigure, GovukNote, GovukRefusal, GroupReport } from '../report/model.js';
import type { FigureKey, FigureState, PopulationName, Reason } from '../report/status.js';

/**
 * The words for reason codes (METHOD §8): the one place a figure's status becomes a
 * sentence. Nothing reads these sentences back; changing one changes what people read and
 * nothing else.
 */
const POPULATION_NOUN: Readonly<Record<PopulationName, string>> = {
  'full-pay': 'full-pay employees',
  relevant: 'relevant employees',
  recipients: 'bonus recipients',
};

const PHRASES: { readonly [C in Reason['code']]: (reason: Extract<Reason, { code: C }>) => string } = {
  'reference-group': () => 'this is the reference group',
  'undisclosed-category': () => 'not compared: an undisclosed category',
  'small-group': (r) => `fewer than ${r.minGroupSize} ${POPULATION_NOUN[r.population]}`,
  'protects-another-cell': () => 'withheld so that a suppressed figure cannot be worked out from the totals',
  'no-bonus-column': () => 'the file has no bonus column',
  'empty-group': (r) => `no ${POPULATION_NOUN[r.population]} in this group`,
  'empty-quarter': () => 'no one in this pay quarter',
  'reference-zero': () => 'the reference group figure is 0, so a percentage gap cannot be computed',
  'no-common-cell': () => 'no cell has people of both this group and the reference group, so nothing can be compared within a cell',
  'not-decomposable': () => 'a median is not a sum of parts, so the median gap cannot be split this way',
};

/** Why a figure is missing, in words: "fewer than 10 full-pay employees". */
export function reasonText(state: FigureState): string {
  const phrase = (PHRASES[state.reason.code] as (r: Reason) => string)(state.reason);
  return state.ofReference ? `reference group: ${phrase}` : phrase;
}

/**
 * Why a trend has no mean-gap part from a report (METHOD §11.5): the report was made without
 * --explain, or decomposed the gap over other columns, whose parts are another series.
 */
export function notDecomposedText(over: readonly string[], columns: readonly string[] | null): string {
  const wanted = `--explain ${over.join(',')}`;
  return columns === null ? `the report was made without ${wanted}` : `the report split the gap over ${columns.join(',')}, not ${over.join(',')} (${wanted})`;
}

/** Why a figure of the group is missing, in words, or '' when it is shown. */
export function groupReasonText(g: GroupReport, key: FigureKey | null): string {
  const state = key === null ? undefined : g.status[key];
  return state === undefined ? '' : reasonText(state);
}

/**
 * A missing figure in one word for documents: the reference group's own gap, an
 * undisclosed category's gap ("–"), a figure withheld for privacy, or one that does not
 * exist ("n/a").
 */
export function missingLabel(state: Pick<FigureState, 'status'> | undefined): 'reference' | '–' | 'withheld' | 'n/a' {
  switch (state?.status) {
    case 'reference':
      return 'reference';
    case 'undisclosed':
      return '–';
    case 'suppressed':
    case 'withheld':
      return 'withheld';
    default:
      return 'n/a';
  }
}

/** Each GOV.UK figure (or quarter pair) as a sentence names it. */
export const GOVUK_FIGURE_NAMES: Readonly<Record<GovukFigure, string>> = {
  meanHourlyPayGapPercent: 'the mean gender pay gap in hourly pay',
  medianHourlyPayGapPercent: 'the median gender pay gap in hourly pay',
  upperQuarter: 'the upper quarter figures',
  upperMiddleQuarter: 'the upper middle quarter figures',
  lowerMiddleQuarter: 'the lower middle quarter figures',
  lowerQuarter: 'the lower quarter figures',
  meanBonusGapPercent: 'the mean gender pay gap in bonus pay',
  medianBonusGapPercent: 'the median gender pay gap in bonus pay',
  femalesReceivingBonusPercent: 'the % of women who received bonus pay',
  malesReceivingBonusPercent: 'the % of men who received bonus pay',
};

const REFUSALS: Readonly<Record<GovukRefusal, (value: number | undefined) => string>> = {
  'no-full-pay-women': () => 'no woman is a full-pay relevant employee, so there is no gap to work out; check the sex and Full Pay columns',
  'no-full-pay-men': () => 'no man is a full-pay relevant employee, so there is no gap to work out; check the sex and Full Pay columns',
  'no-women': () => 'the file has no woman among the relevant employees; check the sex column',
  'no-men': () => 'the file has no man among the relevant employees; check the sex column',
  'empty-quarter': () => 'fewer than four men and women are on full pay, so this pay quarter is empty, and the service needs all eight quarter figures',
  'out-of-range': (value) =>
    `${value?.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} is outside the range it accepts (-999,999,999 to 100); check the pay and bonus columns for amounts in the wrong units`,
};

const GOVUK_NOTES: { readonly [C in GovukNote['code']]: (note: Extract<GovukNote, { code: C }>) => string } = {
  'no-male-bonus': () => 'no man received a bonus, so the bonus gaps are left blank, as the service asks',
  'male-bonus-rounds-to-zero': (n) =>
    `${n.recipients} ${n.recipients === 1 ? 'man' : 'men'} received a bonus, but the % of men receiving one is 0.0 at one decimal place, which the service reads as no man ` +
    'receiving a bonus: it refuses bonus gaps then, so they are left blank',
  'no-female-bonus': () => "men received bonuses and no woman did, so both bonus gaps are 100.0 (women's bonus pay is 0), as the service expects",
  'no-bonus-column': () =>
    'the file has no bonus column, so no bonus figure can be worked out and all four are left blank; the service will refuse the submission without the % of men ' +
    'and of women receiving a bonus: add the bonus column to the export (or read it with --map bonusPay="Your Header"), or, if no one received a bonus, ' +
    'enter 0.0 for both and leave the bonus gaps blank',
  refused: (n) => `the service will refuse ${GOVUK_FIGURE_NAMES[n.figure]}: ${REFUSALS[n.why](n.value)}`,
  'few-people': (n) =>
    `these figures describe fewer than ${n.minGroupSize} ${n.who} (${n.people}) and are not withheld, because the law asks for them as they are; ` +
    'employers with fewer than 250 staff are not required to publish them',
};

/** Every GOV.UK note code (the README's "What paygap tells you" lists each). */
export const GOVUK_NOTE_CODES = Object.keys(GOVUK_NOTES) as GovukNote['code'][];

export const govukNoteText = (note: GovukNote): string => (GOVUK_NOTES[note.code] as (n: GovukNote) => string)(note);
