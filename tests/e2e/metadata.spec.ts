import { expect, test, type Page } from '@playwright/test';
import { records } from './records.ts';

const meta = (page: Page, key: string) =>
  page.locator(`meta[name="${key}"], meta[property="${key}"]`).getAttribute('content');
const jsonLd = async (page: Page) => JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);

test('a quote page describes itself for search engines and link previews', async ({ page }) => {
  const quote = records.quotes.find((q) => q.text.length > 200)!;
  await page.goto(quote.url);
  const canonical = new URL(quote.url, page.url()).pathname;
  await expect(page).toHaveTitle(new RegExp(`on ${quote.topic}`));
  const description = (await meta(page, 'description'))!;
  expect(description.length).toBeLessThanOrEqual(160);
  expect(description.endsWith('…')).toBe(true);
  // Shortened at a word: what is left is the start of the text, ending in a whole word.
  const kept = description.slice(quote.kind === 'direct' ? 1 : 0, -1);
  expect(quote.text.startsWith(kept)).toBe(true);
  expect(quote.text[kept.length]).toMatch(/[\s,;:.—-]/);
  expect(new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).pathname).toBe(canonical);
  expect(await meta(page, 'og:type')).toBe('article');
  expect(await meta(page, 'og:title')).toBe(`${records.profile.name} on ${quote.topic}`);
  expect(await meta(page, 'og:description')).toBe(description);
  expect(new URL((await meta(page, 'og:url'))!).pathname).toBe(canonical);
  expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
  expect(await meta(page, 'twitter:title')).toBe(`${records.profile.name} on ${quote.topic}`);
  expect(await jsonLd(page)).toMatchObject({
    '@type': 'Quotation',
    text: quote.text,
    creator: { '@type': 'Person', name: records.profile.name },
    isPartOf: { name: quote.source.name },
    about: { name: quote.topic },
  });
});

test('part and source pages carry an ItemList of their quotes', async ({ page }) => {
  const part = records.parts[1]!;
  await page.goto(part.url);
  const list = await jsonLd(page);
  expect(list['@type']).toBe('ItemList');
  const own = records.quotes.filter((q) => q.part.slug === part.slug);
  expect(list.itemListElement.map((i: { url: string }) => new URL(i.url).pathname)).toEqual(own.map((q) => q.url));

  const source = records.sources[0]!;
  await page.goto(source.url);
  expect((await jsonLd(page)).numberOfItems).toBe(source.quoteCount);
});
