import type { APIRoute } from 'astro';
import { absolute, fileResponse, loadRecords } from '../data.ts';
import { llmsTxt } from '../lib/markdown.ts';
import { site as config } from '../site.config.ts';

export const GET: APIRoute = async ({ site }) =>
  fileResponse(llmsTxt(await loadRecords(), config.title, config.description, absolute(site)), 'text/plain; charset=utf-8');
