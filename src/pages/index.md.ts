import type { APIRoute } from 'astro';
import { absolute, fileResponse, loadRecords } from '../data.ts';
import { indexMarkdown } from '../lib/markdown.ts';
import { site as config } from '../site.config.ts';

export const GET: APIRoute = async ({ site }) =>
  fileResponse(indexMarkdown(await loadRecords(), config.title, absolute(site)), 'text/markdown; charset=utf-8');
