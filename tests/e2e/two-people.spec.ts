/**
 * The project's own profile plus a second person (dist-fixtures/two): every URL the one-person
 * site published moves under /david-cramer/, and still works.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parsePermalinks } from '../../src/lib/permalinks.ts';
import { records } from './records.ts';

const listed = parsePermalinks(readFileSync('permalinks.txt', 'utf8'));

test('every published URL still answers: the same page, or a redirect to it under /david-cramer/', async ({ request }) => {
  let moved = 0;
  for (const url of listed) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    const body = await response.text();
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(body)?.[1];
    const target = `/david-cramer${url}`;
    if (refresh) {
      expect(refresh, url).toBe(target);
      expect((await request.get(target)).status(), target).toBe(200);
      moved++;
    } else if (!url.endsWith('/') && body !== (await (await request.get(url.replace(/^/, '/david-cramer'))).text().catch(() => ''))) {
      // A file that is not site-wide (/quotes.json, /feed.xml …) is a copy of the file it moved to.
      expect(['/feed.xml', '/index.md', '/llms.txt', '/quotes.json', '/quotes.schema.json'], url).toContain(url);
    }
  }
  expect(moved).toBeGreaterThan(records.quotes.length);
});

test('a moved link to a quote’s anchor lands on that quote', async ({ page }) => {
  const quote = records.quotes[10]!;
  await page.goto(`${quote.part.url}#${quote.id}`);
  await expect(page).toHaveURL(`/david-cramer${quote.part.url}#${quote.id}`);
  await expect(page.locator(`[id="${quote.id}"] blockquote`)).toBeInViewport();
});

test('the home page now lists both people', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'People' }).getByRole('heading')).toHaveText(['David Cramer', 'Grace Hopper']);
});
