import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, loadSite } from '../data.ts';
import { markdownTwins } from '../lib/markdown.ts';
import { absolute } from '../lib/urls.ts';

/** Every page's Markdown twin, in the dev server. A build writes them after the pages (src/integrations/site-files.ts). */
export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const site = await loadSite();
  return [...markdownTwins(site, absolute(undefined)).keys()].map((url) => ({ params: { twin: url.slice(1, -'.md'.length) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const body = markdownTwins(await loadSite(), absolute(origin)).get(`/${params.twin}.md`);
  return body ? fileResponse(body(), 'text/markdown; charset=utf-8') : new Response('Not found', { status: 404 });
};
