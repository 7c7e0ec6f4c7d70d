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
  // The line of each part's and source's first quote, found in one pass.
  const firstLine = new Map<string, number>();
  for (const q of ordered) {
    if (!firstLine.has(`part:${q.part.slug}`)) firstLine.set(`part:${q.part.slug}`, q.line);
    if (!firstLine.has(`source:${q.source.slug}`)) firstLine.set(`source:${q.source.slug}`, q.line);
  }
  const byFirstLine = (kind: string) => (a: { slug: string }, b: { slug: string }) =>
    firstLine.get(`${kind}:${a.slug}`)! - firstLine.get(`${kind}:${b.slug}`)!;
  return {
    profile: profile!.data,
    parts: parts.map((entry) => entry.data).sort(byFirstLine('part')),
    sources: sources.map((entry) => entry.data).sort(byFirstLine('source')),
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
