/**
 * Run by `npm test` before the browser tests: makes sure a Chromium exists (see `ensureChromium`),
 * or stops with one sentence saying what to install.
 */
import { ensureChromium } from '../src/cli/chromium.ts';

try {
  console.log(`Browser tests use ${ensureChromium('headless-shell')}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
