import type { APIRoute } from 'astro';
import { loadRecords } from '../data.ts';
import { searchData } from '../lib/search.ts';

/** What the search page downloads on first use: every quote, with parts and sources by slug. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(searchData(await loadRecords())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
