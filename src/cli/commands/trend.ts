import { UsageError } from '../../errors.js';
import type { Target } from '../../report/targets.js';
import { buildTrend, type Trend } from '../../report/trend.js';
import type { TrendFormat } from '../formats.js';
import { write, type CliIo } from '../io.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { baselinePath, readReports, readTargets } from '../saved-reports.js';

export interface TrendOptions {
  readonly format: TrendFormat;
  readonly output?: string | undefined;
  readonly quiet: boolean;
  /** Improvement-plan targets from the config file. */
  readonly targets: readonly Target[];
  /** The config file the targets came from (their baselines are read from its folder). */
  readonly targetsFrom?: string | undefined;
}

/** Renderers load on demand. */
async function render(trend: Trend, format: TrendFormat): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(trend, null, 2)}\n`;
    case 'markdown':
      return (await import('../../render/trend-markdown.js')).renderTrendMarkdown(trend);
    case 'csv':
      return (await import('../../render/trend-csv.js')).renderTrendCsv(trend);
    case 'html':
      return (await import('../../render/trend-html.js')).renderTrendHtml(trend);
    case 'table':
      return (await import('../../render/trend-table.js')).renderTrendTable(trend);
  }
}

/** `paygap trend <report.json>…`: every figure of two or more reports over time, and the targets' progress. */
export async function trendCommand(files: readonly string[], options: TrendOptions, io: CliIo): Promise<Trend> {
  if (files.length < 2) throw new UsageError(`trend takes two or more reports (found ${files.length}); to see one report, use paygap report`);
  const baselines = options.targets.map((t) => baselinePath(t, options.targetsFrom, io.cwd));
  await refuseOutputOntoInput(options.output, [...files, ...baselines], io);
  const reports = await readReports(files, io);
  const targets = await readTargets(options.targets, options.targetsFrom, io);
  const trend = buildTrend(reports, targets);
  if (!options.quiet) for (const w of trend.warnings) await write(io.stderr, `paygap: warning: ${w}\n`);
  await emit(await render(trend, options.format), options.output, io);
  return trend;
}
