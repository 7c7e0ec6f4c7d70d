import { expect, test } from '@playwright/test';

// Runs against the build of tests/fixtures/people/: Ada Lovelace, Grace Hopper and Édith Piaf.
// Ada and Grace both have a quote on computing, in a part called “On machines”.
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
