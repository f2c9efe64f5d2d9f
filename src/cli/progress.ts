import type { Writable } from 'node:stream';

/**
 * Rows read and rate on stderr for long reads, only when stderr is a terminal; it stays
 * silent for the first second so small files print nothing.
 */
export function progressReporter(stderr: Writable & { isTTY?: boolean }) {
  if (stderr.isTTY !== true) return undefined;
  const started = Date.now();
  let shown = false;
  return {
    update(rows: number): void {
      const seconds = (Date.now() - started) / 1000;
      if (seconds < 1) return;
      shown = true;
      const rate = Math.round(rows / seconds).toLocaleString('en-GB');
      stderr.write(`\rpaygap: read ${rows.toLocaleString('en-GB')} rows (${rate} rows/s)…`);
    },
    done(): void {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
