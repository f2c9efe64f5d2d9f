import { DataError, excerpt, excerptList } from '../errors.js';
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

/**
 * An age band as written: the band names use an en dash, and a hyphen or minus sign is read as
 * one (`25-34` is `25–34`). Undefined when it is not a band.
 */
export function ageBand(text: string): (typeof AGE_BANDS)[number] | undefined {
  const name = text.trim().replace(/\s*[-‐‑‒–—−]\s*/u, '–');
  return AGE_BANDS.find((b) => b === name);
}

export function ageView(chosen: string = AGE_REFERENCE): ViewDefinition {
  const reference = ageBand(chosen);
  if (reference === undefined) {
    throw new DataError(`the reference age band must be one of ${AGE_BANDS.join(', ')}, not ${excerpt(chosen)}`);
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

/**
 * The most groups a custom characteristic may have (METHOD §5.5). A characteristic is a list
 * of categories; a column with more distinct values than this is an identifier mapped by
 * mistake. Every renderer handles this many groups (`npm run bench` times each format at this
 * size; test/scale/ checks them on a small stack), and group codes and counts are 32-bit, so
 * the limit is a choice, not a width.
 */
export const MAX_CUSTOM_GROUPS = 100_000;

/** The name of the blank cells' group: "Unknown", unless an answer is written so (then "(blank)"). */
function blankGroupName(values: readonly string[]): string {
  const taken = new Set(values.filter((v) => v !== '').map((v) => v.toLowerCase()));
  for (const name of ['Unknown', '(blank)', '(blank cells)']) if (!taken.has(name.toLowerCase())) return name;
  let n = 2;
  while (taken.has(`(blank cells ${n})`)) n++;
  return `(blank cells ${n})`;
}

/**
 * The view of a custom column (METHOD §5.5): its disclosed values (reference first, then A–Z),
 * then undisclosed ones, each its own group. Units are placed in groups by their value, never
 * by a group's name, so an answer written "Unknown" and blank cells are never merged: blank
 * cells form "Unknown" only when no answer is written so, else "(blank)".
 *
 * Returns undefined when no unit gave a disclosed answer: there is no group to compare with
 * (the caller says so). A chosen reference that is not a disclosed value in the file, or more
 * than MAX_CUSTOM_GROUPS groups, stops the run.
 */
export function customView(x: PlannedExtra, values: readonly string[], codes: Uint32Array): ViewDefinition | undefined {
  const listed = new Set((x.undisclosed ?? []).map((v) => v.toLowerCase()));
  const undisclosed = (v: string) => v === '' || (x.undisclosed !== undefined ? listed.has(v.toLowerCase()) : UNDISCLOSED.test(v));
  const counts = new Array<number>(values.length).fill(0);
  for (const c of codes) counts[c]++;
  const count = new Map(values.map((v, i) => [v, counts[i] as number]));
  const disclosed = values.filter((v, i) => !undisclosed(v) && (counts[i] as number) > 0);
  const blank = blankGroupName(values);
  const nameOf = (v: string) => (v === '' ? blank : v);
  // Undisclosed groups in character-code order of their names (METHOD §5.5).
  const hiddenValues = [...new Set(values.filter(undisclosed))].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  if (disclosed.length + hiddenValues.length > MAX_CUSTOM_GROUPS) throw tooManyGroups(x, disclosed.length + hiddenValues.length);
  const reference = referenceOf(x, disclosed, (v) => count.get(v) ?? 0);
  if (reference === undefined) return undefined;
  const names = [reference, ...disclosed.filter((v) => v !== reference).sort((a, b) => a.localeCompare(b))];
  const groups: GroupDefinition[] = [
    ...names.map((name, i) => ({ name, reference: i === 0, comparable: true })),
    ...hiddenValues.map((v) => ({ name: nameOf(v), reference: false, comparable: false })),
  ];
  // Each value's group, by value: disclosed names and undisclosed values are values themselves.
  const byValue = new Map<string, number>([...names, ...hiddenValues].map((v, i) => [v, i]));
  return {
    characteristic: x.name,
    view: x.name,
    column: `custom:${x.name}`,
    title: `${x.name[0]?.toUpperCase() ?? ''}${x.name.slice(1)} (${x.header})`,
    groups,
    groupOfCode: values.map((v) => byValue.get(v) ?? -1),
  };
}

function tooManyGroups(x: PlannedExtra, groups: number): DataError {
  return new DataError(
    `the characteristic ${x.name} (column ${excerpt(x.header ?? '')}) has ${groups.toLocaleString('en-GB')} different values; ` +
      `paygap reports at most ${MAX_CUSTOM_GROUPS.toLocaleString('en-GB')} groups in a characteristic`,
    ['a characteristic is a short list of categories: is this a free-text or identifier column? choose another with --characteristic name=Header'],
  );
}

/** The reference: the one asked for (it must be a disclosed value), else the largest disclosed group, ties A–Z. */
function referenceOf(x: PlannedExtra, disclosed: readonly string[], count: (value: string) => number): string | undefined {
  if (x.reference === undefined) return [...disclosed].sort((a, b) => count(b) - count(a) || a.localeCompare(b))[0];
  if (!disclosed.includes(x.reference)) {
    throw new DataError(`the reference group ${excerpt(x.reference)} is not a disclosed value of ${x.name} in this file`, [`values found: ${excerptList(disclosed)}`]);
  }
  return x.reference;
}
