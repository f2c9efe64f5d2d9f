#!/usr/bin/env node
// `npm run bench`: end-to-end speed and memory of the built CLI on generated ESR-style
// exports. Timings come from here, never from tests (tests check results).
//
//   npm run bench                     the tables below, 5 runs each after a warm-up
//   BENCH_RUNS=9 npm run bench        runs per measurement (median and range shown)
//   BENCH_ROWS=25000,250000,1000000   sizes of the plain report table
//   DUCKDB_DIR=/tmp/duck npm run bench
//       adds DuckDB side by side on the 1,000,000-row files: count, mean and median hourly
//       pay by sex, ethnicity and disability with read_csv. DUCKDB_DIR is a scratch folder
//       outside this repository where `npm install @duckdb/node-api` was run.
//   BENCH_CI=0                        skip the --ci 95 timing (1,000 resamples, 250,000 rows)
//   BENCH_THREADS=25000,250000,1000000,2000000
//       compares --threads 1 and --threads 2 at these sizes (not run by default)
//   BENCH_GROUPS=100000               groups of the --characteristic timed in every format
//                                     (default paygap's limit of 100,000; 0 skips it)
//
// Two things timed against each other (paygap and DuckDB, plain and --ci, one thread and two)
// run alternately, one run of each in turn, so that load from other processes falls on both:
// on a shared machine the ratio is steadier than either time. Ratios, not absolute times,
// carry over between machines.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { existsSync, mkdirSync, readFileSync, createWriteStream, statSync, writeFileSync, renameSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDistinct } from './distinct.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, '.bench-cache');
const cli = join(root, 'bin', 'paygap.js');
const list = (text) => text.split(',').filter(Boolean).map(Number);
const sizes = list(process.env.BENCH_ROWS ?? '25000,250000,1000000');
const threadSizes = list(process.env.BENCH_THREADS ?? '');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const duckDir = process.env.DUCKDB_DIR;
const SEED = 2025;
const MILLION = 1_000_000;
const CI_ROWS = 250_000;
const SAMPLE_ROWS = 1_000_000;
const groups = Number(process.env.BENCH_GROUPS ?? 100_000);

mkdirSync(cache, { recursive: true });

const TICKS = 100; // clock ticks a second in /proc/<pid>/stat (getconf CLK_TCK on Linux)

/**
 * Run a command, returning wall seconds, peak RSS (VmHWM, all threads) in MB and CPU seconds
 * (user + system, all threads, as last seen in /proc, polled every 5 ms, so up to 5 ms short).
 * CPU time is much less disturbed by other processes than wall time: on a shared machine it
 * shows the work done, and how a run would go on a quiet one.
 */
function measure(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    let cpu = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
      } catch {
        // the process has ended
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}`));
      else resolve({ seconds, peakMb: peak, cpu });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (times) => ({ wall: median(times), min: Math.min(...times), max: Math.max(...times) });

async function generated(rows) {
  const file = join(cache, `esr-${rows}-seed${SEED}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${rows.toLocaleString('en-GB')} rows → ${file}\n`);
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    const child = spawn(process.execPath, [cli, 'sample', '--rows', String(rows), '--seed', String(SEED)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(out);
    const [[code]] = await Promise.all([once(child, 'exit'), finished(out)]);
    if (code !== 0) throw new Error(`paygap sample exited ${code}`);
    renameSync(partial, file);
  }
  return file;
}

async function distinct(rows) {
  const file = join(cache, `esr-${rows}-seed${SEED}-distinct.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`writing distinct-valued copy → ${file}\n`);
    await makeDistinct(await generated(rows), `${file}.partial`, SEED);
    renameSync(`${file}.partial`, file);
  }
  return file;
}

const DUCKDB_SCRIPT = `
import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const query = (col) => \`SELECT "\${col}" AS g, count(*) AS n, avg("Hourly Rate") AS mean, median("Hourly Rate") AS median FROM t GROUP BY 1\`;
await con.run(\`CREATE TABLE t AS SELECT * FROM read_csv('\${file}')\`);
for (const col of ['Gender', 'Ethnic Origin', 'Disability']) await con.runAndReadAll(query(col));
`;

