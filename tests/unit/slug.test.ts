import { describe, expect, test } from 'vitest';
import { slugify, uniqueSlugs } from '../../src/lib/slug.ts';

describe('slugify', () => {
  test.each([
    ['defining a bug', 'defining-a-bug'],
    ["Simon Willison's Weblog", 'simon-willisons-weblog'],
    ['Simon Willison’s Weblog', 'simon-willisons-weblog'],
    ['CIO.com', 'cio-com'],
    ['Leadership, Decisiveness, and "Taste"', 'leadership-decisiveness-and-taste'],
    ['Building for the Fortune 500,000', 'building-for-the-fortune-500-000'],
    ['Engineering "Hot Takes" & Pragmatism', 'engineering-hot-takes-pragmatism'],
    ['Café crème brûlée', 'cafe-creme-brulee'],
    ['ﬁle ①', 'file-1'], // NFKD splits compatibility ligatures and circled digits
    ['  --Already--sluggy--  ', 'already-sluggy'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['日本語', ''],
    ['!!!', ''],
  ])('%j → %j', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });
});

describe('uniqueSlugs', () => {
  test.each([
    { rule: 'unique slugs are kept', slugs: ['a', 'b'], unique: ['a', 'b'] },
    { rule: 'the first keeps it, later ones count up', slugs: ['a', 'a', 'a'], unique: ['a', 'a-2', 'a-3'] },
    { rule: 'a suffix an earlier slug holds is skipped', slugs: ['a-2', 'a', 'a'], unique: ['a-2', 'a', 'a-3'] },
    { rule: 'a later slug never takes an earlier id', slugs: ['a', 'a', 'a-2'], unique: ['a', 'a-2', 'a-2-2'] },
    { rule: 'duplicates of a suffixed slug', slugs: ['a', 'a-2', 'a', 'a-2'], unique: ['a', 'a-2', 'a-3', 'a-2-2'] },
  ])('$rule', ({ slugs, unique }) => {
    expect(uniqueSlugs(slugs)).toEqual(unique);
  });
});
