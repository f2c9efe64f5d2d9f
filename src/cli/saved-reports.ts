import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DataError, shortened } from '../errors.js';
import { comparableReport } from '../report/report-schema.js';
import type { PublishedReport } from '../report/published.js';
import type { ReportAt, Target } from '../report/targets.js';
import type { TargetInput } from '../report/trend.js';
import type { CliIo } from './io.js';
import { toolVersion } from './version.js';

/**
 * Saved JSON reports read back (compare, trend, benchmark, report --previous, targets'
 * baselines): checked, so a wrong file stops with a message that says what it is and what
 * was expected. A report of a schema version this paygap does not know is refused whole:
 * its names may mean something else (METHOD §13.1).
 */
export async function readReport(path: string, io: Pick<CliIo, 'cwd'>): Promise<PublishedReport> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError(`${path} is not JSON: expected a report made by paygap report --format json`);
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== 1) {
    throw new DataError(
      `${path} is a report of schemaVersion ${version}, which paygap ${toolVersion()} cannot read: it reads schemaVersion 1 only. ` +
        'Use the paygap that made the report, or a newer paygap.',
    );
  }
  const result = comparableReport.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DataError(`${path} is not a paygap report: ${shortened(issue?.path.join('.') ?? '') || '(top level)'}: ${issue?.message}`);
  }
  return json as PublishedReport;
}

/** Reports in the order given, each with its name as given. */
export async function readReports(paths: readonly string[], io: Pick<CliIo, 'cwd'>): Promise<ReportAt[]> {
  const reports: ReportAt[] = [];
  for (const file of paths) reports.push({ file, report: await readReport(file, io) });
  return reports;
}

/** Where a target's baseline report is: its path is read from the config file's folder. */
export function baselinePath(target: Target, configFile: string | undefined, cwd: string): string {
  return resolve(cwd, dirname(configFile ?? '.'), target.baseline);
}

/** Each target with its baseline report read (each file once); a bad baseline names its target. */
export async function readTargets(targets: readonly Target[], configFile: string | undefined, io: Pick<CliIo, 'cwd'>): Promise<TargetInput[]> {
  const read = new Map<string, PublishedReport>();
  const inputs: TargetInput[] = [];
  for (const [i, target] of targets.entries()) {
    const path = baselinePath(target, configFile, io.cwd);
    let report = read.get(path);
    if (report === undefined) {
      try {
        report = await readReport(path, io);
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        throw new DataError(`targets.${i}.baseline in ${configFile ?? 'the config file'}: ${error.message.replace(path, target.baseline)}`);
      }
      read.set(path, report);
    }
    inputs.push({ target, baseline: { file: target.baseline, report } });
  }
  return inputs;
}
