import type { Interner } from './typed-columns.js';

/**
 * Employee and assignment numbers as numbers, so a million of them are grouped and compared
 * as plain doubles rather than strings (METHOD §3).
 *
 * Employee numbers that are plain numbers below 10⁹ without a leading zero are their own key
 * (distinct texts, distinct numbers); anything else is interned to a key from 10⁹ up. Keys
 * therefore stay below 2³¹, which lets people be grouped by one numeric sort.
 */
export const INTERNED_KEY_BASE = 1e9;
const PLAIN_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * Assignment numbers as ESR writes them (12345678, 12345678-2) become numbers: employee part
 * × 1000 + (suffix + 1, or 0 without one; suffixes go to 99), distinct for distinct texts;
 * others are interned from ASSIGNMENT_KEY_BASE up.
 */
export const ASSIGNMENT_KEY_BASE = 2 ** 50;

export function employeeKeyOf(text: string, names: Interner): number {
  return PLAIN_NUMBER.test(text) ? Number(text) : INTERNED_KEY_BASE + names.id(text);
}

/** The key of an employee number as written, or undefined if no row has it. */
export function employeeKey(employeeNames: readonly string[], name: string): number | undefined {
  if (PLAIN_NUMBER.test(name)) return Number(name);
  const at = employeeNames.indexOf(name);
  return at === -1 ? undefined : INTERNED_KEY_BASE + at;
}

/** The employee number as written, from its key. */
export function employeeName(employeeNames: readonly string[], key: number): string {
  return key >= INTERNED_KEY_BASE ? (employeeNames[key - INTERNED_KEY_BASE] as string) : String(key);
}

/** The assignment number as written, from its key. */
export function assignmentText(assignmentNames: readonly string[], key: number): string {
  if (key >= ASSIGNMENT_KEY_BASE) return assignmentNames[key - ASSIGNMENT_KEY_BASE] as string;
  const suffix = key % 1000;
  const employee = (key - suffix) / 1000;
  return suffix === 0 ? String(employee) : `${employee}-${suffix - 1}`;
}

/** Reads /^([1-9]\d{0,9})(-(0|[1-9]\d?))?$/ by hand (a regular expression per row measured 3× slower). */
export function assignmentKeyOf(text: string, names: Interner): number {
  let employee = 0;
  let at = 0;
  const n = text.length;
  const first = text.charCodeAt(0);
  if (first < 49 || first > 57) return ASSIGNMENT_KEY_BASE + names.id(text); // not 1-9
  for (; at < n && at < 10; at++) {
    const c = text.charCodeAt(at);
    if (c < 48 || c > 57) break;
    employee = employee * 10 + (c - 48);
  }
  if (at === n) return employee * 1000;
  if (text.charCodeAt(at) !== 45 || at + 1 === n || n - at - 1 > 2) return ASSIGNMENT_KEY_BASE + names.id(text);
  const s1 = text.charCodeAt(at + 1) - 48;
  const s2 = at + 2 < n ? text.charCodeAt(at + 2) - 48 : -1;
  if (s1 < 0 || s1 > 9 || (s2 !== -1 && (s2 < 0 || s2 > 9 || s1 === 0))) return ASSIGNMENT_KEY_BASE + names.id(text);
  return employee * 1000 + (s2 === -1 ? s1 : s1 * 10 + s2) + 1;
}
