import type { Unit } from '../ingest/plan.js';
import type { PayMethod, SalaryBasis } from '../schema/pay.js';
import type { Field } from '../schema/fields.js';
import type { PayPeriod } from '../schema/pay.js';
import type { Band } from '../metrics/quarters.js';
import type { FigureKey, FigureState } from './status.js';
import type { Decomposition } from './decomposition.js';

/**
 * The report model (METHOD §13): schemaVersion 1. It is computed once and every renderer reads
 * it; JSON output is this object as it stands (unrounded). Fields may be added; none may be
 * renamed or dropped without a new schemaVersion.
 */
export const SCHEMA_VERSION = 1;

export interface Report {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: 'paygap'; readonly version: string };
  /**
   * The organisation the report is about (--organisation-name, or organisationName in the
   * config file), so that trend and benchmark can name it; null when not given. Added in
   * schemaVersion 1: reports made before it have no such field.
   */
  readonly organisation: { readonly name: string } | null;
  readonly input: InputRead;
  /** Several files, or an organisation column (METHOD §16.3): each file read. Absent otherwise; an added field. */
  readonly inputs?: readonly InputFile[];
  readonly snapshotDate: string | null;
  readonly method: Method;
  readonly population: Population;
  readonly characteristics: readonly CharacteristicReport[];
  /** --intersect: combinations of two views' groups, e.g. Female × BME (empty if not asked for). */
  readonly intersections: readonly IntersectionReport[];
  /** --within: every figure inside each staff group, grade or band (empty if not asked for). */
  readonly breakdowns: readonly Breakdown[];
  /** The GOV.UK gender pay gap service's 14 figures (null without a sex column). */
  readonly govukSubmission: GovukSubmission | null;
  /** What disclosure control did (null until it has run). */
  readonly disclosureControl: DisclosureControl | null;
  readonly warnings: readonly string[];
}

/** What was read: one file, or several as one (METHOD §16.3). */
export interface InputRead {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The field delimiter read (detected from the header unless given); "" for a workbook. */
  readonly delimiter: string;
  /** The text encoding read ("utf8" for a workbook, whose XML is UTF-8). */
  readonly encoding: string;
  /** A workbook (.xlsx): the sheet read. Absent for CSV. An added field (schemaVersion 1 still). */
  readonly sheet?: string;
  /** A workbook: the row the header was found on (rows above it are titles). Absent for CSV. */
  readonly headerRow?: number;
}

/** One file of a report of several (METHOD §16.3). */
export interface InputFile extends InputRead {
  /** The file's organisation label; null when each row's organisation is read from a column. */
  readonly organisation: string | null;
  /** Field → the header it was read from in this file (files may name columns differently). */
  readonly columns: Partial<Record<Field, string>>;
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsInvalid: number;
}

/**
 * What disclosure control did (METHOD §8): the rule applied, K, and how many cells were
 * withheld for being small and to protect other cells, with the cells withheld to protect
 * others listed (table, group, figures).
 */
export interface DisclosureControl {
  /** audit: the linear audit guarantees no withheld figure or small total can be worked out; conservative: the fallback for reports too large to audit; off: --min-group-size 0. */
  readonly rule: 'audit' | 'conservative' | 'off';
  readonly minGroupSize: number;
  /** Atoms (groups of people sharing every classification the report uses) and rounds of the audit. */
  readonly atoms: number;
  readonly rounds: number;
  /** Cells (a group's pay figures, or its bonus figures, in one table) withheld, by reason. */
  readonly cellsWithheld: { readonly smallGroup: number; readonly protectingOthers: number };
  readonly protecting: readonly WithheldCell[];
}

export interface WithheldCell {
  /** "headline", "intersection" or "within <column>". */
  readonly section: string;
  readonly subgroup?: string;
  readonly characteristic: string;
  readonly view: string;
  readonly group: string;
  readonly figures: 'pay' | 'bonus';
}

export type { GovukFigure, GovukNote, GovukRefusal, GovukSubmission } from './govuk-model.js';
import type { GovukSubmission } from './govuk-model.js';

/** A cell withheld by complementary suppression (METHOD §8.3). */
export interface Withheld {
  readonly subgroup?: string;
  readonly characteristic: string;
  readonly view: string;
  readonly group: string;
  readonly figures: 'pay' | 'bonus';
}

export interface IntersectionReport extends CharacteristicReport {
  /** The two headline views crossed, as "characteristic/view". */
  readonly axes: readonly [string, string];
  /** positions[i][j]: the group made of the first view's group i and the second's group j. */
  readonly positions: readonly (readonly number[])[];
  readonly withheld: readonly Withheld[];
}

export interface Composition {
  readonly characteristic: string;
  readonly view: string;
  readonly title: string;
  readonly rows: readonly {
    readonly subgroup: string;
    readonly groups: readonly {
      readonly group: string;
      /** Full-pay employees of the group in the subgroup. */
      readonly headcount: number;
      /** Share of the subgroup's full-pay employees. */
      readonly percentOfSubgroup: number | null;
      /** Share of the group's full-pay employees (all subgroups) found in this subgroup. */
      readonly percentOfGroup: number | null;
    }[];
  }[];
}

