import { progressReporter } from '../progress.js';
import { buildQualityReport, type QualityReport } from '../../report/build-quality.js';
import { renderQualityJson, renderQualityTable } from '../../render/quality.js';
import { DataError } from '../../errors.js';
import { readingListing } from '../issues-listing.js';
import { inputFiles } from '../inputs.js';
import { inputFileOf } from '../../report/input-files.js';
import { write, type CliIo } from '../io.js';
import type { ValidateOptions } from '../options.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { analyse } from '../../ingest/analyse.js';

/**
 * `paygap validate <file>…`: the data-quality report (rows, invalid rows, unrecognised codes,
 * disclosure) without pay figures, of one export or several read as `report` reads them
 * (METHOD §16). Exit 0 when the files can be read; with --strict, exit 1 when any row is invalid.
 */
export async function validateCommand(files: readonly string[], options: ValidateOptions, io: CliIo): Promise<QualityReport> {
  const { organisations, warnings: said } = await inputFiles(files, options.labels, options.map, io);
  await refuseOutputOntoInput(options.output, files, io);
  const analysed = await analyse(files, { ...options, organisations }, io, options.quiet ? undefined : progressReporter(io.stderr));
  const { quality, warnings } = analysed;
  if (!options.quiet) {
    for (const w of said) await write(io.stderr, `paygap: warning: ${w.text}\n`);
    const listing = readingListing(analysed.inputs, options.strict);
    if (listing) await write(io.stderr, listing);
    for (const w of warnings) await write(io.stderr, `paygap: warning: ${w.text}\n`);
  }
  const report = buildQualityReport({
    ...analysed.input,
    inputs: analysed.organisations === undefined ? undefined : analysed.inputs.map(inputFileOf),
    columns: analysed.columns,
    plan: analysed.plan,
    quality,
    units: analysed.units,
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
