// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { cardCache } from './src/integrations/card-cache.ts';
import { freshOutDir } from './src/integrations/fresh-out-dir.ts';
import { permalinks } from './src/integrations/permalinks.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { siteFiles } from './src/integrations/site-files.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { redirects } from './src/redirects.ts';
import { SEARCH_EARLY_SCRIPT } from './src/search-early.ts';

/** @type {`sha256-${string}`} */
const searchEarlyHash = `sha256-${createHash('sha256').update(SEARCH_EARLY_SCRIPT).digest('base64')}`;

export default defineConfig({
  // Canonical URLs, the sitemap and social tags need an absolute origin; deployments set SITE_URL.
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  // Four pages in flight let social cards be drawn side by side (src/lib/card.ts): a cold build of
  // the seed took 8.2-12.6 s at 4, against 11.1-14.8 s at 1, 9.2-16.6 s at 2 and 8.5-12.9 s at 8.
  build: { format: 'directory', concurrency: 4 },
  // Markdown twins and search index before the permalinks, which look for every published URL in the output.
  // Redirect pages before the security headers, which take in their policies too.
  // The old output's delete last: it goes on while the others finish the site.
  integrations: [sitemap(), siteFiles(), permalinks(redirects), securityHeaders(), cardCache(), freshOutDir()],
  // Page scripts as files, not inlined into every page: each page is smaller (1.5 KB less for a
  // quote page, 20 MB less across 10,000 quotes) and the browser caches a script once for the site.
  vite: { build: { assetsInlineLimit: 0 } },
  // Shiki's inline styles would need 'unsafe-inline' under the CSP, and no page shows code.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'", "img-src 'self'"],
      // Astro hashes its own scripts; the search page's one inline script is ours to declare.
      scriptDirective: { hashes: [searchEarlyHash] },
    },
  },
});
