import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError, UsageError } from '../../errors.js';
import { comparableReport, compareReports, type Comparison } from '../../report/compare.js';
import type { PublishedReport } from '../../report/published.js';
import { write, type CliIo } from '../io.js';
import { terminalText } from '../../render/terminal-text.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { COMPARE_FORMATS, type CompareFormat } from '../formats.js';

export interface CompareOptions {
  readonly format: CompareFormat;
  readonly output?: string | undefined;
  readonly quiet: boolean;
}

export async function readReport(path: string, io: CliIo): Promise<PublishedReport> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError(`${path} is not JSON: compare takes two reports made by paygap report --format json`);
  }
  const result = comparableReport.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DataError(`${path} is not a paygap report: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}`);
  }
  return json as PublishedReport;
}

/** `paygap compare <previous.json> <current.json>`: each figure then, now and the change. */
export async function compareCommand(previousPath: string, currentPath: string, options: CompareOptions, io: CliIo): Promise<Comparison> {
  if (!COMPARE_FORMATS.includes(options.format)) throw new UsageError(`--format ${options.format}: expected table, json or markdown`);
  await refuseOutputOntoInput(options.output, [previousPath, currentPath], io);
  const comparison = compareReports(await readReport(previousPath, io), await readReport(currentPath, io));
  if (!options.quiet) for (const w of comparison.warnings) await write(io.stderr, `paygap: warning: ${terminalText(w)}\n`);
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify(comparison, null, 2)}\n`;
  else if (options.format === 'markdown') text = (await import('../../render/compare-markdown.js')).renderCompareMarkdown(comparison);
  else text = (await import('../../render/compare-table.js')).renderCompareTable(comparison);
  await emit(text, options.output, io);
  return comparison;
}
