// A distinct-valued export for the bench: the generator's file with each hourly rate moved by
// a seeded ±50% and written to 4 decimal places, as when rates are derived from period pay.
// Pay points then rarely repeat: a million rows have about 320,000 distinct rates, most of
// them seen after the first 50,000 that the reader's verdict cache keeps, so the per-value
// caches no longer help. The worst case for validation; every other column is unchanged.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

/** splitmix32: a small seeded generator, enough for jitter. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** Index of the start of field `n` (0-based) in a CSV line, honouring quoted fields. */
function fieldBounds(line, n) {
  let start = 0;
  for (let f = 0; f < n; f++) {
    if (line[start] === '"') {
      let i = start + 1;
      for (;;) {
        i = line.indexOf('"', i);
        if (line[i + 1] === '"') i += 2;
        else break;
      }
      start = i + 2;
    } else start = line.indexOf(',', start) + 1;
  }
  const end = line.indexOf(',', start);
  return [start, end < 0 ? line.length : end];
}

export async function makeDistinct(source, target, seed) {
  const next = random(seed);
  const out = createWriteStream(target);
  const lines = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
  let column = -1;
  let batch = '';
  for await (const line of lines) {
    if (column < 0) {
      column = line.split(',').indexOf('Hourly Rate');
      batch += `${line}\r\n`;
      continue;
    }
    const [start, end] = fieldBounds(line, column);
    const rate = Number(line.slice(start, end)) * (0.5 + next());
    batch += `${line.slice(0, start)}${rate.toFixed(4)}${line.slice(end)}\r\n`;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await new Promise((resolve) => out.once('drain', resolve));
      batch = '';
    }
  }
  out.end(batch);
  await finished(out);
}
