import type { PublishedGroup, PublishedReport, PublishedState } from '../../src/report/published.js';

/**
 * Small saved reports built by hand (test-data builder): one view, sex/sex, reference Male,
 * and the figures given for each group; every other figure missing. Enough for the readers
 * of saved reports (trend, targets, benchmark), whose arithmetic is then checked by hand.
 */
export interface GroupFigures {
  readonly headcount?: number;
  readonly relevantHeadcount?: number;
  readonly meanHourlyPay?: number | null;
  readonly meanGapPercent?: number | null;
  readonly medianGapPercent?: number | null;
  readonly recipients?: number | null;
  readonly receivingPercent?: number | null;
  /** figureStatus entries; omit the field entirely with `legacy`. */
  readonly status?: Readonly<Record<string, PublishedState>>;
  readonly suppressed?: boolean;
  readonly legacy?: boolean;
}

function group(name: string, reference: boolean, f: GroupFigures): PublishedGroup {
  const g = {
    group: name,
    reference,
    comparable: true,
    suppressed: f.suppressed ?? false,
    suppressionReason: null,
    headcount: f.headcount ?? 100,
    relevantHeadcount: f.relevantHeadcount ?? f.headcount ?? 100,
    meanHourlyPay: f.meanHourlyPay ?? null,
    medianHourlyPay: null,
    meanGapPercent: f.meanGapPercent ?? null,
    medianGapPercent: f.medianGapPercent ?? null,
    bonus: { recipients: f.recipients ?? null, receivingPercent: f.receivingPercent ?? null, mean: null, median: null, meanGapPercent: null, medianGapPercent: null },
    quartiles: { lower: { count: null, percent: null }, lowerMiddle: { count: null, percent: null }, upperMiddle: { count: null, percent: null }, upper: { count: null, percent: null } },
    confidence: null,
    nullReasons: {},
    figureStatus: f.status ?? {},
  };
  if (f.legacy) delete (g as { figureStatus?: unknown }).figureStatus;
  return g as PublishedGroup;
}

export function savedReport(snapshotDate: string | null, groups: { Male?: GroupFigures; Female?: GroupFigures }, extra: { organisation?: string; unit?: string; reference?: string } = {}): PublishedReport {
  return {
    schemaVersion: 1,
    tool: { name: 'paygap', version: '0.1.0' },
    organisation: extra.organisation === undefined ? null : { name: extra.organisation },
    input: { file: 'x.csv', sha256: 'x', bytes: 1, delimiter: ',', encoding: 'utf8' },
    snapshotDate,
    method: { payMethod: 'hourly-rate', unit: extra.unit ?? 'person', minGroupSize: 10, payPeriod: 'monthly', salaryBasis: 'fte', bonusColumn: true } as unknown as PublishedReport['method'],
    population: {} as PublishedReport['population'],
    characteristics: [
      {
        characteristic: 'sex',
        view: 'sex',
        title: 'Sex',
        referenceGroup: extra.reference ?? 'Male',
        groups: [group('Male', (extra.reference ?? 'Male') === 'Male', groups.Male ?? {}), group('Female', extra.reference === 'Female', groups.Female ?? {})],
      } as unknown as PublishedReport['characteristics'][number],
    ],
    intersections: [],
    breakdowns: [],
    govukSubmission: null,
    disclosureControl: null,
    warnings: [],
  };
}

/** A figure suppressed for a small group, as the report's figureStatus records it. */
export const SMALL: PublishedState = { status: 'suppressed', reason: 'small-group', minGroupSize: 10, population: 'full-pay' };
