import type { Breakdown, CharacteristicReport, GovukSubmission, GroupReport, IntersectionReport, Report } from '../report/model.js';
import type {
  PublishedBreakdown,
  PublishedDecomposition,
  PublishedGovuk,
  PublishedGroup,
  PublishedIntersection,
  PublishedReason,
  PublishedReport,
  PublishedState,
  PublishedView,
} from '../report/published.js';
import type { Decomposition } from '../report/decomposition.js';
import { FIGURE_KEYS, isProtected, type FigureState } from '../report/status.js';
import { govukNoteText, reasonText } from './reasons.js';
import { jsonText } from './json-text.js';

/**
 * `--format json`: exactly one JSON document, numbers unrounded (METHOD §13.1). Each group's
 * statuses are published as codes and as words; keys are listed in the catalogue's order.
 * Text that a terminal would act on is written as \u escapes (jsonText): the same values.
 */
export function renderJson(report: Report): string {
  return jsonText(publish(report));
}

export function publish(report: Report): PublishedReport {
  return {
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    organisation: report.organisation,
    input: report.input,
    ...(report.inputs === undefined ? {} : { inputs: report.inputs }),
    snapshotDate: report.snapshotDate,
    method: report.method,
    population: report.population,
    characteristics: report.characteristics.map((view) => ({ ...publishView(view), decomposition: publishDecomposition(view.decomposition) })),
    intersections: report.intersections.map(publishIntersection),
    breakdowns: report.breakdowns.map(publishBreakdown),
    govukSubmission: report.govukSubmission === null ? null : publishGovuk(report.govukSubmission),
    disclosureControl: report.disclosureControl,
    warnings: report.warnings,
  };
}

function publishState(state: FigureState): PublishedState {
  const { code, ...params } = state.reason as { code: PublishedState['reason'] } & Record<string, unknown>;
  return { status: state.status, reason: code, ...params, ...(state.ofReference ? { ofReference: true } : {}) };
}

/**
 * A group's missing figures in the catalogue's order, each with its reason in words and as a
 * status, and the reason a reader is given first: the first figure suppressed for a small
 * group, else the first withheld to protect another cell. One pass over the keys, each
 * reason worded once: a report of 100,000 groups publishes them all.
 */
function missingFigures(g: GroupReport) {
  const nullReasons: Record<string, string> = {};
  const figureStatus: Record<string, PublishedState> = {};
  let suppressed: string | null = null;
  let withheld: string | null = null;
  for (const key of FIGURE_KEYS) {
    const state = g.status[key];
    if (state === undefined) continue;
    const text = reasonText(state);
    nullReasons[key] = text;
    figureStatus[key] = publishState(state);
    if (isProtected(state)) {
      if (state.status === 'suppressed') suppressed ??= text;
      else withheld ??= text;
    }
  }
  return { nullReasons, figureStatus, first: suppressed ?? withheld };
}

export function publishGroup(g: GroupReport): PublishedGroup {
  const { nullReasons, figureStatus, first } = missingFigures(g);
  return {
    group: g.group,
    reference: g.reference,
    comparable: g.comparable,
    suppressed: first !== null,
    suppressionReason: first,
    headcount: g.headcount,
    relevantHeadcount: g.relevantHeadcount,
    meanHourlyPay: g.meanHourlyPay,
    medianHourlyPay: g.medianHourlyPay,
    meanGapPercent: g.meanGapPercent,
    medianGapPercent: g.medianGapPercent,
    meanPayDifference: g.meanPayDifference,
    medianPayDifference: g.medianPayDifference,
    bonus: g.bonus,
    quartiles: g.quartiles,
    confidence: g.confidence,
    nullReasons,
    figureStatus,
  };
}

export function publishView(view: CharacteristicReport): PublishedView {
  const { decomposition: _decomposition, ...rest } = view;
  return { ...rest, groups: view.groups.map(publishGroup) };
}

function publishIntersection(x: IntersectionReport): PublishedIntersection {
  const { axes: _axes, positions: _positions, ...rest } = x;
  return { ...publishView(rest), decomposition: publishDecomposition(x.decomposition), withheld: x.withheld };
}

const reason = (state: FigureState | undefined): PublishedReason | null => (state === undefined ? null : { ...publishState(state), text: reasonText(state) });

/** --explain's decomposition with its statuses as codes and words (METHOD §17); null when not asked for. */
function publishDecomposition(d: Decomposition | undefined): PublishedDecomposition | null {
  if (d === undefined) return null;
  return {
    ...d,
    median: reason(d.median) as PublishedReason,
    groups: d.groups.map(({ state, cells, ...g }) => ({ ...g, status: reason(state), cells: cells.map(({ state: s, ...c }) => ({ ...c, status: reason(s) })) })),
  };
}

function publishBreakdown(b: Breakdown): PublishedBreakdown {
  return {
    within: b.within,
    columns: b.columns,
    unmappedGrades: b.unmappedGrades,
    subgroups: b.subgroups.map((sg) => ({ ...sg, characteristics: sg.characteristics.map(publishView) })),
    composition: b.composition,
    withheld: b.withheld,
  };
}

function publishGovuk(s: GovukSubmission): PublishedGovuk {
  return { ...s, notes: s.notes.map(govukNoteText) };
}
