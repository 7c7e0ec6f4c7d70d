import { expect, test } from '@playwright/test';
import { records } from './records.ts';

test('a crawl from / reaches every page; every link and anchor resolves; no console errors or failed requests', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Moving on to the next page cancels the favicon fetch of the last one; that is not a failure.
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`${page.url()}: request failed (${reason}): ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${page.url()}: ${response.status()} for ${response.url()}`);
  });

  const origin = new URL(test.info().project.use.baseURL!).origin;
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const ids = new Map<string, Set<string>>();
  const anchors: { from: string; path: string; hash: string }[] = [];

  while (queue.length > 0) {
    const path = queue.shift()!;
    if (!path.endsWith('/') || path === '/random/') {
      // Data files: fetched, not shown (the browser's own viewer would go looking for /favicon.ico).
      // /random/ moves on to a random quote as soon as it runs; the crawl reaches those anyway.
      expect((await page.request.get(path)).status(), `status of ${path}`).toBe(200);
      continue;
    }
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(200);
    const { hrefs, pageIds } = await page.evaluate(() => ({
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      pageIds: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }));
    ids.set(path, new Set(pageIds));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      if (url.hash) anchors.push({ from: path, path: url.pathname, hash: decodeURIComponent(url.hash.slice(1)) });
      if (!seen.has(url.pathname)) {
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
  }

  const expected = [
    '/',
    '/parts/',
    '/sources/',
    '/quotes/',
    '/search/',
    '/quotes.json',
    ...records.parts.map((p) => p.url),
    ...records.sources.map((s) => s.url),
    ...records.quotes.map((q) => q.url),
  ];
  expect([...seen].sort()).toEqual(expect.arrayContaining(expected.sort()));
  for (const path of seen) expect(path, 'internal links end with / or name a file').toMatch(/\/$|\.(json|xml|md|txt)$/);
  for (const { from, path, hash } of anchors) {
    expect(ids.get(path)?.has(hash), `#${hash} on ${path}, linked from ${from}`).toBe(true);
  }
  expect(problems).toEqual([]);
});
