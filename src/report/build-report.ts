import type { DataQuality } from '../ingest/quality.js';
import type { InputSummary } from '../ingest/inputs.js';
import type { Field } from '../schema/fields.js';
import type { RunPlan } from '../ingest/plan.js';
import type { PayConfig, PayPeriod } from '../schema/pay.js';
import type { Units, UnitsResult } from '../ingest/units.js';
import { buildView } from './build-view.js';
import { viewContext, type CodeColumn, type ViewContext } from './ordered.js';
import { SCHEMA_VERSION, type CharacteristicReport, type Exclusion, type InputFile, type IntersectionReport, type Report, type SettingSource } from './model.js';
import { VIEWS, viewsOf, type ViewDefinition } from './views.js';
import { govukFigures } from './govuk.js';
import { intersect, intersectionColumn } from './intersections.js';
import { buildAtoms, type AtomTable, type ReportShapes, type TableShape } from './atoms.js';
import { breakdownsOf } from './build-breakdowns.js';
import type { PaySchemeMap } from './classify.js';
import type { Within } from '../ingest/plan.js';
import { ageBandColumn, ageView, customView } from './extra-views.js';
import { DataError, excerpt, warning, type Warning } from '../errors.js';

/** What was read (file, hash, size, delimiter, encoding and a workbook's sheet), and the rest of a run. */
export interface ReportInput extends InputSummary {
  readonly toolVersion: string;
  /** The organisation's name, when given (recorded in the report as `organisation`). */
  readonly organisationName?: string | undefined;
  /** Each file of a report of several, or of an organisation column (METHOD §16.3). */
  readonly inputs?: readonly InputFile[] | undefined;
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
  /** --explain: the columns whose cells explain the mean gaps (their breakdown is published too). */
  readonly explain?: readonly Within[] | undefined;
  /** --pay-scheme and the config's paySchemes: grade → pay scheme (METHOD §5.9). */
  readonly paySchemes?: PaySchemeMap | undefined;
  /** --ci: bootstrap intervals for the headline and intersection gaps. */
  readonly ci?: ViewContext['ci'];
  readonly columns: ReadonlyMap<Field, string>;
  readonly quality: DataQuality;
  readonly units: UnitsResult;
  readonly warnings: readonly Warning[];
  /** Where each setting came from (see Method.settingSources). */
  readonly settingSources?: Readonly<Record<string, SettingSource>> | undefined;
}

/** The report, and what disclosure control needs to know about how its cells are made of people. */
export interface Built {
  readonly report: Report;
  readonly shapes: ReportShapes;
  readonly atoms: AtomTable;
  /** --explain: the breakdown whose cells the mean gaps are decomposed over (after disclosure control, METHOD §17). */
  readonly explain?: { readonly breakdown: number; readonly columns: readonly string[] } | undefined;
}

/** A view by "characteristic/view" among the report's views. */
function findView(views: readonly ViewDefinition[], key: string): ViewDefinition {
  const found = views.find((v) => `${v.characteristic}/${v.view}` === key);
  if (found === undefined) throw new Error(`no view ${key} in this report`);
  return found;
}

/** Every exclusion from every population, by reason (METHOD §4). */
function exclusionsOf(input: ReportInput): Exclusion[] {
  const { units } = input.units;
  let reducedPay = 0;
  let zeroPay = 0;
  for (let i = 0; i < units.length; i++) {
    if (units.fullPay[i] === 0) reducedPay++;
    else if (!(units.pay[i]! > 0)) zeroPay++;
  }
  const exclusions: Exclusion[] = [
    ...input.quality.invalidByReason.map((r): Exclusion => ({ reason: `invalid row${r.count === 1 ? '' : 's'}: ${r.reason}`, count: r.count, stage: 'invalid-row' })),
    ...input.units.rowsNotUsed.map((r): Exclusion => ({ reason: r.reason, count: r.count, stage: 'row-not-used' })),
  ];
  if (reducedPay > 0) {
    exclusions.push({ reason: 'on reduced or nil pay because of leave (counted for bonus figures only)', count: reducedPay, stage: 'not-full-pay' });
  }
  if (zeroPay > 0) exclusions.push({ reason: 'hourly pay is 0 (counted for bonus figures only)', count: zeroPay, stage: 'not-full-pay' });
  return exclusions;
}

/**
 * The views of the report: each base characteristic's views, then custom characteristics
 * and age bands, whose code columns are derived here and added to the context.
 */
function planViews(input: ReportInput, units: Units, context: ViewContext, derived: Map<string, CodeColumn>, warnings: Warning[]): ViewDefinition[] {
  const views = input.plan.characteristics.flatMap((c) => viewsOf(c, input.references ?? new Map()));
  input.plan.extra.forEach((x, k) => {
    let view: ViewDefinition | undefined;
    let column: CodeColumn;
    if (x.kind === 'age') {
      if (input.snapshotDate === null) throw new DataError('age bands need the snapshot date: add --snapshot-date, e.g. --snapshot-date 2025-03-31');
      column = ageBandColumn(units.birth, input.snapshotDate);
      view = ageView(x.reference);
    } else {
      const source = units.extra[k] as { codes: Uint32Array; values: readonly string[] };
      column = source.codes;
      view = customView(x, source.values, source.codes);
      // METHOD §5.5: with no disclosed answer there is nothing to compare, so no view, and a warning.
      if (view === undefined) warnings.push(noDisclosedAnswer(x.name, x.header ?? '', units.length));
    }
    if (view === undefined) return;
    derived.set(view.column, column);
    (context.columns as Map<string, CodeColumn>).set(view.column, column);
    views.push(view);
  });
  return views;
}

