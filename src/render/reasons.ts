import type { GovukNote, GroupReport } from '../report/model.js';
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
};

/** Why a figure is missing, in words: "fewer than 10 full-pay employees". */
export function reasonText(state: FigureState): string {
  const phrase = (PHRASES[state.reason.code] as (r: Reason) => string)(state.reason);
  return state.ofReference ? `reference group: ${phrase}` : phrase;
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
export function missingLabel(state: FigureState | undefined): 'reference' | '–' | 'withheld' | 'n/a' {
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

const GOVUK_NOTES: { readonly [C in GovukNote['code']]: (note: Extract<GovukNote, { code: C }>) => string } = {
  'no-male-bonus': () => 'no man received a bonus, so the bonus gaps are left blank, as the service asks',
  'few-people': (n) =>
    `these figures describe fewer than ${n.minGroupSize} ${n.who} (${n.people}) and are not withheld, because the law asks for them as they are; ` +
    'employers with fewer than 250 staff are not required to publish them',
};

export const govukNoteText = (note: GovukNote): string => (GOVUK_NOTES[note.code] as (n: GovukNote) => string)(note);
