/**
 * The site back from the content collection, built once per version of the profiles: every page
 * of a build asks for it, and the dev server hands out new entries when a profile changes.
 */
import { getCollection } from 'astro:content';
import type { Records } from './lib/schema.ts';
import { buildSite, type Site } from './lib/site.ts';
import { site as config } from './site.config.ts';

let cached: { key: string; site: Site } | undefined;

/** Every person's records with their lookups. Throws the profiles' problems while the dev server runs. */
export async function loadSite(): Promise<Site> {
  // A build's profiles cannot change while it renders, and every getCollection() goes through a
  // dynamic import: twice a page, that was 1.2 s of CPU in a 10,000-quote build.
  if (import.meta.env.PROD && cached) return cached.site;
  const entries = await getCollection('people');
  const problem = entries.map((entry) => entry.data).find((data) => 'problem' in data);
  // Astro's error overlay shows this message, so a broken profile is never served as if it were fine.
  if (problem) throw new Error(problem.problem);
  const key = entries.map((entry) => `${entry.id}:${entry.digest}`).join(' ');
  if (cached?.key !== key) {
    const people = entries.map((entry) => entry.data as Records & { updated: string });
    cached = { key, site: buildSite(people, config) };
  }
  return cached.site;
}

/** A generated file: its body with its content type. */
export function fileResponse(body: string | Uint8Array<ArrayBuffer>, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } });
}
