import { BASE_CHARACTERISTICS } from '../schema/characteristics.js';
import type { Assignments } from './assignments.js';
import { ASSIGNMENT_KEY_BASE, INTERNED_KEY_BASE } from './keys.js';
import { Interner } from './typed-columns.js';

/** Rows `start … start + count` of part `part`, in output order. */
export interface Segment {
  readonly part: number;
  readonly start: number;
  readonly count: number;
}

/** Columns copied as they are (no dictionary ids in them). */
const PLAIN_COLUMNS = ['line', 'primary', 'hourlyPay', 'hours', 'fte', 'bonus', 'fullPay', 'birth'] as const;

type Mutable = { -readonly [K in keyof Assignments]: Assignments[K] };

function allocate(parts: readonly Assignments[], length: number, dictionaries: Dictionaries): Mutable {
  return {
    length,
    line: new Uint32Array(length),
    employee: new Float64Array(length),
    assignment: new Float64Array(length),
    primary: new Int8Array(length),
    codes: Object.fromEntries(BASE_CHARACTERISTICS.map((c) => [c, new Uint8Array(length)])) as Assignments['codes'],
    hourlyPay: new Float64Array(length),
    hours: new Float64Array(length),
    fte: new Float64Array(length),
    bonus: new Float64Array(length),
    fullPay: new Uint8Array(length),
    staffGroup: new Int32Array(length),
    grade: new Int32Array(length),
    staffGroups: dictionaries.staffGroups.names,
    grades: dictionaries.grades.names,
    organisation: new Int32Array(length),
    organisations: dictionaries.organisations.names,
    employeeNames: dictionaries.employees.names,
    assignmentNames: dictionaries.assignments.names,
    extra: (parts[0]?.extra ?? []).map((_, k) => ({ codes: new Int32Array(length), values: (dictionaries.extra[k] as Interner).names })),
    birth: new Float64Array(length),
  };
}

interface Dictionaries {
  readonly staffGroups: Interner;
  readonly grades: Interner;
  readonly organisations: Interner;
  readonly employees: Interner;
  readonly assignments: Interner;
  readonly extra: readonly Interner[];
}

/** Each part's dictionary ids mapped to the shared ones. */
function idMaps(p: Assignments, d: Dictionaries) {
  return {
    groupIds: p.staffGroups.map((name) => d.staffGroups.id(name)),
    gradeIds: p.grades.map((name) => d.grades.id(name)),
    organisationIds: p.organisations.map((name) => d.organisations.id(name)),
    employeeIds: p.employeeNames.map((name) => INTERNED_KEY_BASE + d.employees.id(name)),
    assignmentIds: p.assignmentNames.map((name) => ASSIGNMENT_KEY_BASE + d.assignments.id(name)),
    extraIds: p.extra.map((x, k) => x.values.map((v) => (d.extra[k] as Interner).id(v))),
  };
}

/** Copy one segment of a part to `at` in the output, translating dictionary ids. */
function copySegment(out: Mutable, p: Assignments, ids: ReturnType<typeof idMaps>, { start, count }: Segment, at: number): void {
  for (const key of PLAIN_COLUMNS) (out[key] as Float64Array).set((p[key] as Float64Array).subarray(start, start + count), at);
  for (const c of BASE_CHARACTERISTICS) out.codes[c].set(p.codes[c].subarray(start, start + count), at);
  p.extra.forEach((x, k) => {
    const map = ids.extraIds[k] as number[];
    const target = (out.extra[k] as { codes: Int32Array }).codes;
    for (let i = 0; i < count; i++) target[at + i] = map[x.codes[start + i] as number] as number;
  });
  const translate = (id: number, map: readonly number[]) => (id < 0 ? id : (map[id] as number));
  for (let i = 0; i < count; i++) {
    out.staffGroup[at + i] = translate(p.staffGroup[start + i]!, ids.groupIds);
    out.grade[at + i] = translate(p.grade[start + i]!, ids.gradeIds);
    out.organisation[at + i] = translate(p.organisation[start + i]!, ids.organisationIds);
    const e = p.employee[start + i]!;
    out.employee[at + i] = e >= INTERNED_KEY_BASE ? (ids.employeeIds[e - INTERNED_KEY_BASE] as number) : e;
    const k = p.assignment[start + i]!;
    out.assignment[at + i] = k >= ASSIGNMENT_KEY_BASE ? (ids.assignmentIds[k - ASSIGNMENT_KEY_BASE] as number) : k;
  }
}

/**
 * Join parts read separately (by worker threads, or from several files) into one set of columns. Labels and
 * non-numeric employee numbers were interned per part, so their ids are mapped to one
 * shared dictionary; everything else is copied as it is.
 *
 * @param segments which rows of which part, in output order; default: every part whole, in turn
 */
export function concatAssignments(parts: readonly Assignments[], segments: readonly Segment[] = parts.map((p, part) => ({ part, start: 0, count: p.length }))): Assignments {
  if (parts.length === 1 && segments.length === 1) return parts[0] as Assignments;
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const dictionaries: Dictionaries = {
    staffGroups: new Interner(),
    grades: new Interner(),
    organisations: new Interner(),
    employees: new Interner(),
    assignments: new Interner(),
    extra: (parts[0]?.extra ?? []).map(() => new Interner()),
  };
  const out = allocate(parts, length, dictionaries);
  const maps = parts.map((p) => idMaps(p, dictionaries));
  let at = 0;
  for (const segment of segments) {
    copySegment(out, parts[segment.part] as Assignments, maps[segment.part]!, segment, at);
    at += segment.count;
  }
  return out;
}
