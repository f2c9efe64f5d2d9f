import { csv } from './csv.js';

/**
 * An independent disclosure audit, written for the tests and sharing no code with
 * src/disclosure: it works from the people of a generated export (whose every attribute the
 * test knows) and the published JSON report, maps each published cell to its people with its
 * own reading of the group names, and decides "can this be worked out?" by exact rational
 * elimination (BigInt, fraction-free) over people, where the production audit uses modular
 * elimination over atoms.
 */
export interface Person {
  readonly id: number;
  readonly sex: 'Male' | 'Female' | '';
  /** Ethnic category letter (A–S), 'Z' (not stated) or '' (unknown). */
  readonly ethnicity: string;
  readonly disability: 'Yes' | 'No' | 'Not Declared' | '';
  readonly band: string;
  /** A directorate, in an "Org L3" column (only when some person has one): for breakdowns by any column. */
  readonly org?: string;
  readonly pay: number;
  readonly bonus: number;
  readonly fullPay: boolean;
  /** The person's organisation, in a report of several (exported one file per organisation). */
  readonly organisation?: string;
}

const BROAD: Readonly<Record<string, string>> = {
  A: 'White', B: 'White', C: 'White', D: 'Mixed', E: 'Mixed', F: 'Mixed', G: 'Mixed',
  H: 'Asian or Asian British', J: 'Asian or Asian British', K: 'Asian or Asian British', L: 'Asian or Asian British',
  M: 'Black or Black British', N: 'Black or Black British', P: 'Black or Black British', R: 'Other ethnic group', S: 'Other ethnic group',
};

const undisclosedEthnicity = (p: Person) => (p.ethnicity === 'Z' ? 'Not stated' : p.ethnicity === '' ? 'Unknown' : undefined);

/** An export of these people, one assignment each (with an "Org L3" column when any has one). */
export function exportText(people: readonly Person[]): string {
  const org = people.some((p) => p.org !== undefined);
  return csv(
    ['Employee Number', 'Gender', 'Ethnic Origin', 'Disability', 'Grade', ...(org ? ['Org L3'] : []), 'Hourly Rate', 'Bonus Pay', 'Full Pay'],
    people.map((p) => [p.id, p.sex, p.ethnicity, p.disability, p.band, ...(org ? [p.org ?? ''] : []), p.pay.toFixed(2), p.bonus, p.fullPay ? 'Y' : 'N']),
  );
}

/** A person's subgroup in a breakdown by band, organisation or the "Org L3" column (blank cells: "(blank)"). */
function subgroupOf(p: Person, within: string): string {
  if (within === 'band') return p.band;
  if (within === 'organisation') return p.organisation ?? '';
  if (within === 'Org L3') return p.org === undefined || p.org === '' ? '(blank)' : p.org;
  throw new Error(`the independent audit does not know breakdowns within ${within}`);
}

/** The group a person is in for a view (characteristic/view), or undefined when outside it. */
export function groupOfPerson(p: Person, characteristic: string, view: string): string | undefined {
  switch (`${characteristic}/${view}`) {
    case 'sex/sex':
      return p.sex === '' ? undefined : p.sex;
    case 'ethnicity/detailed':
      return undisclosedEthnicity(p) ?? `${p.ethnicity} `; // matched by prefix: "A White - British"
    case 'ethnicity/broad':
      return undisclosedEthnicity(p) ?? BROAD[p.ethnicity];
    case 'ethnicity/binary':
      return undisclosedEthnicity(p) ?? (BROAD[p.ethnicity] === 'White' ? 'White' : 'BME');
    case 'ethnicity/white-british':
      return undisclosedEthnicity(p) ?? (p.ethnicity === 'A' ? 'White British' : 'Ethnic minority');
    case 'disability/disability':
      return { Yes: 'Disabled', No: 'Non-disabled', 'Not Declared': 'Not declared', '': 'Unknown' }[p.disability];
    default:
      throw new Error(`the independent audit does not know the view ${characteristic}/${view}`);
  }
}

function inGroup(p: Person, characteristic: string, view: string, group: string): boolean {
  if (characteristic.includes('×')) {
    const [ca, cb] = characteristic.split('×') as [string, string];
    const [va, vb] = view.split('×') as [string, string];
    const [ga, gb] = group.split(' × ') as [string, string];
    return inGroup(p, ca, va, ga) && inGroup(p, cb, vb, gb);
  }
  const mine = groupOfPerson(p, characteristic, view);
  if (mine === undefined) return false;
  return view === 'detailed' && mine.endsWith(' ') ? group.startsWith(mine) : mine === group;
}

