import type { CodeReading } from './disability.js';

/**
 * Sex as recorded in ESR. Male and Female are compared; any other value (blank, "Unknown",
 * "Indeterminate", "X") is "Not recorded": it is kept out of every sex figure and counted.
 */
export const SEX_GROUPS = ['Male', 'Female', 'Not recorded'] as const;
export type Sex = (typeof SEX_GROUPS)[number];

const SEX_VALUES: ReadonlyMap<string, Sex> = new Map([
  ['male', 'Male'],
  ['m', 'Male'],
  ['female', 'Female'],
  ['f', 'Female'],
]);

/** Read a raw sex value; never fails. Blank and other values are "Not recorded". */
export function readSex(raw: string): CodeReading<Sex> {
  const key = raw.trim().toLowerCase();
  const value = SEX_VALUES.get(key);
  return value === undefined ? { value: 'Not recorded', unrecognised: key !== '' } : { value, unrecognised: false };
}
