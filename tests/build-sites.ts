/**
 * Run by `npm run test:e2e` before the browser tests, so they never test a stale build: the site
 * itself into dist/, and the fixture sites the tests serve next to it (see playwright.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The project's own profile plus a second person: its published URLs must redirect under /david-cramer/.
const two = mkdtempSync(join(tmpdir(), 'two-people-'));
cpSync('content/profiles', two, { recursive: true });
cpSync('tests/fixtures/people/Grace Hopper.txt', join(two, 'Grace Hopper.txt'));

const builds: { outDir: string; env: Record<string, string> }[] = [
  { outDir: 'dist', env: {} },
  { outDir: 'dist-fixtures/markup', env: { PROFILE: 'tests/fixtures/markup.txt' } },
  { outDir: 'dist-fixtures/people', env: { PROFILES: 'tests/fixtures/people' } },
  { outDir: 'dist-fixtures/two', env: { PROFILES: two, PERMALINKS: 'permalinks.txt' } },
];
try {
  for (const { outDir, env } of builds) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', outDir], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
    console.log(`built ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(two, { recursive: true, force: true });
}
