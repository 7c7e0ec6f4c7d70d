import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, loadSite } from '../../data.ts';
import { searchData, searchFiles } from '../../lib/search.ts';
import { siteRecords, type Site } from '../../lib/site.ts';

// Every path's response reads the same files: build them once per version of the site.
const filesOf = new WeakMap<Site, Map<string, string>>();
async function files(): Promise<Map<string, string>> {
  const site = await loadSite();
  let built = filesOf.get(site);
  if (!built) filesOf.set(site, (built = searchFiles(searchData(siteRecords(site)))));
  return built;
}

/**
 * The search index's files (see src/lib/search-build.ts), fetched one by one as searches need
 * them: in the dev server. A build writes them after the pages (src/integrations/site-files.ts).
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  // Named with `.json` in the route, as the build names them: a route without an extension is
  // served by the dev server only at `<path>/`, where the search page does not look.
  return [...(await files()).keys()].map((file) => ({ params: { file: file.slice(0, -'.json'.length) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = (await files()).get(`${params.file}.json`);
  return body === undefined ? new Response('Not found', { status: 404 }) : fileResponse(body, 'application/json; charset=utf-8');
};
