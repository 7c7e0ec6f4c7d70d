import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { brokenPermalinks, parsePermalinks, publishedUrls } from '../../src/lib/permalinks.ts';
import { headersFile, pagePolicy, sitePolicy } from '../../src/lib/headers.ts';

test('publishedUrls lists pages and data files, not build internals or images', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  for (const file of ['index.html', 'quotes/a/index.html', 'quotes/a.md', 'feed.xml', 'quotes.json', '_astro/x.js', 'cards/quotes/a.png', '404.html', '_headers']) {
    mkdirSync(join(dist, file, '..'), { recursive: true });
    writeFileSync(join(dist, file), '');
  }
  expect(publishedUrls(dist)).toEqual(['/', '/feed.xml', '/quotes.json', '/quotes/a.md', '/quotes/a/']);
});

test('a listed URL that is gone breaks the promise unless it redirects', () => {
  const listed = ['/', '/quotes/old/', '/quotes/renamed/'];
  const built = ['/', '/quotes/new/'];
  expect(brokenPermalinks(listed, built, {})).toEqual(['/quotes/old/', '/quotes/renamed/']);
  expect(brokenPermalinks(listed, built, { '/quotes/renamed/': '/quotes/new/' })).toEqual(['/quotes/old/']);
});

test('the permalinks file ignores comments and blank lines', () => {
  expect(parsePermalinks('# header\n\n/\n  /quotes/a/  \n')).toEqual(['/', '/quotes/a/']);
});

test('the site policy is the union of the pages’ policies, framing forbidden', () => {
  const a = "default-src 'self'; script-src 'self' 'sha256-A'; style-src 'self'";
  const b = "default-src 'self'; script-src 'self' 'sha256-B'; style-src 'self' 'sha256-C'";
  expect(sitePolicy([a, b])).toBe(
    "default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self' 'sha256-C'; frame-ancestors 'none'",
  );
  expect(headersFile([a])).toContain('X-Content-Type-Options: nosniff');
  expect(pagePolicy(`<meta http-equiv="content-security-policy" content="${a}">`)).toBe(a);
});
