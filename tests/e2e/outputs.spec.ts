/**
 * The files for link previews, writers and programs: cards, Markdown, llms.txt, JSON + schema, feed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { records } from './records.ts';

const dist = (url: string) => join('dist', new URL(url, 'http://x').pathname);
const html = (url: string) => readFileSync(join(dist(url), 'index.html'), 'utf8');
const attr = (page: string, pattern: RegExp) => pattern.exec(page)?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#39;', "'");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('every quote page points og:image and twitter:image at a 1200×630 PNG in the build, with the quote as alt text', () => {
  for (const quote of records.quotes) {
    const page = html(quote.url);
    const image = attr(page, /<meta property="og:image" content="([^"]+)"/)!;
    expect(new URL(image).pathname).toBe(`/cards/quotes/${quote.id}.png`);
    expect(attr(page, /<meta name="twitter:image" content="([^"]+)"/)).toBe(image);
    expect(attr(page, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image');
    expect(attr(page, /<meta property="og:image:alt" content="([^"]+)"/)).toBe(quote.text);
    expect(pngSize(dist(image))).toEqual([1200, 630]);
  }
  for (const part of records.parts) {
    const image = attr(html(part.url), /<meta property="og:image" content="([^"]+)"/)!;
    expect(pngSize(dist(image))).toEqual([1200, 630]);
  }
  expect(pngSize(dist(attr(html('/'), /<meta property="og:image" content="([^"]+)"/)!))).toEqual([1200, 630]);
});

test('every quote, part and source page and the home page link a Markdown version that holds their text', () => {
  const pages = [
    { url: '/', texts: [records.profile.intro, ...records.parts.map((p) => p.title)] },
    ...records.quotes.map((q) => ({ url: q.url, texts: [q.text, `On ${q.topic}`, q.source.name] })),
    ...records.parts.map((p) => ({ url: p.url, texts: records.quotes.filter((q) => q.part.slug === p.slug).map((q) => q.text) })),
    ...records.sources.map((s) => ({ url: s.url, texts: records.quotes.filter((q) => q.source.slug === s.slug).map((q) => q.text) })),
  ];
  for (const { url, texts } of pages) {
    const href = attr(html(url), /<link rel="alternate" type="text\/markdown" href="([^"]+)"/);
    expect(href, url).toBe(url === '/' ? '/index.md' : url.replace(/\/$/, '.md'));
    const markdown = readFileSync(dist(href!), 'utf8');
    for (const text of texts) expect(markdown, `${href} holds ${text}`).toContain(text);
    // Links back to the canonical HTML page.
    expect(markdown).toContain(new URL(url, 'http://localhost:4321').href);
  }
});

test('a quote’s Markdown is its heading, the text as a blockquote, the attribution and the permalink', async ({ request }) => {
  const quote = records.quotes.find((q) => q.id === 'engineering-taste')!;
  const response = await request.get(`/quotes/${quote.id}.md`);
  expect(response.headers()['content-type']).toContain('text/markdown');
  const markdown = await response.text();
  expect(markdown).toMatch(/^# On engineering taste\n\n> I expect my developers to have taste\.\n\n— David Cramer, Simon Willison's Weblog\n/);
  expect(markdown).toContain(`- Permalink: http://localhost:4321${quote.url}`);
});

test('llms.txt describes the site and links Markdown files that exist', () => {
  const text = readFileSync('dist/llms.txt', 'utf8');
  expect(text.startsWith('# ')).toBe(true);
  expect(text).toMatch(/^> .+/m);
  const links = [...text.matchAll(/\]\((http[^)]+)\)/g)].map((m) => new URL(m[1]!).pathname);
  expect(links.filter((l) => l.endsWith('.md')).length).toBe(1 + records.parts.length + records.sources.length + records.quotes.length);
  for (const link of links) expect(existsSync(dist(link)), link).toBe(true);
});

test('/quotes.json validates against /quotes.schema.json, generated from the zod schema', async ({ request }) => {
  const schema = await (await request.get('/quotes.schema.json')).json();
  const data = await (await request.get('/quotes.json')).json();
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  // The schema is not a pushover: a quote without text fails it.
  const broken = structuredClone(data);
  delete broken.quotes[0].text;
  expect(validate(broken)).toBe(false);
});

test('/feed.xml is an Atom feed with one entry per quote, in profile order, linking the permalinks', async ({ page, request }) => {
  const xml = await (await request.get('/feed.xml')).text();
  await page.goto('/');
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.namespaceURI,
      links: [...doc.querySelectorAll('entry > link[rel="alternate"]')].map((l) => l.getAttribute('href')),
      summaries: [...doc.querySelectorAll('entry > summary')].map((s) => s.textContent),
    };
  }, xml);
  expect(feed.error).toBeNull();
  expect(feed.root).toBe('http://www.w3.org/2005/Atom');
  expect(feed.links.map((l) => new URL(l!).pathname)).toEqual(records.quotes.map((q) => q.url));
  expect(feed.summaries).toEqual(records.quotes.map((q) => q.text));
});

test('/random/ sends the reader to a quote page, read from one small file of the search index', async ({ page }) => {
  const data: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/search-index/')) data.push(pathname);
  });
  await page.goto('/random/');
  await expect(page).toHaveURL(/\/quotes\/[a-z0-9-]+\/$/);
  expect(data).toEqual([expect.stringMatching(/^\/search-index\/docs\/\d+\.json$/)]);
  const id = new URL(page.url()).pathname.split('/')[2];
  expect(records.quotes.map((q) => q.id)).toContain(id);
  await expect(page.locator('main blockquote')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/random/ lists a few quotes to follow', async ({ page }) => {
    await page.goto('/random/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('A random quote');
    const links = page.getByRole('main').getByRole('link', { name: /^On / });
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    await links.first().click();
    await expect(page.locator('main blockquote')).toBeVisible();
  });

  test('the citation block is visible and selectable text', async ({ page }) => {
    const quote = records.quotes.find((q) => q.id === 'engineering-taste')!;
    await page.goto(quote.url);
    await expect(page.getByRole('heading', { name: 'Cite this quote' })).toBeVisible();
    await expect(page.locator('p.citation')).toHaveText(
      "David Cramer, “On engineering taste,” Simon Willison's Weblog, quoted in David Cramer, in quotes, http://localhost:4321/quotes/engineering-taste/.",
    );
    await expect(page.locator('pre.citation')).toContainText('@misc{david-cramer:engineering-taste,');
    await expect(page.getByRole('button', { name: /Copy|Share/ })).toHaveCount(0);
  });
});
