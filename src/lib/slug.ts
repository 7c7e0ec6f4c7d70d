/**
 * The slug rule, part of the URL contract people link to: Unicode NFKD, drop combining marks,
 * lower-case, delete apostrophes (' and ’), turn every other run of characters outside a–z and 0–9
 * into one hyphen, trim hyphens. `Simon Willison’s Weblog` → `simon-willisons-weblog`,
 * `Building for the Fortune 500,000` → `building-for-the-fortune-500-000`, `Édith Piaf` →
 * `edith-piaf`. May return an empty string; callers decide the fallback (`quote-<n>`, …).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Makes slugs unique, in profile order: a slug not given yet is kept; a slug already given gets the
 * lowest suffix `-2`, `-3`, … not given yet. Ids depend only on what comes before them, so adding a
 * quote at the end never changes a published URL.
 *
 * @param slugs the plain slugs, in profile order (none empty)
 * @returns unique slugs, in the same order
 */
export function uniqueSlugs(slugs: readonly string[]): string[] {
  const given = new Set<string>();
  // Where each slug's search for a free suffix left off: a thousand equal topics stay linear.
  const nextSuffix = new Map<string, number>();
  return slugs.map((s) => {
    let slug = s;
    if (given.has(s)) {
      let n = nextSuffix.get(s) ?? 2;
      while (given.has(`${s}-${n}`)) n++;
      nextSuffix.set(s, n + 1);
      slug = `${s}-${n}`;
    }
    given.add(slug);
    return slug;
  });
}
