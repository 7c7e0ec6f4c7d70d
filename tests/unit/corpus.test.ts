import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  describeCorpus,
  exactQueries,
  generatePeople,
  generateRealisticProfile,
  phraseQueries,
  typo,
  typoQueries,
  zipfSlope,
} from '../../src/lib/corpus.ts';
import { parseProfile } from '../../src/lib/profile.ts';
import type { Records } from '../../src/lib/schema.ts';
import { slugify } from '../../src/lib/slug.ts';
import { ADA } from './helpers.ts';

// 2,000 quotes keeps the suite fast; targets stated for 10,000 are scaled down to this size.
const SIZE = 2_000;
const text = generateRealisticProfile(SIZE, 7);
const parsed = parseProfile(text, 'generated.txt', ADA);
const records = (parsed.ok ? parsed.records : undefined) as Records;
const stats = describeCorpus(text);
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu) ?? [];
const everything = records.quotes.map((q) => `${q.topic} ${q.text}`).join('\n');

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

describe('generateRealisticProfile', () => {
  test('parses without errors, in parts of about 100 quotes with unique numbers', () => {
    expect(parsed.ok ? [] : parsed.errors.slice(0, 3)).toEqual([]);
    expect(records.quotes).toHaveLength(SIZE);
    const numbers = records.parts.map((p) => p.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const sizes = records.parts.slice(0, -1).map((p) => p.quoteCount);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(120);
  });

  test('is the same text for the same arguments, and another for another seed', () => {
    expect(generateRealisticProfile(SIZE, 7)).toBe(text);
    expect(generateRealisticProfile(SIZE, 8)).not.toBe(text);
    expect(generateRealisticProfile(50, 7)).not.toBe(generateRealisticProfile(50, 8));
  });

  test('has a large vocabulary that keeps growing (Heaps), at least 15,000 words at 10,000 quotes scaled down', () => {
    // Heaps' law with exponent 0.5: 15,000 words at 10,000 quotes is about 6,700 at 2,000.
    expect(stats.distinctWords).toBeGreaterThan(15_000 * Math.sqrt(SIZE / 10_000));
    const half = describeCorpus(generateRealisticProfile(SIZE / 2, 7)).distinctWords;
    // Doubling the text multiplies the vocabulary by 2^β, β between 0.4 and 0.8 in real text.
    expect(stats.distinctWords / half).toBeGreaterThan(2 ** 0.4);
    expect(stats.distinctWords / half).toBeLessThan(2 ** 0.8);
  });

  test("follows Zipf's law: slope about −1 over ranks 10–1,000, function words on top", () => {
    expect(stats.zipfSlope).toBeGreaterThan(-1.1);
    expect(stats.zipfSlope).toBeLessThan(-0.9);
    const counts = new Map<string, number>();
    for (const w of words(everything)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w]) => w);
    expect(top).toContain('the');
    expect(top).toContain('of');
  });

  test('matches the seed profile in text and topic lengths, and has about a quarter direct quotes', () => {
    const seed = describeCorpus(readFileSync('content/profiles/David Cramer.txt', 'utf8'));
    expect(Math.abs(stats.meanWordsPerText - seed.meanWordsPerText)).toBeLessThan(1.5);
    expect(Math.abs(stats.sdWordsPerText - seed.sdWordsPerText)).toBeLessThan(1.5);
    expect(Math.abs(stats.meanWordsPerTopic - seed.meanWordsPerTopic)).toBeLessThan(0.4);
    const topicLengths = records.quotes.map((q) => words(q.topic).length);
    expect(Math.min(...topicLengths)).toBe(1);
    expect(Math.max(...topicLengths)).toBeLessThanOrEqual(6);
    const direct = records.quotes.filter((q) => q.kind === 'direct').length / SIZE;
    expect(direct).toBeGreaterThan(0.21);
    expect(direct).toBeLessThan(0.29);
  });

  test.each([
    ['capitalised proper nouns mid-sentence', /(?<=\p{Ll},? )\p{Lu}\p{Ll}{2,}/u],
    ['accented words', /\p{L}*[À-ɏ]\p{L}*/u],
    ['hyphenated names', /\p{Lu}\p{L}*-\p{Lu}\p{L}*/u],
    ['numbers with thousands separators', /\b\d{1,3}(?:,\d{3})+\b/],
    ['colons in texts', /\p{L}: \p{L}/u],
    ['em dashes in texts', / — /],
    ['parentheses in texts', /\([^)]+\)/],
  ])('has %s, at low rates', (_, pattern) => {
    const hits = records.quotes.filter((q) => pattern.test(q.text)).length;
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(SIZE * 0.5);
  });

  test('spells some words both the British and the American way', () => {
    const pairs = [['colour', 'color'], ['centre', 'center'], ['vapour', 'vapor'], ['licence', 'license'], ['grey', 'gray']];
    const present = new Set(words(everything));
    expect(pairs.filter(([british, american]) => present.has(british!) && present.has(american!)).length).toBeGreaterThanOrEqual(2);
  });

  test('has Zipf-popular sources: a few large ones, a long tail of one quote each', () => {
    // About 3,500 sources at 10,000 quotes, growing as n^0.82: about 950 at 2,000.
    expect(stats.distinctSources).toBeGreaterThan(600);
    expect(stats.distinctSources).toBeLessThan(1_400);
    expect(stats.largestSource).toBeGreaterThanOrEqual(25);
    const counts = records.sources.map((s) => s.quoteCount).sort((a, b) => b - a);
    expect(counts.slice(0, 10).reduce((a, b) => a + b, 0)).toBeGreaterThan(SIZE / 10);
    expect(stats.singleQuoteSources / stats.distinctSources).toBeGreaterThan(0.5);
  });

  test('has sources spelled two ways that give one slug, and names with quotes, colons and accents', () => {
    const spellings = new Map<string, Set<string>>();
    // Each quote keeps the spelling of its own line; the parser merges them into one source.
    for (const { name } of records.quotes.map((q) => q.source)) spellings.set(slugify(name), (spellings.get(slugify(name)) ?? new Set()).add(name));
    const twoWays = [...spellings.values()].filter((names) => names.size > 1);
    expect(twoWays.length).toBeGreaterThanOrEqual(2);
    const names = records.sources.map((s) => s.name);
    expect(names.some((n) => /["“]/.test(n))).toBe(true);
    expect(names.some((n) => n.includes(': '))).toBe(true);
    expect(names.some((n) => /[À-ɏ]/u.test(n))).toBe(true);
  });

  test('rejects a profile of no quotes', () => {
    expect(() => generateRealisticProfile(0)).toThrow(RangeError);
  });
});

describe('describeCorpus', () => {
  test('reads the seed profile as the parser does', () => {
    const seed = describeCorpus(readFileSync('content/profiles/David Cramer.txt', 'utf8'));
    expect(seed).toMatchObject({ quotes: 75, parts: 8, distinctSources: 18, directShare: 0.24, bytes: 16_267 });
  });

  test('counts what the parser finds in a generated profile, sources by slug', () => {
    expect(stats.quotes).toBe(records.quotes.length);
    expect(stats.parts).toBe(records.parts.length);
    expect(stats.distinctSources).toBe(new Set(records.sources.map((s) => slugify(s.name))).size);
  });

  test.each([
    ['1/rank', (r: number) => 1e6 / r, -1],
    ['1/rank²', (r: number) => 1e9 / r ** 2, -2],
  ])('zipfSlope of counts falling as %s', (_, count, slope) => {
    const counts = Array.from({ length: 2_000 }, (_, i) => count(i + 1));
    expect(zipfSlope(counts)).toBeCloseTo(slope, 2);
  });
});

describe('queries', () => {
  const ids = new Map(records.quotes.map((q) => [q.id, q]));

  test('typo turns a word into one exactly one edit away', () => {
    let seed = 1;
    const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const word of ['colour', 'aardvark', 'naïve', 'abcde', 'aaaaa', 'letter']) {
      for (let i = 0; i < 50; i++) expect(editDistance(word, typo(word, next))).toBe(1);
    }
  });

  test('typoQueries: 1–3 distinctive words of the expected quote, one of them one edit away', () => {
    const queries = typoQueries(records, 200, 3);
    expect(queries).toHaveLength(200);
    for (const { query, expected } of queries) {
      const quote = ids.get(expected)!;
      const own = [...new Set(words(`${quote.topic} ${quote.text}`))];
      const asked = query.split(' ');
      expect(asked.length).toBeGreaterThanOrEqual(1);
      expect(asked.length).toBeLessThanOrEqual(3);
      // Every word but one is the quote's own; that one is a single edit from one of them.
      const distances = asked.map((w) => Math.min(...own.map((o) => editDistance(w, o))));
      expect(distances.reduce((a, b) => a + b, 0), `${query} → ${expected}`).toBe(1);
      for (const w of asked) expect([...w].length).toBeGreaterThanOrEqual(4);
    }
  });

  test('typoQueries read a profile text as well as records, the same every run', () => {
    const small = generateRealisticProfile(300, 7);
    const smallRecords = (parseProfile(small, 'small.txt', ADA) as { records: Records }).records;
    expect(typoQueries(small, 20, 3)).toEqual(typoQueries(smallRecords, 20, 3));
    expect(typoQueries(records, 20, 4)).not.toEqual(typoQueries(records, 20, 3));
  });

  test('exactQueries and phraseQueries are words of the expected quote', () => {
    expect(exactQueries(records, 100, 5)).toHaveLength(100);
    expect(phraseQueries(records, 100, 5)).toHaveLength(100);
    for (const { query, expected } of [...exactQueries(records, 100, 5), ...phraseQueries(records, 100, 5)]) {
      const quote = ids.get(expected)!;
      const own = new Set(words(`${quote.topic} ${quote.text}`));
      for (const w of query.split(' ')) expect(own.has(w), `${query} → ${expected}`).toBe(true);
    }
    for (const { query, expected } of phraseQueries(records, 100, 5)) {
      expect(words(ids.get(expected)!.text).join(' ')).toContain(query);
    }
  });
});

