import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError } from '../errors.js';
import { write, type CliIo } from './io.js';

/**
 * Send a finished result to stdout, or to a file written atomically (a temporary file in the
 * same folder, then a rename), so a monthly job never leaves half a report behind.
 */
export async function emit(text: string, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined || output === '-') {
    await write(io.stdout, text);
    return;
  }
  const path = resolve(io.cwd, output);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new DataError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
