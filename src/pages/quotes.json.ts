import type { APIRoute } from 'astro';
import { fileResponse, loadSite } from '../data.ts';
import { siteRecords } from '../lib/site.ts';

/** Every record in the public shape of the schema, for programs. */
export const GET: APIRoute = async () =>
  fileResponse(`${JSON.stringify(siteRecords(await loadSite()), null, 2)}\n`, 'application/json; charset=utf-8');
