import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { CHUNK_BYTES } from '../../src/ingest/load-parallel.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Readers on every path (stdin, one thread, two threads) with inputs that used to take
 * quadratic time, hang or be misreported: a 100 MB field, the endless zero device, a FIFO,
 * a file of one line longer than several chunks, without a line end. Tests that could hang run the built binary under a
 * timeout, so a hang fails the test instead of blocking the run.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'paygap-readers-'));
const SAMPLE = join(root, 'fixtures/esr-sample.csv');
const NOT_TEXT = /the file has NUL bytes, so it is not a CSV text file/;
/**
 * A line without an end, longer than three of the parallel reader's chunks and twelve of the
 * one-thread reader's 1 MB reads (12.6 MB): its header is found across them, or not. (It was
 * 40 MB; what a longer line adds is time, and linear work is checked by counting in
 * test/io/scan-records.test.ts.)
 */
const LONG_LINE = 3 * CHUNK_BYTES;
const MB = `${Math.round(LONG_LINE / 1e5) / 10} MB`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built binary under bash, killed after 20 s. */
const bash = (script: string) => spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL', env: { ...process.env, DIR: dir } });

/** Run the CLI in-process with stdin given in chunks of 64 KB, as a pipe delivers it. */
async function runWithStdin(args: string[], input: Buffer) {
  const stdin = Readable.from(
    (function* () {
      for (let at = 0; at < input.length; at += 65536) yield input.subarray(at, at + 65536);
    })(),
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: false }).on('data', (c: Buffer) => out.push(c));
  const stderr = Object.assign(new PassThrough(), { isTTY: false }).on('data', (c: Buffer) => err.push(c));
  const code = await main(args, { stdin, stdout, stderr, env: {}, cwd: root });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('readers', () => {
  it('read a 100 MB field on stdin, with every row and line number right', async () => {
    const [header, first, ...rest] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\r\n');
    // A row made invalid by its hourly rate (the fourth field from the end).
    const invalid = (row: string) => row.replace(/,[\d.]+(,[\d.]+,[\d.]+,[YN])$/, ',abc$1');
    // One line break in each 1,000 bytes of the field: 100,000 lines inside one record.
    const big = `${'x'.repeat(999)}\n`.repeat(100_000);
    const text = [`${header},Notes`, `${invalid(first as string)},"${big}"`, ...rest.map((r) => `${r},`), `${invalid(first as string).replace(/^\d+,\d+/, '99999999,99999999')},`].join('\n') + '\n';
    const result = await runWithStdin(['report', '-', '--format', 'json'], Buffer.from(text));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.population).toMatchObject({ rowsRead: 2001, rowsValid: 1999, rowsInvalid: 2 });
    // The invalid rows are listed by the line they start on: the last one after 100,000 lines inside the field.
    expect(result.stderr).toContain('line 2, Hourly Rate = "abc"');
    expect(result.stderr).toContain(`line ${2 + 100_000 + 1 + rest.length}, Hourly Rate = "abc"`);
  });

  it.each([
    ['/dev/zero on two threads', 'node bin/paygap.js validate /dev/zero --threads 2'],
    ['/dev/zero on one thread', 'node bin/paygap.js validate /dev/zero --threads 1'],
    ['/dev/zero on stdin', 'node bin/paygap.js validate - --threads 2 < /dev/zero'],
    ['a file of NUL bytes on two threads', 'head -c 5000000 /dev/zero > "$DIR/zeros.csv" && node bin/paygap.js validate "$DIR/zeros.csv" --threads 2'],
  ])('stop at once on %s: not a CSV text file (exit 1)', (_, script) => {
    const result = bash(script);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(NOT_TEXT);
  });

  it('read a FIFO with --threads 2 on one thread (it cannot be cut), with the same result as the file', async () => {
    const result = bash(`rm -f "$DIR/fifo" && mkfifo "$DIR/fifo"
      (timeout 20 sh -c 'head -c 100000 fixtures/esr-sample.csv; sleep 0.5; tail -c +100001 fixtures/esr-sample.csv' > "$DIR/fifo" &)
      node bin/paygap.js report "$DIR/fifo" --threads 2 --format json --quiet`);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    // The file cannot hang, so it is read in this process.
    const fromFile = await runCli(['report', SAMPLE, '--format', 'json', '--quiet']);
    const strip = (json: string) => ({ ...JSON.parse(json), input: undefined });
    expect(strip(result.stdout)).toEqual(strip(fromFile.stdout));
    expect(JSON.parse(result.stdout).input.sha256).toBe(JSON.parse(fromFile.stdout).input.sha256);
  });

  it.each([['2'], ['1']])(`say what a ${MB} file without a line end holds, on %s thread(s): a header, no data rows`, async (threads) => {
    const path = join(dir, `one-line-${threads}.csv`);
    writeFileSync(path, `Gender,Hourly Rate,${'x'.repeat(LONG_LINE)}`);
    const result = await runCli(['report', path, '--threads', threads]);
    expect(result.code).toBe(1);
    expect(result.stderr.slice(0, 300)).toMatch(/the file has a header but no data rows/);
    expect(result.stderr).not.toMatch(/is empty/);
  });

  it(`say a ${MB} line of no known header is that, not "empty", on two threads`, async () => {
    const path = join(dir, 'one-line-unknown.csv');
    writeFileSync(path, 'x'.repeat(LONG_LINE));
    const result = await runCli(['validate', path, '--threads', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr.slice(0, 300)).toMatch(/none of the headers is one paygap knows/);
  });

  it('say a file of blank lines has no header row, not that it is empty', async () => {
    const path = join(dir, 'blank.csv');
    writeFileSync(path, '\n\r\n\n');
    for (const threads of ['1', '2']) {
      const result = await runCli(['validate', path, '--threads', threads]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/has only blank lines \(4 bytes\): expected a header row/);
    }
  });
});
