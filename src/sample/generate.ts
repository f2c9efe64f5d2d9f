import { Random, totalWeight } from '../metrics/random.js';
import { ByteSink } from './byte-sink.js';
import { label, numberText, pennies, poundsText, utf8Bytes } from './cell-text.js';
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
const SECOND_JOB_HOURS = [7.5, 11.25, 15];
const BME_START = ETHNIC_ORIGINS.findIndex(([name]) => name.startsWith('D '));
const COMMA = 44;
const DASH = 45;

const SEXES = ['', 'Female', 'Male'];

/** A pay point with its texts: salary as "29970.00" and "£29,970.00", and the hourly rate. */
interface PointPlan {
  readonly salary: number;
  readonly salaryText: string;
  readonly poundsText: string;
  readonly hourlyText: string;
}

/** Weekly hours with their text, and the FTE (and its text) they make in one grade. */
interface HoursPlan {
  readonly hours: number;
  readonly hoursText: string;
  readonly fte: number;
  readonly fteText: string;
}

/**
 * A grade ready to write: the bytes of its row's staff group and grade cells, "group,grade,",
 * and the texts of its pay points and of the hours its people work.
 */
interface GradePlan {
  readonly grade: Grade;
  readonly cells: Uint8Array;
  readonly points: readonly PointPlan[];
  readonly fullTime: HoursPlan;
  readonly partTime: readonly HoursPlan[];
  readonly secondJob: readonly HoursPlan[];
}

function hoursPlan(hours: number, grade: Grade): HoursPlan {
  const fte = Math.round((hours / grade.fullTimeHours) * 10_000) / 10_000;
  return { hours, hoursText: numberText(hours), fte, fteText: numberText(fte) };
}

function gradePlan(group: StaffGroup, grade: Grade): GradePlan {
  return {
    grade,
    cells: bytesOf(`${label(group.name)},${label(grade.esr)},`),
    points: grade.points.map((salary) => ({
      salary,
      salaryText: pennies(salary),
      poundsText: poundsText(salary),
      hourlyText: pennies(salary / WEEKS_PER_YEAR / grade.fullTimeHours),
    })),
    fullTime: hoursPlan(grade.fullTimeHours, grade),
    partTime: PART_TIME_HOURS.map((hours) => hoursPlan(hours, grade)),
    secondJob: SECOND_JOB_HOURS.map((hours) => hoursPlan(hours, grade)),
  };
}

/** A staff group ready to write: its grades, and the grade weights by sex and minority status. */
interface GroupPlan {
  readonly group: StaffGroup;
  readonly grades: readonly GradePlan[];
  /** Indexed by 2 × female + minority; each with its weights' total. */
  readonly tables: readonly { readonly entries: readonly (readonly [GradePlan, number])[]; readonly total: number }[];
}

const bytesOf = (byteString: string): Uint8Array => Buffer.from(byteString, 'latin1');

/**
 * How strongly the year's workforce is skewed: 1 in 2025, 20% more for each year before it
 * and 20% less for each year after (none from 2030 on).
 *
 * @example gapScale(2025) // 1; gapScale(2022) // 1.6
 */
export const gapScale = (year: number): number => Math.max(0, 1 - 0.2 * (year - 2025));

/** The staff groups ready to write, with their weights, for one year's skew. */
interface YearPlan {
  readonly groups: readonly (readonly [GroupPlan, number])[];
  readonly total: number;
}

/**
 * Men are more often in senior grades and minority ethnic staff less often, by `scale`: the
 * gaps a report should find. Weight tables and their totals are built once per year: the
 * entries, their order and so every draw are as when they were built for each row.
 */
function yearPlan(scale: number): YearPlan {
  const groups = STAFF_GROUPS.map((group) => {
    const grades = group.grades.map((grade) => gradePlan(group, grade));
    const tables = [false, true].flatMap((female) =>
      [false, true].map((minority) => {
        const entries = grades.map((plan) => {
          const sexSkew = female ? 1 : 1 + 2 * plan.grade.seniority * scale;
          const ethnicSkew = minority ? Math.max(0.05, 1 - 0.45 * plan.grade.seniority * scale) : 1;
          return [plan, plan.grade.weight * sexSkew * ethnicSkew] as const;
        });
        return { entries, total: totalWeight(entries) };
      }),
    );
    const plan: GroupPlan = { group, grades, tables };
    return [plan, group.weight] as const;
  });
  return { groups, total: totalWeight(groups) };
}

const ETHNIC_WEIGHTS = ETHNIC_ORIGINS.map(([, w], i) => [i, w] as const);
const DISABILITY_WEIGHTS = DISABILITY_VALUES.map(([, w], i) => [i, w] as const);
const LEAVE = [['none', 97.5], ['half', 2], ['nil', 0.5]] as const;
const ETHNIC_TOTAL = totalWeight(ETHNIC_WEIGHTS);
const DISABILITY_TOTAL = totalWeight(DISABILITY_WEIGHTS);
const LEAVE_TOTAL = totalWeight(LEAVE);

/** The bytes of the sex, ethnic origin and disability cells, "sex,ethnicity,disability,", by combination. */
const CHARACTERISTICS = new Map<number, Uint8Array>();
function characteristicCells(sex: number, ethnicity: number, disability: number): Uint8Array {
  const key = (sex * ETHNIC_ORIGINS.length + ethnicity) * DISABILITY_VALUES.length + disability;
  let cells = CHARACTERISTICS.get(key);
  if (cells === undefined) {
    const names = [SEXES[sex], ETHNIC_ORIGINS[ethnicity]?.[0], DISABILITY_VALUES[disability]?.[0]] as string[];
    cells = bytesOf(names.map((name) => `${label(name)},`).join(''));
    CHARACTERISTICS.set(key, cells);
  }
  return cells;
}

