/**
 * The URLs a build publishes, for the permalink promise: every URL listed in
 * tests/permalinks.txt must still exist in later builds, or redirect.
 */
import { readdirSync } from 'node:fs';

// Build internals and images are not addresses people link to; pages and data files are.
const UNLISTED = /^(_astro\/|cards\/|404\.html$|sitemap|favicon|_headers$|search-index(\.json$|\/))/;

/** Every page and data file in a build folder, as site-relative URLs, sorted. */
export function publishedUrls(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(dist.length).replace(/^\/?/, '')}/${entry.name}`.replace(/^\//, ''))
    .filter((path) => !UNLISTED.test(path))
    .map((path) => `/${path}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** Listed URLs that the build neither has nor redirects: broken promises. */
export function brokenPermalinks(listed: string[], built: string[], redirects: Record<string, string>): string[] {
  const have = new Set(built);
  return listed.filter((url) => !have.has(url) && !(url in redirects));
}

/** Parses the permalinks file: one URL a line, `#` comments and blank lines ignored. */
export function parsePermalinks(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
