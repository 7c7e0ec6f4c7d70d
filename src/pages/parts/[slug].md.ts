import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadRecords } from '../../data.ts';
import { partMarkdown } from '../../lib/markdown.ts';
import type { Part, Records } from '../../lib/schema.ts';

export const getStaticPaths = (async () => {
  const records = await loadRecords();
  return records.parts.map((part) => ({ params: { slug: part.slug }, props: { records, part } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ records: Records; part: Part }> = ({ props: { records, part }, site }) =>
  fileResponse(partMarkdown(records, part, absolute(site)), 'text/markdown; charset=utf-8');
