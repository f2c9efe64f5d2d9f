import type { ReportShapes, TableShape } from '../report/atoms.js';
import type { CharacteristicReport, Report } from '../report/model.js';

/**
 * Every table a report publishes, addressed uniformly: the headline views, the intersections
 * and each breakdown subgroup's views, each with its shape (how its groups are made of atoms).
 */
export type TableRef =
  | { readonly kind: 'headline'; readonly index: number }
  | { readonly kind: 'intersection'; readonly index: number }
  | { readonly kind: 'breakdown'; readonly breakdown: number; readonly subgroup: number; readonly view: number };

export function tableAt(report: Report, ref: TableRef): CharacteristicReport {
  switch (ref.kind) {
    case 'headline':
      return report.characteristics[ref.index] as CharacteristicReport;
    case 'intersection':
      return report.intersections[ref.index] as CharacteristicReport;
    case 'breakdown':
      return report.breakdowns[ref.breakdown]!.subgroups[ref.subgroup]!.characteristics[ref.view] as CharacteristicReport;
  }
}

export function shapeAt(shapes: ReportShapes, ref: TableRef): TableShape {
  switch (ref.kind) {
    case 'headline':
      return shapes.headline[ref.index] as TableShape;
    case 'intersection':
      return shapes.intersections[ref.index] as TableShape;
    case 'breakdown':
      return shapes.breakdowns[ref.breakdown]![ref.subgroup]![ref.view] as TableShape;
  }
}

/** Every table of the report, in report order. */
export function tablesOf(report: Report): TableRef[] {
  const refs: TableRef[] = [
    ...report.characteristics.map((_, index): TableRef => ({ kind: 'headline', index })),
    ...report.intersections.map((_, index): TableRef => ({ kind: 'intersection', index })),
  ];
  report.breakdowns.forEach((b, breakdown) =>
    b.subgroups.forEach((sg, subgroup) => sg.characteristics.forEach((_, view) => refs.push({ kind: 'breakdown', breakdown, subgroup, view }))),
  );
  return refs;
}

/** The report with one table replaced (tables are immutable values). */
export function withTable(report: Report, ref: TableRef, table: CharacteristicReport): Report {
  switch (ref.kind) {
    case 'headline':
      return { ...report, characteristics: report.characteristics.map((t, i) => (i === ref.index ? table : t)) };
    case 'intersection':
      return { ...report, intersections: report.intersections.map((t, i) => (i === ref.index ? { ...t, ...table } : t)) };
    case 'breakdown':
      return {
        ...report,
        breakdowns: report.breakdowns.map((b, bi) =>
          bi !== ref.breakdown
            ? b
            : {
                ...b,
                subgroups: b.subgroups.map((sg, si) =>
                  si !== ref.subgroup ? sg : { ...sg, characteristics: sg.characteristics.map((t, vi) => (vi === ref.view ? table : t)) },
                ),
              },
        ),
      };
  }
}

export const refKey = (ref: TableRef): string =>
  ref.kind === 'breakdown' ? `b${ref.breakdown}/${ref.subgroup}/${ref.view}` : `${ref.kind[0]}${ref.index}`;
