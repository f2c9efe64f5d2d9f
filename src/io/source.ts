import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { DataError } from '../errors.js';

export interface InputSource {
  /** The name shown in reports: the path as given, or "-" for stdin. */
  readonly name: string;
  readonly stream: Readable;
}

/**
 * Check that a path can be read and return its size (0 for a FIFO or a device), turning the
 * usual mistakes (missing, a directory, no permission) into one-line data errors. Only a
 * regular file is opened to check: opening a FIFO would wait for a writer, and closing it
 * again could lose what the writer sent.
 */
export async function inspectInput(path: string, cwd: string): Promise<number> {
  const full = resolve(cwd, path);
  let info;
  try {
    info = await stat(full);
  } catch (error) {
    throw fileError(path, error);
  }
  if (info.isDirectory()) throw new DataError(`${path} is a directory, not a CSV file`);
  if (!info.isFile()) return 0;
  try {
    await (await open(full, 'r')).close();
  } catch (error) {
    throw fileError(path, error);
  }
  return info.size;
}

/** Open a file (relative paths from `cwd`), or stdin for "-". */
export async function openInput(path: string, stdin: Readable, cwd: string): Promise<InputSource> {
  if (path === '-') return { name: '-', stream: stdin };
  await inspectInput(path, cwd);
  return { name: path, stream: createReadStream(resolve(cwd, path), { highWaterMark: 1 << 20 }) };
}

export function fileError(path: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new DataError(`cannot read ${path}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new DataError(`cannot read ${path}: permission denied`);
  if (code === 'EISDIR') return new DataError(`${path} is a directory, not a CSV file`);
  return new DataError(`cannot read ${path}: ${(error as Error).message}`);
}
