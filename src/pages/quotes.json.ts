import type { APIRoute } from 'astro';
import { loadRecords } from '../data.ts';

/** Every record in the public shape of the schema, for programs. */
export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await loadRecords(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
