import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadRecords } from '../../data.ts';
import { sourceMarkdown } from '../../lib/markdown.ts';
import type { Records, Source } from '../../lib/schema.ts';

export const getStaticPaths = (async () => {
  const records = await loadRecords();
  return records.sources.map((source) => ({ params: { slug: source.slug }, props: { records, source } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ records: Records; source: Source }> = ({ props: { records, source }, site }) =>
  fileResponse(sourceMarkdown(records, source, absolute(site)), 'text/markdown; charset=utf-8');
