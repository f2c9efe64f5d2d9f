import type { Writable } from 'node:stream';
import { UsageError } from '../../errors.js';
import { sampleChunks } from '../../sample/generate.js';
import { write } from '../io.js';

export interface SampleCommandOptions {
  readonly rows: number;
  readonly seed: number;
}

const positiveInteger = (name: string, text: string, min: number): number => {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${name} ${text}: expected a whole number of at least ${min}`);
  return Number(text);
};

export function sampleOptions(raw: { rows?: string; seed?: string }): SampleCommandOptions {
  return { rows: positiveInteger('--rows', raw.rows ?? '2000', 1), seed: positiveInteger('--seed', raw.seed ?? '1', 0) };
}

/** Write a synthetic export to `out`, in chunks, waiting when the reader is slow. */
export async function sampleCommand(options: SampleCommandOptions, out: Writable): Promise<void> {
  for (const chunk of sampleChunks(options)) await write(out, chunk);
}
