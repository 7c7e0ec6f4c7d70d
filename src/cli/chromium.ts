/**
 * Finds a Chromium for the browser tests: `$CHROMIUM_PATH`, then Playwright's own download, then
 * Debian's `/usr/bin/chromium`. Playwright cannot download browsers on our machines, so Debian's
 * package is the usual answer.
 */
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