function noDisclosedAnswer(name: string, header: string, people: number): Warning {
  return warning(
    'no-disclosed-answer',
    `${name}: none of the ${people.toLocaleString('en-GB')} relevant employees has a disclosed answer in column ${excerpt(header)} (every one is blank or undisclosed), ` +
      `so there is no group to compare with and no ${name} figures are given; the disclosure rate is 0%`,
  );
}

/**
 * Build the whole report from validated, unit-level data: every figure computed, none yet
 * withheld (disclosure control comes next: src/disclosure). Pure: no I/O, no clock.
 */
export function buildReport(input: ReportInput): Built {
  const { units } = input.units;
  const plan = input.plan;
  const context = viewContext(units, input.minGroupSize, plan.hasBonusColumn, new Map(), input.ci);
  // Derived code columns (custom characteristics, age bands, intersections), which
  // breakdowns must cut by subgroup too.
  const derived = new Map<string, CodeColumn>();
  const warnings = [...input.warnings];
  const views = planViews(input, units, context, derived, warnings);
  const headline = views.map((view) => buildView(view, context));
  const crossings = (input.intersect ?? []).map(([a, b]) => ({ keys: [a, b] as const, x: intersect(findView(views, a), findView(views, b)) }));
  const intersections: IntersectionReport[] = crossings.map(({ keys, x }) => {
    const column = intersectionColumn(x, context.columns);
    derived.set(x.view.column, column);
    (context.columns as Map<string, CodeColumn>).set(x.view.column, column);
    return { ...buildView(x.view, context), axes: keys, positions: x.positions, withheld: [] };
  });
  const broken = [...views, ...crossings.map(({ x }) => x.view)];
  const split = breakdownsOf(input, units, broken, [...headline, ...intersections], derived, warnings);
  const shape = (v: ViewDefinition): TableShape => ({ column: v.column, groupOfCode: v.groupOfCode });
  const shapes: ReportShapes = {
    headline: views.map((v) => shape(v)),
    intersections: crossings.map(({ x }) => shape(x.view)),
    breakdowns: split.shapes,
  };
  const atoms = buildAtoms(units, new Map([...context.columns, ...split.subgroupColumns]), context.onFullPay);
  const breakdowns = split.breakdowns;
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'paygap', version: input.toolVersion },
    organisation: input.organisationName === undefined ? null : { name: input.organisationName },
    input: inputOf(input),
    ...(input.inputs === undefined ? {} : { inputs: input.inputs }),
    snapshotDate: input.snapshotDate,
    method: methodOf(input),
    population: {
      rowsRead: input.quality.rowsRead,
      rowsValid: input.quality.rowsValid,
      rowsInvalid: input.quality.rowsInvalid,
      assignmentsUsed: input.units.assignmentsUsed,
      relevantEmployees: units.length,
      fullPayEmployees: context.fullPay.values.length,
      exclusions: exclusionsOf(input),
    },
    characteristics: headline,
    intersections,
    breakdowns,
    disclosureControl: null,
    govukSubmission: govukOf(input, views, headline, context),
    warnings: warnings.map((w) => w.text),
  };
  return { report, shapes, atoms, explain: split.explain };
}

/** The statutory figures (METHOD §10): the standard reference group (men), whatever --reference says. */
function govukOf(input: ReportInput, views: readonly ViewDefinition[], headline: readonly CharacteristicReport[], context: ViewContext): Report['govukSubmission'] {
  if (!input.plan.characteristics.includes('sex')) return null;
  const sexView = VIEWS.sex[0];
  const sex = sexView === views[0] ? (headline[0] as CharacteristicReport) : buildView(sexView, { ...context, ci: undefined });
  return govukFigures(sex, { minGroupSize: input.minGroupSize, hasBonusColumn: input.plan.hasBonusColumn });
}

/** What was read; a workbook's sheet and header row are added (METHOD §1.10). */
export function inputOf(input: Pick<ReportInput, 'file' | 'sha256' | 'bytes' | 'delimiter' | 'encoding' | 'sheet'>): Report['input'] {
  const read = { file: input.file, sha256: input.sha256, bytes: input.bytes, delimiter: input.delimiter, encoding: input.encoding };
  return input.sheet === undefined ? read : { ...read, sheet: input.sheet.name, headerRow: input.sheet.headerRow };
}

function methodOf(input: ReportInput): Report['method'] {
  const plan = input.plan;
  return {
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
    bonusColumns: plan.bonusColumns,
    settingSources: input.settingSources ?? {},
  };
}