interface Person {
  readonly plan: GroupPlan;
  readonly female: boolean;
  readonly minority: boolean;
  readonly characteristics: Uint8Array;
  readonly birthDay: number;
  readonly birthMonth: string;
  readonly birthYear: number;
}

function choosePerson(random: Random, year: number, plans: YearPlan): Person {
  const plan = random.weighted(plans.groups, plans.total);
  const female = random.chance(plan.group.female);
  const sex = random.chance(0.002) ? 0 : female ? 1 : 2;
  const ethnicIndex = random.weighted(ETHNIC_WEIGHTS, ETHNIC_TOTAL);
  const minority = ethnicIndex >= BME_START && ethnicIndex < ETHNIC_ORIGINS.length - 3;
  const disability = random.weighted(DISABILITY_WEIGHTS, DISABILITY_TOTAL);
  const age = 20 + random.int(48);
  const birthDay = 1 + random.int(28);
  const birthMonth = random.pick(MONTHS);
  return { plan, female, minority, characteristics: characteristicCells(sex, ethnicIndex, disability), birthDay, birthMonth, birthYear: year - age };
}

function chooseGrade(random: Random, person: Person): GradePlan {
  const table = person.plan.tables[(person.female ? 2 : 0) + (person.minority ? 1 : 0)] as GroupPlan['tables'][number];
  return random.weighted(table.entries, table.total);
}

/** One assignment's row, CRLF-terminated, into `out`. */
function assignmentRow(out: ByteSink, random: Random, person: Person, employee: number, n: number, primary: boolean): void {
  const { group, grades } = person.plan;
  const plan = primary ? chooseGrade(random, person) : (grades[random.int(Math.min(2, grades.length))] as GradePlan);
  const grade = plan.grade;
  const point = plan.points[random.int(plan.points.length)] as PointPlan;
  const partTimeChance = group.partTime * (person.female ? 1.25 : 0.5);
  const hours = !primary
    ? (plan.secondJob[random.int(plan.secondJob.length)] as HoursPlan)
    : random.chance(partTimeChance)
      ? (plan.partTime[random.int(plan.partTime.length)] as HoursPlan)
      : plan.fullTime;
  // 2.5% on reduced pay because of leave (half pay), a few on nil pay.
  const leave = primary ? random.weighted(LEAVE, LEAVE_TOTAL) : 'none';
  const monthly = (point.salary * hours.fte) / 12;
  const ordinaryPay = leave === 'none' ? monthly : leave === 'half' ? monthly / 2 : 0;
  let bonus = 0;
  if (primary) {
    if (grade.esr === 'Consultant' && random.chance(0.55 + (person.female ? -0.1 : 0.05))) bonus = random.pick(CLINICAL_EXCELLENCE_AWARDS);
    else if (grade.esr === 'Specialty Doctor' && random.chance(0.1)) bonus = CLINICAL_EXCELLENCE_AWARDS[random.int(3)];
    else if (random.chance(0.015)) bonus = random.pick(RECOGNITION_PAYMENTS);
  }
  const salaryText = random.chance(0.05) ? point.poundsText : point.salaryText;
  // Employee and assignment numbers, flags, dates and plain numbers are ASCII and never need quotes.
  out.digits(employee);
  out.byte(COMMA);
  out.digits(employee);
  out.byte(DASH);
  out.digits(n);
  out.text(primary ? ',Y,' : ',N,');
  out.bytes(plan.cells);
  out.bytes(person.characteristics);
  out.digits(person.birthDay, 2);
  out.byte(DASH);
  out.text(person.birthMonth);
  out.byte(DASH);
  out.digits(person.birthYear);
  out.byte(COMMA);
  out.text(hours.hoursText);
  out.byte(COMMA);
  out.text(hours.fteText);
  out.byte(COMMA);
  out.text(salaryText);
  out.byte(COMMA);
  out.text(point.hourlyText);
  out.byte(COMMA);
  out.text(pennies(ordinaryPay));
  out.byte(COMMA);
  out.text(bonus > 0 ? pennies(bonus) : '0');
  out.text(leave === 'none' ? ',Y\r\n' : ',N\r\n');
}

/**
 * The export as UTF-8 bytes (CRLF, as ESR writes on Windows), header first, exactly `rows`
 * data rows, in chunks of whole lines of `size` bytes or a line more: what `paygap sample`
 * writes. A generator, so any size streams in bounded memory.
 */
export function* sampleChunks(options: SampleOptions, size = 1 << 16): Generator<Buffer> {
  const random = new Random(options.seed);
  const year = options.snapshotYear ?? 2025;
  const plans = yearPlan(gapScale(year));
  const out = new ByteSink(size);
  out.text(utf8Bytes(`${SAMPLE_HEADERS.join(',')}\r\n`));
  if (out.full) yield out.take();
  let written = 0;
  let employee = 10_000_000 + random.int(1_000_000);
  while (written < options.rows) {
    employee += 1 + random.int(7);
    const person = choosePerson(random, year, plans);
    const assignments = written + 1 < options.rows && random.chance(0.09) ? 2 : 1;
    for (let n = 1; n <= assignments; n++) {
      assignmentRow(out, random, person, employee, n, n === 1);
      written++;
      if (out.full) yield out.take();
    }
  }
  const rest = out.take();
  if (rest.length > 0) yield rest;
}

/** The export as lines of text: header first, then exactly `rows` data rows. */
export function* sampleLines(options: SampleOptions): Generator<string> {
  // Chunks of one line each (size 1: every line fills one).
  for (const chunk of sampleChunks(options, 1)) yield chunk.toString('utf8');
}
