import { DataError, excerpt, warning, type Warning } from '../errors.js';
import { FIELD_INFO, normaliseHeader, type Field } from '../schema/fields.js';
import { headersFound, headersOf, type ColumnMap } from '../schema/headers.js';
import { lookAlikeWarnings, missingColumn, perhaps, type Planning } from './plan-columns.js';
import { planClassifiers, type Classifier, type Within } from './classifiers.js';

export { WITHIN, type BuiltInWithin, type Classifier, type Within } from './classifiers.js';
import type { Requirements } from '../schema/row-schema.js';
import type { PayMethod, SalaryBasis } from '../schema/pay.js';
import type { Characteristic, ExtraCharacteristic } from '../schema/characteristics.js';

export const UNITS = ['person', 'assignment', 'primary'] as const;
export type Unit = (typeof UNITS)[number];
/** An extra characteristic found in the file. */
export interface PlannedExtra extends ExtraCharacteristic {
  /** The column it is read from. */
  readonly index: number;
}

export interface PlanOptions {
  readonly payMethod: PayMethod | 'auto';
  /** Undefined: person when the file has employee numbers, else assignment. */
  readonly unit?: Unit | undefined;
  /** Undefined: every base characteristic whose column is present. */
  readonly by?: readonly Characteristic[] | undefined;
  readonly salaryBasis: SalaryBasis;
  /** --within: the column each figure is broken down by. */
  readonly within?: Within | undefined;
  /** --explain: the columns whose cross-classification explains the mean gaps. */
  readonly explain?: readonly Within[] | undefined;
  /** Characteristics an --intersect needs (added to those reported). */
  readonly intersecting?: readonly Characteristic[] | undefined;
  readonly extra?: readonly ExtraCharacteristic[] | undefined;
  /**
   * The config file an explicit pay method or unit was set in, so the plan's reasons name it
   * ("chosen in paygap.config.json (payMethod)"); undefined: the command line.
   */
  readonly chosenIn?: { readonly payMethod?: string | undefined; readonly unit?: string | undefined } | undefined;
}

/** What this run will do with this file, decided once from its headers and the options. */
export interface RunPlan {
  readonly payMethod: PayMethod;
  readonly payMethodReason: string;
  readonly unit: Unit;
  readonly unitReason: string;
  readonly characteristics: readonly Characteristic[];
  /** Custom characteristics and age bands, in the order asked for. */
  readonly extra: readonly PlannedExtra[];
  /** --within and --explain columns by the name given. */
  readonly classifiers: ReadonlyMap<string, Classifier>;
  /** The free-text columns each row is read for: the extra characteristics, then --within and --explain columns. */
  readonly textColumns: readonly { readonly index: number; readonly name: string }[];
  readonly requirements: Requirements;
  /**
   * The fields this run reads and validates. Columns it does not use are not validated, so
   * (say) an unreadable Annual Salary does not drop a row reported by hourly rate.
   */
  readonly fields: readonly Field[];
  readonly hasFullPayColumn: boolean;
  readonly hasBonusColumn: boolean;
  /** The columns bonus pay is read from: one, or several summed per row (METHOD §1.11); none without a bonus column. */
  readonly bonusColumns: readonly string[];
  readonly warnings: readonly Warning[];
}

const PAY_METHOD_FIELDS: Readonly<Record<PayMethod, readonly Field[]>> = {
  'hourly-rate': ['hourlyRate'],
  'period-pay': ['periodPay', 'contractedHours'],
  'annual-salary': ['annualSalary'],
};

function requireKnownHeaders(columns: ColumnMap): void {
  if (columns.index.size === 0) {
    throw new DataError('none of the headers is one paygap knows, so this does not look like an ESR export', [
      headersFound(columns.headers, ' (line 1)'),
      'is the first line the header? run `paygap columns` for the headers paygap accepts, and use --map field=Header for others',
    ]);
  }
}

