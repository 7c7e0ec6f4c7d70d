import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The axe rules whose findings depend on colour; the rest see the same page in either scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Axe's violations on the page as it stands, in the light and the dark colour scheme: every rule
 * in the light one, then the colour rules again in the dark one. The schemes differ only in
 * colour (one stylesheet, no markup of their own), and a full second run cost a second or more
 * of the browser tests' time per page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode (below) runs axe in the page itself: the default mode collects each frame's
  // results in a new blank page, which took most of a run's time here, and our pages have no
  // frames (a frame from another origin would go unchecked, hence this check). Only the violations
  // are collected in full; the passes would be thrown away. `options` comes before `withRules`:
  // it replaces the options object that `withRules` adds to.
  expect(page.frames(), 'axe in legacy mode checks pages without frames').toHaveLength(1);
  const found: string[] = [];
  for (const [colorScheme, rules] of [['light', undefined], ['dark', COLOUR_RULES]] as const) {
    await page.emulateMedia({ colorScheme });
    const builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
    const { violations } = await (rules ? builder.withRules([...rules]) : builder).analyze();
    found.push(...violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  return found;
}