export interface Breakdown {
  /** The column (or columns crossed, joined by " × ") each subgroup is a value of. */
  readonly within: string;
  /** The columns crossed, as named (`--within Org L3`: ["Org L3"]; `--explain band,staffGroup`: two). An added field. */
  readonly columns: readonly string[];
  /**
   * With a pay scheme: the grades no rule maps (METHOD §5.9), in the subgroup "(not mapped)",
   * each with its number of relevant employees, most first; empty otherwise. An added field.
   */
  readonly unmappedGrades: readonly { readonly grade: string; readonly people: number }[];
  readonly subgroups: readonly {
    readonly subgroup: string;
    readonly relevantEmployees: number;
    readonly fullPayEmployees: number;
    readonly characteristics: readonly CharacteristicReport[];
  }[];
  readonly composition: readonly Composition[];
  readonly withheld: readonly Withheld[];
}

export interface Method {
  readonly payMethod: PayMethod;
  readonly payMethodReason: string;
  readonly unit: Unit;
  readonly unitReason: string;
  readonly minGroupSize: number;
  readonly payPeriod: PayPeriod;
  readonly daysInPeriod: number;
  readonly salaryBasis: SalaryBasis;
  /** Decimal places hourly pay is rounded to before ranking. */
  readonly hourlyPayDecimals: 4;
  readonly fullPayColumn: boolean;
  readonly bonusColumn: boolean;
  /** Field → the header it was read from (for bonus pay summed from several columns, the first). */
  readonly columns: Partial<Record<Field, string>>;
  /**
   * Every column bonus pay is read from, summed per assignment when there are several
   * (METHOD §1.11): `--map bonusPay="Local CEA" --map bonusPay="National CEA"`. One header
   * usually; empty without a bonus column. An added field (schemaVersion 1 still).
   */
  readonly bonusColumns: readonly string[];
  /**
   * Where each setting that can change a figure came from, by setting name (the config
   * file's key, e.g. "payMethod", "minGroupSize"). An added field (schemaVersion 1 still);
   * empty when a report is built without the command line.
   */
  readonly settingSources: Readonly<Record<string, SettingSource>>;
}

/**
 * Where a setting came from: the built-in default, the config file (named as given, e.g.
 * "paygap.config.json"), the command line, or both (lists such as map, whose entries combine).
 */
export type SettingSource =
  | { readonly from: 'default' }
  | { readonly from: 'config'; readonly file: string }
  | { readonly from: 'command line' }
  | { readonly from: 'config and command line'; readonly file: string };

export interface Exclusion {
  readonly reason: string;
  readonly count: number;
  /** What is being counted and from what: "rows" left out of every figure, "units" left out of hourly pay figures. */
  readonly stage: 'invalid-row' | 'row-not-used' | 'not-full-pay';
}

export interface Population {
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsInvalid: number;
  /** Valid rows that became (part of) a unit: rowsValid minus rows not used by design. */
  readonly assignmentsUsed: number;
  readonly relevantEmployees: number;
  readonly fullPayEmployees: number;
  readonly exclusions: readonly Exclusion[];
}

export interface QuartileCell {
  readonly count: number | null;
  readonly percent: number | null;
}

export interface BonusFigures {
  readonly recipients: number | null;
  readonly receivingPercent: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  readonly meanGapPercent: number | null;
  readonly medianGapPercent: number | null;
}

export interface GroupReport {
  readonly group: string;
  readonly reference: boolean;
  readonly comparable: boolean;
  /** Full-pay relevant employees in the group. */
  readonly headcount: number;
  /** Relevant employees in the group. */
  readonly relevantHeadcount: number;
  readonly meanHourlyPay: number | null;
  readonly medianHourlyPay: number | null;
  readonly meanGapPercent: number | null;
  readonly medianGapPercent: number | null;
  /** Reference group's mean hourly pay minus the group's, £ per hour (METHOD §6.7): shown exactly when the mean gap is. */
  readonly meanPayDifference: number | null;
  /** The same for the medians: shown exactly when the median gap is. */
  readonly medianPayDifference: number | null;
  readonly bonus: BonusFigures;
  readonly quartiles: Readonly<Record<Band, QuartileCell>>;
  /** --ci: bootstrap intervals for the gaps; null when not asked for or not computable. */
  readonly confidence: Confidence | null;
  /**
   * Every figure that is not shown, by key: its status and reason code (METHOD §8). A figure
   * with no entry is shown. Renderers make the words; the JSON carries both.
   */
  readonly status: Readonly<Partial<Record<FigureKey, FigureState>>>;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
  /** False when the interval spans 0: "not distinguishable from no gap at this sample size". */
  readonly distinguishable: boolean;
}

export interface Confidence {
  readonly level: number;
  readonly resamples: number;
  readonly meanGapPercent: Interval | null;
  readonly medianGapPercent: Interval | null;
}

export interface CharacteristicReport {
  readonly characteristic: string;
  readonly view: string;
  readonly title: string;
  readonly referenceGroup: string;
  readonly quartileSizes: Readonly<Record<Band, number>>;
  readonly disclosure: { readonly disclosed: number; readonly notDisclosed: number; readonly ratePercent: number | null };
  /** Units left out of this view entirely (e.g. sex not recorded), by reason. */
  readonly excluded: readonly { readonly reason: string; readonly relevant: number; readonly fullPay: number }[];
  readonly groups: readonly GroupReport[];
  /** --explain: the mean gaps split into parts (METHOD §17), for headline views and intersections. An added field. */
  readonly decomposition?: Decomposition | undefined;
}
