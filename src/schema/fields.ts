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
] as const;

export type Field = (typeof FIELDS)[number];

export interface FieldInfo {
  readonly aliases: readonly string[];
  readonly description: string;
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
  },
  sex: {
    aliases: ['Gender', 'Sex', 'Legal Sex'],
    description: 'Male/Female/M/F; anything else is "Not recorded"',
  },
  ethnicity: {
    aliases: ['Ethnic Origin', 'Ethnicity', 'Ethnic Category'],
    description: 'NHS ethnic category code and label, e.g. "A White - British", "Z Not Stated"',
  },
  disability: {
    aliases: ['Disability', 'Disability Flag', 'Disabled'],
    description: 'Yes/No/Y/N, Not Declared, Prefer not to say, Unspecified or blank',
  },
  hourlyRate: {
    aliases: ['Hourly Rate', 'Hourly Pay', 'Basic Hourly Rate'],
    description: '£ per hour',
  },
  periodPay: {
    aliases: ['Ordinary Pay', 'Period Pay'],
    description: 'ordinary pay in the pay period containing the snapshot date',
  },
  annualSalary: {
    aliases: ['Annual Salary', 'Annual Salary Value', 'Salary'],
    description: 'whole-time-equivalent salary for the grade step (see --salary-basis)',
  },
  contractedHours: {
    aliases: ['Contracted Hours', 'Normal Hours', 'Weekly Hours'],
    description: 'contracted hours per week',
  },
  fte: {
    aliases: ['FTE', 'WTE', 'Contracted WTE'],
    description: 'fraction of full time, e.g. 0.8',
  },
  bonusPay: {
    aliases: ['Bonus Pay', 'Bonus', 'Bonus Paid'],
    description: 'bonus paid in the 12 months to the snapshot date (Clinical Excellence Awards count)',
  },
  fullPay: {
    aliases: ['Full Pay'],
    description: 'Y/N: N means reduced or nil pay because of leave in the pay period',
  },
  staffGroup: {
    aliases: ['Staff Group'],
    description: 'e.g. Medical and Dental, Nursing and Midwifery Registered',
  },
  grade: {
    aliases: ['Grade', 'Pay Band', 'Band', 'Pay Scale'],
    description: 'e.g. Band 5, NHS|XR05|Review Body Band 5, Consultant',
  },
  dateOfBirth: {
    aliases: ['Date of Birth', 'DOB'],
    description: 'optional, for age bands',
  },
};

/** Lower-case and drop everything but letters and digits: `Employee No.` → `employeeno`. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}
