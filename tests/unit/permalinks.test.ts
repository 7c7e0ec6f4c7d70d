import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { brokenPermalinks, movedUrls, parsePermalinks, publishedUrls, redirectPage } from '../../src/lib/permalinks.ts';
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
  expect(brokenPermalinks(listed, built, new Map())).toEqual(['/quotes/old/', '/quotes/renamed/']);
  expect(brokenPermalinks(listed, built, movedUrls(listed, built, { '/quotes/renamed/': '/quotes/new/' }))).toEqual(['/quotes/old/']);
});

test('when a second person arrives, the first person’s URLs move under their slug', () => {
  const listed = ['/', '/feed.xml', '/parts/', '/parts/open-source/', '/quotes/a/', '/quotes/a.md', '/quotes/gone/', '/quotes/renamed/'];
  const built = [
    '/',
    '/feed.xml',
    '/ada/',
    '/ada/parts/',
    '/ada/parts/open-source/',
    '/ada/quotes/a/',
    '/ada/quotes/a.md',
    '/ada/quotes/b/',
    // The newcomer has a part of the same name: the redirect still goes to the first person's.
    '/grace/parts/',
    '/grace/parts/open-source/',
  ];
  expect([...movedUrls(listed, built, { '/quotes/renamed/': '/ada/quotes/b/' })]).toEqual([
    ['/parts/', '/ada/parts/'],
    ['/parts/open-source/', '/ada/parts/open-source/'],
    ['/quotes/a/', '/ada/quotes/a/'],
    ['/quotes/a.md', '/ada/quotes/a.md'],
    ['/quotes/renamed/', '/ada/quotes/b/'],
  ]);
});

test('a redirect page forwards with its anchor, under a policy that allows only its own script', () => {
  const html = redirectPage('/ada/parts/x/', 'https://q.example/ada/parts/x/');
  expect(html).toContain('<meta http-equiv="refresh" content="0; url=/ada/parts/x/">');
  expect(html).toContain('<link rel="canonical" href="https://q.example/ada/parts/x/">');
  const script = /<script>([^<]*)<\/script>/.exec(html)![1]!;
  expect(script).toBe('location.replace("/ada/parts/x/"+location.hash)');
  expect(pagePolicy(html)).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
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
