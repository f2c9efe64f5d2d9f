/**
 * Typed errors. Commands throw them; only `cli/main.ts` turns them into exit codes
 * (METHOD §13.3: 1 data problem, 2 usage error).
 */
export class DataError extends Error {
  readonly exitCode = 1;
  override readonly name = 'DataError';
  /** Further lines printed after the message: headers found, hints. */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

export class UsageError extends Error {
  readonly exitCode = 2;
  override readonly name = 'UsageError';
}
