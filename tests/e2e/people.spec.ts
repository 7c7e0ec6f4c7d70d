/** A site of several people: tests/fixtures/people/, built into dist-fixtures/people. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exactly, siteOf } from './records.ts';
import { xmlEscape } from '../../src/lib/text.ts';
import { siteRecords } from '../../src/lib/site.ts';

const site = siteOf({ folder: 'tests/fixtures/people' });
const person = (name: string) => site.people.find((p) => p.profile.name === name)!;

test('the home page lists the people in name order, with who they are, their counts and a quote each', async ({ page }) => {
  await page.goto('/');
  const people = page.getByRole('list', { name: 'People' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(people.getByRole('heading')).toHaveText(['Ada Lovelace', 'Édith Piaf', 'Grace Hopper', 'Mary Somerville']);
  for (const [i, p] of site.people.entries()) {
    const item = people.nth(i);
    await expect(item.getByRole('link', { name: p.profile.name, exact: true })).toHaveAttribute('href', `/${p.profile.slug}/`);
    await expect(item).toContainText(p.summary);
    await expect(item).toContainText(`${p.quotes.length} quotes in ${p.parts.length} ${p.parts.length === 1 ? 'part' : 'parts'}`);
    await expect(item.locator('blockquote')).toHaveText(exactly(p.featured.text));
  }
  await expect(page.getByRole('searchbox')).toHaveCount(1);
});

test('every page of every person is reachable from / and shows whose it is', async ({ request }) => {
  // Over HTTP, reading the links from the HTML: the browser crawl of the one-person site already
  // covers console errors and anchors, and this site has four times the pages.
  const pages = new Map<string, string>();
  const queue = ['/'];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    if (!path.endsWith('/')) continue;
    const html = await response.text();
    pages.set(path, html);
    for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#]*)[^"]*"/g)) {
      if (!pages.has(href!) && !queue.includes(href!) && href !== '/random/') queue.push(href!);
    }
  }
  const expected = site.people.flatMap((p) => [
    p.profile.url,
    ...p.parts.map((part) => part.url),
    ...p.sources.map((source) => source.url),
    ...p.quotes.map((quote) => quote.url),
    ...p.partPages.map((list) => list.url),
    ...p.quotePages.map((list) => list.url),
  ]);
  expect([...pages.keys()]).toEqual(expect.arrayContaining(expected));
  for (const p of site.people) {
    const name = p.profile.name.replace(/&/g, '&amp;');
    for (const [path, html] of pages) {
      if (!path.startsWith(p.profile.url)) continue;
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      // The page names its person in its main content, linked to their home (or is their home).
      expect(main, path).toMatch(path === p.profile.url ? `<h1>${name}</h1>` : new RegExp(`<a href="${p.profile.url}">${name}</a>`));
    }
  }
});

test('two people may share a quote id and a part slug: each page is their own', async ({ page }) => {
  for (const name of ['Ada Lovelace', 'Grace Hopper']) {
    const quote = person(name).quotes.find((q) => q.id === 'computing')!;
    await page.goto(quote.url);
    await expect(page.locator('main blockquote')).toHaveText(exactly(quote.text));
    await expect(page.locator('main figcaption')).toContainText(name);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.creator).toEqual({ '@type': 'Person', name });
    await page.goto(quote.part.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('On machines');
    await expect(page.locator('main figure blockquote')).toHaveText(person(name).quotesOfPart.get('on-machines')!.map((q) => exactly(q.text)));
  }
});

test('a long part pages at 100 quotes: page 1 keeps the URL, a pager with rel=prev/next, Markdown twins follow', async ({ page, request }) => {
  const mary = person('Mary Somerville');
  const part = mary.parts[0]!;
  const quotes = mary.quotesOfPart.get(part.slug)!;
  await page.goto(part.url);
  await expect(page.locator('main figure')).toHaveCount(100);
  const pager = page.getByRole('navigation', { name: `Pages of ${part.title}` });
  await expect(pager).toContainText('Page 1 of 2');
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `${part.url}2/`);
  await pager.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(`${part.url}2/`);
  await expect(page.locator('main figure blockquote')).toHaveText(quotes.slice(100).map((q) => exactly(q.text)));
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', part.url);
  const markdown = await (await request.get(`${part.url}2.md`)).text();
  expect(markdown).toContain(quotes[100]!.text);
  expect(markdown).not.toContain(quotes[99]!.text);
  expect(markdown).toContain('Page 2 of 2');

  // A quote on the second page links to the page of its part that lists it.
  await page.goto(quotes[120]!.url);
  await page.locator('main .eyebrow').getByRole('link', { name: part.title }).click();
  await expect(page).toHaveURL(`${part.url}2/#${quotes[120]!.id}`);
  await expect(page.locator(`[id="${quotes[120]!.id}"]`)).toBeInViewport();
});

test('every home, part, source and quote page has its Markdown twin, and every twin is a page’s', () => {
  const files = readdirSync('dist-fixtures/people', { recursive: true }) as string[];
  const pages = new Set(files.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => `/${f.slice(0, -'index.html'.length)}`));
  const twins = files.filter((f) => f.endsWith('.md')).map((f) => (f === 'index.md' ? '/' : `/${f.slice(0, -'.md'.length)}/`));
  // Lists of a person's parts, sources or quotes, and the search and random pages, have none.
  const withoutTwin = /^\/(search|random)\/$|\/(parts|sources|quotes)\/((page-)?\d+\/)?$/;
  expect(twins.length).toBeGreaterThan(site.people.reduce((n, p) => n + p.quotes.length, 0));
  for (const twin of twins) expect(pages, `${twin} has a twin but no page`).toContain(twin);
  for (const page of pages) if (!withoutTwin.test(page)) expect(twins, `${page} has no twin`).toContain(page);
});

test('a quote whose id is a number keeps its URL; the page of all quotes with that number moves aside', async ({ page }) => {
  const mary = person('Mary Somerville');
  await page.goto('/mary-somerville/quotes/2/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('On 2');
  await page.goto('/mary-somerville/quotes/');
  await page.getByRole('navigation', { name: 'Pages of all quotes' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL('/mary-somerville/quotes/page-2/');
  await expect(page.locator('main figure').first().locator('blockquote')).toHaveText(exactly(mary.quotes[100]!.text));
});

test('names and titles with markup or accents are shown as text', async ({ page }) => {
  const edith = person('Édith Piaf');
  await page.goto(edith.profile.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Édith Piaf');
  await expect(page.getByRole('list', { name: 'Parts' }).getByRole('link')).toHaveText(['Singing & <life>']);
});

test('/quotes.json holds everyone, each record naming its person; each person has a feed', async ({ request }) => {
  const json = await (await request.get('/quotes.json')).json();
  expect(json).toEqual(siteRecords(site));
  expect(json.profile).toBeUndefined();
  for (const p of site.people) {
    const feed = await (await request.get(`${p.profile.url}feed.xml`)).text();
    expect(feed).toContain(`<author><name>${p.profile.name}</name></author>`);
    // The newest quotes, at most 100: the last of the profile.
    expect(feed.match(/<entry>/g)).toHaveLength(Math.min(p.quotes.length, 100));
    expect(feed).toContain(`<summary type="text">${xmlEscape(p.quotes.at(-1)!.text)}</summary>`);
  }
  const llms = readFileSync(join('dist-fixtures/people', 'llms.txt'), 'utf8');
  for (const p of site.people) expect(llms).toContain(`## ${p.profile.name}`);
});

// Search across people. Ada and Grace both have a quote on computing, in a part called “On machines”.
const results = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Results' }).getByRole('listitem');
test('search results name whose quote it is, linked to their page', async ({ page }) => {
  await page.goto('/search/?q=computing');
  await expect(results(page)).toHaveCount(2);
  const people = [
    { name: 'Ada Lovelace', url: '/ada-lovelace/' },
    { name: 'Grace Hopper', url: '/grace-hopper/' },
  ];
  for (const [i, { name, url }] of people.entries()) {
    await expect(results(page).nth(i).getByRole('link', { name, exact: true })).toHaveAttribute('href', url);
  }
  await expect(results(page).first().getByRole('link', { name: 'On computing' })).toHaveAttribute('href', '/ada-lovelace/quotes/computing/');
});

test('?person= keeps one person’s quotes, and the person facet switches between people', async ({ page }) => {
  await page.goto('/search/?q=computing&person=grace-hopper');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText('easier to ask forgiveness');
  await expect(page.locator('summary', { hasText: 'Person:' })).toHaveText('Person: Grace Hopper');
  await page.locator('summary', { hasText: 'Person:' }).click();
  const people = page.getByRole('group', { name: 'Person' });
  await expect(people.getByRole('radio', { name: 'Grace Hopper (1)' })).toBeChecked();
  await people.getByRole('radio', { name: 'Ada Lovelace (1)' }).check();
  await expect(page).toHaveURL('/search/?q=computing&person=ada-lovelace');
  await expect(results(page).first()).toContainText('Analytical Engine weaves');
});

test('a person’s own search box searches only their quotes', async ({ page }) => {
  await page.goto('/edith-piaf/quotes/regret/');
  await page.getByRole('banner').getByRole('searchbox').fill('another');
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/search/?q=another&person=edith-piaf');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText('When I sing, I am in another world.');
});
