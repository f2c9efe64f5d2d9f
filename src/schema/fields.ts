/**
 * The input fields paygap understands and the ESR-style headers (aliases) that name them.
 *
 * Headers are compared after normalisation (see `normaliseHeader`), so `Employee No`,
 * `employee_no` and `EMPLOYEE-NO.` all match the alias `Employee No`.
 * The first alias listed is the canonical ESR header; aliases are tried in order, so a
 * file with both `Annual Salary` and `Salary` uses `Annual Salary`.
 */
export const FIELDS = [
  'employeeNumber',
  'assignmentNumber',
  'primaryAssignment',
  'sex',
  'ethnicity',
  'disability',
  'hourlyRate',
  'periodPay',
  'annualSalary',
  'contractedHours',
  'fte',
  'bonusPay',
  'fullPay',
  'staffGroup',
  'grade',
  'dateOfBirth',
  'organisation',
] as const;

export type Field = (typeof FIELDS)[number];

export interface FieldInfo {
  readonly aliases: readonly string[];
  readonly description: string;
  /**
   * Words that make an unused column look like this field (METHOD §1.2, rule 5): tested on
   * the header in lower case with its words apart (`Contracted_Hours_per_Week`,
   * `ContractedHoursPerWeek` → `contracted hours per week`). None: never suggested.
   */
  readonly looksLike?: RegExp;
}

export const FIELD_INFO: Readonly<Record<Field, FieldInfo>> = {
  employeeNumber: {
    aliases: ['Employee Number', 'Employee No', 'Staff Number', 'Person Number'],
    description: 'groups assignments into people (needed for --unit person)',
  },
  assignmentNumber: {
    aliases: ['Assignment Number', 'Assignment No'],
    description: 'identifies an assignment (optional)',
  },
  primaryAssignment: {
    aliases: ['Primary', 'Primary Assignment', 'Primary Flag'],
    description: 'Y/N: the primary assignment (needed for --unit primary)',
    looksLike: /\bprimary\b/,
  },
  sex: {
    aliases: ['Gender', 'Sex', 'Legal Sex'],
    description: 'Male/Female/M/F; anything else is "Not recorded"',
    looksLike: /\b(sex|gender)\b/,
  },
  ethnicity: {
    aliases: ['Ethnic Origin', 'Ethnicity', 'Ethnic Category'],
    description: 'NHS ethnic category code and label, e.g. "A White - British", "Z Not Stated"',
    looksLike: /\bethnic/,
  },
  disability: {
    aliases: ['Disability', 'Disability Flag', 'Disabled'],
    description: 'Yes/No/Y/N, Not Declared, Prefer not to say, Unspecified or blank',
    looksLike: /\bdisab/,
  },
  hourlyRate: {
    aliases: ['Hourly Rate', 'Hourly Pay', 'Basic Hourly Rate'],
    description: '£ per hour',
    looksLike: /\bhourly\b|\brate\b/,
  },
  periodPay: {
    aliases: ['Ordinary Pay', 'Period Pay'],
    description: 'ordinary pay in the pay period containing the snapshot date',
    looksLike: /\bpay\b/,
  },
  annualSalary: {
    aliases: ['Annual Salary', 'Annual Salary Value', 'Salary'],
    description: 'whole-time-equivalent salary for the grade step (see --salary-basis)',
    looksLike: /\bsalary\b/,
  },
  contractedHours: {
    aliases: ['Contracted Hours', 'Normal Hours', 'Weekly Hours'],
    description: 'contracted hours per week',
    looksLike: /\bhours?\b/,
  },
  fte: {
    aliases: ['FTE', 'WTE', 'Contracted WTE'],
    description: 'fraction of full time, e.g. 0.8',
    looksLike: /\b(fte|wte)\b/,
  },
  bonusPay: {
    aliases: ['Bonus Pay', 'Bonus', 'Bonus Paid'],
    description: 'bonus paid in the 12 months to the snapshot date (Clinical Excellence Awards count)',
    looksLike: /\bbonus|\bcea\b|\bclinical excellence\b/,
  },
  fullPay: {
    aliases: ['Full Pay'],
    description: 'Y/N: N means reduced or nil pay because of leave in the pay period',
    looksLike: /\bfull pay\b/,
  },
  staffGroup: {
    aliases: ['Staff Group'],
    description: 'e.g. Medical and Dental, Nursing and Midwifery Registered',
    looksLike: /\bstaff group\b/,
  },
  grade: {
    aliases: ['Grade', 'Pay Band', 'Band', 'Pay Scale'],
    description: 'e.g. Band 5, NHS|XR05|Review Body Band 5, Consultant',
    looksLike: /\b(grade|band)\b/,
  },
  dateOfBirth: {
    aliases: ['Date of Birth', 'DOB'],
    description: 'optional, for age bands',
    looksLike: /\b(birth|dob)\b/,
  },
  // No aliases and no look-alike: ESR's own "Organisation" column is the department within a
  // trust, not the employing organisation, so the column is read only when named (METHOD §16.1).
  organisation: {
    aliases: [],
    description: 'the employing organisation of each row, for a report of several organisations',
  },
};

/**
 * Plain lower-case ASCII letters and digits, which every step below leaves as they are. Tested
 * first because the Unicode patterns cost about 10 ns a character: seconds for the 40 MB
 * header of a file without a line end, or a 100 MB `--map` value.
 */
const PLAIN = /[^a-z0-9]/;

/** Lower-case and drop everything but letters and digits: `Employee No.` → `employeeno`. */
export function normaliseHeader(header: string): string {
  const lower = header.toLowerCase();
  return PLAIN.test(lower) ? lower.replace(/[^\p{L}\p{N}]/gu, '') : lower;
}

/**
 * The order in which a column's header is tested against the fields' `looksLike` words: the
 * more specific first, so "Bonus Pay Amount" looks like bonus pay rather than period pay and
 * "Pay Rate" like an hourly rate.
 */
export const LOOK_ALIKE_ORDER: readonly Field[] = [
  'bonusPay',
  'fullPay',
  'hourlyRate',
  'annualSalary',
  'contractedHours',
  'fte',
  'periodPay',
  'staffGroup',
  'grade',
  'sex',
  'ethnicity',
  'disability',
  'dateOfBirth',
  'primaryAssignment',
];

/** A header's words in lower case: `ContractedHoursPerWeek`, `Contracted_Hours` → `contracted hours…`. */
export function headerWords(header: string): string {
  if (!PLAIN.test(header)) return header;
  return header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The field an unused column's header looks like, if any (METHOD §1.2, rule 5). */
export function lookAlikeField(header: string): Field | undefined {
  const words = headerWords(header);
  return LOOK_ALIKE_ORDER.find((field) => FIELD_INFO[field].looksLike?.test(words) === true);
}

/**
 * Fields that may be read from several columns, summed per row (METHOD §1.11): bonus pay, as
 * Clinical Excellence Awards often sit in separate columns (`--map bonusPay="Local CEA"
 * --map bonusPay="National CEA"`).
 */
export const SUMMABLE_FIELDS: ReadonlySet<Field> = new Set<Field>(['bonusPay']);

/** Where `--map` reads a field from: one header, or several summed (a summable field only). */
export type MappedColumns = string | readonly string[];

export function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}
