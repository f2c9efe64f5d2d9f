import { DataError, excerpt } from '../errors.js';
import type { Classifier } from '../ingest/plan.js';
import type { Units } from '../ingest/units.js';
import { bandOf, compareBands, NO_GRADE } from '../schema/codes/bands.js';
import { comparePaySchemes, NOT_MAPPED, paySchemeOf, type PayScheme } from '../schema/codes/pay-schemes.js';

/**
 * The cells a breakdown or a decomposition is made of (METHOD §5.8–§5.10, §17): each unit's
 * cell, from its staff group, grade, pay band, pay scheme or any column of the export, or from
 * several of them crossed (`--explain band,staffGroup`: "Band 5 × Nursing and Midwifery
 * Registered"). A person's values come from their primary assignment (METHOD §3.2).
 */
export interface Classification {
  /** The cells that occur, in report order. */
  readonly names: readonly string[];
  /** Each unit's cell: an index into `names`. */
  readonly of: Int32Array;
  /** Grades no pay-scheme rule recognises, with their units (a pay-scheme classification only). */
  readonly unmapped: readonly { readonly grade: string; readonly people: number }[];
}

/** A breakdown is a short list of categories: more cells than this is a column of identifiers or free text. */
export const MAX_CELLS = 1000;

/** Grade (in lower case and trimmed) → pay scheme, from the config file or --pay-scheme. */
export type PaySchemeMap = ReadonlyMap<string, PayScheme>;

interface Labelled {
  /** Each unit's label id (−1: blank). */
  readonly ids: ArrayLike<number>;
  /** The text of each label id. */
  readonly labels: readonly string[];
  /** The cell a label id (or −1, blank) falls in. */
  readonly cellOf: (id: number) => string;
  readonly order: (a: string, b: string) => number;
  /** For pay schemes: the grade of a label id that no rule maps, else undefined. */
  readonly unmappedGrade?: (id: number) => string | undefined;
}

const alphabetical = (last: string) => (a: string, b: string) => (a === last ? 1 : b === last ? -1 : a.localeCompare(b));

/** A label for blank cells that no value of the column has: "(blank)", else "((blank))"… */
function blankLabel(values: readonly string[]): string {
  let blank = '(blank)';
  while (values.includes(blank)) blank = `(${blank})`;
  return blank;
}

function labelled(units: Units, classifier: Classifier, paySchemes: PaySchemeMap): Labelled {
  switch (classifier.kind) {
    case 'staffGroup': {
      const blank = '(no staff group)';
      return { ids: units.staffGroup, labels: units.staffGroups, cellOf: (id) => (id < 0 ? blank : (units.staffGroups[id] as string)), order: alphabetical(blank) };
    }
    case 'grade':
      return { ids: units.grade, labels: units.grades, cellOf: (id) => (id < 0 ? NO_GRADE : (units.grades[id] as string)), order: compareBands };
    case 'band':
      return { ids: units.grade, labels: units.grades, cellOf: (id) => bandOf(id < 0 ? undefined : units.grades[id]), order: compareBands };
    case 'payScheme':
      return paySchemeCells(units, paySchemes);
    case 'column': {
      const column = units.extra[classifier.text] as { readonly codes: ArrayLike<number>; readonly values: readonly string[] };
      const blank = blankLabel(column.values);
      return { ids: column.codes, labels: column.values, cellOf: (id) => (id < 0 || column.values[id] === '' ? blank : (column.values[id] as string)), order: alphabetical(blank) };
    }
  }
}

/**
 * Pay schemes (METHOD §5.9) by grade and staff group: each unit's pair is mapped once per
 * distinct pair, so a million units cost one lookup each.
 */
