import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

/**
 * A hostile export, as a careless user or an attacker could hand paygap: staff groups,
 * custom values, a header and the file's own name carry terminal escape sequences
 * (retitle the terminal, clear the screen), Markdown links to javascript:, HTML tags and
 * newlines. Every command that prints must show them as text and run none of them.
 */
const TERMINAL = '\x1b]0;PWNED\x07\x1b[2J';
const SHOWN = '␛]0;PWNED␇␛[2J';
const C1 = '\u009b31mred';
const MARKDOWN = ['<script>alert(1)</script>', '[click](javascript:alert(5))', '"><img src=x onerror=alert(2)>', 'two\nlines | and a pipe'];
const VALUES = [TERMINAL, C1, ...MARKDOWN];

/** Anything a terminal would act on, apart from line ends (and, where colour is on, chalk's own colour codes). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SGR = /\x1b\[\d+(;\d+)*m/g;

function hostileExport(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-hostile-'));
  const rows = [...Array(48)].map((_, i) => [
    String(1000 + i),
    i % 2 ? 'Male' : 'Female',
    i === 47 ? `${TERMINAL}12` : String(11 + (i % 9)),
    i % 3 === 0 ? 'Nursing' : (VALUES[i % VALUES.length] as string),
    VALUES[i % VALUES.length] as string,
    i === 5 ? TERMINAL : 'A',
    'x',
  ]);
  const file = join(dir, `${TERMINAL}export.csv`);
  writeFileSync(file, csv(['Employee Number', 'Gender', 'Hourly Rate', 'Staff Group', 'Religion', 'Ethnic Origin', `Notes${TERMINAL}`], rows));
  return { dir, file };
}

const parser = new MarkdownIt({ html: true, linkify: true });

/** Markdown that opens no tag and no link, keeps every table row whole, and shows the hostile values as text. */
function expectSafeMarkdown(markdown: string): void {
  expect(markdown).not.toMatch(RAW_CONTROL);
  const html = parser.render(markdown);
  expect(html).not.toMatch(/<(script|img|a)[\s>]/);
  expect(html).not.toMatch(/<[^>]*\b(href|src|on\w+)=/);
  const tokens = parser.parse(markdown, {});
  const tableLines = markdown.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---')).length;
  expect(tokens.filter((t) => t.type === 'tr_open').length).toBe(tableLines);
  const text = tokens.flatMap((t) => (t.type === 'inline' ? (t.children ?? []).map((c) => c.content) : [])).join('');
  expect(text).toContain('<script>alert(1)</script>');
  expect(text).toContain('[click](javascript:alert(5))');
}

describe('text from a hostile export', () => {
  const { dir, file } = hostileExport();
  const report = ['report', file, '--within', 'staffGroup', '--explain', 'staffGroup', '--characteristic', 'religion=Religion', '--min-group-size', '0'];

  it.each([false, true])('report tables (colour %s) and stderr show escape sequences as text', async (tty) => {
    const result = await runCli(report, { tty });
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(SGR, '')).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain(`${SHOWN}export.csv`);
    expect(result.stdout).toContain(SHOWN);
    expect(result.stdout).toContain('\\u{9B}31mred');
    // The invalid row is listed on stderr with its value shown, not run.
    expect(result.stderr).toMatch(/line \d+, Hourly Rate = "\\u001b\]0;PWNED\\u0007\\u001b\[2J12"/);
  });

  it('JSON, from report and validate, carries every value exactly and nothing a terminal would act on', async () => {
    const json = await runCli([...report, '--format', 'json', '--quiet']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(json.stdout).toContain('\\u009b31mred');
    const religion = JSON.parse(json.stdout).characteristics.find((c: { characteristic: string }) => c.characteristic === 'religion');
    expect(religion.groups.map((g: { group: string }) => g.group)).toEqual(expect.arrayContaining(VALUES));
    const quality = await runCli(['validate', file, '--format', 'json', '--quiet']);
    expect(quality.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(quality.stdout).ignoredHeaders).toContain(`Notes${TERMINAL}`);
  });

  it('Markdown reports keep every value as text', async () => {
    const result = await runCli([...report, '--format', 'markdown', '--quiet']);
    expect(result.code).toBe(0);
    expectSafeMarkdown(result.stdout);
  });

  it('validate shows ignored headers, unrecognised codes and groups as text', async () => {
    const result = await runCli(['validate', file, '--characteristic', 'religion=Religion']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toMatch(new RegExp(`Ignored headers: .*Notes${SHOWN.replaceAll("[", "\\[")}`));
    expect(result.stdout).toContain('Unrecognised codes');
  });

  it('init prints headers and the file name as text', async () => {
    const result = await runCli(['init', file, '--output', join(dir, 'config.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain(`"Notes${SHOWN}"`);
  });

  it('compare shows both reports’ texts and its warnings as text, in a table and in Markdown', async () => {
    const json = (await runCli([...report, '--format', 'json', '--quiet'])).stdout;
    const previous = JSON.parse(json);
    previous.characteristics.find((c: { characteristic: string }) => c.characteristic === 'religion').referenceGroup = TERMINAL;
    writeFileSync(join(dir, 'then.json'), JSON.stringify(previous));
    writeFileSync(join(dir, 'now.json'), json);
    const table = await runCli(['compare', join(dir, 'then.json'), join(dir, 'now.json')]);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(RAW_CONTROL);
    expect(table.stderr).toContain(`paygap: warning: religion/religion: the reference group changed from ${SHOWN}`);
    expect(table.stderr).not.toMatch(RAW_CONTROL);
    const markdown = await runCli(['compare', join(dir, 'then.json'), join(dir, 'now.json'), '--format', 'markdown', '--quiet']);
    expectSafeMarkdown(markdown.stdout);
  });

  it('error messages show file names and option values as text', async () => {
    const missing = await runCli(['report', join(dir, `${TERMINAL}missing.csv`)]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).not.toMatch(RAW_CONTROL);
    const format = await runCli(['report', file, '--format', TERMINAL]);
    expect(format.code).toBe(2);
    expect(format.stderr).not.toMatch(RAW_CONTROL);
    const reference = await runCli([...report, '--reference', `religion=${TERMINAL}x`]);
    expect(reference.code).toBe(1);
    expect(reference.stderr).not.toMatch(RAW_CONTROL);
    expect(readFileSync(file, 'utf8')).toContain(TERMINAL);
  });
});
