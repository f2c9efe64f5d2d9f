import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The spawn tests run the built binary; build once before any test file runs. The build is
 * `npm run build`'s (same options, same files in dist/, declarations and source maps
 * included), made incremental: a run after an unchanged or slightly changed src/ recompiles
 * only what changed instead of type-checking everything again. The build information is kept
 * out of dist/ (which is published) and is dropped when dist/ is gone, so a clean dist/ is
 * always built in full. tsc is run by node directly (npx would start another Node first).
 */
const BUILD_INFO = 'node_modules/.cache/paygap/tests.tsbuildinfo';

export default function setup(): void {
  if (!existsSync('dist/api/index.js')) rmSync(BUILD_INFO, { force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO], { stdio: 'inherit' });
}
