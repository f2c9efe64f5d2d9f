import { ETHNIC_CATEGORIES, ETHNICITY_VALUES, ethnicLabel, type Ethnicity } from '../schema/codes/ethnicity.js';
import { DISABILITY_GROUPS } from '../schema/codes/disability.js';
import { SEX_GROUPS } from '../schema/codes/sex.js';
import type { Characteristic } from '../schema/characteristics.js';

/**
 * The characteristic views of METHOD §5.1: for each, its groups in report order (reference
 * first, then code-list order, undisclosed categories last) and how a unit's code maps to
 * a group. A code that maps to -1 is outside the view entirely (sex "Not recorded").
 */
export interface GroupDefinition {
  readonly name: string;
  readonly reference: boolean;
  /** False for undisclosed categories: they have no gap and count as not disclosed. */
  readonly comparable: boolean;
}

export interface ViewDefinition {
  readonly characteristic: string;
  readonly view: string;
  /** The code column the view reads (see ViewContext.columns). */
  readonly column: string;
  readonly title: string;
  readonly groups: readonly GroupDefinition[];
  /** Code index (as stored in the units' column) → group index, or -1. */
  readonly groupOfCode: readonly number[];
  /** Why units with code → -1 are left out, e.g. "sex not recorded". */
  readonly outsideReason?: string;
}

const group = (name: string, reference = false, comparable = true): GroupDefinition => ({ name, reference, comparable });
const UNDISCLOSED_ETHNICITY = [group('Not stated', false, false), group('Unknown', false, false)];

function ethnicityView(view: string, title: string, named: readonly GroupDefinition[], nameOf: (code: Ethnicity) => string): ViewDefinition {
  const groups = [...named, ...UNDISCLOSED_ETHNICITY];
  const groupOfCode = ETHNICITY_VALUES.map((code) => {
    const name = code === 'Not stated' || code === 'Unknown' ? code : nameOf(code);
    const index = groups.findIndex((g) => g.name === name);
    if (index === -1) throw new Error(`view ${view} has no group for ethnic category ${code}`);
    return index;
  });
  return { characteristic: 'ethnicity', view, column: 'ethnicity', title, groups, groupOfCode };
}

const BROAD_ORDER = ['White', 'Mixed', 'Asian or Asian British', 'Black or Black British', 'Other ethnic group'];
const broadOf = (code: Ethnicity): string => ETHNIC_CATEGORIES.find((c) => c.code === code)?.broad ?? 'Unknown';

export const VIEWS: Readonly<Record<Characteristic, readonly ViewDefinition[]>> = {
  sex: [
    {
      characteristic: 'sex',
      view: 'sex',
      column: 'sex',
      title: 'Sex',
      groups: [group('Male', true), group('Female')],
      groupOfCode: SEX_GROUPS.map((s) => (s === 'Male' ? 0 : s === 'Female' ? 1 : -1)),
      outsideReason: 'sex not recorded (not Male or Female)',
    },
  ],
  ethnicity: [
    ethnicityView(
      'detailed',
      'Ethnicity (detailed NHS categories)',
      ETHNIC_CATEGORIES.map((c, i) => group(ethnicLabel(c.code), i === 0)),
      (code) => ethnicLabel(code as Parameters<typeof ethnicLabel>[0]),
    ),
    ethnicityView('broad', 'Ethnicity (broad groups)', BROAD_ORDER.map((name, i) => group(name, i === 0)), broadOf),
    ethnicityView('binary', 'Ethnicity (White / BME, as in WRES)', [group('White', true), group('BME')], (code) =>
      broadOf(code) === 'White' ? 'White' : 'BME',
    ),
    ethnicityView('white-british', 'Ethnicity (White British / ethnic minority)', [group('White British', true), group('Ethnic minority')], (code) =>
      code === 'A' ? 'White British' : 'Ethnic minority',
    ),
  ],
  disability: [
    {
      characteristic: 'disability',
      view: 'disability',
      column: 'disability',
      title: 'Disability',
      groups: [group('Non-disabled', true), group('Disabled'), group('Not declared', false, false), group('Unknown', false, false)],
      groupOfCode: DISABILITY_GROUPS.map((d) => ['Non-disabled', 'Disabled', 'Not declared', 'Unknown'].indexOf(d)),
    },
  ],
};

/**
 * The view with another reference group: that group first and marked as the reference,
 * the others in their usual order. The group must be a comparable one of the view.
 */
export function withReference(view: ViewDefinition, reference: string): ViewDefinition {
  const chosen = view.groups.findIndex((g) => g.name === reference);
  if (chosen === -1 || !view.groups[chosen]!.comparable) throw new Error(`${reference} cannot be the reference group of ${view.view}`);
  const order = [chosen, ...view.groups.map((_, i) => i).filter((i) => i !== chosen)];
  const position = new Map(order.map((old, at) => [old, at]));
  return {
    ...view,
    groups: order.map((old, at) => ({ ...view.groups[old]!, reference: at === 0 })),
    groupOfCode: view.groupOfCode.map((g) => (g < 0 ? g : position.get(g)!)),
  };
}

/** The views of a characteristic with any chosen reference groups ("characteristic/view" → group). */
export function viewsOf(characteristic: Characteristic, references: ReadonlyMap<string, string>): ViewDefinition[] {
  return VIEWS[characteristic].map((view) => {
    const reference = references.get(`${view.characteristic}/${view.view}`);
    return reference === undefined ? view : withReference(view, reference);
  });
}
