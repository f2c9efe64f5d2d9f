import type { RowIssue } from './validate-row.js';

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

/** What validation found: the accounting every output repeats (SPEC §2). */
export interface DataQuality {
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsInvalid: number;
  /** The first ISSUES_SHOWN issues in file order, with values (stderr only, never in reports). */
  readonly firstIssues: readonly RowIssue[];
  readonly issueCount: number;
  /** Invalid rows by reason (column and message, no values): each invalid row counted once, by its first issue. */
  readonly invalidByReason: readonly ReasonCount[];
  /** Characteristic values paygap did not recognise and read as Unknown / Not recorded. */
  readonly unrecognised: readonly UnrecognisedValue[];
}

export class QualityCollector {
  rowsRead = 0;
  private rowsInvalid = 0;
  private issueCount = 0;
  private readonly first: RowIssue[] = [];
  private readonly reasons = new Map<string, number>();
  private readonly unknown = new Map<string, { field: UnrecognisedValue['field']; value: string; count: number }>();

  invalid(issues: readonly RowIssue[]): void {
    this.rowsInvalid++;
    this.issueCount += issues.length;
    for (const issue of issues) if (this.first.length < ISSUES_SHOWN) this.first.push(issue);
    const head = issues[0];
    if (head) {
      const reason = `${head.column}: ${head.message}`;
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
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
      firstIssues: [...this.first].sort((x, y) => x.line - y.line),
      issueCount: this.issueCount,
      invalidByReason: byCount([...this.reasons].map(([reason, count]) => ({ reason, count }))),
      unrecognised: byCount([...this.unknown.values()].map((u) => ({ ...u }))),
    };
  }
}
