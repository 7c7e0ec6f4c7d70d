/**
 * Writes `dist/_headers` after the build, from the policies Astro put into the pages.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, pagePolicy } from '../lib/headers.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
        const policies = pages.map((page) => pagePolicy(readFileSync(join(root, page), 'utf8'))).filter((p) => p !== undefined);
        writeFileSync(join(root, '_headers'), headersFile(policies));
        logger.info(`_headers written from the policies of ${policies.length} pages`);
      },
    },
  };
}
