/**
 * Finds a Chromium: `$CHROMIUM_PATH`, then Playwright's own download, then Debian's builds.
 * Playwright cannot download browsers on our machines, so Debian's packages are the usual answer.
 *
 * The browser tests prefer Debian's headless shell (`chromium-headless-shell`, the build Playwright
 * itself runs headless): on our machines it opens a page in 35 ms where the full browser takes
 * 200, and ran the browser tests in 2.1 minutes instead of 5.2. The benchmark and the audit keep
 * the full browser, the one people use, so their figures stay comparable from run to run.
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

/**
 * The path of a Chromium binary that exists, or undefined. Throws if `$CHROMIUM_PATH` is wrong.
 * For `headless-shell`, Debian's headless shell comes before Debian's full browser.
 */
export function findChromium(env: Env = process.env, kind: ChromiumKind = 'headless-shell'): string | undefined {
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
  const debian = kind === 'headless-shell' ? [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM] : [DEBIAN_CHROMIUM];
  return [bundled, ...debian].find((path) => path !== undefined && existsSync(path));
}

/**
 * A Chromium to run, as `findChromium` finds it. As root on a machine with apt, first installs
 * what is missing: Debian's `chromium` (and, for the tests, `chromium-headless-shell`) when there
 * is no Chromium at all, or only the headless shell when the tests would otherwise get the slower
 * full browser. Throws one sentence saying what to install when there is no Chromium and apt
 * cannot be used.
 */
export function ensureChromium(env: Env = process.env, kind: ChromiumKind = 'headless-shell'): string {
  const found = findChromium(env, kind);
  const wantsShell = kind === 'headless-shell' && found === DEBIAN_CHROMIUM;
  if (found && !wantsShell) return found;
  const packages = found ? ['chromium-headless-shell'] : kind === 'headless-shell' ? ['chromium', 'chromium-headless-shell'] : ['chromium'];
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    if (found) {
      console.log(`Using ${found}; Debian's "chromium-headless-shell" package would run the browser tests about twice as fast.`);
      return found;
    }
    throw new Error(`No Chromium found: install Debian's ${packages.map((name) => `"${name}"`).join(' and ')} (sudo apt-get install ${packages.join(' ')}) or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  console.log(`${found ? `Found ${found}, but not the headless shell` : 'No Chromium found'}: installing Debian's ${packages.join(' and ')} with apt-get…`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env: aptEnv });
  } catch {
    if (found) {
      console.log(`Installing "chromium-headless-shell" failed (see above); the tests use ${found}.`);
      return found;
    }
    throw new Error(`Installing Debian's ${packages.join(' and ')} with apt-get failed (see above); install it by hand or set CHROMIUM_PATH.`);
  }
  const installed = findChromium(env, kind);
  if (!installed) throw new Error(`apt-get installed ${packages.join(' and ')} but found no Chromium at ${DEBIAN_HEADLESS_SHELL} or ${DEBIAN_CHROMIUM}; set CHROMIUM_PATH.`);
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
