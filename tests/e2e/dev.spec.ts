/**
 * The writer's loop: `astro dev` on a copy of the profiles (tests/dev-server.ts). Saving a profile
 * shows on the served pages without a restart; a broken line shows in Astro's error overlay.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEV_PROFILES } from './dev-profiles.ts';
import { records } from './records.ts';

// One dev server and one set of files: the steps run in order.
test.describe.configure({ mode: 'serial' });

const file = join(DEV_PROFILES, 'David Cramer.txt');
const original = readFileSync('content/profiles/David Cramer.txt', 'utf8');
const quote = records.quotes.find((q) => q.id === 'engineering-taste')!;
const edit = (change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
// The writer's promise: a saved change shows within 2 s. (Astro itself waits 500 ms before it
// writes the changed data, then the browser reloads.)
const SHOWN_WITHIN = 2_000;
// Each look at the page is quick; `shows` does the waiting.
const look = expect.configure({ timeout: 200 });

/**
 * Opens `path` and waits until the dev server's socket is connected, so the page hears the reload
 * the dev server pushes when a profile changes.
 */
async function open(page: Page, path: string) {
  const connected = page.waitForEvent('console', (message) => message.text().includes('[vite] connected'));
  // A reload the dev server pushes for an earlier save may abort this load; the reload connects too.
  await page.goto(path).catch((error: Error) => {
    if (!error.message.includes('ERR_ABORTED')) throw error;
  });
  await connected;
}

/**
 * Waits until `check` passes on the open page, which reloads itself as a writer's would: nobody
 * loads it again by hand. (Loading pages over and over while Astro takes in a save can leave its
 * dev server serving the old profiles until the next save, an Astro race: about one save in
 * twelve with a page requested every 25 ms. A writer's browser reloads once, after Astro has the
 * new data.) Notes how long that took after the save.
 */
async function shows(page: Page, check: () => Promise<void>, savedAt: number, within = SHOWN_WITHIN) {
  await expect(check).toPass({ timeout: within, intervals: [50] });
  test.info().annotations.push({ type: 'shown after', description: `${page.url()}: ${Math.round(performance.now() - savedAt)} ms` });
}

test.beforeAll(async ({ request }) => {
  // The first request compiles the pages; later ones are what a writer waits for.
  await expect.poll(async () => (await request.get(quote.url)).status(), { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
  rmSync(join(DEV_PROFILES, 'Grace Hopper.txt'), { force: true });
  writeFileSync(file, original);
});

test('an edited quote shows on its page, its part, its source, the home page, the JSON and the Markdown', async ({ page, request }) => {
  const before = quote.text;
  const after = before.replace('taste', 'good taste');
  await open(page, quote.url);
  const savedAt = performance.now();
  edit((text) => text.replace(before, after));
  const blockquote = (text: string) => page.locator('main blockquote', { hasText: text });
  await shows(page, () => look(page.locator('main blockquote')).toHaveText(after), savedAt);
  for (const path of [quote.part.url, quote.source.url, '/']) {
    await page.goto(path);
    await expect(blockquote(after)).toBeVisible();
  }
  const json = await (await request.get('/quotes.json')).json();
  expect(json.quotes.find((q: { id: string }) => q.id === quote.id).text).toBe(after);
  for (const path of [`/quotes/${quote.id}.md`, `${quote.part.url.slice(0, -1)}.md`, '/index.md']) {
    const response = await request.get(path);
    expect(response.headers()['content-type'], path).toContain('text/markdown');
    if (path !== '/index.md') expect(await response.text(), path).toContain(after);
  }
});

test('a new quote gets its page and is found by search; a removed one is gone', async ({ page, request }) => {
  const line = '- On writing loops: Saving the file is enough. — Source: [Test Suite]';
  await open(page, '/quotes/writing-loops/');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Page not found');
  const savedAt = performance.now();
  edit((text) => text.replace(/(Part 2: [^\n]*\n)/, `$1${line}\n`));
  await shows(page, () => look(heading).toHaveText('On writing loops'), savedAt);
  await page.goto('/sources/test-suite/');
  await expect(page.locator('main blockquote')).toHaveText('Saving the file is enough.');
  // Search reads the index files the dev server serves (a build writes them as files).
  await page.goto('/search/?q=writing+loops');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first().getByRole('link')).toHaveText('On writing loops');

  await open(page, '/quotes/writing-loops/');
  await expect(heading).toHaveText('On writing loops');
  const removedAt = performance.now();
  edit((text) => text.replace(`${line}\n`, ''));
  await shows(page, () => look(heading).toHaveText('Page not found'), removedAt);
  expect((await request.get('/quotes/writing-loops/')).status()).toBe(404);
  expect((await request.get('/quotes/writing-loops.md')).status()).toBe(404);
});

test('a broken line shows every error of the file in the overlay, and fixing it brings the pages back', async ({ page }) => {
  const good = readFileSync(file, 'utf8');
  await open(page, quote.url);
  const savedAt = performance.now();
  edit((text) => text.replace(`[${quote.source.name}]`, '[]').replace('Part 2: ', 'Part two: '));
  const overlay = page.locator('vite-error-overlay');
  // The overlay comes over the dev server's socket once the reloaded page has loaded and
  // connected again: no 2 s promise here.
  await shows(page, () => look(overlay).toContainText(`${file}:${quote.line}: the source is empty`), savedAt, 10_000);
  await expect(overlay).toContainText(/David Cramer\.txt:\d+: a part number must be a whole number: Part two:/);
  await expect(overlay).toContainText(`2 errors in ${DEV_PROFILES}`);
  // Never the last good page as if nothing were wrong: every page shows the problem.
  await page.goto('/');
  await expect(overlay).toContainText('the source is empty');

  await open(page, quote.url);
  await expect(overlay).toContainText('the source is empty');
  const fixedAt = performance.now();
  writeFileSync(file, good);
  await shows(page, () => look(page.locator('main blockquote')).toHaveText(/good taste/), fixedAt);
  await expect(overlay).toHaveCount(0);
});

test('a second person’s file turns the site into a site of several people, and removing it turns it back', async ({ page, request }) => {
  await open(page, '/');
  const savedAt = performance.now();
  cpSync('tests/fixtures/people/Grace Hopper.txt', join(DEV_PROFILES, 'Grace Hopper.txt'));
  await shows(page, () => look(page.getByRole('list', { name: 'People' }).getByRole('heading')).toHaveText(['David Cramer', 'Grace Hopper']), savedAt);
  await page.goto('/grace-hopper/quotes/computing/');
  await expect(page.locator('main figcaption')).toContainText('Grace Hopper');
  expect(await (await request.get('/grace-hopper/quotes/computing.md')).text()).toMatch(/^# On computing\n/);
  expect(await (await request.get('/grace-hopper.md')).text()).toMatch(/^# Grace Hopper, in quotes\n/);

  await open(page, '/');
  await expect(page.getByRole('list', { name: 'People' }).getByRole('heading')).toHaveText(['David Cramer', 'Grace Hopper']);
  const removedAt = performance.now();
  rmSync(join(DEV_PROFILES, 'Grace Hopper.txt'));
  await shows(page, () => look(page.getByRole('heading', { level: 1 })).toHaveText('David Cramer'), removedAt);
});
