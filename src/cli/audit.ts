/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices, SEO) on the home page, a
 * part, a quote and search, served from the last build in dist/, in the Chromium the tests use.
 */
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';
import { profileInput, readSite } from '../lib/profile-loader.ts';
import { site as config } from '../site.config.ts';

const PORT = 4321;
const ORIGIN = `http://localhost:${PORT}`;
const records = readSite(profileInput(), config.name).people[0]!;
const pages = {
  home: '/',
  part: records.parts[0]!.url,
  quote: records.quotes[0]!.url,
  search: '/search/?q=open+source',
};

let chromePath: string;
try {
  chromePath = ensureChromium('browser');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Served at the origin the build's canonical links name (SITE_URL's default), as a host would.
const server = spawn(process.execPath, ['src/cli/serve.ts', 'dist', String(PORT)], { stdio: 'inherit' });
await new Promise((resolve) => setTimeout(resolve, 500));
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
const rows = [];
let perfect = true;
try {
  for (const [page, path] of Object.entries(pages)) {
    const result = await lighthouse(`${ORIGIN}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const categories = result!.lhr.categories;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const row = { page, path, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
    rows.push(row);
    if ([row.performance, row.accessibility, row.bestPractices, row.seo].some((s) => s < 100)) {
      perfect = false;
      const failed = Object.values(result!.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative');
      for (const audit of failed) console.log(`  ${page}: ${audit.id} (${audit.score}): ${audit.title} ${audit.displayValue ?? ''}`);
      const shifts = (result!.lhr.audits['layout-shifts']?.details as { items?: { node?: { selector?: string; snippet?: string }; score?: number }[] } | undefined)?.items ?? [];
      for (const shift of shifts) console.log(`    layout shift ${shift.score?.toFixed(3)}: ${shift.node?.snippet ?? shift.node?.selector ?? '?'}`);
    }
  }
} finally {
  chrome.kill();
  server.kill();
}
console.table(rows);
console.log(perfect ? 'All four categories score 100 on every page.' : 'Some scores are below 100 (audits listed above).');
