/**
 * The permalink promise: every URL listed in permalinks.txt must keep working in later builds. A
 * URL that a build no longer has is redirected: to where src/redirects.ts says it went, or, when a
 * one-person site became a site of several people, to the same path under that person's slug.
 */
import { createHash } from 'node:crypto';
import { readdirSync, type Dirent } from 'node:fs';

// Build internals and images are not addresses people link to; pages and data files are.
const UNLISTED = /^(_astro\/|(?:[^/]+\/)?cards\/|404\.html$|sitemap|favicon|_headers$|_redirects$|search-index)/;

/** Every page and data file in a build folder, as site-relative URLs, sorted. */
export function publishedUrls(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(dist.length).replace(/^\/?/, '')}/${entry.name}`.replace(/^\//, ''))
    .filter((path) => !UNLISTED.test(path))
    .map((path) => `/${path}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/**
 * Where each listed URL that the build lacks went: `explicit` first (renames), then the one
 * person whose pages moved under `/<slug>/`: the person under whose slug most of the missing URLs
 * exist. URLs with nowhere to go are left out (see `brokenPermalinks`).
 */
export function movedUrls(listed: string[], built: string[], explicit: Record<string, string>): Map<string, string> {
  const have = new Set(built);
  const missing = listed.filter((url) => !have.has(url));
  const votes = new Map<string, number>();
  for (const url of missing) {
    for (const prefix of new Set(built.map((b) => b.split('/')[1]!))) {
      if (have.has(`/${prefix}${url}`)) votes.set(prefix, (votes.get(prefix) ?? 0) + 1);
    }
  }
  const [person] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
  const moved = new Map<string, string>();
  for (const url of missing) {
    const to = explicit[url] ?? (person !== undefined && have.has(`/${person}${url}`) ? `/${person}${url}` : undefined);
    if (to !== undefined) moved.set(url, to);
  }
  return moved;
}

/** Listed URLs that the build neither has nor redirects: broken promises. */
export function brokenPermalinks(listed: string[], built: string[], moved: ReadonlyMap<string, string>): string[] {
  const have = new Set(built);
  return listed.filter((url) => !have.has(url) && !moved.has(url));
}

/** Parses the permalinks file: one URL a line, `#` comments and blank lines ignored. */
export function parsePermalinks(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A page that forwards to `to`: a meta refresh for every browser, and a script (allowed by its
 * hash) that keeps the `#anchor` a meta refresh would drop, since part pages link quotes by anchor.
 *
 * @param to the new URL, site-relative
 * @param canonical the new URL, absolute
 */
export function redirectPage(to: string, canonical: string): string {
  const script = `location.replace(${JSON.stringify(to)}+location.hash)`;
  const hash = createHash('sha256').update(script).digest('base64');
  const policy = `default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; img-src 'self'; script-src 'self' 'sha256-${hash}'; style-src 'self'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${escapeAttribute(policy)}">
<title>Moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeAttribute(canonical)}">
<meta http-equiv="refresh" content="0; url=${escapeAttribute(to)}">
</head>
<body>
<script>${script}</script>
<p>This page has moved to <a href="${escapeAttribute(to)}">${escapeAttribute(to)}</a>.</p>
</body>
</html>
`;
}
