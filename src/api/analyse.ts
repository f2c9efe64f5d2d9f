import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { parseConfig } from '../cli/config.js';
import { settleSettings } from '../cli/settings.js';
import { reportOptions } from '../cli/options.js';
import { toolVersion } from '../cli/version.js';
import { placeOf } from '../ingest/row-place.js';
import { reportExport } from '../pipeline.js';
import { compareReports } from '../report/compare.js';
import type { Report } from '../report/model.js';
import type { PublishedReport } from '../report/published.js';
import { publish, renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderHtml } from '../render/html.js';
import { renderCsv } from '../render/csv.js';
import { renderTable } from '../render/table.js';
import type { AnalyseSettings } from './settings.js';

/**
 * The library: `analyse(input, settings)` for Node scripts in monthly jobs. The same way
 * through as `paygap report` (read, validate, compute, disclosure control), with the
 * settings a config file holds, checked by the same schema; the result is the published
 * JSON report and every format the command writes. Nothing is printed: warnings and the
 * invalid rows are returned, and problems are thrown as `DataError` (the data) or
 * `UsageError` (the settings), as the command would exit 1 or 2.
 */

/** An export: a path (or file URL), CSV text, or the bytes of a CSV file or an Excel workbook. */
export type AnalyseInput = string | URL | { readonly text: string; readonly name?: string } | { readonly bytes: Uint8Array; readonly name?: string };

/** A row left out, as the command lists it on stderr: where (`line 7` or `sheet Staff, row 7`), the column, the value, why. */
export interface InvalidRow {
  readonly place: string;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export interface Analysis {
  /** The JSON report (schemaVersion 1): the object `paygap report --format json` writes. */
  readonly report: PublishedReport;
  /** Warnings about the settings and the data (what the command prints as warnings). */
  readonly warnings: readonly string[];
  /** Rows read, valid and invalid; the first invalid rows in full, and every one by reason. */
  readonly rows: {
    readonly read: number;
    readonly valid: number;
    readonly invalid: number;
    readonly firstInvalid: readonly InvalidRow[];
    readonly invalidByReason: readonly { readonly reason: string; readonly count: number }[];
  };
  /** The JSON report as text, as `--format json` writes it. */
  json(): string;
  /** The board-paper Markdown of `--format markdown`. */
  markdown(): string;
  /** The self-contained page of `--format html`; `previous`: last year's JSON report, for year-on-year charts. */
  html(options?: { readonly previous?: PublishedReport }): string;
  /** The tidy CSV of `--format csv`. */
  csv(): string;
  /** The terminal tables of `--format table`, without colour. */
  table(): string;
  /** The Excel workbook of `--format xlsx` (loads exceljs). */
  xlsx(): Promise<Uint8Array>;
}

/** Where relative paths start (default: the process's working directory). */
export interface AnalyseOptions {
  readonly cwd?: string;
}

const SETTINGS_NAME = 'analyse() settings';

/** Analyse an export: the published report and its renderings. */
export async function analyse(input: AnalyseInput, settings: AnalyseSettings = {}, options: AnalyseOptions = {}): Promise<Analysis> {
  const { strict, ...configKeys } = settings as AnalyseSettings & { strict?: unknown };
  if (strict !== undefined && typeof strict !== 'boolean') throw new UsageError(`${SETTINGS_NAME}:\n  strict: expected true or false`);
  const config = await parseConfig(configKeys, SETTINGS_NAME);
  const { options: run, warnings } = reportOptions(settleSettings('report', new Map(), config));
  const { file, stdin, name } = source(input);
  const { analysed, report } = await reportExport(file, { ...run, strict: strict === true }, { cwd: options.cwd ?? process.cwd(), stdin, name }, toolVersion());
  const q = analysed.quality;
  return {
    report: publish(report),
    warnings: [...warnings, ...report.warnings],
    rows: {
      read: q.rowsRead,
      valid: q.rowsValid,
      invalid: q.rowsInvalid,
      firstInvalid: q.firstIssues.map((i) => ({ place: placeOf(q.places, i.line), column: i.column, value: i.value, message: i.message })),
      invalidByReason: q.invalidByReason,
    },
    ...renderings(report),
  };
}

function renderings(report: Report): Pick<Analysis, 'json' | 'markdown' | 'html' | 'csv' | 'table' | 'xlsx'> {
  return {
    json: () => renderJson(report),
    markdown: () => renderMarkdown(report),
    html: (o = {}) => renderHtml(report, { previous: o.previous === undefined ? undefined : compareReports(o.previous, publish(report)) }),
    csv: () => renderCsv(report),
    table: () => renderTable(report, { colour: false }),
    xlsx: async () => (await import('../render/xlsx.js')).renderXlsx(report),
  };
}

/** A path is read as a file; text and bytes as the command reads stdin, under the name given. */
function source(input: AnalyseInput): { file: string; stdin: Readable; name: string | undefined } {
  if (typeof input === 'string') return { file: input, stdin: Readable.from([]), name: undefined };
  if (input instanceof URL) return { file: fileURLToPath(input), stdin: Readable.from([]), name: undefined };
  const bytes = 'text' in input ? Buffer.from(input.text, 'utf8') : Buffer.from(input.bytes);
  return { file: '-', stdin: Readable.from([bytes]), name: input.name };
}
