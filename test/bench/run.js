#!/usr/bin/env node
// `npm run bench`: end-to-end speed and memory of the built CLI on generated ESR-style
// exports. Timings come from here, never from tests (tests check results).
//
//   npm run bench                     25,000 and 1,000,000 rows
//   BENCH_ROWS=25000,200000 npm run bench
//   BENCH_RUNS=7 npm run bench        runs per size (median reported)
//   DUCKDB_DIR=/tmp/duck npm run bench
//       also times DuckDB on the 1,000,000-row file, side by side: count, mean and median
//       hourly pay by sex, ethnicity and disability with read_csv. DUCKDB_DIR is a scratch
//       folder outside this repository where `npm install @duckdb/node-api` was run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { existsSync, mkdirSync, readFileSync, createWriteStream, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, '.bench-cache');
const cli = join(root, 'bin', 'paygap.js');
const sizes = (process.env.BENCH_ROWS ?? '25000,1000000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const SEED = 2025;

mkdirSync(cache, { recursive: true });

/** Run a command, returning wall seconds and peak RSS (VmHWM, all threads) in MB. */
function measure(command, args, stdout) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', stdout ?? 'ignore', 'inherit'] });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      } catch {
        // the process has ended
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}`));
      else resolve({ seconds, peakMb: peak });
    });
  });
}

async function sample(rows) {
  const file = join(cache, `esr-${rows}-seed${SEED}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${rows.toLocaleString('en-GB')} rows → ${file}\n`);
    const out = createWriteStream(file);
    const child = spawn(process.execPath, [cli, 'sample', '--rows', String(rows), '--seed', String(SEED)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(out);
    const [[code]] = await Promise.all([once(child, 'exit'), finished(out)]);
    if (code !== 0) throw new Error(`paygap sample exited ${code}`);
  }
  return file;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const DUCKDB_SCRIPT = `
import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const query = (col) => \`SELECT "\${col}" AS g, count(*) AS n, avg("Hourly Rate") AS mean, median("Hourly Rate") AS median FROM t GROUP BY 1\`;
await con.run(\`CREATE TABLE t AS SELECT * FROM read_csv('\${file}')\`);
for (const col of ['Gender', 'Ethnic Origin', 'Disability']) await con.runAndReadAll(query(col));
`;

const rowsOut = [];
async function bench(label, rows, command, args) {
  const times = [];
  const peaks = [];
  await measure(command, args); // warm the file cache; not counted
  for (let i = 0; i < runs; i++) {
    const { seconds, peakMb } = await measure(command, args);
    times.push(seconds);
    peaks.push(peakMb);
  }
  const wall = median(times);
  rowsOut.push({ label, rows, wall, min: Math.min(...times), max: Math.max(...times), rate: rows / wall, peak: Math.max(...peaks) });
  process.stderr.write(`${label}: ${times.map((t) => t.toFixed(2)).join(' ')} s\n`);
}

for (const rows of sizes) {
  const file = await sample(rows);
  const out = join(cache, `report-${rows}.json`);
  await bench(`paygap report (${(statSync(file).size / 1e6).toFixed(0)} MB)`, rows, process.execPath, [cli, 'report', file, '--format', 'json', '--output', out, '--quiet']);
  if (process.env.DUCKDB_DIR && rows >= 1_000_000) {
    const script = join(process.env.DUCKDB_DIR, 'paygap-bench-duckdb.mjs');
    writeFileSync(script, DUCKDB_SCRIPT);
    await bench('DuckDB count/mean/median ×3', rows, process.execPath, [script, file]);
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nMachine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs each, median shown\n`);
console.log('| what | rows | median wall | min–max | rows/s | peak RSS |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rowsOut) {
  console.log(
    `| ${r.label} | ${r.rows.toLocaleString('en-GB')} | ${r.wall.toFixed(2)} s | ${r.min.toFixed(2)}–${r.max.toFixed(2)} s | ` +
      `${Math.round(r.rate).toLocaleString('en-GB')} | ${r.peak.toFixed(0)} MB |`,
  );
}
