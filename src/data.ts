/**
 * The records back from the content collections, in profile order. Collections come back sorted
 * by id, so order is restored from each quote's line: parts and sources in order of first quote.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Records } from './lib/schema.ts';

/** Every record of the profile, as the parser returned them. */
export async function loadRecords(): Promise<Records> {
  const [profile, parts, sources, quotes] = await Promise.all([
    getEntry('profile', 'profile'),
    getCollection('parts'),
    getCollection('sources'),
    getCollection('quotes'),
  ]);
  const ordered = quotes.map((entry) => entry.data).sort((a, b) => a.line - b.line);
  const firstLine = (match: (q: (typeof ordered)[number]) => boolean) => ordered.find(match)?.line ?? Infinity;
  return {
    profile: profile!.data,
    parts: parts
      .map((entry) => entry.data)
      .sort((a, b) => firstLine((q) => q.part.slug === a.slug) - firstLine((q) => q.part.slug === b.slug)),
    sources: sources
      .map((entry) => entry.data)
      .sort((a, b) => firstLine((q) => q.source.slug === a.slug) - firstLine((q) => q.source.slug === b.slug)),
    quotes: ordered,
  };
}

/** A generated file: its body with its content type. */
export function fileResponse(body: string | Uint8Array<ArrayBuffer>, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

/** Makes site-relative URLs absolute against the configured `site`. */
export function absolute(site: URL | undefined): (path: string) => string {
  return (path) => new URL(path, site).href;
}
