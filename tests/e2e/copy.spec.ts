import { expect, test } from '@playwright/test';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test('copy link puts the quote page’s absolute URL on the clipboard', async ({ page }) => {
  await page.goto('/quotes/engineering-taste/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('copy-buttons').first().getByRole('status')).toHaveText('Link copied');
  expect(await clipboard(page)).toBe(new URL('/quotes/engineering-taste/', page.url()).href);
});

test('copy quote puts a direct quote in quotation marks with its attribution', async ({ page }) => {
  await page.goto('/quotes/engineering-taste/');
  await page.getByRole('button', { name: 'Copy quote' }).click();
  await expect(page.locator('copy-buttons').first().getByRole('status')).toHaveText('Quote copied');
  expect(await clipboard(page)).toBe('“I expect my developers to have taste.” — David Cramer, Simon Willison\'s Weblog');
});

test('copy quote gives a paraphrase without quotation marks, saying it is one', async ({ page }) => {
  await page.goto('/quotes/graphql/');
  await page.getByRole('button', { name: 'Copy quote' }).click();
  expect(await clipboard(page)).toBe(
    'For almost every company except Facebook, GraphQL introduces unnecessary complexity, resulting in performance issues and dependency hell. — paraphrasing David Cramer, Whiskey FM',
  );
});

test('copy as Markdown, copy citation and copy BibTeX put their exact text on the clipboard', async ({ page }) => {
  await page.goto('/quotes/engineering-taste/');
  const url = 'http://localhost:4321/quotes/engineering-taste/';
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  expect(await clipboard(page)).toBe(`> I expect my developers to have taste.\n>\n> — David Cramer, Simon Willison's Weblog (<${url}>)\n`);
  await page.getByRole('button', { name: 'Copy citation' }).click();
  expect(await clipboard(page)).toBe(
    `David Cramer, “On engineering taste,” Simon Willison's Weblog, quoted in David Cramer, in quotes, ${url}.`,
  );
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  expect(await clipboard(page)).toMatch(/^@misc\{david-cramer:engineering-taste,\n {2}author {7}= \{David Cramer\},/);
});

test('Share hands title, text and the absolute URL to the Web Share API where the browser has it', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shared: unknown[] }).shared = [];
    Object.defineProperty(navigator, 'share', {
      value: async (data: unknown) => void (window as unknown as { shared: unknown[] }).shared.push(data),
    });
  });
  await page.goto('/quotes/engineering-taste/');
  await page.getByRole('button', { name: 'Share…' }).click();
  expect(await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)).toEqual([
    {
      title: 'David Cramer on engineering taste',
      text: '“I expect my developers to have taste.” — David Cramer, Simon Willison\'s Weblog',
      url: new URL('/quotes/engineering-taste/', page.url()).href,
    },
  ]);
});

test('no Share button where the browser has no Web Share API', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
  await page.goto('/quotes/engineering-taste/');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share…' })).toBeHidden();
});
