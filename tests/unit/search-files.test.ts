import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateRealisticProfile } from '../../src/lib/corpus.ts';
import { DOC_CHUNK, FACET_CHUNK, SOURCE_CHUNK } from '../../src/lib/search-build.ts';
import {
  addSearchFile,
  buildSearchIndex,
  closestTopics,
  openSearchIndex,
  searchData,
  searchFiles,
  searchQuotes,
  type SearchData,
  type SearchFilters,
  type SearchMeta,
} from '../../src/lib/search.ts';
import { words } from '../../src/lib/search-text.ts';
import { siteRecords } from '../../src/lib/site.ts';
import { ADA, parsed, siteOf } from './helpers.ts';

/** More rounds than any search needs: an engine that asks for the same files again fails, not hangs. */
const MAX_ROUNDS = 20;

/** An index that starts from meta.json and adds the files each search asks for, as the page does. */
function lazyIndex(files: Map<string, string>) {
  const index = openSearchIndex(JSON.parse(files.get('meta.json')!) as SearchMeta);
  const fetch = (paths: string[], round: number) => {
    if (round >= MAX_ROUNDS) throw new Error(`still missing after ${MAX_ROUNDS} rounds: ${paths.join(', ')}`);
    paths.forEach((path) => addSearchFile(index, path, JSON.parse(files.get(path)!)));
  };
  return {
    index,
    search(query: string, filters: SearchFilters = {}) {
      for (let round = 0; ; round++) {
        const result = searchQuotes(index, query, filters);
        if (result.missing.length === 0) return { ...result, rounds: round };
        fetch(result.missing, round);
      }
    },
    closest(query: string) {
      for (let round = 0; ; round++) {
        const missing: string[] = [];
        const docs = closestTopics(index, query, 3, missing);
        if (missing.length === 0) return docs;
        fetch(missing, round);
      }
    },
  };
}

const seedData = searchData(parsed(readFileSync('content/profiles/David Cramer.txt'), { ...ADA, name: 'David Cramer', slug: 'david-cramer' }));
const people = Object.fromEntries(
  readdirSync('tests/fixtures/people').map((file) => [file.replace(/\.txt$/, ''), readFileSync(`tests/fixtures/people/${file}`, 'utf8')]),
);
const peopleData = searchData(siteRecords(siteOf(people)));

const QUERIES: [string, SearchFilters?][] = [
  ['open source'],
  ['opne source'],
  ['grapql complexity'],
  ['engineering taste'],
  ['defining a bug'],
  ['bootstr'],
  ['enterprize'],
  ['sustainabilty'],
  ['the'],
  ['a'],
  ['op'],
  ['open s'],
  ['open s '],
  ['opensource'],
  ['fortune 500'],
  ['10,000'],
  ['whiskey'],
  ['cramer'],
  ['computing'],
  ['lovelace machines'],
  ['édith'],
  ['regret rien'],
  ['machine poetry'],
  ['xylophone'],
  ['developers', { part: 'open-source-licensing' }],
  ['developers', { source: 'sentry-blog' }],
  ['', { source: 'peerlist' }],
  ['', { part: 'on-machines' }],
  ['computing', { person: 'grace-hopper' }],
  ['', { person: 'edith-piaf', source: 'la-vie-en-rose' }],
  ['the', { part: 'on-machines', person: 'ada-lovelace' }],
];

describe.each([
  ['the seed', seedData],
  ['the people fixtures', peopleData],
])('on %s, a lazily loaded index gives what a fully loaded one gives', (_, data: SearchData) => {
  const files = searchFiles(data);
  const full = buildSearchIndex(data);
  const shared = lazyIndex(files);

  test.each(QUERIES)('“%s” %j', (query, filters = {}) => {
    const expected = searchQuotes(full, query, filters);
    expect(expected.missing).toEqual([]);
    // A fresh index (everything fetched for this query), and one shared by all the queries.
    for (const lazy of [lazyIndex(files), shared]) {
      const { rounds: _, ...result } = lazy.search(query, filters);
      expect(result).toEqual(expected);
    }
    expect(lazyIndex(files).closest(query).map((d) => d.id)).toEqual(closestTopics(full, query).map((d) => d.id));
  });
});

test('a query fetches a few of the files, in a few rounds', () => {
  const files = searchFiles(seedData);
  const lazy = lazyIndex(files);
  // The words' chunks, the pair files for the phrase bonus, the hits' display files, the facets.
  const { rounds, hits } = lazy.search('engineering taste');
  expect(hits[0]!.doc.id).toBe('engineering-taste');
  expect(rounds).toBe(4);
  expect(lazy.index.loaded.size).toBeLessThan(files.size / 2);
  // A typo takes two more: the typo buckets, then the chunks of the words they hold.
  expect(lazyIndex(files).search('grapql').rounds).toBeLessThanOrEqual(5);
});

