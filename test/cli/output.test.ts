import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';

/**
 * --output cannot harm: it writes through links, never turns a device into a file, never
 * writes over the input, never follows a planted temporary file, says plainly when the disk
 * is full, and leaves the old file whole and no temporary file when it fails. (Run as root,
 * as monthly jobs are: the device cases are the ones root could break.) Cases that could
 * hang run the built binary under a timeout.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(root, 'fixtures/esr-sample.csv');
const CLI = join(root, 'bin/paygap.js');
const isRoot = process.getuid?.() === 0;

const made: string[] = [];
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygap-output-'));
  made.push(dir);
  copyFileSync(SAMPLE, join(dir, 'staff.csv'));
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
const report = (dir: string, ...args: string[]) => runCli(['report', 'staff.csv', '--format', 'json', '--quiet', ...args], { cwd: dir });
/** The built binary under bash in `dir`, killed after 20 s. */
const bash = (dir: string, script: string) => spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL', env: { ...process.env, PAYGAP: `node ${CLI}` } });

describe('--output', () => {
  it('writes a regular file whole, leaving no temporary file', async () => {
    const dir = workdir();
    const result = await report(dir, '--output', 'out.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).population.rowsRead).toBe(2000);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('keeps the permissions of a file it replaces', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'out.json'), 'old');
    chmodSync(join(dir, 'out.json'), 0o640);
    expect((await report(dir, '--output', 'out.json')).code).toBe(0);
    expect(statSync(join(dir, 'out.json')).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link: the link is kept and the file it points to is written', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    symlinkSync('new.json', join(dir, 'dangling.json'));
    expect((await report(dir, '--output', 'link.json')).code).toBe(0);
    expect((await report(dir, '--output', 'dangling.json')).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).population.rowsRead).toBe(2000);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'new.json'), 'utf8')).population.rowsRead).toBe(2000);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('does not follow a symbolic link planted at the temporary name it used to use', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    symlinkSync('victim.txt', join(dir, `.out.json.${process.pid}.tmp`));
    expect((await report(dir, '--output', 'out.json')).code).toBe(0);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).population.rowsRead).toBe(2000);
    expect(temporaryFiles(dir)).toEqual([`.out.json.${process.pid}.tmp`]);
  });

  it('writes to a FIFO: a reader gets the bytes, and the FIFO stays a FIFO', () => {
    const dir = workdir();
    const result = bash(dir, `mkfifo fifo
      timeout 20 cat fifo > got.json & reader=$!
      $PAYGAP report staff.csv --format json --quiet --output fifo; echo "status=$?"
      wait $reader; test -p fifo && echo "still a fifo"`);
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe('status=0\nstill a fifo\n');
    expect(JSON.parse(readFileSync(join(dir, 'got.json'), 'utf8')).population.rowsRead).toBe(2000);
  });

  it.runIf(isRoot)('writes to a device node without turning it into a file (a null device made with mknod, /dev/null)', async () => {
    const dir = workdir();
    expect(bash(dir, 'mknod null c 1 3').status).toBe(0);
    const before = statSync('/dev/null');
    expect((await report(dir, '--output', 'null')).code).toBe(0);
    expect((await report(dir, '--output', '/dev/null')).code).toBe(0);
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null')).toMatchObject({ ino: before.ino, rdev: before.rdev });
    expect(temporaryFiles(dir)).toEqual([]);
    expect(temporaryFiles('/dev')).toEqual([]);
  });

  it('stops with a plain message (exit 1) on a full disk: /dev/full', async () => {
    const dir = workdir();
    const result = await report(dir, '--output', '/dev/full');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('paygap: error: cannot write /dev/full: the disk is full\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('says plainly when stdout is on a full disk', () => {
    const result = bash(workdir(), '$PAYGAP report staff.csv --quiet > /dev/full');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('paygap: error: cannot write the result to stdout: the disk is full\n');
  });

  it('leaves the old file whole and no temporary file when writing fails half way (a file size limit)', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'out.json'), 'last month');
    // ulimit -f 8: at most 8 KB per file; the report is about 65 KB (node ignores SIGXFSZ, so the write fails with EFBIG).
    const result = bash(dir, 'ulimit -f 8 && $PAYGAP report staff.csv --format json --quiet --output out.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^paygap: error: cannot write out\.json: the file would be larger than/);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('last month');
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('writes to standard output named as a path, whatever it is: a socket, a pipe, a file, appended to', async () => {
    const dir = workdir();
    const inProcess = await report(dir, '--output', '/dev/stdout');
    expect(JSON.parse(inProcess.stdout).population.rowsRead).toBe(2000);
    expect((await report(dir, '--output', '/proc/self/fd/2')).stderr).toBe(inProcess.stdout);
    expect(bash(dir, '$PAYGAP report staff.csv --format json --quiet --output /dev/stdout | cat').stdout).toBe(inProcess.stdout);
    const piped = bash(dir, '$PAYGAP report staff.csv --format json --quiet --output /dev/stdout');
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).population.rowsRead).toBe(2000);
    const redirected = bash(dir, '$PAYGAP report staff.csv --format json --quiet --output /dev/stdout > out.json && $PAYGAP report staff.csv --format csv --quiet --output /dev/fd/1 >> out.json');
    expect(redirected.status).toBe(0);
    // The CSV expected after the JSON is made in this process (the same bytes; a spawn costs a second).
    const csvText = (await runCli(['report', 'staff.csv', '--format', 'csv', '--quiet'], { cwd: dir })).stdout;
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(piped.stdout + csvText);
    expect(temporaryFiles(dir)).toEqual([]);
    expect(temporaryFiles('/dev')).toEqual([]);
  });

  describe('onto the input', () => {
    // Reading this file is a data error (exit 1): exit 2 shows the refusal came before reading.
    const notText = (dir: string) => writeFileSync(join(dir, 'staff.csv'), Buffer.alloc(100));

    it.each([
      ['the same path', ['report', 'staff.csv', '--output', 'staff.csv']],
      ['another spelling of the path', ['validate', 'staff.csv', '--output', `./sub/../staff.csv`]],
      ['a symbolic link to it', ['report', 'staff.csv', '--output', 'link.csv']],
      ['a hard link to it', ['validate', 'staff.csv', '--output', 'hard.csv']],
      ['the input as a link', ['report', 'link.csv', '--output', 'staff.csv']],
      ['the config written by init, even with --force', ['init', 'staff.csv', '--output', 'staff.csv', '--force']],
      ['last year’s report given with --previous', ['report', 'staff.csv', '--format', 'html', '--previous', 'last.json', '--output', 'last.json']],
      ['a report compare reads', ['compare', 'last.json', 'staff.csv', '--output', 'last.json']],
    ])('is refused before anything is read (exit 2): %s', async (_, args) => {
      const dir = workdir();
      notText(dir);
      writeFileSync(join(dir, 'last.json'), '{}');
      symlinkSync('staff.csv', join(dir, 'link.csv'));
      linkSync(join(dir, 'staff.csv'), join(dir, 'hard.csv'));
      const before = readFileSync(join(dir, 'staff.csv'));
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/paygap: --output \S+ is the input \S+: paygap never writes over its input; choose another file for the output/);
      expect(readFileSync(join(dir, 'staff.csv')).equals(before)).toBe(true);
      expect(readFileSync(join(dir, 'last.json'), 'utf8')).toBe('{}');
      expect(temporaryFiles(dir)).toEqual([]);
    });

    it('is refused when neither exists yet but both name the same file', async () => {
      const result = await runCli(['report', 'new.csv', '--output', 'x/../new.csv'], { cwd: workdir() });
      expect(result.code).toBe(2);
    });
  });
});
