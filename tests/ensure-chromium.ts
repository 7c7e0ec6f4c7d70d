/**
 * Run by `npm test` before the browser tests: makes sure a Chromium exists, installing Debian's
 * `chromium` when none is found and this is root on a machine with apt. Otherwise it stops with
 * one sentence saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../src/cli/chromium.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let found: string | undefined;
try {
  found = findChromium();
} catch (error) {
  fail((error as Error).message);
}

if (!found) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    fail(
      'No Chromium found for the browser tests: install Debian\'s "chromium" package (sudo apt-get install chromium) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  } catch {
    fail('Installing Debian\'s "chromium" with apt-get failed (see above); install it by hand or set CHROMIUM_PATH.');
  }
  found = findChromium();
  if (!found) fail('apt-get installed "chromium" but /usr/bin/chromium is still missing; set CHROMIUM_PATH.');
}
console.log(`Browser tests use ${found}`);
