import { Readable } from 'node:stream';
import { reportExport, type ReportSettings } from '../../src/pipeline.js';
import { publish } from '../../src/render/json.js';
import type { Report } from '../../src/report/model.js';
import type { PublishedReport } from '../../src/report/published.js';

/**
 * Pipeline-level tests call the library, not the command line: an export's text in, the
 * report model (and its published JSON) out. Every setting is given here by name; the
 * command line's defaults are tested separately against the same results.
 */
export function settings(overrides: Partial<ReportSettings> = {}): ReportSettings {
  return {
    payMethod: 'auto',
    salaryBasis: 'fte',
    payPeriod: 'monthly',
    map: new Map(),
    minGroupSize: 10,
    snapshotDate: null,
    ...overrides,
  };
}

export async function reportOfText(text: string, overrides: Partial<ReportSettings> = {}): Promise<{ report: Report; json: PublishedReport }> {
  const { report } = await reportExport('-', settings(overrides), { cwd: process.cwd(), stdin: Readable.from([Buffer.from(text)]) }, 'test');
  return { report, json: publish(report) };
}

export async function reportOfFile(file: string, overrides: Partial<ReportSettings> = {}): Promise<{ report: Report; json: PublishedReport }> {
  const { report } = await reportExport(file, settings(overrides), { cwd: process.cwd(), stdin: Readable.from([]) }, 'test');
  return { report, json: publish(report) };
}
