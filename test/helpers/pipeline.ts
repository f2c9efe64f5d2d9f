import { Readable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * The report, and its published JSON made when first read: a test of 100,000 groups that
 * renders the model itself would otherwise publish it for nothing.
 */
function withJson(report: Report): { report: Report; json: PublishedReport } {
  let json: PublishedReport | undefined;
  return {
    report,
    get json() {
      return (json ??= publish(report));
    },
  };
}

export async function reportOfText(text: string, overrides: Partial<ReportSettings> = {}): Promise<{ report: Report; json: PublishedReport }> {
  const { report } = await reportExport('-', settings(overrides), { cwd: process.cwd(), stdin: Readable.from([Buffer.from(text)]) }, 'test');
  return withJson(report);
}

export async function reportOfFile(file: string, overrides: Partial<ReportSettings> = {}): Promise<{ report: Report; json: PublishedReport }> {
  const { report } = await reportExport(file, settings(overrides), { cwd: process.cwd(), stdin: Readable.from([]) }, 'test');
  return withJson(report);
}

/**
 * Several exports, one report (METHOD §16): each text written to a file of its name in a new
 * folder, read in the order given, each file's organisation its name without extension unless
 * `organisations` says otherwise.
 */
export async function reportOfFiles(files: Readonly<Record<string, string>>, overrides: Partial<ReportSettings> = {}): Promise<{ report: Report; json: PublishedReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-files-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { report } = await reportExport(Object.keys(files), settings(overrides), { cwd: dir, stdin: Readable.from([]) }, 'test');
    return withJson(report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
