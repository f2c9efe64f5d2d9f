import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A few tests of the built binary itself (built by test/global-setup.ts). */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bash = (script: string) => spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8' });

describe('the built paygap binary', () => {
  it('reports on the bundled sample and exits 0', () => {
    const result = spawnSync('node', ['bin/paygap.js', 'report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).population.rowsRead).toBe(2000);
  });

  it('ends quietly with 0 when the reader closes the pipe early', () => {
    const sample = bash('node bin/paygap.js sample --rows 200000 | head -n 2 > /dev/null; echo "status=${PIPESTATUS[0]}"');
    expect(sample.stdout.trim()).toBe('status=0');
    expect(sample.stderr).toBe('');
    const report = bash('node bin/paygap.js report fixtures/esr-sample.csv --quiet | head -n 1 > /dev/null; echo "status=${PIPESTATUS[0]}"');
    expect(report.stdout.trim()).toBe('status=0');
    expect(report.stderr).toBe('');
  });

  it('maps usage errors to 2 and data errors to 1', () => {
    expect(spawnSync('node', ['bin/paygap.js', 'report', 'x.csv', '--unit', 'team'], { cwd: root }).status).toBe(2);
    expect(spawnSync('node', ['bin/paygap.js', 'report', 'no-such-file.csv'], { cwd: root }).status).toBe(1);
  });

  it('the sample generator is reproducible: the same seed gives the bundled sample byte for byte', () => {
    const result = bash('node bin/paygap.js sample --rows 2000 --seed 1 | cmp - fixtures/esr-sample.csv && echo same');
    expect(result.stdout.trim()).toBe('same');
  });
});