describe('generatePeople', () => {
  const everyone = generatePeople(40, 100, 2);
  const people = everyone.slice(0, 20);

  test('names give distinct slugs, with accents, hyphens and apostrophes among them', () => {
    const slugs = people.map((p) => slugify(p.name));
    expect(new Set(slugs).size).toBe(people.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const many = generatePeople(400, 1, 2).map((p) => p.name);
    expect(new Set(many.map(slugify)).size).toBe(400);
    expect(many.some((n) => /[À-ɏ]/u.test(n))).toBe(true);
    expect(many.some((n) => /\p{L}-\p{L}/u.test(n))).toBe(true);
    expect(many.some((n) => n.includes("'"))).toBe(true);
  });

  test('each text is a profile of its own that parses', () => {
    const intros = new Set<string>();
    for (const { name, text } of people.slice(0, 10)) {
      const result = parseProfile(text, `${name}.txt`, ADA);
      expect(result.ok ? [] : result.errors.slice(0, 3)).toEqual([]);
      if (!result.ok) continue;
      expect(result.records.quotes).toHaveLength(100);
      expect(text.startsWith(name)).toBe(true);
      intros.add(result.records.profile.intro);
    }
    expect(intros.size).toBe(10);
  });

  test('some part titles and topics recur from person to person', () => {
    const recurring = (pattern: RegExp) => {
      const seen = new Map<string, number>();
      for (const { text } of everyone) {
        for (const found of new Set(Array.from(text.matchAll(pattern), (m) => m[1]!))) seen.set(found, (seen.get(found) ?? 0) + 1);
      }
      return [...seen.values()].filter((n) => n > 1).length;
    };
    expect(recurring(/^Part \d+: (.*)$/gm)).toBeGreaterThan(0);
    // Topics of three words or more rarely meet by chance: these come from the shared pool.
    expect(recurring(/^- On ([^:\s]+ [^:\s]+ [^:]+): /gm)).toBeGreaterThan(5);
  });

  test('is the same for the same arguments', () => {
    expect(generatePeople(3, 20, 2)).toEqual(generatePeople(3, 20, 2));
    expect(generatePeople(3, 20, 2)[0]!.text).not.toBe(generatePeople(3, 20, 3)[0]!.text);
  });
});
