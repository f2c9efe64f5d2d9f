import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Golden outputs for the bundled sample, reviewed by hand once (the sex figures were
 * re-derived from the CSV with a separate script; see the README's "Verification"),
 * then compared on every run. Regenerate with `npx vitest run -u` only after checking the
 * difference is intended.
 */
const args = ['report', 'fixtures/esr-sample.csv', '--snapshot-date', '2025-03-31', '--quiet'];

describe('golden outputs for fixtures/esr-sample.csv', () => {
  it('table', async () => {
    const result = await runCli(args);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('../golden/esr-sample.table.txt');
  });

  it('table lines fit in 100 columns', async () => {
    const result = await runCli(args);
    const widest = Math.max(...result.stdout.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it('json', async () => {
    const result = await runCli([...args, '--format', 'json']);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('../golden/esr-sample.json');
  });
});
