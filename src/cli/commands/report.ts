import { progressReporter } from '../progress.js';
import type { Report } from '../../report/model.js';
import type { PublishedReport } from '../../report/published.js';
import { implausibleListing, invalidRowsListing } from '../issues-listing.js';
import { REFUSAL_NOTES } from '../../report/govuk.js';
import { useColour, write, type CliIo } from '../io.js';
import type { ReportOptions } from '../options.js';
import { emit, refuseOutputOntoInput, writesToStdout } from '../output.js';
import { UsageError } from '../../errors.js';
import { analyse } from '../../ingest/analyse.js';
import { reportOf } from '../../pipeline.js';
import { toolVersion } from '../version.js';

/** Renderers load on demand: JSON output never loads the table libraries, nor any output exceljs. */
async function render(report: Report, options: ReportOptions, io: CliIo, previous: PublishedReport | undefined): Promise<string | Uint8Array> {
  switch (options.format) {
    case 'xlsx':
      return (await import('../../render/xlsx.js')).renderXlsx(report);
    case 'json':
      return (await import('../../render/json.js')).renderJson(report);
    case 'markdown':
      return (await import('../../render/markdown.js')).renderMarkdown(report);
    case 'csv':
      return (await import('../../render/csv.js')).renderCsv(report);
    case 'html': {
      let comparison;
      if (previous !== undefined) {
        const [{ compareReports }, { publish }] = await Promise.all([import('../../report/compare.js'), import('../../render/json.js')]);
        comparison = compareReports(previous, publish(report));
      }
      return (await import('../../render/html.js')).renderHtml(report, { previous: comparison });
    }
    case 'table':
      return (await import('../../render/table.js')).renderTable(report, {
        colour: options.output === undefined && useColour(io.stdout, io.env, options.color),
      });
  }
}

/** `paygap report <file>`: read, validate, compute every figure, control disclosure, render, write. */
export async function reportCommand(file: string, options: ReportOptions, io: CliIo): Promise<Report> {
  if (options.format === 'xlsx' && io.stdout.isTTY === true && writesToStdout(options.output, io)) {
    throw new UsageError('--format xlsx writes a workbook (binary), not text for a terminal: add --output report.xlsx, or redirect stdout to a file');
  }
  await refuseOutputOntoInput(options.output, [file, options.previous], io);
  // Last year's report first: a missing or malformed one stops the run before the export is read.
  const previous = options.previous === undefined ? undefined : await (await import('./compare.js')).readReport(options.previous, io);
  const analysed = await analyse(file, options, io, options.quiet ? undefined : progressReporter(io.stderr));
  if (!options.quiet) {
    const listing = invalidRowsListing(analysed.quality) + implausibleListing(analysed.plausibility, options.strict);
    if (listing) await write(io.stderr, listing);
  }
  const report = reportOf(analysed, options, toolVersion());
  if (!options.quiet) {
    for (const warning of report.warnings) await write(io.stderr, `paygap: warning: ${warning}\n`);
    // The GOV.UK figures the service will refuse: said here too, as a monthly job reads stderr.
    const { govukNoteText } = await import('../../render/reasons.js');
    for (const note of report.govukSubmission?.notes ?? []) {
      if (REFUSAL_NOTES.has(note.code)) await write(io.stderr, `paygap: warning: GOV.UK figures: ${govukNoteText(note)}\n`);
    }
  }
  const text = await render(report, options, io, previous);
  await emit(text, options.output, io);
  return report;
}
