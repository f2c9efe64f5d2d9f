import type { Writable } from 'node:stream';
import { sampleLines } from '../../sample/generate.js';
import { write } from '../io.js';

export interface SampleCommandOptions {
  readonly rows: number;
  readonly seed: number;
}

/** Write a synthetic export to `out`, in batches, waiting when the reader is slow. */
export async function sampleCommand(options: SampleCommandOptions, out: Writable): Promise<void> {
  let batch = '';
  for (const line of sampleLines(options)) {
    batch += line;
    if (batch.length >= 1 << 16) {
      await write(out, batch);
      batch = '';
    }
  }
  if (batch !== '') await write(out, batch);
}
