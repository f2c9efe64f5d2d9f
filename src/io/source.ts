import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
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

/** The first `n` bytes of a regular file (fewer if it is shorter). */
export async function readHead(path: string, cwd: string, n = 4): Promise<Buffer> {
  const handle = await open(resolve(cwd, path), 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(n), 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The first bytes of a stream (at least `n`, unless it is shorter) and a stream that gives
 * everything, those bytes included: how stdin, a FIFO or a device is looked at once (to
 * tell a workbook from CSV) without being read twice.
 */
export async function peekStream(stream: Readable, n = 4): Promise<{ readonly head: Buffer; readonly stream: Readable }> {
  const chunks = stream[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await chunks.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    seen.push(chunk);
    length += chunk.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value as Buffer;
  }
  return { head: Buffer.concat(seen), stream: Readable.from(all(), { objectMode: false }) };
}

/** Every byte of a stream. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
