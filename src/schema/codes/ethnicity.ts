import type { CodeReading } from './disability.js';

/**
 * NHS Data Dictionary ETHNIC CATEGORY (2001 census classification, as used in ESR).
 *
 * ESR values look like `A White - British` or `C3 White - Any other white background`: a code
 * whose first letter is the category, then a label. Extended codes (`C3`, `CA`, `LH`) belong to
 * the category of their first letter. Some exports carry only the label; those are matched
 * by label. `Z` is "Not stated" (the person chose not to say); `99`, blank and anything
 * unrecognised are "Unknown". The two are kept apart and never merged into a group.
 */
export const ETHNIC_CATEGORIES = [
  { code: 'A', label: 'White - British', broad: 'White' },
  { code: 'B', label: 'White - Irish', broad: 'White' },
  { code: 'C', label: 'White - Any other White background', broad: 'White' },
  { code: 'D', label: 'Mixed - White and Black Caribbean', broad: 'Mixed' },
  { code: 'E', label: 'Mixed - White and Black African', broad: 'Mixed' },
  { code: 'F', label: 'Mixed - White and Asian', broad: 'Mixed' },
  { code: 'G', label: 'Mixed - Any other mixed background', broad: 'Mixed' },
  { code: 'H', label: 'Asian or Asian British - Indian', broad: 'Asian or Asian British' },
  { code: 'J', label: 'Asian or Asian British - Pakistani', broad: 'Asian or Asian British' },
  { code: 'K', label: 'Asian or Asian British - Bangladeshi', broad: 'Asian or Asian British' },
  { code: 'L', label: 'Asian or Asian British - Any other Asian background', broad: 'Asian or Asian British' },
  { code: 'M', label: 'Black or Black British - Caribbean', broad: 'Black or Black British' },
  { code: 'N', label: 'Black or Black British - African', broad: 'Black or Black British' },
  { code: 'P', label: 'Black or Black British - Any other Black background', broad: 'Black or Black British' },
  { code: 'R', label: 'Other Ethnic Groups - Chinese', broad: 'Other ethnic group' },
  { code: 'S', label: 'Other Ethnic Groups - Any other ethnic group', broad: 'Other ethnic group' },
] as const;

export type EthnicCode = (typeof ETHNIC_CATEGORIES)[number]['code'];
/** A category letter, or one of the two undisclosed readings. */
export type Ethnicity = EthnicCode | 'Not stated' | 'Unknown';

export const ETHNICITY_VALUES: readonly Ethnicity[] = [
  ...ETHNIC_CATEGORIES.map((c) => c.code),
  'Not stated',
  'Unknown',
];

const CODES = new Set<string>(ETHNIC_CATEGORIES.map((c) => c.code));

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

const BY_LABEL: ReadonlyMap<string, Ethnicity> = new Map<string, Ethnicity>([
  ...ETHNIC_CATEGORIES.map((c): [string, Ethnicity] => [squash(c.label), c.code]),
  // Common spellings without the dash or with the shorter census wording.
  ...ETHNIC_CATEGORIES.map((c): [string, Ethnicity] => [squash(c.label.replace(/^.* - /, '')), c.code]).filter(
    ([label]) => !label.startsWith('any'),
  ),
  ['whitebritish', 'A'],
  ['whiteirish', 'B'],
  ['notstated', 'Not stated'],
  ['prefernottosay', 'Not stated'],
  ['prefernottoanswer', 'Not stated'],
  ['notknown', 'Unknown'],
  ['unknown', 'Unknown'],
  ['unspecified', 'Unknown'],
]);

// A code is an upper-case letter with up to two upper-case letters or digits after it,
// then a space, a dash or the end: `A`, `C3`, `CA`, `Z`. Lower case is never a code, so
// label-only values such as `Any other ethnic group` are not misread as category A.
const CODE_PATTERN = /^([A-Z])[A-Z0-9]{0,2}(?=$|[\s\-:])/;

export function readEthnicity(raw: string): CodeReading<Ethnicity> {
  const value = raw.trim();
  if (value === '' || value === '99') return { value: 'Unknown', unrecognised: false };
  const match = CODE_PATTERN.exec(value);
  if (match) {
    const letter = match[1] as string;
    if (letter === 'Z') return { value: 'Not stated', unrecognised: false };
    if (CODES.has(letter)) return { value: letter as EthnicCode, unrecognised: false };
  }
  const byLabel = BY_LABEL.get(squash(value));
  if (byLabel !== undefined) return { value: byLabel, unrecognised: false };
  return { value: 'Unknown', unrecognised: true };
}

export function ethnicLabel(code: EthnicCode): string {
  const found = ETHNIC_CATEGORIES.find((c) => c.code === code);
  return found ? `${code} ${found.label}` : code;
}
