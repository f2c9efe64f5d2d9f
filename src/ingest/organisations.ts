import { basename, extname } from 'node:path';
import type { Assignments } from './assignments.js';
import { employeeKey, employeeName } from './keys.js';

/**
 * Several organisations in one report (METHOD §16): people are keyed by organisation AND
 * employee number, since employee numbers repeat across organisations, and a repeated
 * assignment number is one only within an organisation.
 *
 * A row's organisation is its file's label (several files) or its cell in the column mapped
 * with `--map organisation=Header`; when both could say, the column wins. It is kept as a
 * column of the assignments (an id per row, -1 when the run has one organisation), and the
 * steps that group or compare identifiers (people, repeated assignments) group by it first.
 * Employee and assignment numbers stay numbers: qualifying each row's text by organisation
 * measured twice as slow on 500,000 rows. Only the employees of invalid rows, remembered as
 * text before any row is joined, are named with their organisation (`personName`).
 */

/**
 * A person's name across organisations: the organisation's length, a NUL, the organisation,
 * then the employee number. The length makes it unambiguous whatever either text holds ("ab"
 * + "c" and "a" + "bc" differ). Without an organisation, the employee number as it is.
 *
 * @example personText('North', '123') // '5\u0000North123'
 */
export function personText(organisation: string | undefined, employee: string): string {
  return organisation === undefined ? employee : `${organisation.length}\u0000${organisation}${employee}`;
}

/** The organisation and employee number of a person's name (no organisation: undefined). */
function splitPerson(text: string): { organisation: string | undefined; employee: string } {
  const nul = text.indexOf('\u0000');
  if (nul <= 0 || !/^\d+$/.test(text.slice(0, nul))) return { organisation: undefined, employee: text };
  const length = Number(text.slice(0, nul));
  return { organisation: text.slice(nul + 1, nul + 1 + length), employee: text.slice(nul + 1 + length) };
}

/** The name of the person row `row` belongs to (see personText). */
export function personName(a: Assignments, row: number): string {
  const employee = employeeName(a.employeeNames, a.employee[row]!);
  const organisation = a.organisation[row]!;
  return employee === '' ? '' : personText(organisation < 0 ? undefined : a.organisations[organisation], employee);
}

/**
 * Each row's person key: the employee key, or with organisations (org id) × 2³¹ + employee
 * key. Employee keys are below 2³¹ (keys.ts), so the key is exact for up to 2²² organisations.
 */
export function personKeyOf(a: Assignments, row: number): number {
  const organisation = a.organisation[row]!;
  return organisation < 0 ? a.employee[row]! : organisation * 2 ** 31 + a.employee[row]!;
}

/** The key of a person named by `personText`, or undefined if no row has it. */
export function personKey(a: Assignments, name: string): number | undefined {
  const { organisation, employee } = splitPerson(name);
  const key = employeeKey(a.employeeNames, employee);
  if (key === undefined || organisation === undefined) return key;
  const at = a.organisations.indexOf(organisation);
  return at === -1 ? undefined : at * 2 ** 31 + key;
}

/** Whether the rows belong to more than one organisation (then identifiers are grouped by it). */
export function severalOrganisations(a: Assignments): boolean {
  return a.organisations.length > 1;
}

/**
 * A file's default organisation label: its base name without the extension
 * (`exports/north.csv` → `north`); stdin is `stdin`.
 */
export function defaultLabel(file: string): string {
  if (file === '-') return 'stdin';
  const name = basename(file);
  const stem = basename(name, extname(name));
  return stem === '' ? name : stem;
}
