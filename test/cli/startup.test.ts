import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary's start-up: which packages a run loads (built by test/global-setup.ts). */
const root = fileURLToPath(new URL('../..', import.meta.url));
const moduleLog = fileURLToPath(new URL('../helpers/module-log.mjs', import.meta.url));

/** Runs already made, by their arguments: two tests read the same JSON run (each checks it for its own packages). */
const runs = new Map<string, { status: number | null; packages: Set<string> }>();

function packagesLoaded(args: readonly string[]): { status: number | null; packages: Set<string> } {
  const key = JSON.stringify(args);
  const made = runs.get(key) ?? loadedBy(args);
  runs.set(key, made);
  return made;
}

function loadedBy(args: readonly string[]): { status: number | null; packages: Set<string> } {
  const log = join(mkdtempSync(join(tmpdir(), 'paygap-startup-')), 'modules.txt');
  const result = spawnSync('node', ['--import', moduleLog, 'bin/paygap.js', ...args], { cwd: root, env: { ...process.env, PAYGAP_MODULE_LOG: log } });
  const urls = readFileSync(log, 'utf8').split('\n');
  return { status: result.status, packages: new Set(urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter((p) => p !== undefined)) };
}

describe('start-up stays cheap', () => {
  it.each([[['--help']], [['--version']], [['report', '--help']], [['report', 'x.csv', '--previous', 'y.json']]])('%j loads neither zod nor the table libraries', (args) => {
    const { packages } = packagesLoaded(args);
    expect([...packages].sort()).toEqual(['commander']);
  });

  it.each([
    ['report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet'],
    ['report', 'fixtures/esr-sample.csv', '--quiet'],
    ['validate', 'fixtures/esr-sample.csv', '--quiet'],
  ])('a CSV run loads no Excel library: %s %s %s', (...args) => {
    const { status, packages } = packagesLoaded(args);
    expect(status).toBe(0);
    expect(packages.has('commander')).toBe(true); // the log works
    expect([...packages].filter((p) => ['exceljs', 'jszip', 'unzipper', 'archiver'].includes(p))).toEqual([]);
  });

  it('an Excel output loads exceljs, only then', () => {
    const { status, packages } = packagesLoaded(['report', 'fixtures/esr-sample.csv', '--format', 'xlsx', '--quiet', '--output', '/dev/null']);
    expect(status).toBe(0);
    expect(packages.has('exceljs')).toBe(true);
  });

  it('JSON output does not load the table libraries', () => {
    const { status, packages } = packagesLoaded(['report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet']);
    expect(status).toBe(0);
    expect(packages.has('cli-table3')).toBe(false);
    expect(packages.has('chalk')).toBe(false);
  });
});
