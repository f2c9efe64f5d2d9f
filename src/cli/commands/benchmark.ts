import { basename, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { buildBenchmark, type Benchmark, type OrganisationReport } from '../../report/benchmark.js';
import type { TrendFormat } from '../formats.js';
import { write, type CliIo } from '../io.js';
import type { NameSetting } from '../option-values-saved.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { readReports } from '../saved-reports.js';

export interface BenchmarkOptions {
  readonly format: TrendFormat;
  readonly output?: string | undefined;
  readonly quiet: boolean;
  /** --name file=Label. */
  readonly names: readonly NameSetting[];
}

async function render(benchmark: Benchmark, format: TrendFormat): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(benchmark, null, 2)}\n`;
    case 'markdown':
      return (await import('../../render/benchmark-markdown.js')).renderBenchmarkMarkdown(benchmark);
    case 'csv':
      return (await import('../../render/benchmark-csv.js')).renderBenchmarkCsv(benchmark);
    case 'html':
      return (await import('../../render/benchmark-html.js')).renderBenchmarkHtml(benchmark);
    case 'table':
      return (await import('../../render/benchmark-text.js')).renderBenchmarkTable(benchmark);
  }
}

/** Each --name must name one of the reports (compared as paths from the working directory). */
function namesByPath(files: readonly string[], names: readonly NameSetting[], cwd: string): Map<string, string> {
  const paths = new Set(files.map((f) => resolve(cwd, f)));
  const byPath = new Map<string, string>();
  for (const n of names) {
    const path = resolve(cwd, n.file);
    if (!paths.has(path)) throw new UsageError(`--name ${n.file}=${n.label}: ${n.file} is not one of the reports (${files.join(', ')})`);
    byPath.set(path, n.label);
  }
  return byPath;
}

/** `paygap benchmark <report.json>…`: organisations side by side, with system figures (METHOD §15). */
export async function benchmarkCommand(files: readonly string[], options: BenchmarkOptions, io: CliIo): Promise<Benchmark> {
  if (files.length < 2) throw new UsageError(`benchmark takes two or more organisations' reports (found ${files.length})`);
  const byPath = namesByPath(files, options.names, io.cwd);
  await refuseOutputOntoInput(options.output, files, io);
  const orgs: OrganisationReport[] = (await readReports(files, io)).map(({ file, report }) => ({
    file,
    report,
    name: byPath.get(resolve(io.cwd, file)) ?? report.organisation?.name ?? basename(file),
  }));
  const seen = new Map<string, string>();
  for (const o of orgs) {
    const other = seen.get(o.name);
    if (other !== undefined) throw new UsageError(`${other} and ${o.file} are both named ${o.name}: name them apart with --name file=Label`);
    seen.set(o.name, o.file);
  }
  const benchmark = buildBenchmark(orgs);
  if (!options.quiet) for (const w of benchmark.warnings) await write(io.stderr, `paygap: warning: ${w}\n`);
  await emit(await render(benchmark, options.format), options.output, io);
  return benchmark;
}
