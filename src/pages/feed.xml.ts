import type { APIRoute } from 'astro';
import { absolute, fileResponse, loadRecords } from '../data.ts';
import { atomFeed } from '../lib/feed.ts';
import { site as config } from '../site.config.ts';

export const GET: APIRoute = async ({ site }) =>
  fileResponse(atomFeed(await loadRecords(), config.title, absolute(site), new Date()), 'application/atom+xml; charset=utf-8');
