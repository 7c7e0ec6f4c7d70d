/**
 * Finds a Chromium: `$CHROMIUM_PATH`, then Playwright's own download, then Debian's builds.
 * Playwright cannot download browsers on our machines, so Debian's packages are the usual answer.
 *
 * The browser tests prefer Debian's headless shell (`chromium-headless-shell`, the build Playwright
 * itself runs headless): on our machines it opens a page in 35 ms where the full browser takes
 * 200, and ran the browser tests in 2.1 minutes instead of 5.2. The benchmark and the audit keep
 * the full browser: theirs are the figures of the browser people use, comparable from run to run.
 * (A browser Playwright downloaded is its full Chromium, even for the tests.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** Where Debian's `chromium-headless-shell` package puts the headless shell. */
export const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Which Chromium a command wants: the headless shell (tests) or the full browser (bench, audit). */
export type ChromiumKind = 'headless-shell' | 'browser';

type Env = Record<string, string | undefined>;

/** Debian's binaries a kind accepts, the preferred first. */
const debianPaths = (kind: ChromiumKind) => (kind === 'headless-shell' ? [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM] : [DEBIAN_CHROMIUM]);

/** The path of a Chromium binary that exists, or undefined. Throws if `$CHROMIUM_PATH` is wrong. */
export function findChromium(kind: ChromiumKind, env: Env = process.env): string | undefined {
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
  return [bundled, ...debianPaths(kind)].find((path) => path !== undefined && existsSync(path));
}

/**
 * A Chromium to run, as `findChromium` finds it. When there is none and this is root on a machine
 * with apt, installs Debian's `chromium` first, and for the tests then tries its
 * `chromium-headless-shell` too (without it they use the full browser). Throws one sentence saying
 * what to install when there is none and apt cannot be used or fails.
 */
export function ensureChromium(kind: ChromiumKind, env: Env = process.env): string {
  const found = findChromium(kind, env);
  const none = kind === 'browser' ? 'No full Chromium found' : 'No Chromium found';
  if (found) {
    if (kind === 'headless-shell' && found === DEBIAN_CHROMIUM && !env.CHROMIUM_PATH) {
      console.log(`Using ${DEBIAN_CHROMIUM}; Debian's headless shell would run the browser tests about twice as fast: sudo apt-get install chromium-headless-shell`);
    }
    return found;
  }
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    const packages = kind === 'headless-shell' ? 'chromium chromium-headless-shell' : 'chromium';
    throw new Error(`${none}: install Debian's packages (sudo apt-get install ${packages}) or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  const apt = (...args: string[]) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log(`${none}: installing Debian's "chromium" package with apt-get…`);
  try {
    apt('update', '-qq');
    apt('install', '-y', '-qq', '--no-install-recommends', 'chromium');
  } catch {
    throw new Error('Installing Debian\'s "chromium" with apt-get failed (see above); install it by hand or set CHROMIUM_PATH.');
  }
  if (kind === 'headless-shell') {
    try {
      apt('install', '-y', '-qq', '--no-install-recommends', 'chromium-headless-shell');
    } catch {
      console.log('Installing "chromium-headless-shell" failed (see above); the tests use the full browser.');
    }
  }
  const installed = findChromium(kind, env);
  if (!installed) throw new Error(`apt-get installed "chromium" but found none of ${debianPaths(kind).join(', ')}; set CHROMIUM_PATH.`);
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
