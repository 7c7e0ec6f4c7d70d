/**
 * Draws the social cards of a build while its pages render (the cards the card cache lacks), then
 * writes them all into its output: a cached card is linked in rather than passed through Astro's
 * page pipeline (at 10,000 quotes that pipeline spent about a millisecond of the main thread on
 * each of the 10,100 cards). Then keeps the card cache bounded: deletes every cached card that the
 * build did not use, so edited and removed quotes do not leave their old cards behind forever.
 * (The dev server draws cards through their route.)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardCacheDir, cardKey, fillCardCache, inParallel, pruneCardCache, writeCard } from '../lib/card.ts';
import { cardJobs, type CardJob } from '../lib/card-jobs.ts';
import { readBuildSite } from './build-site.ts';

/** Every card a build of the profiles the environment names has. */
export function buildCardJobs(env: Record<string, string | undefined> = process.env): CardJob[] {
  return [...cardJobs(readBuildSite(env)).values()];
}

/** The integration: draws the cards while Astro renders the pages, writes them out, prunes the cache. */
export function cardCache(): AstroIntegration {
  let jobs: CardJob[] = [];
  let drawing: ReturnType<typeof fillCardCache> | undefined;
  return {
    name: 'card-cache',
    hooks: {
      // Drawing starts with the build: the pages keep one core busy, the card workers take the
      // other, and then both once the pages are done.
      'astro:build:start': () => {
        drawing = (async () => fillCardCache((jobs = buildCardJobs())))();
        // A failure surfaces where the drawing is awaited, not as an unhandled rejection now (a
        // profile that does not parse is reported before this, by the content layer).
        drawing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const uncached = await drawing!;
        await inParallel(jobs, 16, async ({ content, path, page }) => {
          const file = fileURLToPath(new URL(path.slice(1), dir));
          const drawn = uncached.get(content);
          if (!drawn) return writeCard(content, file, { label: page });
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, drawn);
        });
        logger.info(`${jobs.length} social cards written`);
        const removed = await pruneCardCache(jobs.map((job) => cardKey(job.content)), cardCacheDir());
        if (removed > 0) logger.info(`${removed} unused social cards removed from ${cardCacheDir()}`);
      },
    },
  };
}
