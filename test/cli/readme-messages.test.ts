import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { WARNING_CODES } from '../../src/errors.js';
import { GOVUK_NOTE_CODES } from '../../src/render/reasons.js';

/**
 * The README's "What paygap tells you" is kept true: every warning code and GOV.UK note code
 * paygap has is listed there, nothing else is, and every example runs with the exit code and
 * the message the table gives.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('## What paygap tells you');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

interface Row {
  readonly code: string | undefined;
  readonly exit: number;
  readonly message: string;
  readonly example: string | undefined;
}

const codeSpan = (cell: string) => /^`(.*)`$/.exec(cell.trim())?.[1];
const rows: Row[] = section
  .split('\n')
  .filter((line) => line.startsWith('| '))
  .map((line) => line.slice(1, -1).split('|').map((c) => c.trim()))
  .filter((cells) => /^[012]$/.test(cells[1] ?? ''))
  .map((cells) => ({ code: codeSpan(cells[0]!), exit: Number(cells[1]), message: codeSpan(cells[2]!) ?? '', example: codeSpan(cells[4] ?? '') }));

/** Split an example as a shell would, for the double quotes the examples use. */
function argv(example: string): string[] {
  const words = example.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
  return words.map((w) => w.replaceAll('"', '')).slice(1);
}

describe('README: What paygap tells you', () => {
  it('lists every warning code and GOV.UK note code, and no other', () => {
    const listed = new Set(rows.map((r) => r.code).filter((c): c is string => c !== undefined));
    expect([...WARNING_CODES, ...GOVUK_NOTE_CODES].filter((c) => !listed.has(c))).toEqual([]);
    expect([...listed].filter((c) => !(WARNING_CODES as readonly string[]).includes(c) && !(GOVUK_NOTE_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(rows.length).toBeGreaterThan(40);
  });

  it.each(rows.filter((r) => r.example !== undefined).map((r) => [r.example!, r] as const))('%s', async (_, row) => {
    const result = await runCli(argv(row.example!));
    expect(result.code).toBe(row.exit);
    if (row.exit === 0) expect(result.stdout).not.toBe('');
    else expect(result.stdout).toBe('');
    expect(`${result.stderr}${result.stdout}`).toContain(row.message);
  });
});
