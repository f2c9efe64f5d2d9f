import type { AtomTable } from '../report/atoms.js';
import { SUBGROUP_COLUMN } from '../report/atoms.js';
import type { GroupReport, Report } from '../report/model.js';
import { isProtected, type FigureKey } from '../report/status.js';
import { lossOf } from './cost.js';
import { basesOf } from './bases.js';
import type { ReportShapes } from '../report/atoms.js';
import { shapeAt, tableAt, type TableRef } from './tables.js';
import type { Block } from './withhold.js';

/**
 * The disclosure audit (METHOD §8.4): can any withheld figure, or the total of any atom of
 * fewer than K people, be worked out exactly by adding and subtracting published figures?
 *
 * Three linear measures are audited, each over its own population of atoms:
 * - pay: a group's total hourly pay (its mean × its headcount), over full-pay employees;
 * - recipients: a group's number of bonus recipients (its % receiving × its relevant
 *   headcount), over relevant employees;
 * - bonus: a group's total bonus (its mean bonus × its recipients), over bonus recipients.
 * A published cell is the 0/1 vector of the atoms it covers; a target is derivable when its
 * vector is in their span. For every derivable target the audit names a shown cell used in
 * one derivation, to be withheld (see `chooseComplement`).
 */
export type Measure = 'pay' | 'recipients' | 'bonus';
export const AUDITED: readonly Measure[] = ['pay', 'recipients', 'bonus'];

const KEY: Readonly<Record<Measure, FigureKey>> = { pay: 'meanHourlyPay', recipients: 'bonus.recipients', bonus: 'bonus.mean' };
export const BLOCK_OF: Readonly<Record<Measure, Block>> = { pay: 'pay', recipients: 'bonus', bonus: 'bonus' };

export interface Cell {
  readonly ref: TableRef;
  /** Position of the table among all the report's tables (for a stable order). */
  readonly table: number;
  readonly group: number;
  /** The atoms the cell covers (whatever their population). */
  readonly atoms: readonly number[];
}

export type Target = { readonly kind: 'cell'; readonly cell: Cell } | { readonly kind: 'atom'; readonly atom: number };

export interface Leak {
  readonly measure: Measure;
  readonly target: Target;
  /**
   * The shown cells to withhold so that this derivation no longer works: one cell, with every
   * other shown cell covering exactly the same people (the same undisclosed category in four
   * ethnicity views, say), which would otherwise give it straight back.
   */
  readonly complement: readonly Cell[];
}

/** Each table's groups as lists of atoms (independent of what is shown). */
export function cellsOf(atoms: AtomTable, shapes: ReportShapes, refs: readonly TableRef[], report: Report): Cell[] {
  const column = new Map(atoms.columns.map((name, c) => [name, atoms.codes[c] as Uint32Array]));
  const n = atoms.relevant.length;
  const cells: Cell[] = [];
  refs.forEach((ref, table) => {
    const shape = shapeAt(shapes, ref);
    const codes = column.get(shape.column) as Uint32Array;
    // Each breakdown has its own subgroup column (a report may have two: --within and --explain).
    const subgroupCodes = column.get(shape.subgroupColumn ?? SUBGROUP_COLUMN);
    const groups = tableAt(report, ref).groups.map((): number[] => []);
    for (let a = 0; a < n; a++) {
      if (shape.subgroup !== undefined && subgroupCodes?.[a] !== shape.subgroup) continue;
      const g = shape.groupOfCode[codes[a] as number] ?? -1;
      if (g >= 0) groups[g]!.push(a);
    }
    groups.forEach((list, group) => cells.push({ ref, table, group, atoms: list }));
  });
  return cells;
}

/** A table's family: the headline, or one breakdown subgroup (whatever its view). */
export const familyOf = (ref: TableRef): string => (ref.kind === 'breakdown' ? `b${ref.breakdown}/${ref.subgroup}` : 'headline');

/** An atom's family: its subgroup of the first breakdown, if there is one (a preference only, §8.4). */
function familyOfAtom(atoms: AtomTable, atom: number): string {
  const c = atoms.columns.indexOf(SUBGROUP_COLUMN);
  return c === -1 ? 'headline' : `b0/${atoms.codes[c]![atom]}`;
}

const groupOf = (report: Report, cell: Cell): GroupReport => tableAt(report, cell.ref).groups[cell.group] as GroupReport;

function populationOf(atoms: AtomTable, measure: Measure): Uint32Array {
  return measure === 'pay' ? atoms.fullPay : measure === 'recipients' ? atoms.relevant : atoms.recipients;
}

/** What withholding a cell costs readers (see cost.ts). */
export function costOf(report: Report, cell: Cell, people: number): number {
  const table = tableAt(report, cell.ref);
  return lossOf(groupOf(report, cell), people, cell.ref.kind === 'headline' && table.characteristic === 'sex');
}

/**
 * How complements are chosen in a round (METHOD §8.4):
 * - `thrifty` (the first rounds): an undisclosed category first (no gap is lost), then a
 *   cell no other published cells add up to, then the least loss;
 * - `sure` (later rounds): a cell no other published cells add up to first — withholding it
 *   breaks every way of working the target out and cannot itself be worked out, so nothing
 *   cascades — then the least loss;
 * - `all` (if a derivation has survived many rounds): every cell the derivation uses.
 */
export type Policy = 'thrifty' | 'sure' | 'all';