/** Exact membership test of a 0/1 vector in the span of others: fraction-free elimination. */
class ExactSpan {
  private readonly rows: { pivot: number; values: bigint[] }[] = [];
  private reduce(vector: readonly number[]): bigint[] {
    let v = vector.map((x) => BigInt(x));
    for (const { pivot, values } of this.rows) {
      const a = v[pivot] as bigint;
      if (a === 0n) continue;
      const b = values[pivot] as bigint;
      v = v.map((x, i) => x * b - (values[i] as bigint) * a);
      const g = v.reduce((acc, x) => gcd(acc, x < 0n ? -x : x), 0n);
      if (g > 1n) v = v.map((x) => x / g);
    }
    return v;
  }
  add(vector: readonly number[]): void {
    const v = this.reduce(vector);
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot !== -1) this.rows.push({ pivot, values: v });
  }
  contains(vector: readonly number[]): boolean {
    return this.reduce(vector).every((x) => x === 0n);
  }
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

interface PublishedCell {
  readonly table: string;
  /** A breakdown's column (band or organisation) and the cell's subgroup in it. */
  readonly within?: string;
  readonly subgroup?: string;
  readonly characteristic: string;
  readonly view: string;
  readonly group: any;
}

function publishedCells(report: any): PublishedCell[] {
  const cells: PublishedCell[] = [];
  for (const v of report.characteristics) for (const g of v.groups) cells.push({ table: 'headline', characteristic: v.characteristic, view: v.view, group: g });
  for (const v of report.intersections) for (const g of v.groups) cells.push({ table: 'intersection', characteristic: v.characteristic, view: v.view, group: g });
  for (const b of report.breakdowns) {
    for (const sg of b.subgroups) {
      for (const v of sg.characteristics) for (const g of v.groups) cells.push({ table: `within ${b.within}`, within: b.within, subgroup: sg.subgroup, characteristic: v.characteristic, view: v.view, group: g });
    }
  }
  return cells;
}

const MEASURES = [
  { name: 'pay', shown: (g: any) => g.meanHourlyPay !== null, key: 'meanHourlyPay', population: (p: Person) => p.fullPay && p.pay > 0 },
  { name: 'recipients', shown: (g: any) => g.bonus.recipients !== null, key: 'bonus.recipients', population: () => true },
  { name: 'bonus', shown: (g: any) => g.bonus.mean !== null, key: 'bonus.mean', population: (p: Person) => p.bonus > 0 },
] as const;

/**
 * Every withheld cell and every atom of fewer than K people (people sharing sex, detailed
 * ethnicity, disability and, with breakdowns, band, directorate and organisation) whose total can be worked
 * out exactly from the published cells. Empty when the report is safe.
 */
export function derivableSecrets(people: readonly Person[], report: any, k: number): string[] {
  const cells = publishedCells(report);
  const breakdowns: string[] = report.breakdowns.map((b: { within: string }) => b.within);
  const found: string[] = [];
  for (const m of MEASURES) {
    const members = people.filter(m.population);
    const vector = (test: (p: Person) => boolean) => members.map((p) => (test(p) ? 1 : 0));
    const cellVector = (c: PublishedCell) => vector((p) => (c.subgroup === undefined || subgroupOf(p, c.within as string) === c.subgroup) && inGroup(p, c.characteristic, c.view, c.group.group));
    const span = new ExactSpan();
    for (const c of cells) if (m.shown(c.group)) span.add(cellVector(c));
    const label = (c: PublishedCell) => `${m.name}: ${c.table}${c.subgroup ? ` ${c.subgroup}` : ''} ${c.view} ${c.group.group}`;
    for (const c of cells) {
      const status = c.group.figureStatus?.[m.key]?.status;
      if ((status === 'suppressed' || status === 'withheld') && !c.group.figureStatus[m.key].ofReference) {
        const v = cellVector(c);
        if (v.some((x) => x === 1) && span.contains(v)) found.push(`withheld ${label(c)}`);
      }
    }
    const atomKey = (p: Person) => `${p.sex}|${p.ethnicity}|${p.disability}|${breakdowns.map((w) => subgroupOf(p, w)).join('|')}`;
    const atoms = new Map<string, Person[]>();
    for (const p of members) atoms.set(atomKey(p), [...(atoms.get(atomKey(p)) ?? []), p]);
    for (const [key, list] of atoms) {
      if (list.length >= k) continue;
      if (span.contains(vector((p) => atomKey(p) === key))) found.push(`${m.name}: atom ${key} (${list.length} people)`);
    }
  }
  return found;
}
