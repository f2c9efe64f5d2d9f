/**
 * Disability as recorded in ESR. "Not declared" (the person chose not to say) and "Unknown"
 * (blank, Unspecified, or a value paygap does not recognise) are kept apart: they mean
 * different things for an improvement plan and are never merged into a group.
 */
export const DISABILITY_GROUPS = ['Non-disabled', 'Disabled', 'Not declared', 'Unknown'] as const;
export type Disability = (typeof DISABILITY_GROUPS)[number];

const DISABILITY_VALUES: ReadonlyMap<string, Disability> = new Map([
  ['yes', 'Disabled'],
  ['y', 'Disabled'],
  ['disabled', 'Disabled'],
  ['no', 'Non-disabled'],
  ['n', 'Non-disabled'],
  ['notdisabled', 'Non-disabled'],
  ['nondisabled', 'Non-disabled'],
  ['notdeclared', 'Not declared'],
  ['prefernottosay', 'Not declared'],
  ['prefernottoanswer', 'Not declared'],
  ['declinedtodisclose', 'Not declared'],
  ['notstated', 'Not declared'],
  ['', 'Unknown'],
  ['unspecified', 'Unknown'],
  ['unknown', 'Unknown'],
  ['notknown', 'Unknown'],
]);

export interface CodeReading<T> {
  readonly value: T;
  /** True when the raw value was not one paygap knows (it is then read as Unknown). */
  readonly unrecognised: boolean;
}

export function readDisability(raw: string): CodeReading<Disability> {
  const value = DISABILITY_VALUES.get(raw.toLowerCase().replace(/[^a-z]/g, ''));
  return value === undefined ? { value: 'Unknown', unrecognised: true } : { value, unrecognised: false };
}
