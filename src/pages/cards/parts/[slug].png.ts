import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, loadRecords } from '../../../data.ts';
import { partCard, renderCard } from '../../../lib/card.ts';
import type { Part } from '../../../lib/schema.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const { profile, parts } = await loadRecords();
  return parts.map((part) => ({ params: { slug: part.slug }, props: { part, name: profile.name } }));
}) satisfies GetStaticPaths;

/** The link-preview image of one part. */
export const GET: APIRoute<{ part: Part; name: string }> = async ({ props: { part, name } }) =>
  fileResponse(await renderCard(partCard(part, name, site.title), { label: part.url }), 'image/png');
