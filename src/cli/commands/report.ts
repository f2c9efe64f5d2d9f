import { intervalsProgress, progressReporter } from '../progress.js';
import type { Report } from '../../report/model.js';
import type { PublishedReport } from '../../report/published.js';
import { implausibleListing, invalidRowsListing } from '../issues-listing.js';
import { REFUSAL_NOTES } from '../../report/govuk.js';
import type { TargetProgress } from '../../report/targets.js';
import type { TargetInput } from '../../report/trend.js';
import { useColour, write, type CliIo } from '../io.js';
import type { ReportOptions } from '../options.js';
import { emit, refuseOutputOntoInput, writesToStdout } from '../output.js';
import { UsageError } from '../../errors.js';
import { analyse } from '../../ingest/analyse.js';
import { reportOf } from '../../pipeline.js';
import { toolVersion } from '../version.js';
import { terminalText } from '../../render/terminal-text.js';

/** Each target's progress at this report, from its baseline, with --previous as the report before (METHOD §11.7). */
async function progressOf(report: Report, options: ReportOptions, previous: PublishedReport | undefined, targets: readonly TargetInput[]): Promise<TargetProgress[]> {
  if (previous === undefined || targets.length === 0) return [];
  const [{ targetProgress }, { publish }] = await Promise.all([import('../../report/targets.js'), import('../../render/json.js')]);
  const current = { report: publish(report), file: report.input.file };
  return targets.map((t) => targetProgress(t.target, t.baseline, current, { report: previous, file: options.previous as string }));
}

/** The targets' progress in the format's own way (METHOD §11.7), loaded only when there is some. */
async function withTargets(text: string, format: Exclude<ReportOptions['format'], 'html'>, report: Report, progress: readonly TargetProgress[]): Promise<string> {
  if (progress.length === 0) return text;
  if (format === 'json') return `${JSON.stringify({ ...(await import('../../render/json.js')).publish(report), targets: progress }, null, 2)}\n`;
  if (format === 'csv') return text + (await import('../../render/targets-csv.js')).reportCsvTargetRows(progress);
  const { targetsMarkdown, targetsTable } = await import('../../render/targets-text.js');
  return format === 'markdown' ? `${text}\n${targetsMarkdown(progress)}` : text + targetsTable(progress);
}

/** Renderers load on demand: JSON output never loads the table libraries, nor any output exceljs. */
async function render(report: Report, options: ReportOptions, io: CliIo, previous: PublishedReport | undefined, progress: readonly TargetProgress[]): Promise<string | Uint8Array> {
  switch (options.format) {
    case 'xlsx':
      return (await import('../../render/xlsx.js')).renderXlsx(report);
    case 'json':
      return withTargets((await import('../../render/json.js')).renderJson(report), 'json', report, progress);
    case 'markdown':
      return withTargets((await import('../../render/markdown.js')).renderMarkdown(report), 'markdown', report, progress);
    case 'csv':
      return withTargets((await import('../../render/csv.js')).renderCsv(report), 'csv', report, progress);
    case 'html': {
      let comparison;
      if (previous !== undefined) {
        const [{ compareReports }, { publish }] = await Promise.all([import('../../report/compare.js'), import('../../render/json.js')]);
        comparison = compareReports(previous, publish(report));
      }
      const sections = progress.length === 0 ? [] : [(await import('../../render/targets-html.js')).targetsHtml(progress, true)];
      return (await import('../../render/html.js')).renderHtml(report, { previous: comparison, sections });
    }
    case 'table': {
      const text = (await import('../../render/table.js')).renderTable(report, { colour: options.output === undefined && useColour(io.stdout, io.env, options.color) });
      return withTargets(text, 'table', report, progress);
    }
  }
}

/** --previous and, with it, the targets' baselines, read (only then are the readers loaded); the output never goes onto any of them. */
async function savedReports(file: string, options: ReportOptions, io: CliIo): Promise<{ previous?: PublishedReport; targets: readonly TargetInput[] }> {
  if (options.previous === undefined) {
    await refuseOutputOntoInput(options.output, [file], io);
    return { targets: [] };
  }
  const saved = await import('../saved-reports.js');
  const baselines = options.targets.map((t) => saved.baselinePath(t, options.targetsFrom, io.cwd));
  await refuseOutputOntoInput(options.output, [file, options.previous, ...baselines], io);
  const previous = await saved.readReport(options.previous, io);
  return { previous, targets: await saved.readTargets(options.targets, options.targetsFrom, io) };
}

/** `paygap report <file>`: read, validate, compute every figure, control disclosure, render, write. */
export async function reportCommand(file: string, options: ReportOptions, io: CliIo): Promise<Report> {
  if (options.format === 'xlsx' && io.stdout.isTTY === true && writesToStdout(options.output, io)) {
    throw new UsageError('--format xlsx writes a workbook (binary), not text for a terminal: add --output report.xlsx, or redirect stdout to a file');
  }
  // Last year's report and the targets' baselines first: a missing or malformed one stops the run before the export is read.
  const { previous, targets } = await savedReports(file, options, io);
  const analysed = await analyse(file, options, io, options.quiet ? undefined : progressReporter(io.stderr));
  if (!options.quiet) {
    const listing = invalidRowsListing(analysed.quality) + implausibleListing(analysed.plausibility, options.strict);
    if (listing) await write(io.stderr, listing);
  }
  // --ci's resampling can take seconds: a bar on a terminal (nothing when stderr is not one).
  const intervals = options.ci === undefined || options.quiet ? undefined : intervalsProgress(io.stderr);
  const report = reportOf(analysed, intervals === undefined ? options : { ...options, ci: options.ci && { ...options.ci, onProgress: intervals.update } }, toolVersion());
  intervals?.done();
  if (!options.quiet) {
    for (const warning of report.warnings) await write(io.stderr, `paygap: warning: ${terminalText(warning)}\n`);
    // The GOV.UK figures the service will refuse: said here too, as a monthly job reads stderr.
    const { govukNoteText } = await import('../../render/reasons.js');
    for (const note of report.govukSubmission?.notes ?? []) {
      if (REFUSAL_NOTES.has(note.code)) await write(io.stderr, `paygap: warning: GOV.UK figures: ${terminalText(govukNoteText(note))}\n`);
    }
  }
  const text = await render(report, options, io, previous, await progressOf(report, options, previous, targets));
  await emit(text, options.output, io);
  return report;
}
