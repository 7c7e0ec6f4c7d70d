/**
 * Writes the social cards of a build into its output, after the pages: a cached card is linked in
 * rather than passed through Astro's page pipeline (at 10,000 quotes that pipeline spent about a
 * millisecond of the main thread on each of the 10,100 cards). Then keeps the card cache bounded:
 * deletes every cached card that the build did not use, so edited and removed quotes do not leave
 * their old cards behind forever. (The dev server draws cards through their route.)
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardCacheDir, cardKey, pruneCardCache, writeCard } from '../lib/card.ts';
import { cardJobs, type CardJob } from '../lib/card-jobs.ts';
import { profileInput, readSite } from '../lib/profile-loader.ts';
import { buildSite } from '../lib/site.ts';
import { site as config } from '../site.config.ts';

/**
 * Every card a build of the profiles the environment names has. It reads the profiles again rather
 * than sharing the pages' copy: the build hook runs outside the pages' bundle.
 */
export function buildCardJobs(env: Record<string, string | undefined> = process.env): CardJob[] {
  const site = buildSite(readSite(profileInput(env), config.name).people, config);
  return [...cardJobs(site).values()];
}

/** How many cards are written at once: enough to keep every card worker busy. */
const IN_FLIGHT = 16;

/** The integration: writes the cards into the build's output, then prunes the card cache. */
export function cardCache(): AstroIntegration {
  return {
    name: 'card-cache',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const jobs = buildCardJobs();
        let next = 0;
        const writer = async () => {
          for (let job = jobs[next++]; job; job = jobs[next++]) {
            await writeCard(job.content, fileURLToPath(new URL(job.path.slice(1), dir)), { label: job.page });
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
        logger.info(`${jobs.length} social cards written`);
        const removed = await pruneCardCache(jobs.map((job) => cardKey(job.content)), cardCacheDir());
        if (removed > 0) logger.info(`${removed} unused social cards removed from ${cardCacheDir()}`);
      },
    },
  };
}
