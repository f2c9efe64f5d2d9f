import { DataError } from '../errors.js';
import type { PlannedExtra } from '../ingest/plan.js';
import type { GroupDefinition, ViewDefinition } from './views.js';

/**
 * Views for characteristics beyond sex, ethnicity and disability: any categorical column
 * (religion, sexual orientation…) and age bands. Undisclosed values are kept apart as their
 * own groups, like the built-in ones: never compared, counted against disclosure.
 */
export const AGE_BANDS = ['16–24', '25–34', '35–44', '45–54', '55–64', '65+'] as const;
export const AGE_REFERENCE = '35–44';
const AGE_UNKNOWN = 'Unknown';

/** Blank always; these too unless the characteristic lists its own. */
const UNDISCLOSED = /^(prefer not|not (stated|declared|disclosed|known|specified)|unknown|unspecified|(i )?do not wish|declined?|withheld)/i;

/** Age band codes (0–5 as AGE_BANDS, 6 unknown) from days since 1970 at the snapshot date. */
export function ageBandColumn(birth: Float64Array, snapshotDate: string): Uint16Array {
  const snapshot = new Date(`${snapshotDate}T00:00:00Z`);
  const out = new Uint16Array(birth.length);
  for (let u = 0; u < birth.length; u++) {
    const days = birth[u] as number;
    if (Number.isNaN(days)) {
      out[u] = AGE_BANDS.length;
      continue;
    }
    const born = new Date(days * 86_400_000);
    let age = snapshot.getUTCFullYear() - born.getUTCFullYear();
    if (snapshot.getUTCMonth() < born.getUTCMonth() || (snapshot.getUTCMonth() === born.getUTCMonth() && snapshot.getUTCDate() < born.getUTCDate())) age--;
    out[u] = age < 16 ? AGE_BANDS.length : age < 25 ? 0 : age < 35 ? 1 : age < 45 ? 2 : age < 55 ? 3 : age < 65 ? 4 : 5;
  }
  return out;
}

export function ageView(reference: string = AGE_REFERENCE): ViewDefinition {
  if (!(AGE_BANDS as readonly string[]).includes(reference)) {
    throw new DataError(`the reference age band must be one of ${AGE_BANDS.join(', ')}, not "${reference}"`);
  }
  const order = [reference, ...AGE_BANDS.filter((b) => b !== reference)];
  const groups: GroupDefinition[] = [
    ...order.map((name, i) => ({ name, reference: i === 0, comparable: true })),
    { name: AGE_UNKNOWN, reference: false, comparable: false },
  ];
  return {
    characteristic: 'age',
    view: 'age',
    column: 'age',
    title: 'Age band (at the snapshot date)',
    groups,
    groupOfCode: [...AGE_BANDS.map((b) => order.indexOf(b)), groups.length - 1],
  };
}

/** The view of a custom column: its disclosed values (reference first, then A–Z), then undisclosed ones. */
export function customView(x: PlannedExtra, values: readonly string[], codes: Uint32Array): ViewDefinition {
  const listed = new Set((x.undisclosed ?? []).map((v) => v.toLowerCase()));
  const undisclosed = (v: string) => v === '' || (x.undisclosed !== undefined ? listed.has(v.toLowerCase()) : UNDISCLOSED.test(v));
  const counts = new Array<number>(values.length).fill(0);
  for (const c of codes) counts[c]++;
  const disclosed = values.map((v, i) => ({ v, i })).filter(({ v, i }) => !undisclosed(v) && (counts[i] as number) > 0);
  let reference = x.reference;
  if (reference === undefined) {
    // The largest disclosed group, ties alphabetically.
    reference = [...disclosed].sort((a, b) => (counts[b.i] as number) - (counts[a.i] as number) || a.v.localeCompare(b.v))[0]?.v;
  } else if (!disclosed.some(({ v }) => v === reference)) {
    throw new DataError(`the reference group "${reference}" is not a disclosed value of ${x.name} in this file`, [
      `values found: ${disclosed.map(({ v }) => JSON.stringify(v)).join(', ') || '(none)'}`,
    ]);
  }
  const names = [
    ...(reference === undefined ? [] : [reference]),
    ...disclosed.map(({ v }) => v).filter((v) => v !== reference).sort((a, b) => a.localeCompare(b)),
  ];
  const hidden = [...new Set(values.filter(undisclosed).map((v) => (v === '' ? 'Unknown' : v)))].sort();
  const groups: GroupDefinition[] = [
    ...names.map((name, i) => ({ name, reference: i === 0, comparable: true })),
    ...hidden.map((name) => ({ name, reference: false, comparable: false })),
  ];
  const position = new Map(groups.map((g, i) => [g.name, i]));
  return {
    characteristic: x.name,
    view: x.name,
    column: `custom:${x.name}`,
    title: `${x.name[0]?.toUpperCase() ?? ''}${x.name.slice(1)} (${x.header})`,
    groups,
    groupOfCode: values.map((v) => (position.get(undisclosed(v) ? (v === '' ? 'Unknown' : v) : v) ?? -1) as number),
  };
}
