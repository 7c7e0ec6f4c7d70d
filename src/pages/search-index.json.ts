import type { APIRoute } from 'astro';
import { fileResponse, loadSite } from '../data.ts';
import { searchData } from '../lib/search.ts';
import { siteRecords } from '../lib/site.ts';

/** What the search page downloads on first use: every quote, with parts and sources by slug. */
export const GET: APIRoute = async () =>
  fileResponse(JSON.stringify(searchData(siteRecords(await loadSite()))), 'application/json; charset=utf-8');
