import type { CharacteristicReport, Report } from '../report/model.js';
import { protectBreakdown, protectIntersection } from './complementary.js';
import { suppressSmallGroups } from './primary.js';

/**
 * Disclosure control (METHOD §8): the stage between building the report and rendering it,
 * which decides what may be published. The report comes in with every figure computed; it
 * leaves with small groups' figures suppressed (primary suppression) and further cells
 * withheld wherever a suppressed one could be worked out from published totals
 * (complementary suppression). The GOV.UK submission figures are statutory and not changed.
 */
export function controlDisclosure(report: Report): Report {
  const k = report.method.minGroupSize;
  const characteristics = report.characteristics.map((view) => suppressSmallGroups(view, k));
  const key = (v: { characteristic: string; view: string }) => `${v.characteristic}/${v.view}`;
  const headline = new Map(characteristics.map((v) => [key(v), v]));
  const intersections = report.intersections.map((x) => {
    const primary = { ...x, ...suppressSmallGroups(x, k) };
    return protectIntersection(primary, headline.get(x.axes[0]) as CharacteristicReport, headline.get(x.axes[1]) as CharacteristicReport);
  });
  for (const x of intersections) headline.set(key(x), x);
  const breakdowns = report.breakdowns.map((b) => {
    const primary = { ...b, subgroups: b.subgroups.map((sg) => ({ ...sg, characteristics: sg.characteristics.map((view) => suppressSmallGroups(view, k)) })) };
    const totals = (b.subgroups[0]?.characteristics ?? []).map((view) => headline.get(key(view)) as CharacteristicReport);
    return protectBreakdown(primary, totals);
  });
  return { ...report, characteristics, intersections, breakdowns };
}