function paySchemeCells(units: Units, paySchemes: PaySchemeMap): Labelled {
  const pairs = new Map<number, number>();
  const schemes: string[] = [];
  const grades: string[] = [];
  const ids = new Int32Array(units.length);
  const width = units.staffGroups.length + 1;
  for (let u = 0; u < units.length; u++) {
    const g = units.grade[u] as number;
    const s = units.staffGroup[u] as number;
    const key = (g + 1) * width + (s + 1);
    let id = pairs.get(key);
    if (id === undefined) {
      id = schemes.length;
      pairs.set(key, id);
      schemes.push(paySchemeOf(units.grades[g], units.staffGroups[s], paySchemes).scheme);
      grades.push(g < 0 ? '' : (units.grades[g] as string));
    }
    ids[u] = id;
  }
  return {
    ids,
    labels: schemes,
    cellOf: (id) => schemes[id] as string,
    order: comparePaySchemes,
    unmappedGrade: (id) => (schemes[id] === NOT_MAPPED ? grades[id] : undefined),
  };
}

/** Each unit's cell under one classifier. */
export function classify(units: Units, classifier: Classifier, paySchemes: PaySchemeMap = new Map()): Classification {
  const l = labelled(units, classifier, paySchemes);
  const cellOfId = new Map<number, string>();
  const cellOf = (id: number): string => {
    let cell = cellOfId.get(id);
    if (cell === undefined) cellOfId.set(id, (cell = l.cellOf(id)));
    return cell;
  };
  const cells = new Array<string>(units.length);
  for (let u = 0; u < units.length; u++) cells[u] = cellOf(l.ids[u] as number);
  const names = [...new Set(cells)].sort(l.order);
  if (names.length > MAX_CELLS) {
    throw new DataError(`${excerpt(classifier.name)} has ${names.length.toLocaleString('en-GB')} different values: a breakdown is a short list of categories (at most ${MAX_CELLS.toLocaleString('en-GB')})`);
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const of = Int32Array.from(cells, (c) => index.get(c) as number);
  return { names, of, unmapped: unmappedGrades(units, l) };
}

/** The grades a pay-scheme classification could not map, with their units, most first. */
function unmappedGrades(units: Units, l: Labelled): Classification['unmapped'] {
  if (l.unmappedGrade === undefined) return [];
  const counts = new Map<string, number>();
  for (let u = 0; u < units.length; u++) {
    const grade = l.unmappedGrade(l.ids[u] as number);
    if (grade !== undefined) counts.set(grade, (counts.get(grade) ?? 0) + 1);
  }
  return [...counts].map(([grade, people]) => ({ grade, people })).sort((a, b) => b.people - a.people || a.grade.localeCompare(b.grade));
}

/**
 * Each unit's cell under several classifiers crossed: "Band 5 × Nursing and Midwifery
 * Registered", in the order of the first classifier, then the second. Only cells that occur.
 */
export function crossClassify(units: Units, classifiers: readonly Classifier[], paySchemes: PaySchemeMap = new Map()): Classification {
  const parts = classifiers.map((c) => classify(units, c, paySchemes));
  if (parts.length === 1) return parts[0] as Classification;
  // A unit's cell as one number in mixed radix: the parts' codes, the first most significant.
  const key = new Float64Array(units.length);
  for (const part of parts) for (let u = 0; u < units.length; u++) key[u] = (key[u] as number) * part.names.length + (part.of[u] as number);
  const keys = [...new Set(key)].sort((a, b) => a - b);
  if (keys.length > MAX_CELLS) {
    throw new DataError(`${classifiers.map((c) => excerpt(c.name)).join(' × ')} make ${keys.length.toLocaleString('en-GB')} cells: at most ${MAX_CELLS.toLocaleString('en-GB')} can be crossed`);
  }
  const index = new Map(keys.map((k, i) => [k, i]));
  const of = Int32Array.from(key, (k) => index.get(k) as number);
  const names = keys.map((k) => {
    const codes: string[] = [];
    for (let p = parts.length - 1; p >= 0; p--) {
      const size = (parts[p] as Classification).names.length;
      codes.unshift((parts[p] as Classification).names[k % size] as string);
      k = Math.floor(k / size);
    }
    return codes.join(' × ');
  });
  return { names, of, unmapped: parts.flatMap((p) => p.unmapped) };
}