const report = (file, ...extra) => [process.execPath, [cli, 'report', file, '--format', 'json', '--output', join(cache, 'bench-report.json'), '--quiet', ...extra]];
const mb = (file) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;
const s = (x) => `${x.toFixed(2)} s`;
const range = (r) => `${r.min.toFixed(2)}–${r.max.toFixed(2)}`;
const count = (n) => Math.round(n).toLocaleString('en-GB');

/**
 * Time commands alternately: a warm-up of each (file cache; not counted), then `runs` rounds
 * of one run each. Returns each command's times and peak RSS.
 */
async function alternate(label, commands) {
  for (const [command, args] of commands) await measure(command, args);
  const results = commands.map(() => ({ times: [], cpu: [], peak: 0 }));
  for (let i = 0; i < runs; i++) {
    for (const [k, [command, args]] of commands.entries()) {
      const { seconds, peakMb, cpu } = await measure(command, args);
      results[k].times.push(seconds);
      results[k].cpu.push(cpu);
      results[k].peak = Math.max(results[k].peak, peakMb);
    }
  }
  process.stderr.write(`${label}: ${results.map((r) => r.times.map((t) => t.toFixed(2)).join(' ')).join(' | ')} s\n`);
  return results;
}

/** Median and range of the per-round ratios a[i] / b[i]. */
function ratios(a, b) {
  const each = a.times.map((t, i) => t / b.times[i]);
  return { ratio: median(each), min: Math.min(...each), max: Math.max(...each) };
}

const out = [];
const print = (line = '') => out.push(line);
const started = Date.now();
const load = loadavg()[0];

const cpuOf = (r) => median(r.cpu);
const cs = (r) => `${cpuOf(r).toFixed(2)} s`;

// 1. paygap and DuckDB side by side, a million rows: the generator's file and distinct pay.
if (duckDir !== undefined) {
  const script = join(duckDir, 'paygap-bench-duckdb.mjs');
  writeFileSync(script, DUCKDB_SCRIPT);
  print('| file (1,000,000 rows) | paygap wall | DuckDB wall | paygap ÷ DuckDB, wall | CPU, paygap / DuckDB | peak RSS, paygap / DuckDB |');
  print('|---|---:|---:|---:|---:|---:|');
  for (const [what, file] of [
    ["generator's file", await generated(MILLION)],
    ['distinct pay (4-decimal rates)', await distinct(MILLION)],
  ]) {
    const [p, d] = await alternate(`${what}: paygap | DuckDB`, [report(file), [process.execPath, [script, file]]]);
    const r = ratios(p, d);
    const ps = summary(p.times);
    const ds = summary(d.times);
    print(
      `| ${what} (${mb(file)}) | ${s(ps.wall)} (${range(ps)}) | ${s(ds.wall)} (${range(ds)}) | ` +
        `**${r.ratio.toFixed(2)}×** (${r.min.toFixed(2)}–${r.max.toFixed(2)}) | ${cs(p)} / ${cs(d)} | ${p.peak.toFixed(0)} / ${d.peak.toFixed(0)} MB |`,
    );
  }
  print();
}

