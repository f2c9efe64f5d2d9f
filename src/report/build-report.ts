import type { DataQuality } from '../ingest/quality.js';
import type { Field } from '../schema/fields.js';
import type { RunPlan } from '../ingest/plan.js';
import type { PayConfig, PayPeriod } from '../schema/pay.js';
import type { UnitsResult } from '../ingest/units.js';
import { buildView, viewContext, type CodeColumn, type ViewContext } from './build-view.js';
import { SCHEMA_VERSION, type CharacteristicReport, type Exclusion, type IntersectionReport, type Report } from './model.js';
import { VIEWS, viewsOf, type ViewDefinition } from './views.js';
import { govukFigures } from './govuk.js';
import { intersect, intersectionColumn, type Intersection } from './intersections.js';
import { buildBreakdown } from './breakdowns.js';
import type { Within } from '../ingest/plan.js';
import { ageBandColumn, ageView, customView } from './extra-views.js';
import { DataError } from '../errors.js';
import { applySecondary } from '../disclosure/withhold.js';

export interface ReportInput {
  readonly toolVersion: string;
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly delimiter: string;
  readonly encoding: string;
  readonly snapshotDate: string | null;
  readonly plan: RunPlan;
  readonly pay: PayConfig;
  readonly payPeriod: PayPeriod;
  readonly minGroupSize: number;
  /** "characteristic/view" → reference group, where not the default. */
  readonly references?: ReadonlyMap<string, string>;
  /** Pairs of views to intersect, each as "characteristic/view". */
  readonly intersect?: readonly (readonly [string, string])[];
  readonly within?: Within | undefined;
  /** --ci: bootstrap intervals for the headline and intersection gaps. */
  readonly ci?: ViewContext['ci'];
  readonly columns: ReadonlyMap<Field, string>;
  readonly quality: DataQuality;
  readonly units: UnitsResult;
  readonly warnings: readonly string[];
}

/** A view by "characteristic/view" among the report's views. */
function findView(views: readonly ViewDefinition[], key: string): ViewDefinition {
  const found = views.find((v) => `${v.characteristic}/${v.view}` === key);
  if (found === undefined) throw new Error(`no view ${key} in this report`);
  return found;
}

/**
 * An intersection's figures with secondary suppression: its cells add up along each row and
 * column to the two headline views' figures, and its quarter counts to the quarter sizes.
 */
function intersectionReport(x: Intersection, report: CharacteristicReport, headA: CharacteristicReport, headB: CharacteristicReport): IntersectionReport {
  const cells = report.groups.map((_, g) => ({ view: 0, group: g }));
  const visible = (head: CharacteristicReport, i: number, block: 'pay' | 'bonus') =>
    block === 'pay' ? head.groups[i]?.meanHourlyPay !== null : head.groups[i]?.bonus.recipients !== null;
  const lines = (block: 'pay' | 'bonus') => [
    ...x.positions.filter((_, i) => visible(headA, i, block)).map((row) => [...row]),
    ...x.b.groups.map((_, j) => j).filter((j) => visible(headB, j, block)).map((j) => x.positions.map((row) => row[j] as number)),
  ];
  const result = applySecondary([report], cells, { pay: [...lines('pay'), cells.map((_, g) => g)], bonus: lines('bonus') });
  const out = result.views[0] as CharacteristicReport;
  return {
    ...out,
    withheld: result.withheld.map((w) => ({ characteristic: report.characteristic, view: report.view, group: report.groups[w.cell.group]?.group ?? '', figures: w.block })),
  };
}

