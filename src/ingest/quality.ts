import type { RowIssue } from './validate-row.js';
import { LINES, type RowPlaces } from './row-place.js';

/** How many invalid rows are kept in full for the stderr listing; the rest are counted. */
export const ISSUES_SHOWN = 20;

export interface ReasonCount {
  readonly reason: string;
  readonly count: number;
}

export interface UnrecognisedValue {
  readonly field: 'sex' | 'ethnicity' | 'disability';
  readonly value: string;
  readonly count: number;
}

/** What validation found: the accounting every output repeats (METHOD §4.3). */
export interface DataQuality {
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsInvalid: number;
  /** The ISSUES_SHOWN issues with the lowest line numbers, with values (stderr only, never in reports). */
  readonly firstIssues: readonly RowIssue[];
  readonly issueCount: number;
  /** Invalid rows by reason (column and message, no values): each invalid row counted once, by its first issue. */
  readonly invalidByReason: readonly ReasonCount[];
  /** Characteristic values paygap did not recognise and read as Unknown / Not recorded. */
  readonly unrecognised: readonly UnrecognisedValue[];
  /** What the issues' line numbers count: lines of a CSV file, or rows of a sheet. */
  readonly places: RowPlaces;
}

/** A collector's state as plain data, to send from a worker thread and merge. */
export interface QualitySnapshot {
  readonly rowsRead: number;
  readonly rowsInvalid: number;
  readonly issueCount: number;
  readonly first: readonly RowIssue[];
  readonly reasons: ReadonlyMap<string, number>;
  readonly unknown: ReadonlyMap<string, UnrecognisedValue>;
  readonly invalidEmployees: ReadonlySet<string>;
}

export class QualityCollector {
  rowsRead = 0;
  private rowsInvalid = 0;
  private issueCount = 0;
  /** The issues with the lowest line numbers (issues can arrive out of line order). */
  private first: RowIssue[] = [];
  private readonly reasons = new Map<string, number>();
  private readonly unknown = new Map<string, { field: UnrecognisedValue['field']; value: string; count: number }>();
  /** Employee numbers on invalid rows: their other rows cannot make a whole person. */
  readonly invalidEmployees = new Set<string>();

  constructor(readonly places: RowPlaces = LINES) {}

  invalid(issues: readonly RowIssue[]): void {
    this.rowsInvalid++;
    this.issueCount += issues.length;
    this.keep(issues);
    const head = issues[0];
    if (head) {
      const reason = `${head.column}: ${head.reason ?? head.message}`;
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    }
  }

  private keep(issues: readonly RowIssue[]): void {
    this.first.push(...issues);
    if (this.first.length > 2 * ISSUES_SHOWN) this.first = this.first.sort((x, y) => x.line - y.line).slice(0, ISSUES_SHOWN);
  }

  snapshot(): QualitySnapshot {
    return {
      rowsRead: this.rowsRead,
      rowsInvalid: this.rowsInvalid,
      issueCount: this.issueCount,
      first: this.first,
      reasons: this.reasons,
      unknown: this.unknown,
      invalidEmployees: this.invalidEmployees,
    };
  }

  /** Add another collector's counts (from a worker thread reading part of the file). */
  merge(other: QualitySnapshot): void {
    this.rowsRead += other.rowsRead;
    this.rowsInvalid += other.rowsInvalid;
    this.issueCount += other.issueCount;
    this.keep(other.first);
    for (const employee of other.invalidEmployees) this.invalidEmployees.add(employee);
    for (const [reason, count] of other.reasons) this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + count);
    for (const [key, entry] of other.unknown) {
      const mine = this.unknown.get(key);
      if (mine) mine.count += entry.count;
      else this.unknown.set(key, { ...entry });
    }
  }

  unrecognised(field: UnrecognisedValue['field'], value: string): void {
    const key = `${field}\u0000${value}`;
    const entry = this.unknown.get(key);
    if (entry) entry.count++;
    else this.unknown.set(key, { field, value, count: 1 });
  }

  result(): DataQuality {
    const byCount = <T extends { count: number }>(list: T[]) => list.sort((x, y) => y.count - x.count);
    return {
      rowsRead: this.rowsRead,
      rowsValid: this.rowsRead - this.rowsInvalid,
      rowsInvalid: this.rowsInvalid,
      firstIssues: [...this.first].sort((x, y) => x.line - y.line).slice(0, ISSUES_SHOWN),
      issueCount: this.issueCount,
      invalidByReason: byCount([...this.reasons].map(([reason, count]) => ({ reason, count }))),
      unrecognised: byCount([...this.unknown.values()].map((u) => ({ ...u }))),
      places: this.places,
    };
  }
}

/** The data quality of several files together (each file's counted by its own collector). */
export function combinedQuality(collectors: readonly QualityCollector[]): DataQuality {
  const all = new QualityCollector(collectors[0]?.places);
  for (const collector of collectors) all.merge(collector.snapshot());
  return all.result();
}
