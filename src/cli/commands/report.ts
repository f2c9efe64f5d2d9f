import { buildReport } from '../../report/build-report.js';
import type { Report } from '../../report/model.js';
import { invalidRowsListing } from '../issues-listing.js';
import { useColour, write, type CliIo } from '../io.js';
import type { ReportOptions } from '../options.js';
import { emit } from '../output.js';
import { analyse, requireUsable } from '../pipeline.js';
import { toolVersion } from '../version.js';

/** `paygap report <file>`: read, validate, compute every figure, render, write. */
export async function reportCommand(file: string, options: ReportOptions, io: CliIo): Promise<Report> {
  const { loaded, units, quality } = await analyse(file, options, io);
  if (!options.quiet) {
    const listing = invalidRowsListing(quality);
    if (listing) await write(io.stderr, listing);
  }
  requireUsable(quality, options.strict);
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
    ci: options.ci,
    columns: loaded.columns.header,
    quality,
    units,
    warnings: loaded.plan.warnings,
  });
  if (!options.quiet) {
    for (const warning of report.warnings) await write(io.stderr, `paygap: warning: ${warning}\n`);
  }
  // Renderers load on demand: JSON output never loads the table libraries.
  let text: string;
  if (options.format === 'json') {
    const { renderJson } = await import('../../report/render-json.js');
    text = renderJson(report);
  } else {
    const { renderTable } = await import('../../report/render-table.js');
    text = renderTable(report, { colour: options.output === undefined && useColour(io.stdout, io.env, options.color) });
  }
  await emit(text, options.output, io);
  return report;
}
