import { expect, test } from '@playwright/test';
import { exactly, json, records } from './records.ts';

const { profile, parts, sources, quotes } = records;

// Three tests of 25 pages, so that both workers share them: as one test, the 75 pages took 44 s
// on a slow machine, and a test that long at the end of a run leaves the other worker idle.
const QUOTES_A_TEST = 25;
for (let from = 0; from < quotes.length; from += QUOTES_A_TEST) {
  const some = quotes.slice(from, from + QUOTES_A_TEST);
  test(`every quote has a page whose text, topic, kind, part and source are the record’s: quotes ${from + 1}–${from + some.length}`, async ({ page }) => {
    test.setTimeout(60_000);
    for (const quote of some) {
      await page.goto(quote.url, { waitUntil: 'domcontentloaded' });
      const facts = page.locator('main dl');
      // Side by side: each check is a round trip to the browser, and 75 pages of them add up.
      await Promise.all([
        expect(page.getByRole('heading', { level: 1 })).toHaveText(`On ${quote.topic}`),
        expect(page.locator('main blockquote')).toHaveText(exactly(quote.text)),
        expect(facts).toContainText(quote.kind === 'direct' ? 'Direct quote' : 'Paraphrase'),
        expect(facts.getByRole('link', { name: quote.part.title, exact: true })).toHaveAttribute('href', `/parts/${quote.part.slug}/`),
        expect(facts.getByRole('link', { name: quote.source.name, exact: true })).toHaveAttribute('href', `/sources/${quote.source.slug}/`),
      ]);
    }
  });
}

test('a quote page links to the previous and next quote of the profile', async ({ page }) => {
  const [first, second, third] = quotes;
  await page.goto(second!.url);
  const pager = page.getByRole('navigation', { name: 'Quotes' });
  await expect(pager.getByRole('link', { name: `On ${first!.topic}` })).toHaveAttribute('href', first!.url);
  await expect(pager.getByRole('link', { name: `On ${third!.topic}` })).toHaveAttribute('href', third!.url);
  await page.goto(first!.url);
  await expect(pager.getByRole('link')).toHaveCount(1);
});

test('every part page lists exactly its quotes, in profile order, each with its anchor', async ({ page }) => {
  for (const [i, part] of parts.entries()) {
    await page.goto(part.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(part.title);
    const own = quotes.filter((q) => q.part.slug === part.slug);
    await expect(page.locator('main figure blockquote')).toHaveText(own.map((q) => exactly(q.text)));
    expect(await page.locator('main figure').evaluateAll((figures) => figures.map((f) => f.id))).toEqual(own.map((q) => q.id));
    const pager = page.getByRole('navigation', { name: 'Parts' });
    if (i > 0) await expect(pager.getByRole('link', { name: parts[i - 1]!.title })).toHaveAttribute('href', parts[i - 1]!.url);
    if (i < parts.length - 1) await expect(pager.getByRole('link', { name: parts[i + 1]!.title })).toHaveAttribute('href', parts[i + 1]!.url);
  }
});

test('every source page lists exactly its quotes, grouped by part in profile order', async ({ page }) => {
  for (const source of sources) {
    await page.goto(source.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(source.name);
    const own = quotes.filter((q) => q.source.slug === source.slug);
    const groups = [...new Set(own.map((q) => q.part.title))];
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(groups.map(exactly));
    await expect(page.locator('main figure blockquote')).toHaveText(own.map((q) => exactly(q.text)));
  }
});

test('the home page has the name, intro, every part and source with counts, search and a featured quote', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(profile.name);
  await expect(page.getByRole('main')).toContainText(profile.intro);
  const partItems = page.getByRole('list', { name: 'Parts' }).getByRole('listitem');
  await expect(partItems).toHaveCount(parts.length);
  for (const [i, part] of parts.entries()) {
    await expect(partItems.nth(i).getByRole('link')).toHaveAttribute('href', part.url);
    await expect(partItems.nth(i)).toContainText(`${part.title} (${part.quoteCount} quotes)`);
  }
  const sourceItems = page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  await expect(sourceItems).toHaveText(sources.map((s) => `${s.name} (${s.quoteCount})`));
  // One clear way to search: the page's own box, not also the header's.
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('searchbox', { name: 'Search quotes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Featured quote' })).toBeVisible();
  await expect(page.locator('main figure')).toHaveCount(1);
});

test('all quotes are on one page, grouped by part, with a table of contents', async ({ page }) => {
  await page.goto('/quotes/');
  await expect(page.locator('main figure blockquote')).toHaveText(quotes.map((q) => exactly(q.text)));
  const toc = page.getByRole('navigation', { name: 'Contents' }).getByRole('link');
  await expect(toc).toHaveText(parts.map((p) => p.title));
  await toc.nth(2).click();
  await expect(page).toHaveURL(new RegExp(`#part--${parts[2]!.slug}$`));
});

test('/quotes.json publishes the records', async ({ request }) => {
  const response = await request.get('/quotes.json');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('application/json');
  const published = await response.json();
  expect(published).toEqual(json);
  // Written out, not only compared with records the same code made.
  expect(published.quotes).toHaveLength(75);
  expect(published.quotes.find((q: { id: string }) => q.id === 'engineering-taste')).toEqual({
    id: 'engineering-taste',
    topic: 'engineering taste',
    text: 'I expect my developers to have taste.',
    kind: 'direct',
    part: { number: 4, title: 'Leadership, Decisiveness, and "Taste"', slug: 'leadership-decisiveness-and-taste', url: '/parts/leadership-decisiveness-and-taste/' },
    source: { name: "Simon Willison's Weblog", slug: 'simon-willisons-weblog', url: '/sources/simon-willisons-weblog/' },
    person: { name: 'David Cramer', slug: 'david-cramer', url: '/' },
    url: '/quotes/engineering-taste/',
    line: 36,
  });
});

test('a missing page answers 404 with search and the parts', async ({ page }) => {
  const response = await page.goto('/quotes/no-such-quote/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('main').getByRole('searchbox', { name: 'Search quotes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Browse by part' }).getByRole('link')).toHaveCount(parts.length);
});
