import { createHash } from 'node:crypto';
import { DataError, excerpt } from '../errors.js';
import type { Field } from '../schema/fields.js';
import type { Assignments } from './assignments.js';
import { concatAssignments } from './concat-assignments.js';
import type { Loaded } from './load.js';
import type { RunPlan } from './plan.js';

/** One file read, without its assignment columns (they are joined with the other files'). */
export type InputRead = Omit<Loaded, 'assignments'> & {
  /** The file's organisation label (several files), or undefined (one file, or an organisation column). */
  readonly organisation: string | undefined;
};

/** Every file's valid rows in one set of columns, in the order the files were given. */
export interface Joined {
  readonly inputs: readonly InputRead[];
  readonly assignments: Assignments;
  /** Where each file's rows start in `assignments`; the last entry is the total. */
  readonly starts: readonly number[];
}

/** The file a row of the joined columns came from (an index into `inputs`). */
export function fileOf(joined: Pick<Joined, 'starts'>, row: number): number {
  let f = 0;
  while (row >= joined.starts[f + 1]!) f++;
  return f;
}

/**
 * Join the files of one run (METHOD §16.2). Each file's header was planned on its own, so the
 * files may order and name their columns differently, but they must be read the same way:
 * the same pay method and unit, and the same fields (an assignment number column may be
 * missing from some: rows without one are never repeats, METHOD §3.5). Otherwise a figure
 * would mix, say, hourly rates with rates derived from salaries, or people with bonus
 * columns with people without.
 */
export function joinInputs(reads: readonly Loaded[], labels: readonly (string | undefined)[]): Joined {
  requireOnePlan(reads);
  const starts = [0];
  for (const r of reads) starts.push(starts[starts.length - 1]! + r.assignments.length);
  const assignments = concatAssignments(reads.map((r) => r.assignments));
  const inputs = reads.map(({ assignments: _rows, ...read }, i): InputRead => ({ ...read, organisation: labels[i] }));
  return { inputs, assignments, starts };
}

/** Each file with its value, for a message: `a.csv: hourly-rate; b.csv: period-pay`. */
const each = (reads: readonly Loaded[], value: (r: Loaded) => string) => reads.map((r) => `${excerpt(r.file)}: ${value(r)}`).join('; ');

function requireOnePlan(reads: readonly Loaded[]): void {
  if (reads.length < 2) return;
  const differ = (value: (p: RunPlan) => string) => new Set(reads.map((r) => value(r.plan))).size > 1;
  const hint = 'the files must be read the same way; choose with --pay-method, --unit or --by, or add the missing column (files may order and name their columns differently)';
  if (differ((p) => p.payMethod)) {
    throw new DataError(`the files would be read by different pay methods: ${each(reads, (r) => `${r.plan.payMethod} (${r.plan.payMethodReason})`)}`, [hint]);
  }
  if (differ((p) => p.unit)) throw new DataError(`the files would be counted in different units: ${each(reads, (r) => r.plan.unit)}`, [hint]);
  if (differ((p) => p.characteristics.join(','))) {
    throw new DataError(`the files have different characteristics: ${each(reads, (r) => r.plan.characteristics.join(', '))}`, [hint]);
  }
  const read = (r: Loaded) => new Set(r.plan.fields.filter((f) => f !== 'assignmentNumber'));
  const all = new Set(reads.flatMap((r) => [...read(r)]));
  const missing = [...all].filter((f) => reads.some((r) => !read(r).has(f)));
  if (missing.length > 0) {
    const field = missing[0] as Field;
    const where = each(reads, (r) => (r.columns.header.has(field) ? `read from ${excerpt(r.columns.header.get(field)!)}` : 'no such column'));
    throw new DataError(`the files do not have the same columns: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in every file (${field}: ${where})`, [hint]);
  }
}

/** What was read, as one input (the report's `input`). */
export interface InputSummary {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly delimiter: string;
  readonly encoding: string;
  readonly sheet?: { readonly name: string; readonly headerRow: number } | undefined;
}

/**
 * One file as it is; several as one (METHOD §16.3): their names joined, the SHA-256 of their
 * SHA-256 digests (hex, in the order given, one a line, so the same files in the same order
 * give the same digest), the bytes added up, and the delimiter and encoding they share, or
 * "mixed". Each file's own are in the report's `inputs`.
 */
export function summaryOf(inputs: readonly Omit<InputRead, 'quality' | 'plan' | 'pay'>[]): InputSummary {
  const [only] = inputs;
  if (inputs.length === 1 && only !== undefined) return { file: only.file, sha256: only.sha256, bytes: only.bytes, delimiter: only.delimiter, encoding: only.encoding, sheet: only.sheet };
  const shared = (values: readonly string[]) => (new Set(values).size === 1 ? (values[0] as string) : 'mixed');
  return {
    file: inputs.map((i) => i.file).join(', '),
    sha256: createHash('sha256').update(inputs.map((i) => i.sha256).join('\n')).digest('hex'),
    bytes: inputs.reduce((sum, i) => sum + i.bytes, 0),
    delimiter: shared(inputs.map((i) => i.delimiter)),
    encoding: shared(inputs.map((i) => i.encoding)),
  };
}
