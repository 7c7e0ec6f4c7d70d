import { expect, test } from '@playwright/test';
import { readRecords } from '../../src/lib/profile-loader.ts';

// Runs against the build of tests/fixtures/markup.txt, whose quotes are full of HTML.
const records = readRecords('tests/fixtures/markup.txt');
const images = records.quotes.find((q) => q.topic === 'images')!;

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
  await page.goto(`/search/?q=${encodeURIComponent('broken image')}`);
  await expect(results).toContainText(images.text);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('pages show markup in quotes, topics, sources and titles as text', async ({ page }) => {
  for (const quote of records.quotes) {
    await page.goto(quote.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`On ${quote.topic}`);
    await expect(page.locator('main blockquote')).toHaveText(quote.text);
    await expect(page.locator('main img, main b, main em')).toHaveCount(0);
    // Our own scripts are modules and JSON-LD; none may hold the profile's script text as code.
    await expect(page.locator('script:not([type="application/ld+json"])', { hasText: '__pwned' })).toHaveCount(0);
  }
  await page.goto(records.parts[0]!.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markup <em>in</em> titles');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
