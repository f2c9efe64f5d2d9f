import { METHOD_KEYS, methodValue } from './compare.js';
import { BENCHMARKED, type Measure } from './measures.js';
import type { PublishedReport } from './published.js';
import { populationOf, readFigure, viewOf, type PointReason, type PointStatus } from './published-status.js';
import { sharedReference, systemFigure, type Member, type SystemFigure } from './system-figures.js';

/**
 * Several organisations side by side (METHOD §15): for every headline view, benchmarked
 * measure and group, each organisation's published figure with its population and status,
 * the system figure where it can be computed exactly (system-figures.ts), the range across
 * organisations where it cannot, and each organisation's distance from the system figure.
 * Pure: reports in, benchmark out; `paygap benchmark --format json` writes it as is.
 */
export interface OrganisationReport {
  readonly name: string;
  readonly file: string;
  readonly report: PublishedReport;
}

export interface BenchmarkOrganisation {
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
  readonly snapshotDate: string | null;
  readonly toolVersion: string;
  readonly method: Readonly<Record<(typeof METHOD_KEYS)[number], string>>;
}

export interface OrganisationFigure {
  readonly organisation: string;
  readonly value: number | null;
  /** The people the figure is computed over (full-pay, relevant or bonus recipients), when published. */
  readonly population: number | null;
  readonly status: PointStatus;
  readonly reason: PointReason;
  /** value − the system figure (unrounded), when both are shown. */
  readonly difference: number | null;
}

export interface BenchmarkGroup {
  readonly group: string;
  readonly organisations: readonly OrganisationFigure[];
  readonly system: SystemFigure;
  /** Lowest and highest shown figure across organisations, for measures that cannot be combined. */
  readonly range: { readonly low: number; readonly high: number; readonly shown: number; readonly of: number } | null;
}

export interface BenchmarkMeasure {
  readonly measure: string;
  readonly label: string;
  readonly unit: Measure['unit'];
  readonly gap: boolean;
  /** How the system figure is made (METHOD §15.2): sum, mean, share, gap, or none (range only). */
  readonly combination: Measure['combine']['kind'];
  readonly groups: readonly BenchmarkGroup[];
}

export interface BenchmarkView {
  readonly characteristic: string;
  readonly view: string;
  readonly title: string;
  /** The reference group every organisation uses, or null when they differ (no system gaps). */
  readonly referenceGroup: string | null;
  /** The organisations whose reports have this view. */
  readonly organisations: readonly string[];
  readonly measures: readonly BenchmarkMeasure[];
}

export interface Benchmark {
  readonly schemaVersion: 1;
  readonly kind: 'benchmark';
  readonly organisations: readonly BenchmarkOrganisation[];
  readonly warnings: readonly string[];
  readonly views: readonly BenchmarkView[];
}

const key = (v: { characteristic: string; view: string }) => `${v.characteristic}/${v.view}`;

/** The organisations' method settings that differ, each listed with every organisation's value. */
function methodWarnings(orgs: readonly OrganisationReport[]): string[] {
  return METHOD_KEYS.filter((k) => new Set(orgs.map((o) => methodValue(o.report, k))).size > 1).map(
    (k) => `the organisations used different methods: ${k} is ${orgs.map((o) => `${methodValue(o.report, k)} for ${o.name}`).join(', ')}; their figures are not like for like`,
  );
}

function groupOf(orgs: readonly OrganisationReport[], viewKey: string, group: string, m: Measure, reference: string | null): BenchmarkGroup {
  const members: Member[] = [];
  const referenceMembers: Member[] = [];
  for (const o of orgs) {
    const view = viewOf(o.report, viewKey);
    const g = view?.groups.find((x) => x.group === group);
    const r = view?.groups.find((x) => x.group === reference);
    if (view !== undefined && g !== undefined) members.push({ organisation: o.name, report: o.report, view, group: g });
    if (view !== undefined && r !== undefined) referenceMembers.push({ organisation: o.name, report: o.report, view, group: r });
  }
  const system = systemFigure(members, m, reference, referenceMembers);
  const organisations = orgs.map((o): OrganisationFigure => {
    const view = viewOf(o.report, viewKey);
    const g = view?.groups.find((x) => x.group === group);
    const figure = readFigure(o.report, view, g, m);
    const difference = figure.value !== null && system.value !== null ? figure.value - system.value : null;
    return { organisation: o.name, value: figure.value, population: g === undefined ? null : populationOf(g, m), status: figure.status, reason: figure.reason, difference };
  });
  const values = organisations.map((f) => f.value).filter((v): v is number => v !== null);
  const range = m.combine.kind === 'none' && values.length > 0 ? { low: Math.min(...values), high: Math.max(...values), shown: values.length, of: members.length } : null;
  return { group, organisations, system, range };
}

function viewOfAll(orgs: readonly OrganisationReport[], viewKey: string, warnings: string[]): BenchmarkView {
  const having = orgs.filter((o) => viewOf(o.report, viewKey) !== undefined);
  const views = having.map((o) => viewOf(o.report, viewKey)!);
  const first = views[0]!;
  const reference = sharedReference(views);
  if (reference === null) {
    warnings.push(`${viewKey}: the reference groups differ (${having.map((o, i) => `${views[i]!.referenceGroup} for ${o.name}`).join(', ')}); no system gaps are computed for this view`);
  }
  if (having.length < orgs.length) {
    warnings.push(`${viewKey} is not in the reports of ${orgs.filter((o) => !having.includes(o)).map((o) => o.name).join(', ')}: its system figures cover ${having.length} of ${orgs.length} organisations`);
  }
  const groups = [...new Set(views.flatMap((v) => v.groups.map((g) => g.group)))];
  const measures = BENCHMARKED.map((m): BenchmarkMeasure => ({
    measure: m.id,
    label: m.label,
    unit: m.unit,
    gap: m.gap,
    combination: m.combine.kind,
    groups: groups.map((g) => groupOf(having, viewKey, g, m, reference)),
  }));
  return { characteristic: first.characteristic, view: first.view, title: first.title, referenceGroup: reference, organisations: having.map((o) => o.name), measures };
}

/** Two or more organisations' reports side by side, with system figures. */
export function buildBenchmark(orgs: readonly OrganisationReport[]): Benchmark {
  const warnings = methodWarnings(orgs);
  const viewKeys = [...new Set(orgs.flatMap((o) => o.report.characteristics.map(key)))];
  const views = viewKeys.map((k) => viewOfAll(orgs, k, warnings));
  const organisations = orgs.map((o): BenchmarkOrganisation => ({
    name: o.name,
    file: o.file,
    sha256: o.report.input.sha256,
    snapshotDate: o.report.snapshotDate,
    toolVersion: o.report.tool.version,
    method: Object.fromEntries(METHOD_KEYS.map((k) => [k, methodValue(o.report, k)])) as BenchmarkOrganisation['method'],
  }));
  return { schemaVersion: 1, kind: 'benchmark', organisations, warnings, views };
}
