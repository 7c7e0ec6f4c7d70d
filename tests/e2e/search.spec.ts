import { expect, test, type Page, type Route } from '@playwright/test';
import { axeViolations } from './axe.ts';
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

/** Opens a facet (its summary reads "Part: …") and returns its radio group. */
async function facet(page: Page, name: 'Part' | 'Source' | 'Person') {
  const summary = page.locator('summary', { hasText: `${name}:` });
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
  return page.getByRole('group', { name });
}

test('facets narrow the results, show counts and live in the URL', async ({ page }) => {
  const part = records.parts.find((p) => p.slug === 'open-source-licensing')!;
  const matches = (q: (typeof records.quotes)[number]) => /\bdevelopers/i.test(`${q.topic} ${q.text} ${q.source.name} ${q.part.title}`);
  const all = records.quotes.filter(matches).length;
  const inPart = records.quotes.filter((q) => q.part.slug === part.slug && matches(q));
  await page.goto('/search/?q=developers');
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${all} quotes for “developers”`));
  const parts = await facet(page, 'Part');
  // The most frequent first, each with its count (the first radio is “All parts”).
  await expect(parts.getByRole('radio').nth(1)).toHaveAccessibleName(/\(\d+\)$/);
  const names = await parts.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent ?? ''));
  const counts = names.slice(1).map((name) => Number(/\((\d+)\)\s*$/.exec(name)?.[1]));
  expect(counts.length).toBeGreaterThan(1);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  const radio = parts.getByRole('radio', { name: `${part.title} (${inPart.length})` });
  await radio.check();
  await expect(page).toHaveURL(`/search/?q=developers&part=${part.slug}`);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${inPart.length} quotes? for “developers” with the chosen filters`));
  expect(inPart.length).toBeLessThan(all);
  await expect(results(page)).toHaveCount(Math.min(inPart.length, 10));
  await expect(results(page).locator('.result-meta')).toHaveText(Array(Math.min(inPart.length, 10)).fill(new RegExp(part.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))));

  const sentry = inPart.filter((q) => q.source.slug === 'sentry-blog');
  await (await facet(page, 'Source')).getByRole('radio', { name: `Sentry Blog (${sentry.length})` }).check();
  await expect(page).toHaveURL(`/search/?q=developers&part=${part.slug}&source=sentry-blog`);
  await expect(results(page)).toHaveCount(sentry.length);
  await expect(results(page).locator('.result-meta')).toHaveText(Array(sentry.length).fill(/Sentry Blog/));

  // A URL with filters applies them, and the facets show them.
  await page.reload();
  await expect(results(page)).toHaveCount(sentry.length);
  await expect(page.locator('summary', { hasText: 'Part:' })).toHaveText(`Part: ${part.title}`);
  await expect((await facet(page, 'Part')).getByRole('radio', { name: new RegExp(`^${part.title}`) })).toBeChecked();
  await (await facet(page, 'Part')).getByRole('radio', { name: 'All parts' }).check();
  await expect(page).toHaveURL('/search/?q=developers&source=sentry-blog');
});

test('a long facet narrows as you type, and a one-person site has no person facet', async ({ page }) => {
  await page.goto('/search/?q=the');
  const sources = await facet(page, 'Source');
  const narrow = sources.getByRole('searchbox', { name: 'Narrow the list' });
  await expect(sources.getByText(/^\d+ more: narrow the list to find them\.$/)).toBeVisible();
  await narrow.fill('sentry');
  await expect(sources.getByRole('radio')).toHaveCount(2);
  await expect(sources.getByRole('radio', { name: /^Sentry Blog \(\d+\)$/ })).toBeVisible();
  await expect(sources.getByRole('radio').first()).toHaveAccessibleName('All sources');
  await expect(page.locator('summary', { hasText: 'Person:' })).toHaveCount(0);
});