/** The first pay method whose columns the file has: hourly rate, then period pay, then annual salary. */
function automaticPayMethod({ columns, has }: Planning): { payMethod: PayMethod; payMethodReason: string } {
  const found = (['hourly-rate', 'period-pay', 'annual-salary'] as const).find((m) => PAY_METHOD_FIELDS[m].every(has));
  if (found === undefined) {
    const lines = [
      headersFound(columns.headers),
      `hourly-rate needs one of: ${FIELD_INFO.hourlyRate.aliases.join(', ')}`,
      `period-pay needs one of: ${FIELD_INFO.periodPay.aliases.join(', ')}; and one of: ${FIELD_INFO.contractedHours.aliases.join(', ')}`,
      `annual-salary needs one of: ${FIELD_INFO.annualSalary.aliases.join(', ')}`,
      ...perhaps(columns, ['hourlyRate', 'periodPay', 'contractedHours', 'annualSalary']),
      'if your pay column has another name, map it, e.g. --map hourlyRate="Rate Per Hour"',
    ];
    throw new DataError('no pay column: paygap needs an hourly rate, period pay with contracted hours, or an annual salary', lines);
  }
  const headers = PAY_METHOD_FIELDS[found].map((f) => `"${columns.header.get(f)}"`).join(' and ');
  return { payMethod: found, payMethodReason: `chosen automatically: the file has ${headers}` };
}

/** The pay method asked for (on the command line or in the config file) or found, and the columns it requires. */
function choosePayMethod(p: Planning, options: PlanOptions): { payMethod: PayMethod; payMethodReason: string } {
  let chosen: { payMethod: PayMethod; payMethodReason: string };
  if (options.payMethod === 'auto') chosen = automaticPayMethod(p);
  else {
    const payMethod = options.payMethod;
    const file = options.chosenIn?.payMethod;
    chosen = { payMethod, payMethodReason: file === undefined ? `chosen with --pay-method ${payMethod}` : `chosen in ${file} (payMethod)` };
    if (!PAY_METHOD_FIELDS[payMethod].every(p.has)) throw missingColumn(PAY_METHOD_FIELDS[payMethod], `--pay-method ${payMethod} needs it`, p.columns);
  }
  for (const field of PAY_METHOD_FIELDS[chosen.payMethod]) p.required.set(field, `a value is required for the ${chosen.payMethod} pay method`);
  if (chosen.payMethod === 'annual-salary' && options.salaryBasis === 'actual') {
    if (!p.has('contractedHours')) throw missingColumn(['contractedHours'], '--salary-basis actual divides by contracted hours', p.columns);
    p.required.set('contractedHours', 'a value is required: --salary-basis actual divides by contracted hours');
  }
  return chosen;
}

/** What is counted: as asked, else people when the file has employee numbers; and the columns that needs. */
function chooseUnit(p: Planning, options: PlanOptions): { unit: Unit; unitReason: string } {
  let unit: Unit;
  let unitReason: string;
  if (options.unit === undefined) {
    unit = p.has('employeeNumber') ? 'person' : 'assignment';
    unitReason = p.has('employeeNumber')
      ? 'default: assignments are combined into people by employee number'
      : 'default when the file has no employee number: each row is counted separately';
  } else {
    unit = options.unit;
    const file = options.chosenIn?.unit;
    unitReason = file === undefined ? `chosen with --unit ${unit}` : `chosen in ${file} (unit)`;
  }
  if (unit === 'person') {
    if (!p.has('employeeNumber')) throw missingColumn(['employeeNumber'], '--unit person groups rows by employee number', p.columns);
    p.required.set('employeeNumber', 'a value is required to combine assignments into people');
  }
  if (unit === 'primary') {
    if (!p.has('primaryAssignment')) throw missingColumn(['primaryAssignment'], '--unit primary needs the primary flag', p.columns);
    p.required.set('primaryAssignment', 'a value is required for --unit primary');
  }
  return { unit, unitReason };
}

/** --by, else every base characteristic with a column (a missing one is warned about), plus those --intersect needs. */
function chooseCharacteristics(p: Planning, options: PlanOptions): Characteristic[] {
  let characteristics: Characteristic[];
  if (options.by !== undefined) {
    for (const c of options.by) if (!p.has(c)) throw missingColumn([c], `--by ${c} needs it`, p.columns);
    characteristics = [...options.by];
  } else {
    characteristics = [];
    for (const c of ['sex', 'ethnicity', 'disability'] as const) {
      if (p.has(c)) characteristics.push(c);
      else p.warnings.push(warning('no-characteristic-column', `no ${c} column (accepted headers: ${FIELD_INFO[c].aliases.join(', ')}): ${c} figures are skipped`));
    }
    if (characteristics.length === 0) {
      throw missingColumn(['sex', 'ethnicity', 'disability'], 'at least one characteristic is needed', p.columns);
    }
  }
  for (const c of options.intersecting ?? []) {
    if (!p.has(c)) throw missingColumn([c], `--intersect ${c} needs it`, p.columns);
    if (!characteristics.includes(c)) characteristics.push(c);
  }
  return characteristics;
}

