import { execFileSync } from 'node:child_process';

/** The spawn tests run the built binary; build once before any test file runs. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
