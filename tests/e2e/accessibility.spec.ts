import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { records } from './records.ts';

const pages = [
  { name: 'home', path: '/' },
  { name: 'a part', path: records.parts[0]!.url },
  { name: 'a source', path: records.sources[0]!.url },
  { name: 'a quote', path: records.quotes[0]!.url },
  { name: 'a paraphrase', path: records.quotes.find((q) => q.kind === 'paraphrase')!.url },
  { name: 'all quotes', path: '/quotes/' },
  { name: 'search', path: '/search/' },
  { name: 'not found', path: '/no-such-page/' },
];

for (const { name, path } of pages) {
  test(`axe finds no violations on ${name} in the light and dark schemes`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('keyboard alone reaches every control of a quote page, each with a visible focus ring', async ({ page }) => {
  await page.goto(records.quotes[1]!.url);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  const controls = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input')].filter((e) => e.checkVisibility());
    all.forEach((e, i) => (e.dataset.control = String(i)));
    return all.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < controls + 2; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement;
      const style = getComputedStyle(e);
      return { control: e.dataset.control, name: e.outerHTML.slice(0, 80), outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (focused.control === undefined) continue;
    expect(focused.outline, `focus ring on ${focused.name}`).not.toBe('none');
    expect(focused.width, `focus ring on ${focused.name}`).not.toBe('0px');
    reached.add(focused.control);
  }
  expect(reached.size).toBe(controls);
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the copy buttons work from the keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const quote = records.quotes[0]!;
  await page.goto(quote.url);
  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('copy-buttons').first().getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(quote.url, page.url()).href);
});
