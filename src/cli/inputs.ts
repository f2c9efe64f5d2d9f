import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { excerpt, UsageError, warning, type Warning } from '../errors.js';
import { defaultLabel } from '../ingest/organisations.js';
import type { Field, MappedColumns } from '../schema/fields.js';
import type { CliIo } from './io.js';
import type { NameSetting } from './option-values-saved.js';

/** The exports a report or validate reads, and each one's organisation label when there are several. */
export interface InputFiles {
  readonly files: readonly string[];
  /** One label per file (several files without an organisation column); undefined otherwise. */
  readonly organisations: readonly string[] | undefined;
  /** Said, but no reason to stop: --organisation when an organisation column says instead. */
  readonly warnings: readonly Warning[];
}

const shown = (file: string) => (file === '-' ? '- (stdin)' : excerpt(file));

/**
 * Check the files given and name their organisations (METHOD §16.1), before anything is read:
 * each file once (the same path, or the same file through another path or a link), stdin
 * once, each `--organisation` naming one of the files, once, and no two files with the same
 * label (base names without extension, unless `--organisation` says otherwise). With an
 * organisation column (`--map organisation=Header`) the column names each row's organisation
 * and labels are not used.
 */
export async function inputFiles(files: readonly string[], labels: readonly NameSetting[], map: ReadonlyMap<Field, MappedColumns>, io: Pick<CliIo, 'cwd'>): Promise<InputFiles> {
  await requireEachOnce(files, io.cwd);
  if (labels.length > 0 && files.length === 1) {
    throw new UsageError('--organisation names the organisation of one of several exports; for the organisation of a report of one export, use --organisation-name');
  }
  const byPath = labelsByPath(files, labels, io.cwd);
  if (map.has('organisation')) {
    const ignored = labels.length === 0 ? [] : [warning('organisation-ignored', `--organisation has no effect: each row's organisation is read from the column ${excerpt(String(map.get('organisation')))} (--map organisation=…), which wins`)];
    return { files, organisations: undefined, warnings: ignored };
  }
  if (files.length === 1) return { files, organisations: undefined, warnings: [] };
  const organisations = files.map((file) => byPath.get(pathOf(file, io.cwd)) ?? defaultLabel(file));
  const seen = new Map<string, string>();
  files.forEach((file, i) => {
    const label = organisations[i] as string;
    const other = seen.get(label);
    if (other !== undefined) {
      throw new UsageError(`${shown(other)} and ${shown(file)} would both be the organisation ${excerpt(label)}: name them apart with --organisation file=Label`);
    }
    seen.set(label, file);
  });
  return { files, organisations, warnings: [] };
}

const pathOf = (file: string, cwd: string) => (file === '-' ? '-' : resolve(cwd, file));

/** stdin once; each file once, by path and by the file itself (device and inode). */
async function requireEachOnce(files: readonly string[], cwd: string): Promise<void> {
  const stdin = files.filter((f) => f === '-').length;
  if (stdin > 1) throw new UsageError(`- (stdin) is given ${stdin} times: stdin can be read once; save the other exports to files`);
  const seen: { file: string; path: string; id: string | undefined }[] = [];
  for (const file of files) {
    if (file === '-') continue;
    const path = resolve(cwd, file);
    const info = await stat(path).catch(() => undefined);
    const id = info === undefined || !info.isFile() ? undefined : `${info.dev}:${info.ino}`;
    const same = seen.find((s) => s.path === path || (id !== undefined && s.id === id));
    if (same !== undefined) {
      throw new UsageError(same.file === file ? `${excerpt(file)} is given twice: give each export once` : `${excerpt(same.file)} and ${excerpt(file)} are the same file: give each export once`);
    }
    seen.push({ file, path, id });
  }
}

/** Each --organisation must name one of the files given, once. */
function labelsByPath(files: readonly string[], labels: readonly NameSetting[], cwd: string): Map<string, string> {
  const paths = new Set(files.map((f) => pathOf(f, cwd)));
  const byPath = new Map<string, string>();
  for (const l of labels) {
    const path = pathOf(l.file, cwd);
    if (!paths.has(path)) throw new UsageError(`--organisation ${l.file}=${l.label}: ${excerpt(l.file)} is not one of the files given (${files.map(shown).join(', ')})`);
    if (byPath.has(path)) throw new UsageError(`--organisation names ${excerpt(l.file)} twice: give each file one organisation`);
    byPath.set(path, l.label);
  }
  return byPath;
}
