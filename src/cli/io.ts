import type { Readable, Writable } from 'node:stream';

/** Everything a command may touch, passed in so tests run in-process (STYLE habit 6). */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Write and wait until the stream has taken it (so a closed pipe surfaces as an error here). */
export function write(stream: Writable, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Colour only on a terminal, never with --no-color or NO_COLOR (chalk ignores NO_COLOR itself). */
export function useColour(stream: { isTTY?: boolean }, env: CliIo['env'], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
