import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { csvAsSheetRows, workbookBytes } from '../helpers/workbook.js';

/**
 * The README's Excel examples work as written: each command of the "Excel in and out"
 * example block is run, in order, in a folder holding a staff.xlsx (the bundled sample saved
 * as a workbook, sheet "Staff 2025").
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Words of a simple shell line: "double quotes", `> file`, a trailing # comment. */
function words(line: string): { args: string[]; redirect: string | undefined } {
  const found = [...line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? (m[2] as string));
  const at = found.indexOf('>');
  return at === -1 ? { args: found, redirect: undefined } : { args: found.slice(0, at), redirect: found[at + 1] };
}

function exampleCommands(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Excel in and out'), readme.indexOf('### Beyond the headline'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').filter((line) => line.startsWith('paygap '));
}

describe('README: Excel in and out', () => {
  const commands = exampleCommands();

  it('has examples of reading and writing workbooks', () => {
    expect(commands.some((c) => c.includes('--format xlsx --output'))).toBe(true);
    expect(commands.some((c) => c.includes('--sheet'))).toBe(true);
  });

  it('runs every example as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-readme-xlsx-'));
    made.push(dir);
    const { header, rows, dateColumn } = csvAsSheetRows(readFileSync('fixtures/esr-sample.csv', 'utf8'));
    writeFileSync(join(dir, 'staff.xlsx'), await workbookBytes([{ name: 'Staff 2025', rows: [header, ...rows], formats: { [dateColumn]: 'dd/mm/yyyy' } }]));
    for (const command of commands) {
      const { args, redirect } = words(command);
      const result = await runCli(args.slice(1), { cwd: dir });
      expect(result.code, `${command}\n${result.stderr}`).toBe(0);
      if (redirect !== undefined) writeFileSync(join(dir, redirect), result.stdoutBytes);
    }
    expect(readFileSync(join(dir, 'pay-gaps.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).input.sheet).toBe('Staff 2025');
    expect(existsSync(join(dir, 'staff.csv'))).toBe(true);
  });
});
