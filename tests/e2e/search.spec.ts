import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { records } from './records.ts';

const box = (page: Page) => page.getByRole('searchbox', { name: /Search quotes by topic/ });
const results = (page: Page) => page.getByRole('list', { name: 'Results' }).getByRole('listitem');
const firstResultLink = (page: Page) => results(page).first().getByRole('link');

test('typing shows the best match first, with the matched words marked', async ({ page }) => {
  await page.goto('/search/');
  await box(page).fill('engineering taste');
  await expect(firstResultLink(page)).toHaveText('On engineering taste');
  await expect(firstResultLink(page)).toHaveAttribute('href', '/quotes/engineering-taste/');
  await expect(results(page).first().locator('mark').first()).toHaveText(/engineering|taste/i);
  await expect(page).toHaveURL('/search/?q=engineering+taste');
});

test('a search loaded from its URL shows its results: grapql finds the GraphQL quote first', async ({ page }) => {
  await page.goto('/search/?q=grapql');
  await expect(box(page)).toHaveValue('grapql');
  await expect(firstResultLink(page)).toHaveText('On GraphQL');
  await expect(page.getByRole('status')).toHaveText(/^\d+ quotes? for “grapql”/);
});

for (const [query, expected] of [
  ['opne source', /open.source/i],
  ['enterprize', /enterprise/i],
] as const) {
  test(`typos are forgiven: “${query}” finds ${expected}`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(results(page).first()).toContainText(expected);
  });
}

test('filters narrow the results, show counts and live in the URL', async ({ page }) => {
  const part = records.parts.find((p) => p.slug === 'open-source-licensing')!;
  await page.goto('/search/?q=developers');
  await expect(results(page).first()).toBeVisible();
  const all = await results(page).count();
  const partFilter = page.getByRole('combobox', { name: 'Part' });
  const expectedCount = records.quotes.filter(
    (q) => q.part.slug === part.slug && /\bdevelopers/i.test(`${q.topic} ${q.text} ${q.source.name} ${q.part.title}`),
  ).length;
  await expect(partFilter.locator(`option[value="${part.slug}"]`)).toHaveText(`${part.title} (${expectedCount})`);
  await partFilter.selectOption(part.slug);
  await expect(page).toHaveURL(`/search/?q=developers&part=${part.slug}`);
  await expect(results(page)).toHaveCount(expectedCount);
  expect(expectedCount).toBeLessThan(all);
  for (const meta of await results(page).locator('.result-meta').allTextContents()) expect(meta).toContain(part.title);

  await page.getByRole('combobox', { name: 'Source' }).selectOption('sentry-blog');
  await expect(page).toHaveURL(`/search/?q=developers&part=${part.slug}&source=sentry-blog`);
  for (const meta of await results(page).locator('.result-meta').allTextContents()) expect(meta).toContain('Sentry Blog');

  await page.reload();
  await expect(partFilter).toHaveValue(part.slug);
  await expect(results(page).first()).toBeVisible();
});

test('keyboard: Ctrl+K focuses the box, arrows move through results, Enter opens one, Escape clears', async ({ page }) => {
  await page.goto('/search/');
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('grapql');
  await expect(firstResultLink(page)).toHaveText('On GraphQL');
  await expect(page.getByRole('heading', { name: 'Browse by part' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(box(page)).toHaveValue('');
  await expect(results(page)).toHaveCount(0);
  // With nothing searched, browsing by part and source comes back.
  await expect(page.getByRole('heading', { name: 'Browse by part' })).toBeVisible();
  await page.keyboard.type('open source');
  await expect(results(page).nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(firstResultLink(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = results(page).nth(1).getByRole('link');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const href = await second.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
});

test('Ctrl+K on any page focuses the header search box', async ({ page }) => {
  await page.goto(records.quotes[3]!.url);
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('banner').getByRole('searchbox')).toBeFocused();
});

test('Enter in the box opens the best result', async ({ page }) => {
  await page.goto('/search/');
  await box(page).fill('defining a bug');
  await box(page).press('Enter');
  await expect(page).toHaveURL('/quotes/defining-a-bug/');
});

test('an empty result says so and suggests the closest topics', async ({ page }) => {
  await page.goto('/search/?q=engineerng tastes zzz');
  await expect(page.getByRole('status')).toHaveText('No quotes found for “engineerng tastes zzz”.');
  await expect(results(page)).toHaveCount(0);
  await expect(page.getByText('Closest topics:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'On engineering taste' })).toBeVisible();
});

test('no link to a quote page comes before the results', async ({ page }) => {
  await page.goto('/search/?q=taste');
  await expect(firstResultLink(page)).toBeVisible();
  const firstQuoteLink = await page.evaluate(() => {
    const link = [...document.querySelectorAll('a[href^="/quotes/"]')].find((a) => a.getAttribute('href') !== '/quotes/');
    return link?.closest('[aria-label="Results"]') !== null;
  });
  expect(firstQuoteLink).toBe(true);
});

test('pages download no search code or data until search is used', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/');
  await page.goto(records.quotes[0]!.url);
  await page.goto('/search/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => /search-index|\/_astro\/search\./.test(path))).toEqual([]);
  await box(page).focus();
  await expect.poll(() => requested.some((path) => path === '/search-index.json')).toBe(true);
});

test('axe finds no violations on the search page with results shown', async ({ page }) => {
  await page.goto('/search/?q=open+source');
  await expect(results(page).first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
