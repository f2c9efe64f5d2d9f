/** The characteristics paygap reads from their own columns (METHOD §5.1). */
export const BASE_CHARACTERISTICS = ['sex', 'ethnicity', 'disability'] as const;
export type Characteristic = (typeof BASE_CHARACTERISTICS)[number];

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