test('?source= from a URL lists that source’s quotes', async ({ page }) => {
  await page.goto('/search/?source=peerlist');
  await expect(page.getByRole('status')).toHaveText('1 quote with the chosen filters.');
  await expect(firstResultLink(page)).toHaveText('On simplicity as a mandate');
  await expect(page.locator('summary', { hasText: 'Source:' })).toHaveText('Source: Peerlist');
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
  // With nothing searched, browsing by part and source comes back, and the filters go.
  await expect(page.getByRole('heading', { name: 'Browse by part' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Type to search every quote.');
  await expect(page.locator('summary', { hasText: 'Part:' })).toBeHidden();
  await page.keyboard.type('open source');
  // The results of the whole query, not of a prefix that a later render would replace.
  await expect(page.getByRole('status')).toContainText('for “open source”');
  // The filters come back with the counts of this search.
  const openSource = records.quotes.filter((q) => /open source/i.test(`${q.topic} ${q.text}`));
  await expect(page.locator('summary', { hasText: 'Part:' })).toBeVisible();
  await expect(page.getByRole('radio', { name: new RegExp(`^${openSource[0]!.part.title} \\(\\d+\\)$`), includeHidden: true })).toHaveCount(1);
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

test('results that arrive while the keyboard is in the list keep it on the same quote, or the same row', async ({ page }) => {
  await page.goto('/search/');
  await box(page).fill('open source');
  await expect(page.getByRole('status')).toContainText('for “open source”');
  await box(page).press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1).getByRole('link')).toBeFocused();
  const second = (await results(page).nth(1).getByRole('link').getAttribute('href'))!;
  const quote = page.getByRole('list', { name: 'Results' }).locator(`a[href="${second}"]`);
  // What a slower search's results do when they land: the box's query changes under the list.
  const arrive = (query: string) =>
    box(page).evaluate((input: HTMLInputElement, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, query);

  // The quote moves to another row: the focus follows it.
  await arrive('open');
  await expect(page.getByRole('status')).toContainText('for “open”');
  await expect(results(page).nth(1).getByRole('link')).not.toHaveAttribute('href', second);
  await expect(quote).toBeFocused();

  // The quote is gone: the focus stays on the same row.
  await arrive('graphql');
  await expect(page.getByRole('status')).toContainText('for “graphql”');
  await expect(quote).toHaveCount(0);
  const row = Math.min(1, (await results(page).count()) - 1);
  await expect(results(page).nth(row).getByRole('link')).toBeFocused();

  // No results at all: back to the box.
  await arrive('zzqxv');
  await expect(page.getByRole('status')).toContainText('No quotes found');
  await expect(box(page)).toBeFocused();
});

test('“Show more results” from the keyboard goes on to the first result it brings', async ({ page }) => {
  await page.goto('/search/');
  await box(page).fill('code');
  await expect(page.getByRole('status')).toHaveText('12 quotes for “code”; showing the best 10.');
  const more = page.getByRole('button', { name: 'Show more results' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('12 quotes for “code”.');
  await expect(more).toBeHidden();
  await expect(results(page).nth(10).getByRole('link')).toBeFocused();
});

test('while typing, the best results show at once and fetch the files of five at most; the rest follow once typing pauses', async ({ page }) => {
  const displayFiles = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/search-index/docs/')) displayFiles.add(path);
  });
  // The page's clock stands still until the test moves it: typing has not paused yet.
  await page.clock.install();
  await page.goto('/search/');
  await page.clock.pauseAt(Date.now() + 60_000);
  await box(page).fill('code');
  await expect(page.getByRole('status')).toHaveText(/^12 quotes for “code”; showing the best [5-9]\.$/);
  await expect(firstResultLink(page)).toHaveText(/^On /);
  expect(displayFiles.size).toBeLessThanOrEqual(5);

  await page.clock.runFor(1_000);
  await expect(page.getByRole('status')).toHaveText('12 quotes for “code”; showing the best 10.');
  await expect(results(page)).toHaveCount(10);
});

test('the best results show as their files arrive: a slow file holds back only the results below it', async ({ page }) => {
  // Every display file but the first the page asks for (the best result's) waits until released.
  const held: Route[] = [];
  let first: string | undefined;
  let released = false;
  await page.route('**/search-index/docs/*.json', (route) => {
    first ??= route.request().url();
    if (released || route.request().url() === first) return route.continue();
    held.push(route);
  });
  await page.goto('/search/');
  await box(page).fill('code');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(firstResultLink(page)).toHaveText(/^On /);
  const best = await firstResultLink(page).getAttribute('href');
  const early = await results(page).count();

  released = true;
  for (const route of held.splice(0)) await route.continue();
  await expect(page.getByRole('status')).toHaveText(/^12 quotes for “code”/);
  await expect(firstResultLink(page)).toHaveAttribute('href', best!);
  expect(await results(page).count()).toBeGreaterThan(early);
});

test('the source facet’s counts are fetched when someone opens it, not with every search', async ({ page }) => {
  const facetFiles: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/search-index\/(facets|sources)\//.test(path)) facetFiles.push(path);
  });
  await page.goto('/search/?q=developers');
  await page.waitForFunction(() => performance.getEntriesByName('quote-search:settled').length > 0);
  await expect(results(page).first()).toBeVisible();
  expect(facetFiles).toEqual([]);

  const sources = await facet(page, 'Source');
  const counted = (q: (typeof records.quotes)[number]) => /\bdevelopers/i.test(`${q.topic} ${q.text} ${q.source.name} ${q.part.title}`);
  const bySource = Map.groupBy(records.quotes.filter(counted), (q) => q.source.name);
  const most = Math.max(...[...bySource.values()].map((quotes) => quotes.length));
  // The most frequent source first (any of those tied), with its count.
  const first = sources.getByRole('radio').nth(1);
  await expect(first).toHaveAccessibleName(new RegExp(`\\(${most}\\)$`));
  const name = (await first.evaluate((radio) => radio.closest('label')!.textContent!)).replace(/\s*\(\d+\)\s*$/, '').trim();
  expect(bySource.get(name)?.length).toBe(most);
  expect(facetFiles.length).toBeGreaterThan(0);
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

test('Back from a result clicked as soon as it shows returns to the search that found it', async ({ page }) => {
  await page.goto('/search/');
  await box(page).fill('grapql');
  // At once: the URL follows the box only once typing pauses, and must not lag behind a click.
  await firstResultLink(page).click();
  await expect(page).toHaveURL('/quotes/graphql/');
  await page.goBack();
  await expect(page).toHaveURL('/search/?q=grapql');
  await expect(box(page)).toHaveValue('grapql');
  await expect(firstResultLink(page)).toHaveText('On GraphQL');
});

test('an empty result says so and suggests the closest topics, in the first screen of a phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto('/search/?q=engineerng tastes zzz');
  await expect(page.getByRole('status')).toHaveText('No quotes found for “engineerng tastes zzz”.');
  await expect(results(page)).toHaveCount(0);
  await expect(page.getByText('Closest topics:')).toBeInViewport();
  await expect(page.getByRole('link', { name: 'On engineering taste' })).toBeInViewport();
});

test('no link to a quote page comes before the results', async ({ page }) => {
  await page.goto('/search/?q=taste');
  await expect(firstResultLink(page)).toBeVisible();
  const firstQuoteLink = await page.evaluate(() => {
    const link = [...document.querySelectorAll('a[href^="/quotes/"]')].find((a) => a.getAttribute('href') !== '/quotes/');
    return link !== undefined && link.closest('[aria-label="Results"]') !== null;
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
  expect(requested.filter((path) => /search-index|\/_astro\/search/.test(path))).toEqual([]);
  await box(page).focus();
  await expect.poll(() => requested.filter((path) => /search-index|\/_astro\/search/.test(path)).sort()).toEqual([
    expect.stringMatching(/^\/_astro\/search-client\.[\w-]+\.js$/),
    '/search-index/meta.json',
  ]);
  // A query then fetches only the few files it needs.
  await box(page).fill('engineering taste');
  await expect(firstResultLink(page)).toHaveText('On engineering taste');
  expect(requested.filter((path) => path.startsWith('/search-index/')).length).toBeLessThan(12);
});

// One test a state, so that they run side by side: as one test, its axe runs passed the 30 s
// limit on a slow machine. (The empty page is accessibility.spec.ts's.)
for (const state of ['results', 'Part facet open', 'Source facet open'] as const) {
  test(`axe finds no violations on search in the light and dark schemes: ${state}`, async ({ page }) => {
    await page.goto('/search/?q=open+source&part=open-source-licensing');
    await expect(results(page).first().locator('mark').first()).toBeVisible();
    if (state !== 'results') await expect((await facet(page, state === 'Part facet open' ? 'Part' : 'Source')).getByRole('radio').nth(1)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
