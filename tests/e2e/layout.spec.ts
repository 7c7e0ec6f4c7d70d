import { expect, test } from '@playwright/test';
import { records } from './records.ts';

// The longest quote is the hardest page to lay out on a phone.
const longest = records.quotes.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const pages = [
  { name: 'home', path: '/' },
  { name: 'part', path: records.parts[0]!.url },
  { name: 'quote', path: longest.url },
  { name: 'search', path: '/search/?q=open+source' },
];

for (const width of [320, 375, 1280]) {
  for (const { name, path } of pages) {
    test(`${name} at ${width} px fits the width without scrolling sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      if (name === 'search') await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    });
  }
}

test('the dark scheme keeps the layout: the same boxes as light, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 900 });
  await page.goto(records.parts[0]!.url);
  const boxes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('header, h1, main figure, main nav, footer')].map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return [element.tagName, Math.round(x), Math.round(y), Math.round(width), Math.round(height)];
      }),
    );
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await boxes();
  const lightBackground = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(lightBackground);
  expect(await boxes()).toEqual(light);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('a quote page prints as the quote and its attribution', async ({ page }) => {
  await page.goto(longest.url);
  // What print hides is on the screen first (toBeHidden alone would pass for a missing element).
  const chrome = [
    page.locator('header.site-header'),
    page.locator('footer.site-footer'),
    page.getByRole('navigation', { name: 'Quotes' }),
    page.locator('main').getByRole('button', { name: 'Copy link' }),
    page.locator('section.cite'),
  ];
  for (const part of chrome) await expect(part).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('main blockquote')).toBeVisible();
  await expect(page.locator('main figcaption')).toContainText(`${records.profile.name}, ${longest.source.name}`);
  for (const part of chrome) await expect(part).toBeHidden();
});
