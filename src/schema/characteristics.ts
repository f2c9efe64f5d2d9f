import { DISABILITY_GROUPS } from './codes/disability.js';
import { ETHNICITY_VALUES } from './codes/ethnicity.js';
import { SEX_GROUPS } from './codes/sex.js';

/** The characteristics paygap reads from their own columns (METHOD §5.1). */
export const BASE_CHARACTERISTICS = ['sex', 'ethnicity', 'disability'] as const;
export type Characteristic = (typeof BASE_CHARACTERISTICS)[number];

/**
 * Each built-in characteristic's values in code order (a unit stores the index), and the
 * value of a row whose file has no such column or whose cell is blank. Adding a built-in
 * characteristic starts here, with its field and code reader in the schema.
 */
export const CODE_LISTS: { readonly [C in Characteristic]: readonly string[] } = {
  sex: SEX_GROUPS,
  ethnicity: ETHNICITY_VALUES,
  disability: DISABILITY_GROUPS,
};
export const WHEN_NOT_READ: { readonly [C in Characteristic]: string } = { sex: 'Not recorded', ethnicity: 'Unknown', disability: 'Unknown' };

/**
 * A characteristic beyond sex, ethnicity and disability (HIA 3 from 2026): any categorical
 * column (religion, sexual orientation…) or age bands from date of birth.
 */
export interface ExtraCharacteristic {
  readonly name: string;
  /** The column's header (for a column characteristic). */
  readonly header?: string | undefined;
  /** 'age': bands from date of birth at the snapshot date. */
  readonly kind: 'column' | 'age';
  readonly reference?: string | undefined;
  /** Values that mean "not disclosed" (compared ignoring case); blank always does. */
  readonly undisclosed?: readonly string[] | undefined;
}