/** The fields the figures read, before extra characteristics and classifications: pay, hours, bonus, characteristics, unit. */
function fieldsUsed(payMethod: PayMethod, unit: Unit, characteristics: readonly Characteristic[]): Set<Field> {
  const used = new Set<Field>([...PAY_METHOD_FIELDS[payMethod], 'contractedHours', 'bonusPay', 'fullPay', ...characteristics]);
  if (payMethod === 'annual-salary') used.add('fte');
  if (unit === 'person') used.add('employeeNumber');
  if (unit === 'primary') used.add('primaryAssignment');
  // Assignment numbers are read to catch the same assignment exported twice.
  used.add('assignmentNumber');
  return used;
}

/** --characteristic and --age: the column each is read from (adding the fields they use). */
function planExtras(p: Planning, extra: readonly ExtraCharacteristic[], used: Set<Field>): PlannedExtra[] {
  return extra.map((x) => {
    if (x.kind === 'age') {
      if (!p.has('dateOfBirth')) throw missingColumn(['dateOfBirth'], 'age bands are worked out from date of birth', p.columns);
      used.add('dateOfBirth').add('primaryAssignment');
      return { ...x, index: p.columns.index.get('dateOfBirth') as number };
    }
    const index = p.columns.normalised.indexOf(normaliseHeader(x.header ?? ''));
    if (index === -1) {
      throw new DataError(`missing column ${excerpt(x.header ?? '')} for the characteristic ${x.name}`, [headersFound(p.columns.headers)]);
    }
    used.add('primaryAssignment');
    return { ...x, index };
  });
}

/** What this run will do with this file: each step checks the columns it needs, in this order. */
export function planRun(columns: ColumnMap, options: PlanOptions): RunPlan {
  requireKnownHeaders(columns);
  const p: Planning = { columns, has: (f) => columns.index.has(f), required: new Map(), warnings: [] };
  const { payMethod, payMethodReason } = choosePayMethod(p, options);
  const { unit, unitReason } = chooseUnit(p, options);
  const characteristics = chooseCharacteristics(p, options);
  if (!p.has('fullPay')) {
    p.warnings.push(warning('no-full-pay-column', 'no Full Pay column: everyone with positive hourly pay counts as a full-pay relevant employee'));
  }
  if (!p.has('bonusPay')) {
    p.warnings.push(
      warning('no-bonus-column', `no bonus column (accepted headers: ${FIELD_INFO.bonusPay.aliases.join(', ')}): no bonus figure can be worked out, and none is given`),
    );
  }
  const used = fieldsUsed(payMethod, unit, characteristics);
  // Mapped with --map organisation=Header: every row's organisation, part of its people's key (METHOD §16.1).
  if (p.has('organisation')) {
    used.add('organisation');
    p.required.set('organisation', 'a value is required: each row belongs to an organisation (--map organisation=…)');
  }
  const extra = planExtras(p, options.extra ?? [], used);
  const classifiers = planClassifiers(p, options, used, extra.length);
  // One by one: a header of 200,000 look-alike columns is more than a spread into one call can take.
  for (const w of lookAlikeWarnings(columns, [...extra, ...classifiers.flatMap((c) => (c.kind === 'column' ? [c] : []))])) p.warnings.push(w);
  return {
    payMethod,
    payMethodReason,
    unit,
    unitReason,
    characteristics,
    extra,
    classifiers: new Map(classifiers.map((c) => [c.name, c])),
    textColumns: [...extra, ...classifiers.flatMap((c) => (c.kind === 'column' ? [{ index: c.index, name: c.header }] : []))],
    requirements: { present: new Set(columns.index.keys()), required: p.required },
    fields: [...used].filter(p.has),
    hasFullPayColumn: p.has('fullPay'),
    hasBonusColumn: p.has('bonusPay'),
    bonusColumns: headersOf(columns, 'bonusPay'),
    warnings: p.warnings,
  };
}

