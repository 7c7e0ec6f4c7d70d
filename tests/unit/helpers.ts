/** Records and sites made from inline profile text, the way the build makes them. */
import { formatProfileError, parseProfile } from '../../src/lib/profile.ts';
import type { PersonRef, Records } from '../../src/lib/schema.ts';
import { buildSite, type Site } from '../../src/lib/site.ts';
import { slugify } from '../../src/lib/slug.ts';
import { personUrl } from '../../src/lib/urls.ts';

/** The person of a one-person site. */
export const ADA: PersonRef = { name: 'Ada Lovelace', slug: 'ada-lovelace', url: '/' };

/** The records of one profile; throws its errors, so a test never passes on a broken fixture. */
export function parsed(text: string | Uint8Array, person: PersonRef = ADA, file = 'test.txt'): Records {
  const result = parseProfile(text, file, person);
  if (!result.ok) throw new Error(`expected records, got:\n${result.errors.map(formatProfileError).join('\n')}`);
  return result.records;
}

/** A site of the given people (name → profile text), one person at `/` or several under their slugs. */
export function siteOf(profiles: Record<string, string>, title = 'People, in quotes'): Site {
  const names = Object.keys(profiles);
  const people = names.map((name) => {
    const slug = slugify(name);
    return { ...parsed(profiles[name]!, { name, slug, url: personUrl(slug, names.length > 1) }), updated: '2026-01-02T03:04:05.000Z' };
  });
  return buildSite(people, { title, featured: {} });
}

/** The person of the project's own profile. */
export const DAVID: PersonRef = { name: 'David Cramer', slug: 'david-cramer', url: '/' };
