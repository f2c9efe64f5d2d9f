import type { Writable } from 'node:stream';
import { sampleChunks } from '../../sample/generate.js';
import { write } from '../io.js';

export interface SampleCommandOptions {
  readonly rows: number;
  readonly seed: number;
  /** --year: the snapshot year (default 2025, the bundled sample's). */
  readonly year?: number | undefined;
}

/** Write a synthetic export to `out`, in chunks, waiting when the reader is slow. */
export async function sampleCommand(options: SampleCommandOptions, out: Writable): Promise<void> {
  const { rows, seed, year } = options;
  for (const chunk of sampleChunks({ rows, seed, ...(year === undefined ? {} : { snapshotYear: year }) })) await write(out, chunk);
}
