import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadSite } from '../../../data.ts';
import { quoteMarkdown } from '../../../lib/markdown.ts';
import type { Quote } from '../../../lib/schema.ts';
import { personParam } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.people.flatMap(({ profile, quotes }) => quotes.map((quote) => ({ params: { person: personParam(profile), id: quote.id }, props: { quote } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ quote: Quote }> = ({ props: { quote }, site }) =>
  fileResponse(quoteMarkdown(quote, absolute(site)), 'text/markdown; charset=utf-8');
