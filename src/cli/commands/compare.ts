import { UsageError } from '../../errors.js';
import { compareReports, type Comparison } from '../../report/compare.js';
import { readReport } from '../saved-reports.js';
import { write, type CliIo } from '../io.js';
import { terminalText } from '../../render/terminal-text.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { COMPARE_FORMATS, type CompareFormat } from '../formats.js';

export interface CompareOptions {
  readonly format: CompareFormat;
  readonly output?: string | undefined;
  readonly quiet: boolean;
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
