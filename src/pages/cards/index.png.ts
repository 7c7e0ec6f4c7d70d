import type { APIRoute } from 'astro';
import { fileResponse, loadRecords } from '../../data.ts';
import { homeCard, renderCard } from '../../lib/card.ts';
import { site } from '../../site.config.ts';

/** The link-preview image of the home page, and of pages without one of their own. */
export const GET: APIRoute = async () =>
  fileResponse(await renderCard(homeCard(await loadRecords(), site.title), { label: '/' }), 'image/png');
