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
 * Check that a path is a readable regular file and return its size, turning the usual
 * mistakes (missing, a directory, no permission) into one-line data errors.
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
