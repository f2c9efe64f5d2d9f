import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout as bytes (an Excel workbook is not text). */
  readonly stdoutBytes: Buffer;
}

/** Run the CLI in-process with buffers for stdout and stderr (and optional stdin text). */
export async function runCli(args: readonly string[], options: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await main(args, { stdin, stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? process.cwd() });
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes: bytes };
}

/** Run `paygap report <args> --format json` and parse the report. */
export async function reportJson(args: readonly string[], options: Parameters<typeof runCli>[1] = {}) {
  const result = await runCli(['report', ...args, '--format', 'json'], options);
  if (result.code !== 0) throw new Error(`paygap exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
