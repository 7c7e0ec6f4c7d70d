import type { APIRoute } from 'astro';
import { fileResponse, loadRecords } from '../../data.ts';
import { renderCard } from '../../lib/card.ts';
import { site } from '../../site.config.ts';

/** The link-preview image of the home page, and of pages without one of their own. */
export const GET: APIRoute = async () => {
  const { profile, parts, quotes } = await loadRecords();
  const png = await renderCard({
    eyebrow: `${quotes.length} quotes in ${parts.length} parts`,
    text: site.title,
    attribution: profile.name,
    site: '',
  });
  return fileResponse(png, 'image/png');
};
