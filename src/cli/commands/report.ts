import { intervalsProgress, progressReporter } from '../progress.js';
import { buildReport } from '../../report/build-report.js';
import type { Report } from '../../report/model.js';
import { invalidRowsListing } from '../issues-listing.js';
import { useColour, write, type CliIo } from '../io.js';
import type { ReportOptions } from '../options.js';
import { emit } from '../output.js';
import { analyse, requireUsable } from '../../ingest/analyse.js';
import { toolVersion } from '../version.js';
import { UsageError } from '../../errors.js';

/** Renderers load on demand: JSON output never loads the table libraries. */
async function render(report: Report, options: ReportOptions, io: CliIo): Promise<string> {
  switch (options.format) {
    case 'json':
      return (await import('../../render/json.js')).renderJson(report);
    case 'markdown':
      return (await import('../../render/markdown.js')).renderMarkdown(report);
    case 'csv':
      return (await import('../../render/csv.js')).renderCsv(report);
    case 'html': {
      let previous;
      if (options.previous !== undefined) {
        const [{ readReport }, { compareReports }] = await Promise.all([import('./compare.js'), import('../../report/compare.js')]);
        previous = compareReports(await readReport(options.previous, io), report);
      }
      return (await import('../../render/html.js')).renderHtml(report, { previous });
    }
    case 'table':
      return (await import('../../render/table.js')).renderTable(report, {
        colour: options.output === undefined && useColour(io.stdout, io.env, options.color),
      });
  }
}

/** `paygap report <file>`: read, validate, compute every figure, render, write. */
export async function reportCommand(file: string, options: ReportOptions, io: CliIo): Promise<Report> {
  const { loaded, units, quality } = await analyse(file, options, io, options.quiet ? undefined : progressReporter(io.stderr));
  if (!options.quiet) {
    const listing = invalidRowsListing(quality);
    if (listing) await write(io.stderr, listing);
  }
  requireUsable(quality, options.strict);
  const intervals = options.ci === undefined || options.quiet ? undefined : intervalsProgress(io.stderr);
  const report = buildReport({
    toolVersion: toolVersion(),
    file: loaded.file,
    sha256: loaded.sha256,
    bytes: loaded.bytes,
    delimiter: loaded.delimiter,
    encoding: loaded.encoding,
    snapshotDate: options.snapshotDate,
    plan: loaded.plan,
    pay: loaded.pay,
    payPeriod: options.payPeriod,
    minGroupSize: options.minGroupSize,
    references: options.references,
    intersect: options.intersect,
    within: options.within,
    ci: options.ci && { ...options.ci, onProgress: intervals?.update },
    columns: loaded.columns.header,
    quality,
    units,
    warnings: loaded.plan.warnings,
  });
  intervals?.done();
  if (!options.quiet) {
    for (const warning of report.warnings) await write(io.stderr, `paygap: warning: ${warning}\n`);
  }
  if (options.previous !== undefined && options.format !== 'html') throw new UsageError('--previous goes with --format html (for compare tables, use paygap compare)');
  const text = await render(report, options, io);
  await emit(text, options.output, io);
  return report;
}
