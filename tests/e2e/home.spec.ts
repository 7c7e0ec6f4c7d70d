import { expect, test } from '@playwright/test';
import { readRecords } from '../../src/lib/profile-loader.ts';

const records = readRecords('content/profile.txt');

test('the home page names the person and lists every part in profile order', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(records.profile.name);
  const parts = page.getByRole('list', { name: 'Parts' }).getByRole('listitem');
  await expect(parts).toHaveText(records.parts.map((p) => new RegExp(escape(p.title))));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
