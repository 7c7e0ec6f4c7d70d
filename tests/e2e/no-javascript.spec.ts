import { expect, test } from '@playwright/test';
import { records } from './records.ts';

test.use({ javaScriptEnabled: false });

test('without JavaScript, home → part → quote → source works', async ({ page }) => {
  const quote = records.quotes.find((q) => q.kind === 'direct')!;
  await page.goto('/');
  await page.getByRole('list', { name: 'Parts' }).getByRole('link', { name: quote.part.title }).click();
  await expect(page).toHaveURL(`/parts/${quote.part.slug}/`);
  await page.getByRole('link', { name: `On ${quote.topic}`, exact: true }).click();
  await expect(page).toHaveURL(quote.url);
  await expect(page.locator('main blockquote')).toHaveText(quote.text);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await page.locator('main dl').getByRole('link', { name: quote.source.name }).click();
  await expect(page).toHaveURL(`/sources/${quote.source.slug}/`);
  await expect(page.locator('main blockquote', { hasText: quote.text })).toBeVisible();
});

test('without JavaScript, the header search goes to the search page, which says what to do', async ({ page }) => {
  await page.goto(records.parts[0]!.url);
  await page.getByRole('banner').getByRole('searchbox', { name: 'Search quotes' }).fill('taste');
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/search/?q=taste');
  await expect(page.getByRole('main')).toContainText('Search results need JavaScript');
  await expect(page.getByRole('list', { name: 'Browse by part' }).getByRole('link')).toHaveCount(records.parts.length);
});
