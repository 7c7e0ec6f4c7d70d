import { expect, test, type Page } from '@playwright/test';
import { siteRecords } from '../../src/lib/site.ts';
import { siteOf } from './records.ts';

// Runs against the build of tests/fixtures/markup.txt, whose quotes are full of HTML.
const site = siteOf({ file: 'tests/fixtures/markup.txt' });
const records = site.people[0]!;
const images = records.quotes.find((q) => q.topic === 'images')!;

/** What the profile's scripts would set if any of them ran on the page loaded last. */
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

test.beforeEach(async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a dialog opened: profile text ran as code');
  });
});

test('search shows markup in quotes as text and runs none of it', async ({ page }) => {
  await page.goto('/search/?q=script');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem').first()).toContainText('<script>window.__pwned = 2</script>');
  await expect(results.locator('script, b, em')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
  await page.goto(`/search/?q=${encodeURIComponent('broken image')}`);
  await expect(results).toContainText(images.text);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
});

test('pages show markup in quotes, topics, sources and titles as text', async ({ page }) => {
  for (const quote of records.quotes) {
    await page.goto(quote.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`On ${quote.topic}`);
    await expect(page.locator('main blockquote')).toHaveText(quote.text);
    expect(await pwned(page), quote.url).toBeUndefined();
    await expect(page.locator('main img, main b, main em, [onmouseover], [onerror]')).toHaveCount(0);
    // Our own scripts are modules and JSON-LD; none may hold the profile's script text as code.
    await expect(page.locator('script:not([type="application/ld+json"])', { hasText: '__pwned' })).toHaveCount(0);
  }
  for (const part of records.parts) {
    await page.goto(part.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(part.title);
    await expect(page.locator('[onmouseover], main em')).toHaveCount(0);
    expect(await pwned(page), part.url).toBeUndefined();
  }
  expect(await pwned(page)).toBeUndefined();
});

test('long words and URLs do not make any page scroll sideways on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const long = records.quotes.find((q) => q.topic === 'very long words')!;
  for (const path of [long.url, records.parts[1]!.url, '/quotes/', `/sources/${long.source.slug}/`, '/search/?q=ends+here']) {
    await page.goto(path);
    if (path.startsWith('/search/')) await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBe(0);
  }
});

test('the JSON, Markdown, feed and cards carry the markup as text', async ({ page, request }) => {
  const json = await (await request.get('/quotes.json')).json();
  expect(json).toEqual(siteRecords(site));
  // Written out, not only compared with records the same code made: the text exactly as typed.
  expect(json.quotes.map((q: { topic: string; text: string }) => [q.topic, q.text]).slice(0, 3)).toEqual([
    ['<script>window.__pwned = 1</script> scripts', 'Never <script>window.__pwned = 2</script> run this.'],
    ['images', 'A broken image <img src=x onerror="window.__pwned = 3"> must stay text.'],
    ['entities', '&lt;script&gt; and &amp; stay as typed, &quot;quoted&quot;.'],
  ]);
  const images = records.quotes.find((q) => q.topic === 'images')!;
  const markdown = await (await request.get(`/quotes/${images.id}.md`)).text();
  expect(markdown).toContain('\\<img src=x onerror="window.\\_\\_pwned = 3"\\>');
  const feed = await (await request.get('/feed.xml')).text();
  await page.goto('/');
  const summaries = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('entry > summary')].map((s) => s.textContent);
  }, feed);
  expect(summaries).toEqual(records.quotes.map((q) => q.text));
  for (const quote of records.quotes) {
    const card = await (await request.get(`/cards/quotes/${quote.id}.png`)).body();
    // A PNG (its signature) of 1200×630 (the IHDR chunk's width and height).
    expect(card.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([card.readUInt32BE(16), card.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});

test('a quote whose id looks like a page landmark still owns its anchor', async ({ page }) => {
  const main = records.quotes.find((q) => q.id === 'main')!;
  await page.goto(`/parts/${main.part.slug}/#main`);
  await expect(page.locator('[id="main"]')).toHaveCount(1);
  await expect(page.locator('#main')).toHaveJSProperty('tagName', 'FIGURE');
});
