import { warning, type Warning } from '../errors.js';
import type { Units } from '../ingest/units.js';
import { NOT_MAPPED, PAY_SCHEMES } from '../schema/codes/pay-schemes.js';
import { subgroupColumn, type TableShape } from './atoms.js';
import { buildBreakdown, organisationsOf, organisationSubgroups } from './breakdowns.js';
import { crossClassify, type PaySchemeMap } from './classify.js';
import type { RunPlan } from '../ingest/plan.js';
import type { Breakdown, CharacteristicReport } from './model.js';
import type { CodeColumn } from './ordered.js';
import type { ViewDefinition } from './views.js';

/** What the breakdowns need of the report's input. */
export interface BreakdownsInput {
  readonly plan: Pick<RunPlan, 'classifiers' | 'hasBonusColumn'>;
  readonly within?: string | undefined;
  readonly explain?: readonly string[] | undefined;
  readonly paySchemes?: PaySchemeMap | undefined;
  readonly minGroupSize: number;
}

/** The breakdowns of a report, their tables' shapes and subgroup columns for disclosure control, and which one --explain uses. */
export interface Breakdowns {
  readonly breakdowns: Breakdown[];
  /** [breakdown][subgroup][view] */
  readonly shapes: TableShape[][][];
  /** Each breakdown's subgroup column, for the atoms (METHOD §8.4). */
  readonly subgroupColumns: Map<string, CodeColumn>;
  readonly explain?: { readonly breakdown: number; readonly columns: readonly string[] } | undefined;
}

/**
 * The breakdowns (METHOD §5.8): by organisation first when the people belong to two or more
 * organisations (METHOD §16.4), then --within's, then --explain's cells unless they are
 * --within's own (§17). Each has its own subgroup column in the atoms, so disclosure control
 * covers them all together; a decomposition is worked out from published figures only, so
 * its cells are published as a breakdown, through disclosure control like any other.
 */
export function breakdownsOf(
  input: BreakdownsInput,
  units: Units,
  views: readonly ViewDefinition[],
  headline: readonly CharacteristicReport[],
  derived: ReadonlyMap<string, CodeColumn>,
  warnings: Warning[],
): Breakdowns {
  const byOrganisation = organisationsOf(units) > 1;
  const asked: (readonly string[])[] = [...(byOrganisation ? [[ORGANISATION]] : []), ...(input.within === undefined ? [] : [[input.within]])];
  const explain = input.explain;
  let explained: number | undefined;
  if (explain !== undefined && explain.length > 0) {
    explained = asked.findIndex((by, b) => !(byOrganisation && b === 0) && by.join('\u0000') === explain.join('\u0000'));
    if (explained === -1) explained = asked.push(explain) - 1;
  }
  const out: Breakdowns = { breakdowns: [], shapes: [], subgroupColumns: new Map(), explain: explained === undefined ? undefined : { breakdown: explained, columns: explain ?? [] } };
  asked.forEach((by, b) => {
    const subgroups = byOrganisation && b === 0 ? organisationSubgroups(units) : classified(input, units, by);
    out.breakdowns.push(buildBreakdown({ units, by, views, headline, columns: derived, minGroupSize: input.minGroupSize, hasBonusColumn: input.plan.hasBonusColumn, subgroups }));
    const column = subgroupColumn(b);
    out.shapes.push(subgroups.names.map((_, s) => views.map((v) => ({ column: v.column, groupOfCode: v.groupOfCode, subgroup: s, subgroupColumn: column }))));
    out.subgroupColumns.set(column, Uint32Array.from(subgroups.of));
  });
  const unmapped = out.breakdowns.find((b) => b.unmappedGrades.length > 0)?.unmappedGrades;
  if (unmapped !== undefined) warnings.push(unmappedWarning(unmapped));
  return out;
}

/** The breakdown by organisation's name (the first, when there is one). */
const ORGANISATION = 'organisation';

/** Each unit's subgroup of a --within breakdown: its columns' classifiers, crossed. */
function classified(input: BreakdownsInput, units: Units, by: readonly string[]) {
  const classifiers = by.map((name) => input.plan.classifiers.get(name));
  if (classifiers.some((c) => c === undefined)) throw new Error(`no plan for the column ${by.join(', ')}`);
  return crossClassify(units, classifiers as NonNullable<(typeof classifiers)[number]>[], input.paySchemes);
}

/** Grades no pay-scheme rule maps (METHOD §5.9): named with their numbers, and how to map them. */
function unmappedWarning(grades: Breakdown['unmappedGrades']): Warning {
  const people = grades.reduce((sum, g) => sum + g.people, 0);
  const listed = grades.slice(0, 10).map((g) => `${JSON.stringify(g.grade)} (${g.people.toLocaleString('en-GB')})`);
  const more = grades.length > 10 ? ` and ${(grades.length - 10).toLocaleString('en-GB')} more (listed in the JSON's unmappedGrades)` : '';
  return warning(
    'unmapped-grades',
    `${grades.length.toLocaleString('en-GB')} grade${grades.length === 1 ? ' is' : 's are'} not mapped to a pay scheme, so their ${people.toLocaleString('en-GB')} relevant employee${people === 1 ? ' is' : 's are'} in ${JSON.stringify(NOT_MAPPED)}: ` +
      `${listed.join(', ')}${more}; map each with --pay-scheme "Grade=Scheme" or "paySchemes" in the config file (schemes: ${PAY_SCHEMES.join(', ')})`,
  );
}