// 2. The plain report by size, --ci 95 against the plain report at 250,000 rows, and sample.
print('| paygap | rows | median wall | min–max | rows/s | CPU | peak RSS |');
print('|---|---:|---:|---:|---:|---:|---:|');
for (const rows of sizes) {
  const file = await generated(rows);
  const [p] = await alternate(`report ${rows}`, [report(file)]);
  const ps = summary(p.times);
  print(`| report (${mb(file)}) | ${count(rows)} | ${s(ps.wall)} | ${range(ps)} | ${count(rows / ps.wall)} | ${cs(p)} | ${p.peak.toFixed(0)} MB |`);
}
if (process.env.BENCH_CI !== '0') {
  const file = await generated(CI_ROWS);
  const [ci, plain] = await alternate('--ci 95 | plain', [report(file, '--ci', '95'), report(file)]);
  const cis = summary(ci.times);
  const r = ratios(ci, plain);
  print(`| report --ci 95 (1,000 resamples) | ${count(CI_ROWS)} | ${s(cis.wall)} | ${range(cis)} | ${count(CI_ROWS / cis.wall)} | ${cs(ci)} | ${ci.peak.toFixed(0)} MB |`);
  print(
    `| ↳ --ci 95 ÷ plain report, same rounds | | **${r.ratio.toFixed(2)}×** | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | | ` +
      `${(cpuOf(ci) / cpuOf(plain)).toFixed(2)}× | |`,
  );
}
{
  const [g] = await alternate('sample', [[process.execPath, [cli, 'sample', '--rows', String(SAMPLE_ROWS), '--seed', String(SEED)]]]);
  const gs = summary(g.times);
  print(`| sample (generate) | ${count(SAMPLE_ROWS)} | ${s(gs.wall)} | ${range(gs)} | **${count(SAMPLE_ROWS / gs.wall)}** | ${cs(g)} | ${g.peak.toFixed(0)} MB |`);
}
print();

// 3. Optional: one reading thread against two, for the default in ingest/analyse.ts.
if (threadSizes.length > 0) {
  print('| --threads 1 vs 2 | rows | 1 thread | 2 threads | 2 ÷ 1, wall | CPU, 1 / 2 | peak RSS, 1 / 2 |');
  print('|---|---:|---:|---:|---:|---:|---:|');
  for (const rows of threadSizes) {
    const file = await generated(rows);
    const [one, two] = await alternate(`threads ${rows}`, [report(file, '--threads', '1'), report(file, '--threads', '2')]);
    const r = ratios(two, one);
    const os = summary(one.times);
    const ts = summary(two.times);
    print(
      `| ${mb(file)} | ${count(rows)} | ${s(os.wall)} (${range(os)}) | ${s(ts.wall)} (${range(ts)}) | ` +
        `${r.ratio.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}) | ${cs(one)} / ${cs(two)} | ${one.peak.toFixed(0)} / ${two.peak.toFixed(0)} MB |`,
    );
  }
  print();
}

// 4. A --characteristic of as many groups as paygap allows (MAX_CUSTOM_GROUPS), in every
// format: a free-text column mapped as a characteristic. The scale tests (test/scale/) check
// the renderers at 15,000 groups on a small stack; the time at the limit is measured here.
if (groups > 0) {
  const file = join(cache, `groups-${groups}.csv`);
  if (!existsSync(file)) {
    const lines = ['Employee Number,Gender,Hourly Rate,Religion'];
    for (let i = 0; i < groups; i++) lines.push(`${i},${i % 2 ? 'Male' : 'Female'},${10 + (i % 50)},v${i}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  const output = join(cache, 'bench-groups.out');
  print(`| report, --characteristic of ${count(groups)} groups | median wall | min–max | CPU | peak RSS | output |`);
  print('|---|---:|---:|---:|---:|---:|');
  for (const format of ['table', 'json', 'csv', 'markdown', 'html']) {
    const args = [cli, 'report', file, '--characteristic', 'religion=Religion', '--min-group-size', '0', '--format', format, '--output', output, '--quiet'];
    const [g] = await alternate(`${format} ${groups} groups`, [[process.execPath, args]]);
    const gs = summary(g.times);
    print(`| --format ${format} | ${s(gs.wall)} | ${range(gs)} | ${cs(g)} | ${g.peak.toFixed(0)} MB | ${mb(output)} |`);
  }
  print();
}

const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
console.log(
  `\nMachine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version} on ${process.platform}; ` +
    `load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (${((Date.now() - started) / 60000).toFixed(0)} min); ` +
    `${runs} runs each after a warm-up, alternating where compared; median (min–max) shown; ratios are medians of per-round ratios; ` +
    `CPU is the median of user + system seconds, all threads.\n`,
);
console.log(out.join('\n'));
