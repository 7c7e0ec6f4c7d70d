import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, loadRecords } from '../../../data.ts';
import { quoteCard, renderCard } from '../../../lib/card.ts';
import type { Quote } from '../../../lib/schema.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const { profile, quotes } = await loadRecords();
  return quotes.map((quote) => ({ params: { id: quote.id }, props: { quote, name: profile.name } }));
}) satisfies GetStaticPaths;

/** The link-preview image of one quote. */
export const GET: APIRoute<{ quote: Quote; name: string }> = async ({ props: { quote, name } }) =>
  fileResponse(await renderCard(quoteCard(quote, name, site.title), { label: quote.url }), 'image/png');
