import type { Writable } from 'node:stream';
import { sampleLines } from '../../sample/generate.js';
import { write } from '../io.js';

export interface SampleCommandOptions {
  readonly rows: number;
  readonly seed: number;
  /** --year: the snapshot year (default 2025, the bundled sample's). */
  readonly year?: number | undefined;
}

/** Write a synthetic export to `out`, in batches, waiting when the reader is slow. */
export async function sampleCommand(options: SampleCommandOptions, out: Writable): Promise<void> {
  let batch = '';
  for (const line of sampleLines({ rows: options.rows, seed: options.seed, ...(options.year === undefined ? {} : { snapshotYear: options.year }) })) {
    batch += line;
    if (batch.length >= 1 << 16) {
      await write(out, batch);
      batch = '';
    }
  }
  if (batch !== '') await write(out, batch);
}
