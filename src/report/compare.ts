import { oneDecimal } from '../metrics/round.js';
import { COMPARED, valueOf, type Measure } from './measures.js';
import type { PublishedReport, PublishedView } from './published.js';

/**
 * Year-on-year comparison of two JSON reports (HIA 3's success metric: annual improvement in
 * the pay gaps). For every characteristic view and group in both, each figure then and now
 * and the change in percentage points. A gap "narrowed" when it is now closer to 0 than it
 * was, "widened" when further from 0, "unchanged" when equal; "reversed" is added when it
 * changed side (the other group is now paid more). Pure: reports in, comparison out.
 */
export type Direction = 'narrowed' | 'widened' | 'unchanged' | 'narrowed and reversed' | 'widened and reversed' | 'reversed';

export interface FigureChange {
  readonly figure: string;
  readonly label: string;
  /** The figure's unit (an added field): "percent", or "GBP per hour" for pay and differences in pounds. */
  readonly unit: Measure['unit'];
  readonly previous: number | null;
  readonly current: number | null;
  /** current − previous, in percentage points (or pounds for pay); null if either is missing. */
  readonly change: number | null;
  /** For gaps only. */
  readonly direction: Direction | null;
}

export interface Comparison {
  readonly schemaVersion: 1;
  readonly kind: 'comparison';
  readonly previous: ReportIdentity;
  readonly current: ReportIdentity;
  readonly warnings: readonly string[];
  readonly characteristics: readonly {
    readonly characteristic: string;
    readonly view: string;
    readonly title: string;
    readonly referenceGroup: string;
    readonly groups: readonly { readonly group: string; readonly figures: readonly FigureChange[] }[];
  }[];
}

interface ReportIdentity {
  readonly file: string;
  readonly sha256: string;
  readonly snapshotDate: string | null;
  readonly toolVersion: string;
}

/**
 * The direction of a gap's change, judged by its distance from 0 as published (one decimal
 * place; a difference in pounds to the penny), so the word always agrees with the figures
 * people see: 8.94% → 8.86% (both 8.9%) is "unchanged".
 */
export function direction(previous: number, current: number, unit: Measure['unit'] = 'percent'): Direction {
  const shown = unit === 'percent' ? oneDecimal : (n: number) => Math.round(n * 100) / 100;
  const then = Math.abs(shown(previous));
  const now = Math.abs(shown(current));
  const reversed = Math.sign(shown(previous)) * Math.sign(shown(current)) < 0;
  if (now === then) return reversed ? 'reversed' : 'unchanged';
  const word = now < then ? 'narrowed' : 'widened';
  return reversed ? `${word} and reversed` : word;
}

/** The settings that change figures: reports that differ in them are not like for like (METHOD §11.4). */
export const METHOD_KEYS = ['payMethod', 'unit', 'minGroupSize', 'payPeriod', 'salaryBasis'] as const;

/** A report's value of a method setting, as text. */
export const methodValue = (report: PublishedReport, key: (typeof METHOD_KEYS)[number]): string => String((report.method as unknown as Record<string, unknown>)[key]);

/** "the reports differ in method: unit was person, now assignment; …", one warning per setting that differs. */
export function methodDifferences(previous: PublishedReport, current: PublishedReport): string[] {
  return METHOD_KEYS.filter((key) => methodValue(previous, key) !== methodValue(current, key)).map(
    (key) => `the reports differ in method: ${key} was ${methodValue(previous, key)}, now ${methodValue(current, key)}; changes may reflect the method, not pay`,
  );
}

export function compareReports(previous: PublishedReport, current: PublishedReport): Comparison {
  const warnings: string[] = methodDifferences(previous, current);
  if (previous.snapshotDate !== null && current.snapshotDate !== null && previous.snapshotDate >= current.snapshotDate) {
    warnings.push(`the first report (${previous.snapshotDate}) is not earlier than the second (${current.snapshotDate}): give the earlier one first`);
  }
  const key = (c: PublishedView) => `${c.characteristic}/${c.view}`;
  const before = new Map(previous.characteristics.map((c) => [key(c), c]));
  const characteristics = [];
  for (const now of current.characteristics) {
    const then = before.get(key(now));
    if (then === undefined) {
      warnings.push(`${key(now)} is only in the second report`);
      continue;
    }
    if (then.referenceGroup !== now.referenceGroup) {
      warnings.push(`${key(now)}: the reference group changed from ${then.referenceGroup} to ${now.referenceGroup}`);
    }
    const groupsThen = new Map(then.groups.map((g) => [g.group, g]));
    const groups = now.groups
      .filter((g) => groupsThen.has(g.group))
      .map((g) => {
        const old = groupsThen.get(g.group) as PublishedView['groups'][number];
        return {
          group: g.group,
          figures: COMPARED.map((m): FigureChange => {
            const p = valueOf(old, m);
            const c = valueOf(g, m);
            const both = p !== null && c !== null;
            return { figure: m.path, label: m.label, unit: m.unit, previous: p, current: c, change: both ? c - p : null, direction: both && m.gap ? direction(p, c, m.unit) : null };
          }),
        };
      });
    characteristics.push({ characteristic: now.characteristic, view: now.view, title: now.title, referenceGroup: now.referenceGroup, groups });
  }
  for (const k of before.keys()) if (!current.characteristics.some((c) => key(c) === k)) warnings.push(`${k} is only in the first report`);
  const identity = (r: PublishedReport): ReportIdentity => ({ file: r.input.file, sha256: r.input.sha256, snapshotDate: r.snapshotDate, toolVersion: r.tool.version });
  return { schemaVersion: 1, kind: 'comparison', previous: identity(previous), current: identity(current), warnings, characteristics };
}
