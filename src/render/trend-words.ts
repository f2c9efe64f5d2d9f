import type { Measure } from '../report/measures.js';
import type { PointReason, PointStatus } from '../report/published-status.js';
import type { SystemFigure, SystemReason } from '../report/system-figures.js';
import type { TargetProgress, TargetReason, TargetStatus } from '../report/targets.js';
import { count, money, percent } from './format.js';
import { missingLabel, notDecomposedText, reasonText } from './reasons.js';

/**
 * Words for the statuses of figures read back from saved reports, of targets and of system
 * figures: the one place their codes become sentences (figure reasons themselves come from
 * reasons.ts). Nothing reads these back.
 */

/** A value in a measure's unit, as people read it (METHOD §12.1). */
export function unitValue(unit: Measure['unit'], value: number): string {
  if (unit === 'percent') return percent(value);
  if (unit === 'people') return count(value);
  return money(value);
}

/** A missing figure in one word: the report's documents' words (METHOD §12.4), and "not in report". */
export function statusWord(status: PointStatus): string {
  if (status === 'shown') return '';
  return status === 'absent' ? 'not in report' : missingLabel({ status });
}

/** A figure read back: its value, or the word for why there is none. */
export function pointText(point: { readonly value: number | null; readonly status: PointStatus; readonly reason?: PointReason }, unit: Measure['unit']): string {
  if (point.reason?.code === 'not-decomposed') return 'not split';
  return point.value === null ? statusWord(point.status) : unitValue(unit, point.value);
}

/** Why a figure read back is missing, in words. */
export function pointReasonText(point: { readonly status: PointStatus; readonly reason: PointReason }): string {
  if (point.status === 'shown') return '';
  if (point.reason?.code === 'not-decomposed') return notDecomposedText(point.reason.over, point.reason.columns);
  if (point.status === 'absent') return 'not in this report';
  if (point.reason !== null) return reasonText({ status: point.status, reason: point.reason, ...(point.reason.ofReference ? { ofReference: true } : {}) });
  if (point.status === 'withheld' || point.status === 'suppressed') return 'withheld (the report was made before paygap recorded why)';
  return 'not computed';
}

export const TARGET_STATUS: Readonly<Record<TargetStatus, string>> = {
  'on-track': 'on track',
  'off-track': 'off track',
  met: 'met',
  missed: 'missed',
  'not-assessable': 'not assessable',
};

function targetReasonText(reason: TargetReason, p: TargetProgress): string {
  const which = (where: 'baseline' | 'current') => (where === 'baseline' ? `the baseline report (${p.baseline.file})` : `the current report (${p.current.file})`);
  switch (reason.code) {
    case 'figure-missing': {
      const point = reason.in === 'baseline' ? p.baseline : p.current;
      return `the figure in ${which(reason.in)} is ${pointReasonText(point)}`;
    }
    case 'no-snapshot-date':
      return `${which(reason.in)} has no snapshot date`;
    case 'target-date-not-after-baseline':
      return `the target date ${p.target.by} is not after the baseline's snapshot date`;
    case 'current-before-baseline':
      return 'the current report is earlier than the baseline';
  }
}

/** "on track", or "not assessable: the baseline report (2024.json) has no snapshot date". */
export function targetStatusText(p: TargetProgress): string {
  return p.reason === null ? TARGET_STATUS[p.status] : `${TARGET_STATUS[p.status]}: ${targetReasonText(p.reason, p)}`;
}

/** "Female, median hourly pay gap (sex/sex): 0.0% by 2028-03-31". */
export function targetTitle(p: TargetProgress): string {
  return `${p.target.group}, ${p.label.charAt(0).toLowerCase()}${p.label.slice(1)} (${p.target.view}): ${unitValue(p.unit, p.target.target)} by ${p.target.by}`;
}

const list = (names: readonly string[]) => names.join(', ');

const SYSTEM_PHRASES: { readonly [C in SystemReason['code']]: (r: Extract<SystemReason, { code: C }>) => string } = {
  'withheld-in': (r) => `withheld: the figure is withheld in ${list(r.organisations)}, so the system figure cannot be computed exactly from published figures`,
  'missing-in': (r) => `not available: ${list(r.organisations)} ${r.organisations.length === 1 ? 'has' : 'have'} no such figure`,
  'not-combinable': () => "cannot be combined from organisations' published figures (a median or a quarter share needs the people's pay): see the range",
  'reference-groups-differ': () => 'not computed: the organisations use different reference groups',
  'reference-group': () => 'this is the reference group',
  'undisclosed-category': () => 'not compared: an undisclosed category',
  'empty-group': () => 'no one in this group in any organisation',
  'reference-zero': () => 'the reference group figure is 0, so a percentage gap cannot be computed',
};

/** Why a system figure is missing, in words ("reference group: withheld: …" for a gap whose reference figure is missing). */
export function systemReasonText(figure: SystemFigure): string {
  if (figure.reason === null) return '';
  const phrase = (SYSTEM_PHRASES[figure.reason.code] as (r: SystemReason) => string)(figure.reason);
  return 'ofReference' in figure.reason && figure.reason.ofReference ? `reference group: ${phrase}` : phrase;
}

/** A system figure as a cell: its value, or a word. */
export function systemText(figure: SystemFigure, unit: Measure['unit']): string {
  if (figure.value !== null) return unitValue(unit, figure.value);
  return figure.status === 'not-combinable' ? 'not combinable' : statusWord(figure.status);
}

/**
 * A difference as people read it, from the figures as shown so that the figures and the
 * difference agree on the page (as compare's change, METHOD §11.2): "+1.2 pts", "−£0.35".
 */
export function differenceText(unit: Measure['unit'], value: number | null, from: number | null): string {
  if (value === null || from === null) return '';
  const pounds = unit === 'GBP' || unit === 'GBP per hour';
  const scale = pounds ? 100 : unit === 'people' ? 1 : 10;
  const d = (Math.round(value * scale) - Math.round(from * scale)) / scale;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (pounds) return `${sign}${money(Math.abs(d))}`;
  return unit === 'people' ? `${sign}${count(Math.abs(d))}` : `${sign}${Math.abs(d).toFixed(1)} pts`;
}
