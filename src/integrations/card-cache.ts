/**
 * Keeps the social-card cache bounded: after a build, deletes every cached card that the build's
 * card jobs did not use, so edited and removed quotes do not leave their old cards behind forever.
 */
import type { AstroIntegration } from 'astro';
import { cardCacheDir, cardKey, pruneCardCache } from '../lib/card.ts';
import { cardJobs } from '../lib/card-jobs.ts';
import { profileInput, readSite } from '../lib/profile-loader.ts';
import { buildSite } from '../lib/site.ts';
import { site as config } from '../site.config.ts';

/**
 * The cache keys of every card a build of the profiles the environment names draws. It reads the
 * profiles again rather than sharing the pages' copy: the build hook runs outside the pages' bundle.
 */
export function usedCardKeys(env: Record<string, string | undefined> = process.env): string[] {
  const site = buildSite(readSite(profileInput(env), config.name).people, config);
  return [...cardJobs(site).values()].map((job) => cardKey(job.content));
}

/** The integration: prunes the card cache once the build is done. */
export function cardCache(): AstroIntegration {
  return {
    name: 'card-cache',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const removed = await pruneCardCache(usedCardKeys(), cardCacheDir());
        if (removed > 0) logger.info(`${removed} unused social cards removed from ${cardCacheDir()}`);
      },
    },
  };
}
