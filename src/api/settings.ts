import type { Field } from '../schema/fields.js';
import type { Characteristic } from '../schema/characteristics.js';
import type { PayMethod, PayPeriod, SalaryBasis } from '../schema/pay.js';
import type { Unit, Within } from '../ingest/plan.js';
import type { Encoding } from '../io/encoding.js';
import type { Target } from '../report/targets.js';
import type { PayScheme } from '../schema/codes/pay-schemes.js';

/**
 * The settings of `analyse`: the config file's keys, with the same JSON values (README: The
 * config file), checked by the same schema (a wrong key or value throws a UsageError naming
 * it), plus `strict`. Every key is optional; what is not given takes the command's default.
 * A test checks that these keys are exactly the option table's config keys.
 */
export interface AnalyseSettings {
  /** Characteristics to report (default: those whose columns are present). */
  readonly by?: readonly Characteristic[];
  readonly unit?: Unit;
  readonly payMethod?: PayMethod | 'auto';
  readonly payPeriod?: PayPeriod;
  readonly salaryBasis?: SalaryBasis;
  /** YYYY-MM-DD: the date the export describes (needed for `age`). */
  readonly snapshotDate?: string;
  /**
   * Field → the header to read it from, e.g. `{ hourlyRate: 'Rate Per Hour' }`; bonusPay may
   * have several, summed per assignment (`{ bonusPay: ['Local CEA', 'National CEA'] }`).
   */
  readonly map?: Readonly<Partial<Record<Field, string | readonly string[]>>>;
  /** Characteristics from any column. */
  readonly characteristics?: readonly { readonly name: string; readonly column: string; readonly reference?: string; readonly undisclosed?: readonly string[] }[];
  /** Age bands from Date of Birth at `snapshotDate`. */
  readonly age?: boolean;
  /** One character, comma, semicolon, tab, pipe or auto. */
  readonly delimiter?: string;
  readonly encoding?: Encoding;
  /** The sheet of an Excel workbook to read (default: the first). */
  readonly sheet?: string;
  /** Withhold figures for groups of fewer than this many people (default 10; 0: off). */
  readonly minGroupSize?: number;
  /** A breakdown: staffGroup, grade, band, payScheme or any column's header. */
  readonly within?: Within;
  /**
   * Split each mean gap into composition, pay within cells and cells with one group only
   * (METHOD §17), over the cells of these columns crossed: e.g. `['band']` or `['band', 'staffGroup']`.
   */
  readonly explain?: readonly Within[];
  /** Grade → pay scheme, overriding the built-in mapping for `within: 'payScheme'`, e.g. `{ 'VSM 1': 'Other' }`. */
  readonly paySchemes?: Readonly<Record<string, PayScheme>>;
  /** Intersections, e.g. `['sex,ethnicity']`. */
  readonly intersect?: readonly string[];
  /** Bootstrap confidence level for the gaps, e.g. 95. */
  readonly ci?: number;
  readonly resamples?: number;
  readonly seed?: number;
  /** View → reference group, e.g. `{ sex: 'Female' }`. */
  readonly referenceGroups?: Readonly<Record<string, string>>;
  /** The organisation's name, recorded in the report (`organisation`). */
  readonly organisationName?: string;
  /**
   * Improvement-plan targets, checked as in the config file; their progress is shown by
   * `paygap trend` and `paygap report --previous`, not by `analyse`.
   */
  readonly targets?: readonly Target[];
  /** Any invalid row throws a DataError instead of being left out. */
  readonly strict?: boolean;
}
