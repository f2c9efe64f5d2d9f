import { analyse, requireUsable, type AnalyseOptions, type Analysed, type InputPlace } from './ingest/analyse.js';
import { buildReport, type ReportInput } from './report/build-report.js';
import { inputFileOf } from './report/input-files.js';
import { controlDisclosure } from './disclosure/control.js';
import { explainGaps } from './report/explain.js';
import type { Report } from './report/model.js';

/**
 * The whole way through, without a command line: bytes → records → validated columns →
 * people → statistics → report → disclosure control. Commands and library users both come
 * through here, so there is one way from an export to a publishable report.
 */
export type ReportSettings = AnalyseOptions &
  Pick<ReportInput, 'organisationName' | 'snapshotDate' | 'minGroupSize' | 'references' | 'intersect' | 'within' | 'explain' | 'paySchemes' | 'ci' | 'settingSources'> & {
    /** Any invalid row stops the run (a DataError) instead of being left out. */
    readonly strict?: boolean | undefined;
  };

/** The publishable report of an export (or several) already read and validated. */
export function reportOf(analysed: Analysed, settings: ReportSettings, toolVersion: string): Report {
  const { input, units, quality, warnings } = analysed;
  requireUsable(analysed, settings.strict === true);
  const { report, shapes, atoms, explain } = buildReport({
    toolVersion,
    organisationName: settings.organisationName,
    ...input,
    inputs: analysed.organisations === undefined ? undefined : analysed.inputs.map(inputFileOf),
    snapshotDate: settings.snapshotDate,
    plan: analysed.plan,
    pay: analysed.pay,
    payPeriod: settings.payPeriod,
    minGroupSize: settings.minGroupSize,
    references: settings.references,
    intersect: settings.intersect,
    within: settings.within,
    explain: settings.explain,
    paySchemes: settings.paySchemes,
    ci: settings.ci,
    columns: analysed.columns.header,
    quality,
    units,
    warnings,
    settingSources: settings.settingSources,
  });
  // The decomposition reads only what disclosure control lets the report publish (METHOD §17).
  return explainGaps(controlDisclosure(report, shapes, atoms), explain);
}

/**
 * Read an export (a path, or "-" for `place.stdin`), or several (each with its organisation
 * label in `settings.organisations`), and return the publishable report.
 */
export async function reportExport(files: string | readonly string[], settings: ReportSettings, place: InputPlace, toolVersion: string): Promise<{ readonly analysed: Analysed; readonly report: Report }> {
  const analysed = await analyse(files, settings, place);
  return { analysed, report: reportOf(analysed, settings, toolVersion) };
}
