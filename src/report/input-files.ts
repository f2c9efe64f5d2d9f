import type { AnalysedInput } from '../ingest/analyse.js';
import { inputOf } from './build-report.js';
import type { InputFile } from './model.js';

/**
 * One file of a report of several, or of an organisation column (METHOD §16.3), as the report
 * and validate's data-quality report record it: what was read, its organisation label (null
 * when a column names each row's organisation), the header each field was read from in it,
 * and its rows.
 */
export function inputFileOf(read: AnalysedInput): InputFile {
  const q = read.quality;
  return {
    ...inputOf(read),
    organisation: read.organisation ?? null,
    columns: Object.fromEntries(read.columns.header),
    rowsRead: q.rowsRead,
    rowsValid: q.rowsValid,
    rowsInvalid: q.rowsInvalid,
  };
}
