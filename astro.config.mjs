// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { redirects } from './src/redirects.ts';

export default defineConfig({
  // Canonical URLs, the sitemap and social tags need an absolute origin; deployments set SITE_URL.
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  redirects,
  build: { format: 'directory' },
  integrations: [sitemap(), securityHeaders()],
  // Shiki's inline styles would need 'unsafe-inline' under the CSP, and no page shows code.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'", "img-src 'self'"],
    },
  },
});
