import type { APIRoute } from 'astro';
import { fileResponse, loadRecords } from '../data.ts';
import { searchData } from '../lib/search.ts';

/** What the search page downloads on first use: every quote, with parts and sources by slug. */
export const GET: APIRoute = async () =>
  fileResponse(JSON.stringify(searchData(await loadRecords())), 'application/json; charset=utf-8');
