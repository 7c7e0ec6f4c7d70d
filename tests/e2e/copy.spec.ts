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