test('while typing, only the best few hits fetch their display files; the rest show once loaded, in rank order', () => {
  const data = searchData(parsed(generateRealisticProfile(1_000, 3)));
  const files = searchFiles(data);
  const full = searchQuotes(buildSearchIndex(data), 'and', {}, 10);
  const docsFile = (id: string) => `docs/${Math.floor(data.quotes.findIndex((q) => q.id === id) / DOC_CHUNK)}.json`;
  const wanted = full.hits.map((hit) => docsFile(hit.doc.id));
  expect(new Set(wanted).size).toBeGreaterThan(5); // the test means something only if the best 10 are spread out

  const { index } = lazyIndex(files);
  const ask = () => searchQuotes(index, 'and', {}, { limit: 10, display: 3 });
  let result = ask();
  for (let round = 0; result.missing.some((path) => !/^(facets|sources)\//.test(path)); round++, result = ask()) {
    expect(round).toBeLessThan(MAX_ROUNDS);
    // Display files only for the best 3.
    expect(result.missing.filter((path) => path.startsWith('docs/')).every((path) => wanted.slice(0, 3).includes(path))).toBe(true);
    for (const path of result.missing) addSearchFile(index, path, JSON.parse(files.get(path)!));
  }
  // The best 3, then every next hit whose file came with them, up to the first whose file did not.
  const shown = wanted.findIndex((path, rank) => rank >= 3 && !index.loaded.has(path));
  expect(shown).toBeGreaterThanOrEqual(3);
  expect(result.hits.map((hit) => hit.doc.id)).toEqual(full.hits.slice(0, shown).map((hit) => hit.doc.id));
  expect(result.total).toBe(full.total);
  // Once typing pauses, the page asks for all of them and shows what a fully loaded index shows.
  for (let round = 0, all = searchQuotes(index, 'and', {}, 10); ; round++, all = searchQuotes(index, 'and', {}, 10)) {
    if (all.missing.length === 0) {
      expect(all.hits.map((hit) => hit.doc.id)).toEqual(full.hits.map((hit) => hit.doc.id));
      break;
    }
    expect(round).toBeLessThan(MAX_ROUNDS);
    for (const path of all.missing) addSearchFile(index, path, JSON.parse(files.get(path)!));
  }
});

describe('file sizes', () => {
  const text = generateRealisticProfile(1_000, 5);
  const data = searchData(parsed(text));
  const files = searchFiles(data);
  const meta = JSON.parse(files.get('meta.json')!) as SearchMeta;
  const family = (name: string) => [...files].filter(([path]) => path.startsWith(`${name}/`)).map(([, json]) => JSON.parse(json) as unknown);

  test('meta.json names every file family and stays small', () => {
    expect(meta.docs).toBe(1_000);
    expect(files.get('meta.json')!.length).toBeLessThan(3_000);
    expect(family('words')).toHaveLength(meta.words.length);
    expect(family('typos')).toHaveLength(meta.typoFiles);
    expect(family('pairs')).toHaveLength(meta.pairFiles);
    expect(family('source-docs')).toHaveLength(meta.sourceDocFiles);
    expect(family('docs')).toHaveLength(Math.ceil(meta.docs / DOC_CHUNK));
    expect(family('facets')).toHaveLength(Math.ceil(meta.docs / FACET_CHUNK));
    expect(family('sources')).toHaveLength(Math.ceil(meta.sources / SOURCE_CHUNK));
  });

  test('vocabulary chunks are small, unless one word fills a chunk alone', () => {
    for (const chunk of family('words') as unknown[][]) {
      if (chunk.length > 1) expect(JSON.stringify(chunk).length).toBeLessThan(12_000);
    }
  });

  test('hashed files hold a few thousand characters each, none far more', () => {
    for (const name of ['typos', 'pairs', 'source-docs']) {
      const sizes = [...files].filter(([path]) => path.startsWith(`${name}/`)).map(([, json]) => json.length);
      expect(sizes.reduce((a, b) => a + b, 0) / sizes.length, name).toBeLessThan(8_000);
      expect(Math.max(...sizes), name).toBeLessThan(40_000);
    }
  });

  test('a typo fetches at most two typo files a side, and still finds its word', () => {
    for (const length of [4, 5, 7, 9, 10, 12]) {
      const word = data.quotes.flatMap((q) => words(q.text)).find((w) => w.length === length && /^[a-z]+$/.test(w))!;
      const at = Math.floor(length / 2);
      const typo = `${word.slice(0, at)}${word[at] === 'e' ? 'a' : 'e'}${word.slice(at + 1)}`;
      const lazy = lazyIndex(files);
      const { hits } = lazy.search(typo);
      expect(hits.some((hit) => words(hit.doc.text).includes(word)), `${typo} for ${word}`).toBe(true);
      expect([...lazy.index.loaded].filter((path) => path.startsWith('typos/')).length, typo).toBeLessThanOrEqual(4);
    }
  });

  test('display files hold consecutive docs, each with what a result shows', () => {
    const [first] = family('docs') as unknown[][];
    expect(first).toHaveLength(DOC_CHUNK);
    const quote = parsed(text).quotes[0]!;
    expect(first![0]).toEqual([quote.url, quote.topic, quote.text, quote.kind === 'direct' ? 1 : 0, quote.source.name, quote.source.slug]);
  });
});
