import { progressReporter } from '../progress.js';
import { buildQualityReport, type QualityReport } from '../../report/build-quality.js';
import { renderQualityJson, renderQualityTable } from '../../render/quality.js';
import { DataError } from '../../errors.js';
import { implausibleListing, invalidRowsListing } from '../issues-listing.js';
import { write, type CliIo } from '../io.js';
import type { ValidateOptions } from '../options.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { analyse } from '../../ingest/analyse.js';

/**
 * `paygap validate <file>`: the data-quality report (rows, invalid rows, unrecognised codes,
 * disclosure) without pay figures. Exit 0 when the file can be read; with --strict, exit 1
 * when any row is invalid.
 */
export async function validateCommand(file: string, options: ValidateOptions, io: CliIo): Promise<QualityReport> {
  await refuseOutputOntoInput(options.output, [file], io);
  const { loaded, units, quality, plausibility, warnings } = await analyse(file, options, io, options.quiet ? undefined : progressReporter(io.stderr));
  if (!options.quiet) {
    const listing = invalidRowsListing(quality) + implausibleListing(plausibility, options.strict);
    if (listing) await write(io.stderr, listing);
    for (const w of warnings) await write(io.stderr, `paygap: warning: ${w.text}\n`);
  }
  const report = buildQualityReport({
    file: loaded.file,
    sha256: loaded.sha256,
    bytes: loaded.bytes,
    delimiter: loaded.delimiter,
    encoding: loaded.encoding,
    sheet: loaded.sheet,
    columns: loaded.columns,
    plan: loaded.plan,
    quality,
    units,
    warnings,
    settingSources: options.settingSources,
  });
  await emit(options.format === 'json' ? renderQualityJson(report) : renderQualityTable(report), options.output, io);
  if (options.strict && quality.rowsInvalid > 0) {
    const n = quality.rowsInvalid;
    throw new DataError(`--strict: ${n.toLocaleString('en-GB')} invalid row${n === 1 ? '' : 's'}`);
  }
  return report;
}
