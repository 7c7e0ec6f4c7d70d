import { expect, test } from '@playwright/test';
import { crawl } from './crawl.ts';
import { records } from './records.ts';

test('a crawl from / reaches every page; every link and anchor resolves; no console errors or failed requests', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const seen = await crawl(page, new URL(test.info().project.use.baseURL!).origin);
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
  expect(seen.sort()).toEqual(expect.arrayContaining(expected.sort()));
});
