import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseProfile } from '../../src/lib/profile.ts';
import { ADA } from './helpers.ts';
import { buildSearchIndex, closestTopics, searchData, searchQuotes, tokenize } from '../../src/lib/search.ts';

function indexOf(text: string | Uint8Array) {
  const result = parseProfile(text, 'test.txt', ADA);
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return buildSearchIndex(searchData(result.records));
}

const seed = indexOf(readFileSync('content/profiles/David Cramer.txt'));
const ids = (query: string, filters = {}) => searchQuotes(seed, query, filters).hits.map((h) => h.doc.id);

describe('searching the seed', () => {
  test.each([
    { query: 'grapql', first: 'graphql', why: 'a missing letter' },
    { query: 'GraphQL', first: 'graphql', why: 'any case' },
    { query: 'enterprize', first: 'rejecting-enterprise-friction', why: 'a wrong letter' },
    { query: 'opne source', first: 'the-purpose-of-open-source', why: 'swapped letters, two words' },
    { query: 'sustainabilty', first: 'the-sustainability-crisis', why: 'a dropped letter in a long word' },
    { query: 'defining a bug', first: 'defining-a-bug', why: 'an exact topic' },
    { query: 'engineering taste', first: 'engineering-taste', why: 'an exact topic above words in texts' },
    { query: 'taste', first: 'engineering-taste', why: 'a topic word above the same word in a text' },
    { query: 'bootstr', first: 'early-bootstrapping', why: 'a word still being typed' },
    { query: 'monolith', first: 'the-reality-of-scaling', why: 'a word near the end of a long text' },
  ])('$why: “$query” finds $first first', ({ query, first }) => {
    expect(ids(query)[0]).toBe(first);
  });

  test('open-source quotes are found by “opne source”', () => {
    const found = ids('opne source');
    expect(found.length).toBeGreaterThan(5);
    for (const id of found.slice(0, 5)) expect(seed.docs.find((d) => d.id === id)!.text + id).toMatch(/open.source/i);
  });

  test('enterprise quotes are found by “enterprize”', () => {
    for (const id of ids('enterprize')) {
      const doc = seed.docs.find((d) => d.id === id)!;
      expect(`${doc.topic} ${doc.text}`).toMatch(/enterprise/i);
    }
  });

  test('every word must match: more words, fewer results', () => {
    const one = ids('open');
    const two = ids('open license');
    expect(two.length).toBeGreaterThan(0);
    expect(two.length).toBeLessThan(one.length);
    for (const id of two) expect(one).toContain(id);
    expect(ids('open xylophone')).toEqual([]);
  });

  test('sources and part titles are searched too', () => {
    expect(ids('whiskey')).toEqual(['workplace-culture', 'graphql', 'tailwind-css', 'framework-tribalism']);
    expect(ids('pledge').length).toBe(9);
  });

  test('filters by part and source, with counts for each choice', () => {
    const all = searchQuotes(seed, 'developers');
    const part = 'open-source-licensing';
    const inPart = searchQuotes(seed, 'developers', { part });
    expect(inPart.total).toBe(all.partCounts.get(part));
    expect(inPart.hits.every((h) => h.doc.partSlug === part)).toBe(true);
    const both = searchQuotes(seed, 'developers', { part, source: 'sentry-blog' });
    expect(both.hits.map((h) => h.doc.id)).toEqual(['self-hosting']);
    expect(both.sourceCounts.get('sentry-blog')).toBe(1);
    expect(searchQuotes(seed, '', { source: 'peerlist' }).hits.map((h) => h.doc.id)).toEqual(['simplicity-as-a-mandate']);
    expect(searchQuotes(seed, '').total).toBe(0);
  });

  test('highlight ranges cover exactly the matched words', () => {
    const [hit] = searchQuotes(seed, 'grapql complexity').hits;
    const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));
    expect(marked(hit!.doc.topic, hit!.ranges.topic)).toEqual(['GraphQL']);
    expect(marked(hit!.doc.text, hit!.ranges.text)).toEqual(['GraphQL', 'complexity']);
  });

  test('an empty result can suggest the closest topics', () => {
    expect(ids('engineerng tastes zzz')).toEqual([]);
    expect(closestTopics(seed, 'engineerng tastes zzz').map((d) => d.id)).toContain('engineering-taste');
  });
});

describe('accents and apostrophes', () => {
  const index = indexOf(
    'Part 1: Desserts\n- On crème brûlée: The café’s dessert. — Source: [Zoë]\n- On plain: Nothing here. — Source: [Blog]',
  );
  test.each(['cafe', 'CAFÉ', 'creme brulee', 'crème', 'zoe', 'cafés', 'cafes'])('“%s” finds the accented quote', (query) => {
    expect(searchQuotes(index, query).hits.map((h) => h.doc.id)).toEqual(['creme-brulee']);
  });

  test('a highlight covers the accented word as written', () => {
    const [hit] = searchQuotes(index, 'cafe').hits;
    expect(hit!.ranges.text.map(([s, e]) => hit!.doc.text.slice(s, e))).toEqual(['café’s']);
  });

  test('tokenize keeps offsets into the original text, decomposed accents included', () => {
    expect(tokenize('Cafe\u0301 au-lait')).toEqual([
      { word: 'cafe', start: 0, end: 5 },
      { word: 'au', start: 6, end: 8 },
      { word: 'lait', start: 9, end: 13 },
    ]);
  });
});

