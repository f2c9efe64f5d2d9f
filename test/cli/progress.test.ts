import { afterEach, describe, expect, it, vi } from 'vitest';
import { PassThrough } from 'node:stream';
import { intervalsProgress } from '../../src/cli/progress.js';
import { runCli } from '../helpers/run-cli.js';

const terminal = (isTTY: boolean) => {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const written: string[] = [];
  stream.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  return { stream, written };
};

describe('intervalsProgress', () => {
  afterEach(() => vi.useRealTimers());

  it('shows nothing when stderr is not a terminal', () => {
    expect(intervalsProgress(terminal(false).stream)).toBeUndefined();
  });

  it('after a second, draws the bar of the view being worked out, then clears it', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    const { stream, written } = terminal(true);
    const bar = intervalsProgress(stream)!;
    bar.update(500, 1000); // within the first second: silent
    vi.setSystemTime(1500);
    bar.update(1000, 1000);
    bar.update(250, 1000); // a new view starts
    bar.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([
      '\rpaygap: confidence intervals, view 1: [########################] 100%',
      '\rpaygap: confidence intervals, view 2: [######------------------] 25%',
      '\r\x1b[K',
    ]);
  });

  it('clears nothing if it never drew', async () => {
    const { stream, written } = terminal(true);
    const bar = intervalsProgress(stream)!;
    bar.update(1, 1000);
    bar.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([]);
  });
});

describe('--ci on a redirected stderr', () => {
  it('writes no progress', async () => {
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--ci', '95', '--resamples', '100', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('confidence intervals');
  });
});
