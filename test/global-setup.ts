import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * The spawn tests run the built binary; build once before any test file runs. This is
 * `npm run build` itself: `tsc -b` with the build information kept in dist/ (tsconfig.build.json),
 * so a dist/ that is up to date is seen as such from file times in half a second (after
 * `npm install`, which builds, or an earlier run), a changed src/ recompiles only what
 * changed, and a deleted dist/ takes its build information with it and is built in full.
 * tsc is run by node directly (npx would start another Node first).
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
}
