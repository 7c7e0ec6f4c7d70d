import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { fileResponse } from '../data.ts';
import { SiteRecordsSchema } from '../lib/schema.ts';

/** The JSON Schema of /quotes.json, generated from the zod schema so the two cannot drift. */
export const GET: APIRoute = ({ site }) =>
  fileResponse(
    `${JSON.stringify({ $id: new URL('/quotes.schema.json', site).href, title: 'Quote records', ...z.toJSONSchema(SiteRecordsSchema) }, null, 2)}\n`,
    'application/schema+json',
  );
