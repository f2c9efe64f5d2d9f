import { progressReporter } from '../progress.js';
import type { Report } from '../../report/model.js';
import type { PublishedReport } from '../../report/published.js';
import { invalidRowsListing } from '../issues-listing.js';
import { useColour, write, type CliIo } from '../io.js';
import type { ReportOptions } from '../options.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { analyse } from '../../ingest/analyse.js';
import { reportOf } from '../../pipeline.js';
import { toolVersion } from '../version.js';
import { terminalText } from '../../render/terminal-text.js';

/** Renderers load on demand: JSON output never loads the table libraries. */
async function render(report: Report, options: ReportOptions, io: CliIo, previous: PublishedReport | undefined): Promise<string> {
  switch (options.format) {
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
  await refuseOutputOntoInput(options.output, [file, options.previous], io);
  // Last year's report first: a missing or malformed one stops the run before the export is read.
  const previous = options.previous === undefined ? undefined : await (await import('./compare.js')).readReport(options.previous, io);
  const { loaded, units, quality } = await analyse(file, options, io, options.quiet ? undefined : progressReporter(io.stderr));
  if (!options.quiet) {
    const listing = invalidRowsListing(quality);
    if (listing) await write(io.stderr, listing);
  }
  const report = reportOf({ loaded, units, quality }, options, toolVersion());
  if (!options.quiet) {
    for (const warning of report.warnings) await write(io.stderr, `paygap: warning: ${terminalText(warning)}\n`);
  }
  const text = await render(report, options, io, previous);
  await emit(text, options.output, io);
  return report;
}
