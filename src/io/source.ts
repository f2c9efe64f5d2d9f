import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataError } from '../errors.js';

export interface InputSource {
  /** The name shown in reports: the path as given, or "-" for stdin. */
  readonly name: string;
  readonly stream: Readable;
}

/** Open a file, or stdin for "-", turning the usual mistakes into one-line data errors. */
export async function openInput(path: string, stdin: Readable): Promise<InputSource> {
  if (path === '-') return { name: '-', stream: stdin };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (info.isDirectory()) throw new DataError(`${path} is a directory, not a CSV file`);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // Surface open errors (e.g. permission denied) here rather than mid-read.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(fileError(path, error)));
  });
  return { name: path, stream };
}

export function fileError(path: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new DataError(`cannot read ${path}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new DataError(`cannot read ${path}: permission denied`);
  if (code === 'EISDIR') return new DataError(`${path} is a directory, not a CSV file`);
  return new DataError(`cannot read ${path}: ${(error as Error).message}`);
}
