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

const BAR = 24;

/**
 * A progress bar for --ci bootstrap intervals on stderr, only when stderr is a terminal
 * (callers leave it out under --quiet). Intervals are worked out view by view (sex, each
 * ethnicity view, disability), each reporting its resamples done; the bar shows the current
 * view's. Like the reading progress it stays silent for the first second.
 */
export function intervalsProgress(stderr: Writable & { isTTY?: boolean }) {
  if (stderr.isTTY !== true) return undefined;
  const started = Date.now();
  let shown = false;
  let view = 0;
  let last = Number.POSITIVE_INFINITY;
  return {
    update(done: number, total: number): void {
      if (done < last) view++;
      last = done;
      if (Date.now() - started < 1000) return;
      shown = true;
      const filled = Math.round((done / total) * BAR);
      stderr.write(`\rpaygap: confidence intervals, view ${view}: [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${Math.floor((done / total) * 100)}%`);
    },
    done(): void {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
