import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError, UsageError } from '../../errors.js';
import { FIELDS, FIELD_INFO, normaliseHeader, type Field } from '../../schema/fields.js';
import { resolveHeaders } from '../../schema/headers.js';
import { planRun } from '../../ingest/plan.js';
import type { Readable } from 'node:stream';
import { openInput, peekStream, readAll } from '../../io/source.js';
import { isOleFile, isZip, oldExcelFile } from '../../io/workbook.js';
import { RecordScanner } from '../../io/scan-records.js';
import { CONFIG_FILE } from '../config-file.js';
import { defaultOf } from '../option-table.js';
import { write, type CliIo } from '../io.js';
import { emit, refuseOutputOntoInput } from '../output.js';
import { terminalText as tt } from '../../render/terminal-text.js';

/** The config `paygap init` proposes: the mapping found, the pay method and unit, the default minimum group size. */
export interface ProposedConfig {
  readonly map: Record<string, string>;
  readonly payMethod?: string;
  readonly unit?: string;
  readonly minGroupSize: number;
  /** An Excel workbook's sheet, named so a later run reads the same one. */
  readonly sheet?: string;
}

export interface InitOptions {
  readonly output?: string | undefined;
  readonly force: boolean;
  /** --sheet: an Excel workbook's sheet (default: the first). */
  readonly sheet?: string | undefined;
}

/** A workbook's header row (and where it is), or a CSV file's header record. */
async function readHeaders(file: string, options: InitOptions, io: CliIo): Promise<{ headers: string[]; sheet?: { name: string; row: number } }> {
  const source = await openInput(file, io.stdin, io.cwd);
  const { head, stream } = await peekStream(source.stream);
  if (isOleFile(head)) throw oldExcelFile(file);
  if (!isZip(head)) return { headers: await readHeader(file, stream) };
  const { workbookHeader } = await import('../../ingest/load-workbook.js');
  const found = await workbookHeader(file, await readAll(stream), { sheet: options.sheet, map: new Map() });
  return { headers: found.headers, sheet: { name: found.sheet, row: found.row } };
}

/** The header record of a CSV file, reading no further than it. */
async function readHeader(file: string, stream: Readable): Promise<string[]> {
  let headers: string[] | undefined;
  const scanner = new RecordScanner({
    header(fields) {
      headers = fields;
      return [];
    },
    record() {},
    malformed() {},
  });
  for await (const chunk of stream) {
    scanner.push(chunk as Buffer);
    if (headers !== undefined) break;
  }
  if (headers === undefined) scanner.end();
  stream.destroy();
  if (headers === undefined) throw new DataError(`${file} is empty: expected a header row`);
  return headers;
}

/** Ignored headers that share a word with one of the field's aliases: likely candidates. */
function candidates(field: Field, ignored: readonly string[]): string[] {
  const words = new Set(FIELD_INFO[field].aliases.flatMap((a) => a.toLowerCase().split(/\W+/)).filter((w) => w.length > 2));
  return ignored.filter((h) => h.toLowerCase().split(/\W+/).some((w) => words.has(w)));
}

/**
 * `paygap init <file>`: look at an export's headers, show which field each was matched to
 * (and by which alias), which fields are missing, and write a paygap.config.json that maps
 * every matched column explicitly, so a renamed column fails loudly in a later monthly run.
 */
export async function initCommand(file: string, options: InitOptions, io: CliIo): Promise<ProposedConfig> {
  await refuseOutputOntoInput(options.output ?? CONFIG_FILE, [file], io);
  const { headers, sheet } = await readHeaders(file, options, io);
  const columns = resolveHeaders(headers, new Map());
  // A file a report could not run on yet still gets a proposal, with what is missing said.
  let plan: ReturnType<typeof planRun> | undefined;
  let problem: DataError | undefined;
  try {
    plan = planRun(columns, { payMethod: 'auto', salaryBasis: 'fte' });
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    problem = error;
  }

  // Headers and file names come from outside: each goes through terminalText on its way to the terminal.
  const lines = [sheet === undefined ? `Headers in ${tt(file)}:` : `Headers in ${tt(file)}, sheet ${tt(sheet.name)} (row ${sheet.row}):`];
  for (const field of FIELDS) {
    const header = columns.header.get(field);
    if (header !== undefined) {
      const alias = FIELD_INFO[field].aliases.find((a) => normaliseHeader(a) === normaliseHeader(header));
      lines.push(`  ${field.padEnd(18)} ← "${tt(header)}"${alias !== undefined && alias !== header ? ` (matches "${alias}")` : ''}`);
    }
  }
  const unmapped = FIELDS.filter((f) => !columns.index.has(f));
  if (unmapped.length > 0) {
    lines.push('Not found (optional unless a run needs them):');
    for (const field of unmapped) {
      const maybe = candidates(field, columns.ignored);
      lines.push(`  ${field.padEnd(18)}   accepted: ${FIELD_INFO[field].aliases.join(', ')}${maybe.length ? `; perhaps ${maybe.map((h) => `"${tt(h)}"`).join(', ')}?` : ''}`);
    }
  }
  if (columns.ignored.length > 0) lines.push(`Ignored columns: ${columns.ignored.map((h) => `"${tt(h)}"`).join(', ')}`);
  if (plan !== undefined) lines.push(`Pay method: ${plan.payMethod} (${tt(plan.payMethodReason)}); unit: ${plan.unit}`);
  else lines.push(`Before a report can run: ${tt(problem?.message ?? '')}. Add the column to "map" in the config.`);

  const config: ProposedConfig = {
    map: Object.fromEntries(columns.header),
    ...(plan === undefined ? {} : { payMethod: plan.payMethod, unit: plan.unit }),
    minGroupSize: defaultOf('minGroupSize'),
    ...(sheet === undefined ? {} : { sheet: sheet.name }),
  };
  const target = resolve(io.cwd, options.output ?? CONFIG_FILE);
  if (!options.force) {
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`${target} already exists; use --force to replace it`);
  }
  await emit(`${JSON.stringify(config, null, 2)}\n`, options.output ?? CONFIG_FILE, io);
  lines.push(`Wrote ${tt(target)}. Edit it to change the mapping or settings; options on the command line override it.`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return config;
}
