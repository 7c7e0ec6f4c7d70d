/**
 * The slug rule of the URL contract (see GUIDE.md): NFKD, drop combining marks, lower-case, delete
 * apostrophes, turn every other run of characters outside a–z and 0–9 into one hyphen, trim hyphens.
 * May return an empty string; callers decide the fallback.
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
 * Makes slugs unique. Every slug's first holder keeps it, even when an earlier duplicate could
 * have been numbered into it: the first of a set of equal slugs keeps the plain form, and each later
 * one gets the lowest suffix `-2`, `-3`, … that no other slug in the list holds or was given.
 *
 * @param slugs the plain slugs, in profile order (none empty)
 * @returns unique slugs, in the same order
 */
export function uniqueSlugs(slugs: readonly string[]): string[] {
  const firstIndex = new Map<string, number>();
  slugs.forEach((s, i) => {
    if (!firstIndex.has(s)) firstIndex.set(s, i);
  });
  // Plain slugs are reserved up front, so a later topic that really is called `x-2` keeps its URL
  // rather than losing it to an earlier numbered duplicate of `x`.
  const taken = new Set(firstIndex.keys());
  // Where each slug's search for a free suffix left off: a thousand equal topics stay linear.
  const nextSuffix = new Map<string, number>();
  return slugs.map((s, i) => {
    if (firstIndex.get(s) === i) return s;
    let n = nextSuffix.get(s) ?? 2;
    while (taken.has(`${s}-${n}`)) n++;
    taken.add(`${s}-${n}`);
    nextSuffix.set(s, n + 1);
    return `${s}-${n}`;
  });
}