/** Build the whole report from validated, unit-level data. Pure: no I/O, no clock. */
export function buildReport(input: ReportInput): Report {
  const { units } = input.units;
  const { quality } = input;

  let reducedPay = 0;
  let zeroPay = 0;
  for (let i = 0; i < units.length; i++) {
    if (units.fullPay[i] === 0) reducedPay++;
    else if (!(units.pay[i] > 0)) zeroPay++;
  }
  const context = viewContext(units, input.minGroupSize, input.plan.hasBonusColumn, new Map(), input.ci);

  const exclusions: Exclusion[] = [
    ...quality.invalidByReason.map((r): Exclusion => ({ reason: `invalid row: ${r.reason}`, count: r.count, stage: 'invalid-row' })),
    ...input.units.rowsNotUsed.map((r): Exclusion => ({ reason: r.reason, count: r.count, stage: 'row-not-used' })),
  ];
  if (reducedPay > 0) {
    exclusions.push({ reason: 'on reduced or nil pay because of leave (counted for bonus figures only)', count: reducedPay, stage: 'not-full-pay' });
  }
  if (zeroPay > 0) {
    exclusions.push({ reason: 'hourly pay is 0 (counted for bonus figures only)', count: zeroPay, stage: 'not-full-pay' });
  }

  const plan = input.plan;
  const views = plan.characteristics.flatMap((c) => viewsOf(c, input.references ?? new Map()));
  // Derived code columns (custom characteristics, age bands, intersections), which
  // breakdowns must cut by subgroup too.
  const derived = new Map<string, CodeColumn>();
  plan.extra.forEach((x, k) => {
    let view: ViewDefinition;
    let column: CodeColumn;
    if (x.kind === 'age') {
      if (input.snapshotDate === null) throw new DataError('age bands need the snapshot date: add --snapshot-date, e.g. --snapshot-date 2025-03-31');
      column = ageBandColumn(units.birth, input.snapshotDate);
      view = ageView(x.reference);
    } else {
      const source = units.extra[k] as { codes: Uint16Array; values: readonly string[] };
      column = source.codes;
      view = customView(x, source.values, source.codes);
    }
    derived.set(view.column, column);
    (context.columns as Map<string, CodeColumn>).set(view.column, column);
    views.push(view);
  });
  const headline = views.map((view) => buildView(view, context));
  // The statutory figures use the standard reference group (men), whatever --reference says.
  const sexView = plan.characteristics.includes('sex') ? VIEWS.sex[0] : undefined;

  const xs = (input.intersect ?? []).map(([a, b]) => intersect(findView(views, a), findView(views, b)));
  const intersections: IntersectionReport[] = xs.map((x) => {
    const column = intersectionColumn(x, context.columns);
    derived.set(x.view.column, column);
    (context.columns as Map<string, CodeColumn>).set(x.view.column, column);
    return intersectionReport(x, buildView(x.view, context), headline[views.indexOf(x.a)] as CharacteristicReport, headline[views.indexOf(x.b)] as CharacteristicReport);
  });
  const breakdowns =
    input.within === undefined
      ? []
      : [
          buildBreakdown({
            units,
            within: input.within,
            views: [...views, ...xs.map((x) => x.view)],
            headline: [...headline, ...intersections],
            columns: derived,
            minGroupSize: input.minGroupSize,
            hasBonusColumn: plan.hasBonusColumn,
          }),
        ];

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'paygap', version: input.toolVersion },
    input: { file: input.file, sha256: input.sha256, bytes: input.bytes, delimiter: input.delimiter, encoding: input.encoding },
    snapshotDate: input.snapshotDate,
    method: {
      payMethod: plan.payMethod,
      payMethodReason: plan.payMethodReason,
      unit: plan.unit,
      unitReason: plan.unitReason,
      minGroupSize: input.minGroupSize,
      payPeriod: input.payPeriod,
      daysInPeriod: input.pay.daysInPeriod,
      salaryBasis: input.pay.salaryBasis,
      hourlyPayDecimals: 4,
      fullPayColumn: plan.hasFullPayColumn,
      bonusColumn: plan.hasBonusColumn,
      columns: Object.fromEntries(input.columns),
    },
    population: {
      rowsRead: quality.rowsRead,
      rowsValid: quality.rowsValid,
      rowsInvalid: quality.rowsInvalid,
      assignmentsUsed: input.units.assignmentsUsed,
      relevantEmployees: units.length,
      fullPayEmployees: context.fullPay.values.length,
      exclusions,
    },
    characteristics: headline,
    intersections,
    breakdowns,
    govukSubmission: sexView === undefined ? null : govukFigures(buildView(sexView, { ...context, minGroupSize: 0, ci: undefined })),
    warnings: input.warnings,
  };
}
