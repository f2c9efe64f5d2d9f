import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { write, type CliIo } from './io.js';

/**
 * Where a result goes: stdout, or the file named by --output (or by init), written so that it
 * cannot harm what is already there. Monthly jobs run this as root, so every case matters:
 *
 * - A regular file (or a new one) is written atomically: a temporary file with an
 *   unpredictable name is created exclusively (O_EXCL, so never through a link planted there)
 *   in the same folder, synced, then renamed over the target. A run that fails leaves the old
 *   file as it was and no temporary file behind. A replaced file keeps its permissions.
 * - A symbolic link is written through: the file it points to is replaced, the link is kept.
 * - A FIFO or a device (/dev/null, a terminal, /dev/full) is opened and written directly: a
 *   rename would replace the device node with a regular file. Standard output or error named
 *   as a path (/dev/stdout, /dev/fd/2, /proc/self/fd/1) is that stream, as `-` is stdout
 *   (opening the path fails when the stream is a socket); another open file named by its
 *   descriptor is opened and written directly.
 * - The input is never written over: commands call `refuseOutputOntoInput` before reading.
 * - A full disk is a data error with a plain message, not an unexpected error.
 *
 * The result is text (every format but one) or bytes (an Excel workbook); both take the
 * same way.
 */
export async function emit(text: string | Uint8Array, output: string | undefined, io: CliIo): Promise<void> {
  const path = output === undefined || output === '-' ? '/dev/stdout' : resolve(io.cwd, output);
  const stream = STANDARD[path];
  if (stream === undefined) return writeOutput(path, text, output as string);
  try {
    await write(io[stream], text);
  } catch (error) {
    const reason = DISK_FULL[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason === undefined) throw error; // a closed pipe stays a quiet success (cli/main.ts)
    throw new DataError(`cannot write the result to ${stream}: ${reason}`);
  }
}

/** Write `text` to the file at `path` (absolute) as described above; `shown` names it in messages. */
async function writeOutput(path: string, text: string | Uint8Array, shown: string): Promise<void> {
  try {
    if (NAMES_AN_OPEN_FILE.test(path)) return await writeDirect(path, text);
    const existing = await stat(path).catch(missing);
    if (existing?.isDirectory()) throw new DataError(`cannot write ${shown}: it is a folder`);
    if (existing !== undefined && !existing.isFile()) return await writeDirect(path, text);
    await writeAtomic(await linkTarget(path), text, existing);
  } catch (error) {
    throw writeError(shown, error);
  }
}

/**
 * Stop with a usage error (exit 2) when --output names one of the inputs: the same file
 * (device and inode, through any links) or, when either does not exist yet, the same path
 * once links are followed. Commands call this first, before anything is read.
 */
export async function refuseOutputOntoInput(output: string | undefined, inputs: readonly (string | undefined)[], io: Pick<CliIo, 'cwd'>): Promise<void> {
  if (output === undefined || output === '-') return;
  const outputPath = resolve(io.cwd, output);
  const outputInfo = await stat(outputPath).catch(() => undefined);
  for (const input of inputs) {
    if (input === undefined || input === '-') continue;
    const inputPath = resolve(io.cwd, input);
    const inputInfo = await stat(inputPath).catch(() => undefined);
    // Reading and writing the same terminal or null device harms nothing.
    const same =
      outputInfo !== undefined && inputInfo !== undefined
        ? outputInfo.dev === inputInfo.dev && outputInfo.ino === inputInfo.ino && !inputInfo.isCharacterDevice()
        : (await settledPath(outputPath)) === (await settledPath(inputPath));
    if (same) throw new UsageError(`--output ${output} is the input ${input}: paygap never writes over its input; choose another file for the output`);
  }
}

/**
 * The result would go to standard output (no --output, `-`, or stdout named as a path).
 * `paygap report --format xlsx` uses it to refuse writing a workbook's bytes to a terminal.
 */
export function writesToStdout(output: string | undefined, io: Pick<CliIo, 'cwd'>): boolean {
  return output === undefined || output === '-' || STANDARD[resolve(io.cwd, output)] === 'stdout';
}

const STANDARD: Record<string, 'stdout' | 'stderr'> = {
  '/dev/stdout': 'stdout',
  '/dev/fd/1': 'stdout',
  '/proc/self/fd/1': 'stdout',
  '/dev/stderr': 'stderr',
  '/dev/fd/2': 'stderr',
  '/proc/self/fd/2': 'stderr',
};

/** An open file named by its descriptor: never renamed over. */
const NAMES_AN_OPEN_FILE = /^\/dev\/(stdout|stderr|stdin|fd\/\d+)$|^\/proc\/(self|thread-self|\d+)\/fd\/\d+$/;

const DISK_FULL: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be larger than the file system or a file size limit allows',
};

const REASONS: Record<string, string> = {
  ...DISK_FULL,
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many symbolic links',
  ENXIO: 'it cannot be opened for writing (a socket, or a device that is not there)',
  EEXIST: 'a file is in the way of the temporary file; run again',
};

function writeError(shown: string, error: unknown): Error {
  if (error instanceof DataError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error as Error;
  return new DataError(`cannot write ${shown}: ${REASONS[code] ?? `${code} (${(error as Error).message})`}`);
}

const missing = (error: NodeJS.ErrnoException): undefined => {
  if (error.code === 'ENOENT') return undefined;
  throw error;
};

/** Open and write in place, adding to what is there (so a file reached through /dev/fd/3 opened with `>>` is appended to). */
async function writeDirect(path: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOCTTY);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** A temporary file next to `target`, then a rename over it. */
async function writeAtomic(target: string, text: string | Uint8Array, existing: Stats | undefined): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(12).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  let closed = false;
  let renamed = false;
  try {
    await handle.writeFile(text);
    if (existing !== undefined) {
      await handle.chmod(existing.mode & 0o7777);
      // Root replacing someone's report keeps it theirs.
      if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) await handle.chown(existing.uid, existing.gid);
    }
    await handle.sync();
    closed = true;
    await handle.close();
    await rename(temporary, target);
    renamed = true;
  } finally {
    if (!closed) await handle.close().catch(() => undefined);
    if (!renamed) await rm(temporary, { force: true });
  }
}

/** Where a chain of symbolic links from `path` ends (a file that may not exist yet). */
async function linkTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(missing);
    if (info === undefined || !info.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** A path with its links followed, even when the file itself does not exist yet. */
async function settledPath(path: string): Promise<string> {
  const target = await linkTarget(path).catch(() => path);
  return join(await realpath(dirname(target)).catch(() => dirname(target)), basename(target));
}
