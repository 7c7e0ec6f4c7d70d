import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, loadSite } from '../data.ts';
import { renderCard } from '../lib/card.ts';
import { cardJobs, type CardJob } from '../lib/card-jobs.ts';

/**
 * Every social card, from the same list of jobs the pages name their cards from: in the dev
 * server. A build writes its cards after the pages (src/integrations/card-cache.ts).
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const site = await loadSite();
  return [...cardJobs(site).values()].map((job) => ({ params: { card: job.path.slice(1, -'.png'.length) }, props: { job } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: CardJob }> = async ({ props: { job } }) => fileResponse(await renderCard(job.content, { label: job.page }), 'image/png');
