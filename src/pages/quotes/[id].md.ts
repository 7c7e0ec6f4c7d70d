import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadRecords } from '../../data.ts';
import { quoteMarkdown } from '../../lib/markdown.ts';
import type { Quote, Records } from '../../lib/schema.ts';

export const getStaticPaths = (async () => {
  const records = await loadRecords();
  return records.quotes.map((quote) => ({ params: { id: quote.id }, props: { records, quote } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ records: Records; quote: Quote }> = ({ props: { records, quote }, site }) =>
  fileResponse(quoteMarkdown(records, quote, absolute(site)), 'text/markdown; charset=utf-8');
