import { Random } from '../metrics/random.js';
import {
  CLINICAL_EXCELLENCE_AWARDS,
  DISABILITY_VALUES,
  ETHNIC_ORIGINS,
  PART_TIME_HOURS,
  RECOGNITION_PAYMENTS,
  STAFF_GROUPS,
  type Grade,
  type StaffGroup,
} from './workforce.js';

/**
 * A synthetic ESR-style export, one row per assignment, generated from a seed: the same
 * rows and seed give the same file, byte for byte. It has what makes real exports hard:
 * many people on one pay point (quartile ties), part-time hours, people with two
 * assignments, reduced pay because of leave, Clinical Excellence Awards, undisclosed and
 * blank characteristic codes, and money written as "£29,970.00". No real person's data.
 */
export const SAMPLE_HEADERS = [
  'Employee Number',
  'Assignment Number',
  'Primary Flag',
  'Staff Group',
  'Grade',
  'Gender',
  'Ethnic Origin',
  'Disability',
  'Date of Birth',
  'Contracted Hours',
  'FTE',
  'Annual Salary',
  'Hourly Rate',
  'Ordinary Pay',
  'Bonus Pay',
  'Full Pay',
];

export interface SampleOptions {
  readonly rows: number;
  readonly seed: number;
  /**
   * The snapshot year: ages are counted at it (a person is 20 to 67), and the skews that make
   * the gaps are scaled by `gapScale(year)`, so a run of years shows gaps narrowing. 2025 (the
   * default) leaves them as they are, so the bundled sample is unchanged.
   */
  readonly snapshotYear?: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKS_PER_YEAR = 365 / 7;
const pennies = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);
const BME_START = ETHNIC_ORIGINS.findIndex(([label]) => label.startsWith('D '));

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

interface Person {
  readonly group: StaffGroup;
  readonly female: boolean;
  readonly sex: string;
  readonly ethnicity: string;
  readonly minority: boolean;
  readonly disability: string;
  readonly birth: string;
}

function choosePerson(random: Random, year: number): Person {
  const group = random.weighted(STAFF_GROUPS.map((g) => [g, g.weight] as const));
  const female = random.chance(group.female);
  const sex = random.chance(0.002) ? '' : female ? 'Female' : 'Male';
  const ethnicIndex = random.weighted(ETHNIC_ORIGINS.map(([, w], i) => [i, w] as const));
  const ethnicity = ETHNIC_ORIGINS[ethnicIndex][0];
  const minority = ethnicIndex >= BME_START && ethnicIndex < ETHNIC_ORIGINS.length - 3;
  const disability = random.weighted(DISABILITY_VALUES);
  const age = 20 + random.int(48);
  const birth = `${String(1 + random.int(28)).padStart(2, '0')}-${random.pick(MONTHS)}-${year - age}`;
  return { group, female, sex, ethnicity, minority, disability, birth };
}

/**
 * How strongly the year's workforce is skewed: 1 in 2025, 20% more for each year before it
 * and 20% less for each year after (none from 2030 on).
 *
 * @example gapScale(2025) // 1; gapScale(2022) // 1.6
 */
export const gapScale = (year: number): number => Math.max(0, 1 - 0.2 * (year - 2025));

/** Men are more often in senior grades and minority ethnic staff less often: the gaps a report should find. */
function chooseGrade(random: Random, person: Person, scale: number): Grade {
  return random.weighted(
    person.group.grades.map((grade) => {
      const sexSkew = person.female ? 1 : 1 + 2 * grade.seniority * scale;
      const ethnicSkew = person.minority ? Math.max(0.05, 1 - 0.45 * grade.seniority * scale) : 1;
      return [grade, grade.weight * sexSkew * ethnicSkew] as const;
    }),
  );
}

function assignmentRow(random: Random, person: Person, employee: string, n: number, primary: boolean, scale: number): string {
  const grade = primary ? chooseGrade(random, person, scale) : random.pick(person.group.grades.slice(0, 2));
  const salary = random.pick(grade.points);
  const partTimeChance = person.group.partTime * (person.female ? 1.25 : 0.5);
  const hours = !primary ? random.pick([7.5, 11.25, 15]) : random.chance(partTimeChance) ? random.pick(PART_TIME_HOURS) : grade.fullTimeHours;
  const fte = Math.round((hours / grade.fullTimeHours) * 10_000) / 10_000;
  const hourlyRate = salary / WEEKS_PER_YEAR / grade.fullTimeHours;
  // 2.5% on reduced pay because of leave (half pay), a few on nil pay.
  const leave = primary ? random.weighted([['none', 97.5], ['half', 2], ['nil', 0.5]] as const) : 'none';
  const monthly = (salary * fte) / 12;
  const ordinaryPay = leave === 'none' ? monthly : leave === 'half' ? monthly / 2 : 0;
  let bonus = 0;
  if (primary) {
    if (grade.esr === 'Consultant' && random.chance(0.55 + (person.female ? -0.1 : 0.05))) bonus = random.pick(CLINICAL_EXCELLENCE_AWARDS);
    else if (grade.esr === 'Specialty Doctor' && random.chance(0.1)) bonus = random.pick(CLINICAL_EXCELLENCE_AWARDS.slice(0, 3));
    else if (random.chance(0.015)) bonus = random.pick(RECOGNITION_PAYMENTS);
  }
  const salaryText = random.chance(0.05) ? `£${salary.toLocaleString('en-GB', { minimumFractionDigits: 2 })}` : pennies(salary);
  return [
    employee,
    `${employee}-${n}`,
    primary ? 'Y' : 'N',
    person.group.name,
    grade.esr,
    person.sex,
    person.ethnicity,
    person.disability,
    person.birth,
    String(hours),
    String(fte),
    salaryText,
    pennies(hourlyRate),
    pennies(ordinaryPay),
    bonus > 0 ? pennies(bonus) : '0',
    leave === 'none' ? 'Y' : 'N',
  ]
    .map(csvField)
    .join(',');
}

/**
 * The export as lines (CRLF, as ESR writes on Windows), header first, exactly `rows` data
 * rows. A generator, so any size streams in bounded memory.
 */
export function* sampleLines(options: SampleOptions): Generator<string> {
  const random = new Random(options.seed);
  const year = options.snapshotYear ?? 2025;
  yield `${SAMPLE_HEADERS.join(',')}\r\n`;
  let written = 0;
  let employee = 10_000_000 + random.int(1_000_000);
  while (written < options.rows) {
    employee += 1 + random.int(7);
    const person = choosePerson(random, year);
    const id = String(employee);
    const assignments = written + 1 < options.rows && random.chance(0.09) ? 2 : 1;
    for (let n = 1; n <= assignments; n++) {
      yield `${assignmentRow(random, person, id, n, n === 1, gapScale(year))}\r\n`;
      written++;
    }
  }
}
