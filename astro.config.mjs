// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Canonical URLs, the sitemap and social tags need an absolute origin; deployments set SITE_URL.
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
  // Shiki's inline styles would need 'unsafe-inline' under the CSP, and no page shows code.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'", "img-src 'self' data:"],
    },
  },
});
