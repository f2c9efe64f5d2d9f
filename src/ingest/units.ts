import { BASE_CHARACTERISTICS, type Characteristic } from '../schema/characteristics.js';
import { roundRate } from '../schema/pay.js';
import type { Assignments } from './assignments.js';

/**
 * The units counted in the figures (METHOD §3): people, assignments or primary assignments,
 * in columns.
 */
export interface Units {
  readonly length: number;
  /** Hourly pay rounded to 4 decimal places, so people on one pay point tie exactly. */
  readonly pay: Float64Array;
  readonly bonus: Float64Array;
  /** 1 when no assignment of the unit is on reduced or nil pay because of leave. */
  readonly fullPay: Uint8Array;
  /** Each built-in characteristic's code (see CODE_LISTS). */
  readonly codes: { readonly [C in Characteristic]: Uint8Array };
  readonly staffGroup: Int32Array;
  readonly grade: Int32Array;
  readonly staffGroups: readonly string[];
  readonly grades: readonly string[];
  /** The unit's organisation, an index into organisations (-1: the run has one; METHOD §16). */
  readonly organisation: Int32Array;
  readonly organisations: readonly string[];
  /** Extra characteristics (custom columns), codes into `values`, from the profile row. */
  readonly extra: readonly { readonly codes: Uint32Array; readonly values: readonly string[] }[];
  /** Date of birth, days since 1970-01-01 (NaN unknown), from the profile row. */
  readonly birth: Float64Array;
}

export interface Conflict {
  /** The row (index into the assignments), so a message can name its file. */
  readonly row: number;
  readonly line: number;
  readonly employee: string;
  /** Says which characteristics disagree; holds no values (it is used as a reason in reports). */
  readonly message: string;
}

export interface UnitsResult {
  readonly units: Units;
  /** Rows of people whose assignments disagree on a characteristic: invalid, not used. */
  readonly conflicts: readonly Conflict[];
  /** Valid rows that are not units by design (e.g. not the primary assignment). */
  readonly rowsNotUsed: readonly { readonly reason: string; readonly count: number }[];
  readonly assignmentsUsed: number;
  /** People with more than one assignment whose rates were weighted equally, some hours being unknown or all 0 (METHOD §3.2). */
  readonly equalWeights: number;
}

export type MutableUnits = { -readonly [K in keyof Units]: Units[K] };

export function allocateUnits(length: number, a: Assignments): MutableUnits {
  return {
    length,
    pay: new Float64Array(length),
    bonus: new Float64Array(length),
    fullPay: new Uint8Array(length),
    codes: Object.fromEntries(BASE_CHARACTERISTICS.map((c) => [c, new Uint8Array(length)])) as Units['codes'],
    staffGroup: new Int32Array(length),
    grade: new Int32Array(length),
    staffGroups: a.staffGroups,
    grades: a.grades,
    organisation: new Int32Array(length),
    organisations: a.organisations,
    extra: a.extra.map((x) => ({ codes: new Uint32Array(length), values: x.values })),
    birth: new Float64Array(length),
  };
}

/** Copy one assignment row into unit `to` (its pay rounded to 4 places, METHOD §2.6). */
export function copyRow(u: MutableUnits, to: number, a: Assignments, from: number): void {
  u.pay[to] = roundRate(a.hourlyPay[from] as number);
  u.bonus[to] = a.bonus[from] as number;
  u.fullPay[to] = a.fullPay[from] as number;
  for (const c of BASE_CHARACTERISTICS) u.codes[c][to] = a.codes[c][from] as number;
  u.staffGroup[to] = a.staffGroup[from] as number;
  u.grade[to] = a.grade[from] as number;
  u.organisation[to] = a.organisation[from] as number;
  u.birth[to] = a.birth[from] as number;
  for (let k = 0; k < a.extra.length; k++) (u.extra[k] as { codes: Uint32Array }).codes[to] = (a.extra[k] as { codes: Int32Array }).codes[from] as number;
}
