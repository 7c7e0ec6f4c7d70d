/**
 * Finds a Chromium for the browser tests: `$CHROMIUM_PATH`, then Playwright's own download, then
 * Debian's `/usr/bin/chromium`. Playwright cannot download browsers on our machines, so Debian's
 * package is the usual answer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The path of a Chromium binary that exists, or undefined. Throws if `$CHROMIUM_PATH` is wrong. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.`);
    return env.CHROMIUM_PATH;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined; // Playwright throws when it has no browser registry entry for this platform.
  }
  return [bundled, DEBIAN_CHROMIUM].find((path) => path !== undefined && existsSync(path));
}

/**
 * A Chromium to run, as `findChromium` finds it; when there is none and this is root on a machine
 * with apt, installs Debian's `chromium` first (`npm test` and the benchmark both need one, and
 * Playwright cannot download its own here). Throws one sentence saying what to install otherwise.
 */
export function ensureChromium(env: Record<string, string | undefined> = process.env): string {
  const found = findChromium(env);
  if (found) return found;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error('No Chromium found: install Debian\'s "chromium" package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
  }
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: aptEnv });
  } catch {
    throw new Error('Installing Debian\'s "chromium" with apt-get failed (see above); install it by hand or set CHROMIUM_PATH.');
  }
  const installed = findChromium(env);
  if (!installed) throw new Error(`apt-get installed "chromium" but ${DEBIAN_CHROMIUM} is still missing; set CHROMIUM_PATH.`);
  return installed;
}

/**
 * Flags for headless Chromium on a machine without a network: the background-networking ones stop
 * it from trying to reach outside hosts (and logging refused connections) on every start.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
