import type { Units } from '../ingest/units.js';
import { BASE_CHARACTERISTICS } from '../schema/characteristics.js';
import { buildView } from './build-view.js';
import type { Classification } from './classify.js';
import { viewContext, type CodeColumn } from './ordered.js';
import type { Breakdown, CharacteristicReport, Composition } from './model.js';
import type { ViewDefinition } from './views.js';


/** The organisations the units belong to (METHOD §16.4): two or more make a breakdown. */
export function organisationsOf(units: Units): number {
  const seen = new Set<number>();
  for (let u = 0; u < units.length; u++) if (units.organisation[u]! >= 0) seen.add(units.organisation[u]!);
  return seen.size;
}

/**
 * Each unit's organisation, organisations in alphabetical order (as staff groups are; the
 * same whether they come from files or a column, and however the files were read), those
 * without units left out (METHOD §16.4).
 */
export function organisationSubgroups(units: Units): Classification {
  const ids = new Set<number>();
  for (let u = 0; u < units.length; u++) ids.add(units.organisation[u]!);
  const names = [...ids].map((id) => units.organisations[id] ?? '').sort((a, b) => a.localeCompare(b));
  const index = new Map(names.map((name, i) => [name, i]));
  const byId = units.organisations.map((name) => index.get(name) ?? -1);
  const of = new Int32Array(units.length);
  for (let u = 0; u < units.length; u++) of[u] = byId[units.organisation[u]!]!;
  return { names, of, unmapped: [] };
}

/** The units at the given indices, as their own population. */
export function subsetUnits(units: Units, rows: Uint32Array): Units {
  const pick = <T extends Float64Array | Uint8Array | Int32Array>(column: T, make: (n: number) => T): T => {
    const out = make(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = column[rows[k] as number] as number;
    return out;
  };
  return {
    length: rows.length,
    pay: pick(units.pay, (n) => new Float64Array(n)),
    bonus: pick(units.bonus, (n) => new Float64Array(n)),
    fullPay: pick(units.fullPay, (n) => new Uint8Array(n)),
    codes: Object.fromEntries(BASE_CHARACTERISTICS.map((c) => [c, pick(units.codes[c], (n) => new Uint8Array(n))])) as Units['codes'],
    staffGroup: pick(units.staffGroup, (n) => new Int32Array(n)),
    grade: pick(units.grade, (n) => new Int32Array(n)),
    staffGroups: units.staffGroups,
    grades: units.grades,
    organisation: pick(units.organisation, (n) => new Int32Array(n)),
    organisations: units.organisations,
    extra: units.extra.map((x) => ({ codes: Uint32Array.from(rows, (r) => x.codes[r] as number), values: x.values })),
    birth: pick(units.birth, (n) => new Float64Array(n)),
  };
}

export interface BreakdownInput {
  readonly units: Units;
  /** The columns crossed, as named on the command line (one for --within). */
  readonly by: readonly string[];
  /** The views to break down, and their headline reports (same order). */
  readonly views: readonly ViewDefinition[];
  readonly headline: readonly CharacteristicReport[];
  /** Derived code columns the views read (intersections), for all units. */
  readonly columns: ReadonlyMap<string, CodeColumn>;
  readonly minGroupSize: number;
  readonly hasBonusColumn: boolean;
  /** Each unit's subgroup (see classify.ts). */
  readonly subgroups: Classification;
}

/**
 * Every figure inside each subgroup (staff group, grade, band, pay scheme, a column's value,
 * or a cell of several crossed) and the composition of each subgroup (METHOD §5.8). Which cells may be published is decided by disclosure control, which
 * also knows that one group's cells across all subgroups add up to its headline figure.
 */
export function buildBreakdown(input: BreakdownInput): Breakdown {
  const { units, views } = input;
  const { names, of } = input.subgroups;
  const members: number[][] = names.map(() => []);
  for (let u = 0; u < units.length; u++) (members[of[u] as number] as number[]).push(u);

  const subgroups = names.map((subgroup, s) => {
    const rows = Uint32Array.from(members[s] as number[]);
    const subset = subsetUnits(units, rows);
    const extra = new Map<string, CodeColumn>();
    for (const [name, column] of input.columns) {
      const picked = new Uint32Array(rows.length);
      for (let k = 0; k < rows.length; k++) picked[k] = column[rows[k] as number] as number;
      extra.set(name, picked);
    }
    const context = viewContext(subset, input.minGroupSize, input.hasBonusColumn, extra);
    return {
      subgroup,
      relevantEmployees: subset.length,
      fullPayEmployees: context.fullPay.values.length,
      characteristics: views.map((view) => buildView(view, context)),
    };
  });

  const composition: Composition[] = views.map((view, v) => ({
    characteristic: view.characteristic,
    view: view.view,
    title: view.title,
    rows: subgroups.map((sg) => {
      const report = sg.characteristics[v] as CharacteristicReport;
      const total = report.groups.reduce((sum, g) => sum + g.headcount, 0);
      return {
        subgroup: sg.subgroup,
        groups: report.groups.map((g, i) => {
          const all = (input.headline[v] as CharacteristicReport).groups[i]?.headcount ?? 0;
          return {
            group: g.group,
            headcount: g.headcount,
            percentOfSubgroup: total === 0 ? null : (g.headcount / total) * 100,
            percentOfGroup: all === 0 ? null : (g.headcount / all) * 100,
          };
        }),
      };
    }),
  }));

  return { within: input.by.join(' × '), columns: input.by, subgroups, composition, withheld: [], unmappedGrades: input.subgroups.unmapped };
}
