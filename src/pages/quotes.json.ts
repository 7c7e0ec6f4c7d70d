import type { APIRoute } from 'astro';
import { fileResponse, loadRecords } from '../data.ts';

/** Every record in the public shape of the schema, for programs. */
export const GET: APIRoute = async () =>
  fileResponse(`${JSON.stringify(await loadRecords(), null, 2)}\n`, 'application/json; charset=utf-8');