export function policyFor(round: number): Policy {
  return round <= 3 ? 'thrifty' : round <= 12 ? 'sure' : 'all';
}

/**
 * Which shown cell to withhold to break a derivation, among the cells it uses (see Policy);
 * among equals a cell of the target's own table, then report order. A derivation that
 * survives is found again in the next round, until none is left.
 */
function chooseComplement(
  report: Report,
  ids: readonly number[],
  target: Target,
  twinsOf: (id: number) => readonly Cell[],
  population: (cell: Cell) => number,
  redundant: (id: number) => boolean,
  policy: Policy,
  targetFamily: string,
): number {
  const first = (id: number) => twinsOf(id)[0] as Cell;
  const cost = (id: number) => twinsOf(id).reduce((sum, twin) => sum + costOf(report, twin, population(twin)), 0);
  const compared = (id: number) => (groupOf(report, first(id)).comparable ? 1 : 0);
  const essential = (id: number) => (redundant(id) ? 1 : 0);
  const sameTable = (id: number) => (target.kind === 'cell' && twinsOf(id).some((c) => c.table === target.cell.table) ? 0 : 1);
  // Cut a derivation where the target is: in its own breakdown subgroup (or the headline).
  const sameFamily = (id: number) => (twinsOf(id).some((c) => familyOf(c.ref) === targetFamily) ? 0 : 1);
  const thrifty = policy === 'thrifty';
  return [...ids].sort(
    (x, y) =>
      (thrifty ? compared(x) - compared(y) : 0) || essential(x) - essential(y) || sameFamily(x) - sameFamily(y) || cost(x) - cost(y) || sameTable(x) - sameTable(y) || x - y,
  )[0] as number;
}

/**
 * The published cells of a measure, one per set of people (cells covering exactly the same
 * people, such as an undisclosed category in each ethnicity view, are twins: withholding one
 * means withholding all), and the targets: withheld cells and atoms of fewer than K people.
 */
function rowsAndTargets(report: Report, cells: readonly Cell[], k: number, measure: Measure, count: Uint32Array, vector: (atoms: readonly number[]) => number[]) {
  const key = KEY[measure];
  const twins = new Map<string, Cell[]>();
  const targets: Target[] = [];
  for (const cell of cells) {
    const v = vector(cell.atoms);
    if (v.length === 0) continue;
    const state = groupOf(report, cell).status[key];
    if (state === undefined) {
      const signature = v.join(',');
      const list = twins.get(signature);
      if (list === undefined) twins.set(signature, [cell]);
      else list.push(cell);
    } else if (isProtected(state) && state.ofReference !== true) targets.push({ kind: 'cell', cell });
  }
  for (let a = 0; a < count.length; a++) if (count[a]! > 0 && count[a]! < k) targets.push({ kind: 'atom', atom: a });
  return { rows: [...twins.values()], signatures: [...twins.keys()], targets };
}

/** The columns some published row covers. */
function coveredColumns(width: number, vectors: readonly (readonly number[])[]): Uint8Array {
  const covered = new Uint8Array(width);
  for (const v of vectors) for (const c of v) covered[c] = 1;
  return covered;
}

/** Every derivable target of one measure, each with the complement that breaks its derivation. */
export function auditMeasure(report: Report, atoms: AtomTable, cells: readonly Cell[], k: number, measure: Measure, policy: Policy = 'thrifty'): Leak[] {
  const count = populationOf(atoms, measure);
  const column = new Int32Array(count.length).fill(-1);
  let width = 0;
  for (let a = 0; a < count.length; a++) if (count[a]! > 0) column[a] = width++;
  const vector = (list: readonly number[]) => list.map((a) => column[a] as number).filter((c) => c >= 0);
  const population = (cell: Cell) => cell.atoms.reduce((sum, a) => sum + (count[a] as number), 0);
  const { rows, signatures, targets } = rowsAndTargets(report, cells, k, measure, count, vector);
  const vectors = rows.map((twins) => vector((twins[0] as Cell).atoms));
  const { exact, check, underivable } = basesOf(cells, measure, width, signatures, vectors);
  const covered = coveredColumns(width, vectors);
  const leaks: Leak[] = [];
  for (const target of targets) {
    const v = vector(target.kind === 'cell' ? target.cell.atoms : [target.atom]);
    // An atom in no published row: every basis row is zero there, so neither prime finds it.
    if (!v.every((c) => covered[c] === 1)) continue;
    const text = v.join(',');
    if (underivable.has(text)) continue;
    const used = exact.derive(v);
    if (used === undefined && check.derive(v) === undefined) {
      underivable.add(text);
      continue;
    }
    // Found only modulo the second prime: any shown cell covering the target's atoms is part of it.
    const ids = used ?? rows.map((_, id) => id).filter((id) => rows[id]![0]!.atoms.some((a) => v.includes(column[a] as number)));
    if (ids.length === 0) continue;
    if (policy === 'all') {
      leaks.push({ measure, target, complement: ids.flatMap((id) => rows[id] as readonly Cell[]) });
      continue;
    }
    const family = target.kind === 'cell' ? familyOf(target.cell.ref) : familyOfAtom(atoms, target.atom);
    const chosen = chooseComplement(report, ids, target, (id) => rows[id] as readonly Cell[], population, (id) => exact.redundant.has(id), policy, family);
    leaks.push({ measure, target, complement: rows[chosen] as readonly Cell[] });
  }
  return leaks;
}
