/**
 * Writes every page's Markdown twin after the build. As Astro routes, the 14,000 twins of a
 * 10,000-quote site cost seconds of Astro's work per page; written here, they are plain text
 * files. (The dev server serves them through their route, src/pages/[...twin].md.ts.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { markdownTwins as twinsOf } from '../lib/markdown.ts';
import type { Site } from '../lib/site.ts';
import { absolute } from '../lib/urls.ts';

/** The integration: writes the twins of `site()` into the build's output. */
export function markdownTwins(site: () => Site): AstroIntegration {
  let origin: string | undefined;
  return {
    name: 'markdown-twins',
    hooks: {
      'astro:config:done': ({ config }) => {
        origin = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const twins = twinsOf(site(), absolute(origin));
        const folders = new Set([...twins.keys()].map((url) => dirname(join(root, url))));
        for (const folder of folders) mkdirSync(folder, { recursive: true });
        for (const [url, body] of twins) writeFileSync(join(root, url), body());
        logger.info(`${twins.size} Markdown twins written`);
      },
    },
  };
}
