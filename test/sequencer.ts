import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest, started first. Vitest orders files by the durations of
 * the last run on this machine, and with none (a clean clone, as in CI) by file size, largest
 * first: the short scale test then started last and ran on one core while the other had
 * nothing left to do (103 s against 94 s for the same commit). Listed here, they start first
 * in both cases; the rest follow in vitest's own order. A test (test/architecture/) checks
 * each file listed exists.
 */
export const LONGEST_FIRST = [
  'test/cli/readers.test.ts',
  'test/cli/startup.test.ts',
  'test/browser/html-report.test.ts',
  'test/cli/output.test.ts',
  'test/ingest/workbook.test.ts',
  'test/api/library.test.ts',
  'test/cli/properties.test.ts',
  'test/metrics/bootstrap.test.ts',
  'test/disclosure/audit-property.test.ts',
  'test/browser/trend-benchmark-html.test.ts',
  'test/cli/spawn.test.ts',
  'test/pipeline/messy-inputs.test.ts',
] as const;

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const rank = (file: TestSpecification) => {
      const at = (LONGEST_FIRST as readonly string[]).indexOf(relative(root, file.moduleId).split('\\').join('/'));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
