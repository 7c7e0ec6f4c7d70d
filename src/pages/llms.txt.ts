import type { APIRoute } from 'astro';
import { fileResponse, loadSite } from '../data.ts';
import { llmsTxt } from '../lib/markdown.ts';
import { absolute } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => fileResponse(llmsTxt(await loadSite(), absolute(site)), 'text/plain; charset=utf-8');
