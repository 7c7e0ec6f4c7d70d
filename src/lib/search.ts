/**
 * Search over the quotes, shared by the search page's script, the index files' endpoint, the
 * benchmark and the tests.
 *
 * The index is the set of small files search-build.ts writes. One engine reads them: in Node every
 * file is loaded up front (`buildSearchIndex`); in the browser the page starts from `meta.json`
 * (`openSearchIndex`), and each `searchQuotes` lists in `missing` the files it wanted and did not
 * have, which the page fetches (`addSearchFile`) before asking again. Once nothing is missing, the
 * result is exactly the one a fully loaded index gives.
 *
 * How a query matches: every query word must match some field of a quote (topic, text, source,
 * part title, person), as the word itself, a word it begins (from 3 letters), its other spelling
 * (colour/color), a typo of it (from 4 letters: fuse.js over the few hundred words of the same
 * length give or take two that share its first or last letter), or split in two (`opensource` finds
 * `open source`). Adjacent query words may also match as one word (`jean luc` finds `JeanLuc`,
 * `10,000` finds `10000`). Exact topics and phrases rank first.
 */
import Fuse from 'fuse.js/basic';
import type { Kind } from './schema.ts';
import {
  SOURCE,
  TEXT,
  TOPIC,
  WHOLE_TOPIC,
  pairFileKey,
  searchData,
  searchFiles,
  typoBucket,
  typoGroup,
  type SearchData,
  type SearchMeta,
  type WordExtra,
} from './search-build.ts';
import { hash, indexTokens, spellingVariants, tokenize, words } from './search-text.ts';

export { searchData, searchFiles, tokenize, type SearchData, type SearchMeta };
export { normalizeWord, spellingVariants, words } from './search-text.ts';

/** One searchable quote, with its part title, source name and person filled in. */
export interface SearchDoc {
  id: string;
  url: string;
  topic: string;
  text: string;
  kind: Kind;
  partSlug: string;
  part: string;
  sourceSlug: string;
  /** The source's name as written on this quote's line. */
  source: string;
  person: { name: string; slug: string; url: string };
}

/** The searched fields; `part` is the part's title, `source` the source's name, `person` the person's name. */
export type Field = 'topic' | 'text' | 'source' | 'part' | 'person';
const FIELDS: readonly Field[] = ['topic', 'text', 'source', 'part', 'person'];
// A word in the topic says more about a quote than the same word in passing in its text. A part
// title, source name or person's name is shared by many quotes, so it says least about any one.
const WEIGHTS: Record<Field, number> = { topic: 3, text: 1, source: 0.8, part: 0.5, person: 0.5 };
/** The weight of a posting's field mask: its best field's. */
const MASK_WEIGHT = Array.from({ length: 16 }, (_, mask) =>
  Math.max(0, ...[TOPIC, TEXT, SOURCE].map((bit, i) => (mask & bit ? [WEIGHTS.topic, WEIGHTS.text, WEIGHTS.source][i]! : 0))),
);

// How well a query word matches an index word. A typo counts at most 0.3, so that an exact word
// in a text still outranks a typo in a topic.
const EXACT = 1;
const VARIANT = 0.95;
const SPLIT = 0.9;
const PREFIX = 0.8;
const TYPO = 0.3;
/**
 * Shorter words are matched whole: a one-letter prefix would download a huge part of the index.
 * A word of this length that is a word (`the`, `and`) is taken as meant until one more letter
 * comes: as a prefix it would fetch every `the…` word, most of a megabyte at 100,000 quotes.
 */
const MIN_PREFIX = 3;
/** Shorter words have too many near neighbours to guess a typo from. */
const MIN_TYPO = 4;
/** Few, as each may need a file of its own: 8 found as many typos at 100,000 quotes as 12 did. */
const TYPO_MATCHES = 8;
const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: 0.34 };

/** A highlighted span of a field's own text: [start, end) in UTF-16 code units. */
export type Range = [start: number, end: number];

/** A quote that matched, with the spans of each field to highlight. */
export interface SearchHit {
  doc: SearchDoc;
  score: number;
  ranges: Record<Field, Range[]>;
}

/** Filters by slug; an empty or missing value means all. A part slug matches that part of anyone unless `person` is set. */
export interface SearchFilters {
  part?: string | null;
  source?: string | null;
  person?: string | null;
}

/** One value of a facet: a part, source or person, with how many results have it. */
export interface FacetCount {
  slug: string;
  label: string;
  count: number;
}

export interface SearchResult {
  /** The best hits, in rank order (at most `limit`). */
  hits: SearchHit[];
  /** How many quotes matched in all, with the filters applied. */
  total: number;
  /** Matches per part slug, with the other filters applied (so a count shows what choosing the part gives). */
  partCounts: Map<string, number>;
  /** Matches per source slug, with the other filters applied (the `sources` most frequent; all by default). */
  sourceCounts: Map<string, number>;
  /** Matches per person slug, with the other filters applied. */
  personCounts: Map<string, number>;
  /** The same counts as lists, most frequent first, with labels. */
  facets: Record<'part' | 'source' | 'person', FacetCount[]>;
  /** How many more sources have matches than `facets.source` names (see `SearchOptions.sources`). */
  unnamedSources: number;
  /**
   * Index files this result needed and did not have: empty when the result is complete. Files under
   * `facets/` and `sources/` only complete `sourceCounts`.
   */
  missing: string[];
}

/** Options of `searchQuotes`. */
export interface SearchOptions {
  /** How many hits to return. */
  limit?: number;
  /** How many of the most frequent sources to count by name (each may need a names file). */
  sources?: number;
  /**
   * How many of the best hits may ask for their display files (all `limit` by default). The hits
   * after them are returned only while their files are already loaded, up to the first that is not,
   * so the hits stay in rank order: the page shows the best few at once and the rest once typing pauses.
   */
  display?: number;
}

interface Postings {
  docs: Int32Array;
  masks: Uint8Array;
}
interface WordEntry extends Postings {
  parts: number[];
  people: number[];
  /** Docs where the word is written as two words. */
  split: Postings;
  /** Docs whose whole topic is this word (a few, kept apart from its postings). */
  wholeTopic: Int32Array;
}
/** How a query word matches: index words and word pairs, each with its quality. */
interface TermMatch {
  words: Map<string, number>;
  pairs: Map<string, number>;
}
/** The docs a query word matches, in order, with its score in each. */
interface TermScores {
  docs: Int32Array;
  scores: Float32Array;
}

/** An index: `meta.json` and whichever files have been added. */
export interface SearchIndex {
  meta: SearchMeta;
  /** The docs whose display files are loaded, by doc number (all of them when fully loaded). */
  docs: SearchDoc[];
  /** Paths of the files added so far. */
  loaded: Set<string>;
  words: Map<string, WordEntry>;
  /** Each loaded vocabulary chunk's words, sorted, by chunk number (for prefixes). */
  chunkWords: string[][];
  /** Typo buckets: words, each with its `letterMask`. */
  typos: Map<string, { words: string[]; masks: Uint32Array }>;
  pairs: Map<string, Postings>;
  /** Pair keys by their two words joined, for split words. */
  pairsByJoin: Map<string, string[]>;
  topics: Map<string, Int32Array>;
  /** Each doc's source number; -1 until its facet file is loaded. */
  sourceOf: Int32Array;
  /** `[name, slug, person]` by source number, once loaded. */
  sourceNames: [name: string, slug: string, person: number][];
  sourceDocs: Map<string, { person: number; number: number; docs: Int32Array }[]>;
  partOf: Int32Array;
  personOf: Int32Array;
  /** Matches and scores of query words already worked out in full (a few, most recent last). */
  terms: Map<string, TermMatch>;
  scores: Map<string, TermScores>;
  /** A score per doc, all 0 between uses: scoring a word fills it, then reads and clears it. */
  scratch: Float32Array;
  /** Facet files (counts and source names) added so far: the only files that change a finished tally and its facets (see `searchQuotes`). */
  facetFiles: number;
  /** The last search's tally, by its query, filters, limit and `facetFiles`. */
  tally: { key: string; value: Tally } | undefined;
}

/** An index with only `meta.json` loaded: add files to it as `searchQuotes` asks for them. */
export function openSearchIndex(meta: SearchMeta): SearchIndex {
  const partOf = new Int32Array(meta.docs);
  const personOf = new Int32Array(meta.docs);
  meta.parts.forEach(([, , first, person], n) => {
    const end = meta.parts[n + 1]?.[2] ?? meta.docs;
    partOf.fill(n, first, end);
    personOf.fill(person, first, end);
  });
  return {
    meta,
    docs: [],
    loaded: new Set(),
    words: new Map(),
    chunkWords: [],
    typos: new Map(),
    pairs: new Map(),
    pairsByJoin: new Map(),
    topics: new Map(),
    sourceOf: new Int32Array(meta.docs).fill(-1),
    sourceNames: [],
    sourceDocs: new Map(),
    partOf,
    personOf,
    terms: new Map(),
    scores: new Map(),
    scratch: new Float32Array(meta.docs),
    facetFiles: 0,
    tally: undefined,
  };
}

/** Adds one file of the index (its path under `/search-index/`, and its parsed JSON). */
export function addSearchFile(index: SearchIndex, path: string, data: unknown): void {
  if (index.loaded.has(path)) return;
  const [family, name] = path.replace(/\.json$/, '').split('/') as [string, string];
  const n = Number(name);
  if (family === 'words') {
    const entries = data as [string, number[], WordExtra?][];
    index.chunkWords[n] = entries.map(([word, postings, { parts = [], people = [], split = [] } = {}]) => {
      const { docs, masks } = decode(postings, 4);
      const wholeTopic = docs.filter((_, i) => (masks[i]! & WHOLE_TOPIC) !== 0);
      index.words.set(word, { docs, masks, parts, people, split: decode(split, 4), wholeTopic });
      return word;
    });
  } else if (family === 'typos') {
    for (const [key, list] of Object.entries(data as Record<string, string[]>)) index.typos.set(key, { words: list, masks: Uint32Array.from(list, letterMask) });
  } else if (family === 'pairs') {
    const { p, t } = data as { p: Record<string, number[]>; t: Record<string, number[]> };
    for (const [key, postings] of Object.entries(p)) {
      index.pairs.set(key, decode(postings, 2));
      const joined = pairFileKey(key.split(' '));
      index.pairsByJoin.set(joined, [...(index.pairsByJoin.get(joined) ?? []), key]);
    }
    for (const [key, postings] of Object.entries(t)) index.topics.set(key, decode(postings, 0).docs);
  } else if (family === 'docs') {
    const rows = data as [string, string, string, number, string, string][];
    rows.forEach(([url, topic, text, direct, source, sourceSlug], i) => {
      const doc = n * index.meta.docChunk + i;
      const [part, partSlug] = index.meta.parts[index.partOf[doc]!]!;
      const [name, slug, personUrl] = index.meta.people[index.personOf[doc]!]!;
      index.docs[doc] = {
        id: url.split('/').at(-2)!,
        url,
        topic,
        text,
        kind: direct ? 'direct' : 'paraphrase',
        partSlug,
        part,
        sourceSlug,
        source,
        person: { name, slug, url: personUrl },
      };
    });
  } else if (family === 'facets') {
    index.sourceOf.set(data as number[], n * index.meta.facetChunk);
    index.facetFiles++;
  } else if (family === 'sources') {
    (data as [string, string, number][]).forEach((row, i) => (index.sourceNames[n * index.meta.sourceChunk + i] = row));
    index.facetFiles++;
  } else if (family === 'source-docs') {
    for (const [slug, list] of Object.entries(data as Record<string, [number, number, number[]][]>)) {
      index.sourceDocs.set(
        slug,
        list.map(([person, number, docs]) => ({ person, number, docs: decode(docs, 0).docs })),
      );
    }
  }
  index.loaded.add(path);
}

/** Prepares records' search data for searching in memory: every file built and loaded. */
export function buildSearchIndex(data: SearchData): SearchIndex {
  const files = searchFiles(data);
  const index = openSearchIndex(JSON.parse(files.get('meta.json')!) as SearchMeta);
  for (const [path, text] of files) if (path !== 'meta.json') addSearchFile(index, path, JSON.parse(text));
  return index;
}

function decode(list: number[], bits: number): Postings {
  const docs = new Int32Array(list.length);
  const masks = new Uint8Array(list.length);
  const base = 2 ** bits;
  let doc = 0;
  list.forEach((value, i) => {
    doc += Math.floor(value / base);
    docs[i] = doc;
    masks[i] = value % base;
  });
  return { docs, masks };
}

/** One search's view of the index: what it read, and which files it wanted and did not have. */
interface Context {
  index: SearchIndex;
  missing: Set<string>;
}

/** Whether a file is loaded; if not, notes it as missing. */
function has(ctx: Context, path: string): boolean {
  if (ctx.index.loaded.has(path)) return true;
  ctx.missing.add(path);
  return false;
}

/** The vocabulary chunk that holds `word`, if the index has it. */
function chunkOf(meta: SearchMeta, word: string): number {
  let low = 0;
  let high = meta.words.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (meta.words[mid]! <= word) low = mid;
    else high = mid - 1;
  }
  return low;
}

const wordsFile = (chunk: number) => `words/${chunk}.json`;
const pairsFile = (meta: SearchMeta, pair: string[]) => `pairs/${hash(pairFileKey(pair)) % meta.pairFiles}.json`;
const typosFile = (meta: SearchMeta, length: number, side: 'f' | 'l', letter: string) => `typos/${hash(typoGroup(length, side, letter)) % meta.typoFiles}.json`;

/** Remembers a few recent entries, dropping the oldest. */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > 32) map.delete(map.keys().next().value!);
  return value;
}

/** How a query word matches the index; undefined while files it needs are missing. */
function matchTerm(ctx: Context, term: string): TermMatch | undefined {
  const { index } = ctx;
  const { meta } = index;
  const known = index.terms.get(term);
  if (known) return known;

  const first = chunkOf(meta, term);
  const variants = spellingVariants(term);
  let complete = has(ctx, wordsFile(first));
  for (const variant of variants) complete = has(ctx, wordsFile(chunkOf(meta, variant))) && complete;
  if (!complete) return undefined;
  const prefix = term.length > MIN_PREFIX || (term.length === MIN_PREFIX && !index.words.has(term));
  const last = prefix ? chunkOf(meta, `${term}\uffff`) : first;
  for (let c = first + 1; c <= last; c++) complete = has(ctx, wordsFile(c)) && complete;
  if (!complete) return undefined;

  const matches = new Map<string, number>();
  if (index.words.has(term)) matches.set(term, EXACT);
  if (prefix) {
    for (let c = first; c <= last; c++) {
      for (const word of index.chunkWords[c]!) if (word.startsWith(term) && word !== term) matches.set(word, PREFIX);
    }
  }
  for (const variant of variants) if (index.words.has(variant)) matches.set(variant, Math.max(VARIANT, matches.get(variant) ?? 0));

  // A word the index does not know may be two words run together, or a typo. Both need files,
  // fetched together so that a typo costs one round trip less.
  const pairs = new Map<string, number>();
  if (matches.size === 0 && term.length >= MIN_TYPO) {
    const sides = [['f', term[0]!], ['l', term.at(-1)!]] as const;
    const lengths = [-2, -1, 0, 1, 2].map((d) => term.length + d);
    const buckets = lengths.flatMap((length) => sides.map(([side, letter]) => typoBucket(length, side, letter)));
    complete = has(ctx, pairsFile(meta, [term])) && complete;
    for (const length of lengths) for (const [side, letter] of sides) complete = has(ctx, typosFile(meta, length, side, letter)) && complete;
    if (!complete) return undefined;
    // Both: `overram` may be `over ram` or a typo of `overarm`.
    for (const key of index.pairsByJoin.get(term) ?? []) pairs.set(key, SPLIT);
    const mayMatch = typoFilter(term);
    const termMask = letterMask(term);
    const candidates = new Set<string>();
    for (const key of buckets) {
      const { words: list, masks } = index.typos.get(key) ?? { words: [], masks: new Uint32Array(0) };
      for (let i = 0; i < masks.length; i++) {
        // The cheapest test first, inline: most words lack too many of the term's letters.
        if (bits(termMask & ~masks[i]!) <= mayMatch.errors && mayMatch(list[i]!)) candidates.add(list[i]!);
      }
    }
    for (const { item, score = 1 } of new Fuse([...candidates], FUSE_OPTIONS).search(term, { limit: TYPO_MATCHES })) {
      matches.set(item, TYPO * (1 - score));
    }
    for (const word of matches.keys()) complete = has(ctx, wordsFile(chunkOf(meta, word))) && complete;
    if (!complete) return undefined;
  }
  return remember(index.terms, term, { words: matches, pairs });
}

/** The letters of a word as bits (a letter outside a–z shares a bit with others: a test that uses it stays safe). */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 32);
  return mask >>> 0;
}

function bits(n: number): number {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

/**
 * Quick tests that rule out words fuse.js would reject, so that fuse looks at tens of words, not
 * thousands (its matching costs about 15 µs a word). With `ignoreLocation`, fuse scores a word by
 * the edits (errors) of the query's best alignment with a part of it, divided by the query's
 * length, and keeps scores up to its threshold: at most `k` errors. Each test is necessary for that:
 * a query letter the word lacks is an error, and k edits leave at least m − 1 − 2k of the query's
 * m − 1 letter pairs intact (the q-gram lemma).
 */
function typoFilter(term: string): ((word: string) => boolean) & { errors: number } {
  const k = Math.floor(FUSE_OPTIONS.threshold * term.length);
  const letters = new Map<string, number>();
  for (const letter of term) letters.set(letter, (letters.get(letter) ?? 0) + 1);
  const pairs = Array.from({ length: term.length - 1 }, (_, i) => term.slice(i, i + 2));
  const sharedPairs = term.length - 1 - 2 * k;
  const test = (word: string) => {
    let lacking = 0;
    for (const [letter, count] of letters) {
      let found = 0;
      for (let at = word.indexOf(letter); at >= 0 && found < count; at = word.indexOf(letter, at + 1)) found++;
      lacking += count - found;
      if (lacking > k) return false;
    }
    let shared = 0;
    for (const pair of pairs) if (word.includes(pair)) shared++;
    return shared >= sharedPairs;
  };
  return Object.assign(test, { errors: k });
}

/** A matched term's docs and scores: the best of its words' fields in each doc. */
function scoreTerm(index: SearchIndex, key: string, match: TermMatch): TermScores {
  const known = index.scores.get(key);
  if (known) return known;
  const { meta, scratch: score } = index;
  const lists: { docs: Int32Array; masks: Uint8Array; quality: number }[] = [];
  const ranges: { first: number; end: number; s: number }[] = [];
  for (const [word, quality] of match.words) {
    const entry = index.words.get(word)!;
    lists.push({ ...entry, quality }, { ...entry.split, quality: quality * SPLIT });
    for (const part of entry.parts) ranges.push({ first: meta.parts[part]![2], end: meta.parts[part + 1]?.[2] ?? meta.docs, s: quality * WEIGHTS.part });
    for (const person of entry.people) ranges.push({ first: meta.people[person]![3], end: meta.people[person + 1]?.[3] ?? meta.docs, s: quality * WEIGHTS.person });
  }
  for (const [pair, quality] of match.pairs) lists.push({ ...index.pairs.get(pair)!, quality });
  const nonEmpty = lists.filter((list) => list.docs.length > 0);
  if (ranges.length === 0 && nonEmpty.length <= 1) {
    // One list (a whole word, as most are) is in doc order already, a doc once: nothing to merge.
    const { docs = new Int32Array(0), masks = new Uint8Array(0), quality = 0 } = nonEmpty[0] ?? {};
    const found = new Int32Array(docs.length);
    const scores = new Float32Array(docs.length);
    let count = 0;
    for (let i = 0; i < docs.length; i++) {
      const s = quality * MASK_WEIGHT[masks[i]!]!;
      if (s > 0) {
        found[count] = docs[i]!;
        scores[count++] = s;
      }
    }
    return remember(index.scores, key, { docs: found.slice(0, count), scores: scores.slice(0, count) });
  }
  const capacity = lists.reduce((n, l) => n + l.docs.length, 0) + ranges.reduce((n, r) => n + r.end - r.first, 0);
  const found = new Int32Array(Math.min(capacity, meta.docs));
  let count = 0;
  for (const { docs, masks, quality } of lists) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const s = quality * MASK_WEIGHT[masks[i]!]!;
      if (s > score[doc]!) {
        if (score[doc] === 0) found[count++] = doc;
        score[doc] = s;
      }
    }
  }
  for (const { first, end, s } of ranges) {
    for (let doc = first; doc < end; doc++) {
      if (s > score[doc]!) {
        if (score[doc] === 0) found[count++] = doc;
        score[doc] = s;
      }
    }
  }
  // In doc order: sorting is quicker for a few docs, a pass over every doc for many.
  let docs: Int32Array;
  if (count * 16 < meta.docs) docs = found.slice(0, count).sort();
  else {
    docs = new Int32Array(count);
    for (let doc = 0, at = 0; at < count; doc++) if (score[doc]! > 0) docs[at++] = doc;
  }
  const scores = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    scores[i] = score[docs[i]!]!;
    score[docs[i]!] = 0;
  }
  return remember(index.scores, key, { docs, scores });
}

/** Where `doc` is in sorted doc numbers, or -1. */
function sortedIndexOf(docs: Int32Array, doc: number): number {
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (docs[mid]! < doc) low = mid + 1;
    else if (docs[mid]! > doc) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** Finds docs in sorted doc numbers, for docs asked in increasing order: it only moves forward. */
class Cursor {
  #docs: Int32Array;
  #at = 0;
  constructor(docs: Int32Array) {
    this.#docs = docs;
  }
  /** Where `doc` is, or -1. */
  find(doc: number): number {
    const docs = this.#docs;
    let at = this.#at;
    while (at < docs.length && docs[at]! < doc) at++;
    this.#at = at;
    return docs[at] === doc ? at : -1;
  }
}

/** A unit of the query: one word, or several adjacent words matched as one index word. */
interface Unit {
  scores: TermScores;
  span: number;
  /** How much its score counts: a word repeated in the query counts once. */
  weight: number;
}

/** The query as the index sees it. */
interface ParsedQuery {
  /** Its words in order, repeats included. */
  raw: string[];
  /** Its distinct words. */
  terms: string[];
  matches: Map<string, TermMatch>;
  /** Adjacent words typed apart that the index has as one word: `jean luc`, `10,000`. */
  joins: Map<string, TermMatch>;
}

/** The filters resolved to numbers and docs. */
interface Filter {
  person: number | undefined;
  parts: Set<number> | undefined;
  /** 1 for each doc of the chosen source. */
  sourceDocs: Uint8Array | undefined;
  /** The chosen sources' numbers: named in the facet even when not among the most frequent. */
  chosenSources: Set<number>;
}

/**
 * Finds the quotes that match every word of the query, best first; ties keep profile order.
 * Check `missing` when the index is loaded lazily.
 */
export function searchQuotes(index: SearchIndex, query: string, filters: SearchFilters = {}, limitOrOptions: number | SearchOptions = 50): SearchResult {
  const { limit = 50, sources = Infinity, display = limit } = typeof limitOrOptions === 'number' ? { limit: limitOrOptions } : limitOrOptions;
  const ctx: Context = { index, missing: new Set() };
  const filter = resolveFilters(ctx, filters);
  const parsed = parseQuery(ctx, query);
  if (ctx.missing.size > 0 || !parsed) return emptyResult(ctx);
  const bonus = phraseBonus(ctx, parsed.terms);
  if (ctx.missing.size > 0 || !bonus) return emptyResult(ctx);

  // The page asks again with the same words once the display files of the best hits arrive, and
  // once typing pauses: those files change nothing above, so the tally of a common word's tens of
  // thousands of docs is not redone (the first search on a page runs in slow, unoptimised code).
  const key = JSON.stringify([query, filters.part, filters.source, filters.person, limit, index.facetFiles]);
  let tally = index.tally?.key === key ? index.tally.value : undefined;
  if (tally) tally.unloaded.forEach((path) => ctx.missing.add(path));
  else {
    const anyFilter = Boolean(filters.part || filters.source || filters.person);
    const { candidates, scores } = scoreDocs(index, parsed, bonus, anyFilter);
    tally = tallyMatches(ctx, candidates, scores, filter, limit);
    index.tally = { key, value: tally };
  }
  const hits = hitsOf(ctx, tally.top, matchedWords(parsed), display);
  // Kept with the tally too: at 100,000 quotes they were a third of a common word's second ask.
  if (tally.facets?.named !== sources) {
    const own: Context = { index, missing: new Set() };
    tally.facets = { named: sources, value: facetsOf(own, tally, filter.chosenSources, sources), missing: [...own.missing] };
  }
  tally.facets.missing.forEach((path) => ctx.missing.add(path));
  const { namedFrequent, ...facets } = tally.facets.value;
  return {
    hits,
    total: tally.total,
    partCounts: new Map(facets.part.map((f) => [f.slug, f.count])),
    sourceCounts: new Map(facets.source.map((f) => [f.slug, f.count])),
    personCounts: new Map(facets.person.map((f) => [f.slug, f.count])),
    facets,
    unnamedSources: tally.sourcesFound - namedFrequent,
    missing: [...ctx.missing],
  };
}

/** A set of part numbers, a person number, and a flag per doc of the chosen source. */
function resolveFilters(ctx: Context, filters: SearchFilters): Filter {
  const { index } = ctx;
  const { meta } = index;
  const person = filters.person ? meta.people.findIndex(([, slug]) => slug === filters.person) : undefined;
  const partSlug = filters.part || undefined;
  const parts = partSlug
    ? new Set(meta.parts.flatMap(([, slug, , owner], n) => (slug === partSlug && (person === undefined || owner === person) ? [n] : [])))
    : undefined;
  let sourceDocs: Uint8Array | undefined;
  const chosenSources = new Set<number>();
  if (filters.source) {
    sourceDocs = new Uint8Array(meta.docs);
    if (has(ctx, `source-docs/${hash(filters.source) % meta.sourceDocFiles}.json`)) {
      for (const source of index.sourceDocs.get(filters.source) ?? []) {
        if (person !== undefined && source.person !== person) continue;
        chosenSources.add(source.number);
        for (const doc of source.docs) sourceDocs[doc] = 1;
      }
    }
  }
  return { person, parts, sourceDocs, chosenSources };
}

/** The query's words and how each matches; undefined while files are missing. */
function parseQuery(ctx: Context, query: string): ParsedQuery | undefined {
  const { index } = ctx;
  // A short last word that is still being typed (no space after it) and matches no word whole is
  // left out until it is long enough to match as a prefix.
  let raw = words(query);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const lastWord = raw.at(-1);
  if (raw.length > 1 && typing && lastWord !== undefined && lastWord.length < MIN_PREFIX) {
    const match = matchTerm(ctx, lastWord);
    if (match && match.words.size === 0 && match.pairs.size === 0) raw = raw.slice(0, -1);
  }
  const terms = [...new Set(raw)];
  const matches = new Map<string, TermMatch>();
  for (const term of terms) {
    const match = matchTerm(ctx, term);
    if (match) matches.set(term, match);
  }
  const joins = new Map<string, TermMatch>();
  for (let i = 0; i < raw.length; i++) {
    for (let span = 2; span <= 3 && i + span <= raw.length; span++) {
      const joined = raw.slice(i, i + span).join('');
      if (has(ctx, wordsFile(chunkOf(index.meta, joined))) && index.words.has(joined)) {
        joins.set(joined, { words: new Map([[joined, EXACT]]), pairs: new Map() });
      }
    }
  }
  return matches.size === terms.length ? { raw, terms, matches, joins } : undefined;
}

/** What a doc gets for holding the query as a phrase. */
interface PhraseBonus {
  /** Docs whose whole topic is the query. */
  wholeTopic: Int32Array;
  /** Each pair of adjacent query words, with the fields that hold it; empty if some pair is nowhere. */
  pairs: Postings[];
}

/**
 * The docs whose topic is the query (for one word, kept with the word) and the postings of the
 * query's word pairs. Those exist only when every word is a word of the index, not one still being
 * typed: otherwise no file is fetched. Undefined while files are missing.
 */
function phraseBonus(ctx: Context, terms: string[]): PhraseBonus | undefined {
  const { index } = ctx;
  const none = { wholeTopic: new Int32Array(0), pairs: [] };
  if (terms.length === 1) return { ...none, wholeTopic: index.words.get(terms[0]!)?.wholeTopic ?? none.wholeTopic };
  if (terms.length === 0 || !terms.every((term) => index.words.has(term))) return none;
  const bigrams = terms.slice(1).map((term, i) => [terms[i]!, term]);
  let complete = has(ctx, pairsFile(index.meta, terms));
  for (const bigram of bigrams) complete = has(ctx, pairsFile(index.meta, bigram)) && complete;
  if (!complete) return undefined;
  const pairs = bigrams.map((bigram) => index.pairs.get(bigram.join(' ')));
  return {
    wholeTopic: index.topics.get(terms.join(' ')) ?? none.wholeTopic,
    pairs: pairs.every((p) => p !== undefined) ? pairs : [],
  };
}

/**
 * Scores every doc that matches all the query's words (or their joins). Candidates are the docs of
 * the rarest word, or with joins every doc that can start the query; with no words, every doc if a
 * filter is set. All lists are sorted by doc, so each pass below walks two of them side by side.
 * A score of -1: no match.
 */
function scoreDocs(index: SearchIndex, { raw, matches, joins }: ParsedQuery, bonus: PhraseBonus, anyFilter: boolean) {
  const units: Unit[][] = raw.map((term, i) => [{ scores: scoreTerm(index, term, matches.get(term)!), span: 1, weight: raw.indexOf(term) === i ? 1 : 0 }]);
  for (let i = 0; i < raw.length; i++) {
    for (let span = 2; span <= 3 && i + span <= raw.length; span++) {
      const joined = raw.slice(i, i + span).join('');
      const match = joins.get(joined);
      if (match) units[i]!.push({ scores: scoreTerm(index, `+${joined}`, match), span, weight: span });
    }
  }
  let candidates: Int32Array;
  if (raw.length === 0) candidates = anyFilter ? Int32Array.from({ length: index.meta.docs }, (_, i) => i) : new Int32Array(0);
  else if (joins.size === 0) candidates = units.map((u) => u[0]!.scores.docs).reduce((a, b) => (b.length < a.length ? b : a));
  else candidates = Int32Array.from(new Set(units[0]!.flatMap((u) => [...u.scores.docs]))).sort();

  let scores: Float64Array;
  // One word: its own scores, without walking its docs against themselves.
  if (raw.length === 1 && joins.size === 0) scores = Float64Array.from(units[0]![0]!.scores.scores);
  else {
    scores = new Float64Array(candidates.length);
    if (joins.size === 0) for (const [unit] of units) addUnit(candidates, scores, unit!);
    else coverWithJoins(candidates, scores, units);
  }
  if (raw.length > 0) addPhraseBonus(candidates, scores, bonus);
  return { candidates, scores };
}

/** Adds a word's score to each candidate's, or marks the candidate as no match (-1). */
function addUnit(candidates: Int32Array, scores: Float64Array, { scores: { docs, scores: unitScores }, weight }: Unit) {
  let at = 0;
  for (let c = 0; c < candidates.length; c++) {
    if (scores[c]! < 0) continue;
    const doc = candidates[c]!;
    while (at < docs.length && docs[at]! < doc) at++;
    if (docs[at] === doc) scores[c]! += unitScores[at]! * weight;
    else scores[c] = -1;
  }
}

/**
 * With joins, the best way to cover the query's words, by dynamic programming over its positions:
 * each is reached by a word, or by a join that ends there.
 */
function coverWithJoins(candidates: Int32Array, scores: Float64Array, units: Unit[][]) {
  const reading = units.map((list) => list.map((unit) => ({ ...unit, cursor: new Cursor(unit.scores.docs) })));
  const best = new Float64Array(units.length + 1);
  for (let c = 0; c < candidates.length; c++) {
    const doc = candidates[c]!;
    best.fill(-1);
    best[0] = 0;
    for (let i = 0; i < reading.length; i++) {
      if (best[i]! < 0) continue;
      for (const unit of reading[i]!) {
        const at = unit.cursor.find(doc);
        if (at >= 0) best[i + unit.span] = Math.max(best[i + unit.span]!, best[i]! + unit.scores.scores[at]! * unit.weight);
      }
    }
    scores[c] = best[units.length]!;
  }
}

/** +10 when the whole topic is the query; else +4 when every word pair is in the topic; +2 when every pair is in the text. */
function addPhraseBonus(candidates: Int32Array, scores: Float64Array, { wholeTopic, pairs }: PhraseBonus) {
  if (pairs.length === 0) {
    // Only whole topics (a few docs) earn a bonus: find them, rather than walk every candidate.
    for (const doc of wholeTopic) {
      const c = sortedIndexOf(candidates, doc);
      if (c >= 0 && scores[c]! >= 0) scores[c]! += 10;
    }
    return;
  }
  // Which fields hold every pair, per candidate: start from both, and keep what each pair has.
  const fields = new Uint8Array(candidates.length).fill(TOPIC | TEXT);
  for (const { docs, masks } of pairs) {
    let at = 0;
    for (let c = 0; c < candidates.length; c++) {
      const doc = candidates[c]!;
      while (at < docs.length && docs[at]! < doc) at++;
      fields[c]! &= docs[at] === doc ? masks[at]! : 0;
    }
  }
  let at = 0;
  for (let c = 0; c < candidates.length; c++) {
    if (scores[c]! < 0) continue;
    const doc = candidates[c]!;
    while (at < wholeTopic.length && wholeTopic[at]! < doc) at++;
    if (wholeTopic[at] === doc) scores[c]! += 10;
    else if (fields[c]! & TOPIC) scores[c]! += 4;
    if (fields[c]! & TEXT) scores[c]! += 2;
  }
}

/** The matches with the filters applied, the facet counts (each with the other filters applied), and the best hits. */
function tallyMatches(ctx: Context, candidates: Int32Array, scores: Float64Array, { parts, sourceDocs, person }: Filter, limit: number) {
  const { meta, partOf, personOf, sourceOf } = ctx.index;
  const partCount = new Int32Array(meta.parts.length);
  const personCount = new Int32Array(meta.people.length);
  const sourceCount = new Int32Array(meta.sources);
  // Facet files not loaded yet, by number: a path per doc would cost more than the whole count.
  const unloaded = new Uint8Array(Math.ceil(meta.docs / meta.facetChunk));
  const top = new TopHits(limit);
  let total = 0;
  for (let c = 0; c < candidates.length; c++) {
    if (scores[c]! < 0) continue;
    const doc = candidates[c]!;
    const partOk = parts === undefined || parts.has(partOf[doc]!);
    const sourceOk = sourceDocs === undefined || sourceDocs[doc] === 1;
    const personOk = person === undefined || personOf[doc] === person;
    if (sourceOk && personOk) partCount[partOf[doc]!]! += 1;
    if (partOk && sourceOk) personCount[personOf[doc]!]! += 1;
    if (partOk && personOk) {
      const source = sourceOf[doc]!;
      if (source >= 0) sourceCount[source]! += 1;
      else unloaded[Math.floor(doc / meta.facetChunk)] = 1;
    }
    if (partOk && sourceOk && personOk) {
      total++;
      top.add(doc, scores[c]!);
    }
  }
  const unloadedFiles: string[] = [];
  unloaded.forEach((flag, n) => flag && unloadedFiles.push(`facets/${n}.json`));
  for (const path of unloadedFiles) ctx.missing.add(path);
  let sourcesFound = 0;
  for (let n = 0; n < sourceCount.length; n++) if (sourceCount[n]! > 0) sourcesFound++;
  return {
    top: top.sorted(),
    total,
    partCount,
    personCount,
    sourceCount,
    sourcesFound,
    unloaded: unloadedFiles,
    /** Worked out on first use by `searchQuotes`, for `named` sources; what they lacked. */
    facets: undefined as { named: number; value: Facets; missing: string[] } | undefined,
  };
}
type Tally = ReturnType<typeof tallyMatches>;

/** Every index word the query matched: what results highlight. */
function matchedWords({ matches, joins }: ParsedQuery): Set<string> {
  const out = new Set<string>();
  for (const match of [...matches.values(), ...joins.values()]) {
    for (const word of match.words.keys()) out.add(word);
    // A word found as two: mark the two together (highlightRanges joins neighbours), not each alone.
    for (const key of match.pairs.keys()) out.add(key.replace(' ', ''));
  }
  return out;
}

/** The hits with their docs (each needs its display file; after the first `display`, only loaded ones) and the spans to highlight. */
function hitsOf(ctx: Context, top: { doc: number; score: number }[], words: Set<string>, display: number): SearchHit[] {
  const { index } = ctx;
  const hits: SearchHit[] = [];
  for (const [rank, { doc, score }] of top.entries()) {
    const file = `docs/${Math.floor(doc / index.meta.docChunk)}.json`;
    if (rank >= display && !index.loaded.has(file)) break;
    if (!has(ctx, file)) continue;
    const d = index.docs[doc]!;
    const texts: Record<Field, string> = { topic: d.topic, text: d.text, source: d.source, part: d.part, person: d.person.name };
    const ranges = Object.fromEntries(FIELDS.map((f) => [f, highlightRanges(texts[f], words)])) as Record<Field, Range[]>;
    hits.push({ doc: d, score, ranges });
  }
  return hits;
}

interface Facets extends Record<'part' | 'person' | 'source', FacetCount[]> {
  /** How many of the most frequent sources are named (the chosen ones come on top). */
  namedFrequent: number;
}

/**
 * The facets' values with labels, most frequent first. Sources are named from their own files:
 * only the `named` most frequent (picked in one pass: a common word has thousands), and the chosen.
 */
function facetsOf(ctx: Context, tally: Tally, chosenSources: Set<number>, named: number): Facets {
  const { index } = ctx;
  const { meta } = index;
  const counted = (counts: Int32Array) => {
    const out: [number, number][] = [];
    for (let n = 0; n < counts.length; n++) if (counts[n]! > 0) out.push([n, counts[n]!]);
    return out;
  };
  const topSources = new TopHits(Math.min(named, meta.sources));
  tally.sourceCount.forEach((count, n) => count > 0 && topSources.add(n, count));
  const frequent = topSources.sorted().map(({ doc, score }): [number, number] => [doc, score]);
  const sources = [...frequent, ...[...chosenSources].map((n): [number, number] => [n, tally.sourceCount[n]!])].filter(
    ([n], i, all) => all.findIndex(([m]) => m === n) === i && has(ctx, `sources/${Math.floor(n / meta.sourceChunk)}.json`),
  );
  return {
    part: countsBySlug(counted(tally.partCount), (n) => [meta.parts[n]![1], meta.parts[n]![0]]),
    person: countsBySlug(counted(tally.personCount), (n) => [meta.people[n]![1], meta.people[n]![0]]),
    source: countsBySlug(sources, (n) => [index.sourceNames[n]![1], index.sourceNames[n]![0]]),
    namedFrequent: frequent.length,
  };
}

function emptyResult(ctx: Context): SearchResult {
  const empty = { hits: [], total: 0, partCounts: new Map(), sourceCounts: new Map(), personCounts: new Map() };
  return { ...empty, facets: { part: [], source: [], person: [] }, unnamedSources: 0, missing: [...ctx.missing] };
}

/** Counts by number, summed by slug (a part slug may repeat across people), most frequent first. */
function countsBySlug(counts: [n: number, count: number][], describe: (n: number) => [slug: string, label: string]): FacetCount[] {
  const bySlug = new Map<string, FacetCount>();
  for (const [n, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    const [slug, label] = describe(n);
    const known = bySlug.get(slug);
    if (known) known.count += count;
    else bySlug.set(slug, { slug, label, count });
  }
  return [...bySlug.values()].sort((a, b) => b.count - a.count);
}

/** The best `limit` docs seen, by score and then profile order, without sorting every match. */
class TopHits {
  #hits: { doc: number; score: number }[] = [];
  #limit: number;
  constructor(limit: number) {
    this.#limit = limit;
  }
  add(doc: number, score: number) {
    const hits = this.#hits;
    if (hits.length === this.#limit) {
      // Most docs lose to the last kept one: one comparison, and out.
      const last = hits[hits.length - 1]!;
      if (score < last.score || (score === last.score && doc > last.doc)) return;
    }
    let at = hits.length;
    while (at > 0 && before(score, doc, hits[at - 1]!)) at--;
    hits.splice(at, 0, { doc, score });
    if (hits.length > this.#limit) hits.pop();
  }
  sorted() {
    return this.#hits;
  }
}
const before = (score: number, doc: number, other: { doc: number; score: number }) => score > other.score || (score === other.score && doc < other.doc);

/**
 * The spans of `text` whose words are among `words` (normalized): single words, compounds
 * (`Jean-Luc` for `jeanluc`) and two words in a row that join to one (`open source` for
 * `opensource`). Overlapping spans are merged.
 */
export function highlightRanges(text: string, words: ReadonlySet<string>): Range[] {
  const tokens = indexTokens(text);
  const spans = tokens.filter((t) => words.has(t.word)).map((t): Range => [t.start, t.end]);
  const simple = tokenize(text);
  for (let i = 1; i < simple.length; i++) {
    const [a, b] = [simple[i - 1]!, simple[i]!];
    if (a.end < b.start && /^\s+$/.test(text.slice(a.end, b.start)) && words.has(a.word + b.word)) spans.push([a.start, b.end]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * Topics that look most like the query, for an empty result's "did you mean": quotes whose topic
 * holds the most query words (as matched by search, typos included). Uses the files the search
 * already loaded, plus the display files of the docs it suggests; pass `missing` to learn which
 * files it wanted and did not have.
 */
export function closestTopics(index: SearchIndex, query: string, count = 3, missing?: string[]): SearchDoc[] {
  const ctx: Context = { index, missing: new Set() };
  const score = new Map<number, number>();
  for (const term of new Set(words(query))) {
    const best = new Map<number, number>();
    const match = matchTerm(ctx, term);
    for (const [word, quality] of match?.words ?? []) {
      const entry = index.words.get(word)!;
      for (let i = 0; i < entry.docs.length; i++) {
        const doc = entry.docs[i]!;
        if (entry.masks[i]! & TOPIC && quality > (best.get(doc) ?? 0)) best.set(doc, quality);
      }
    }
    for (const [doc, quality] of best) score.set(doc, (score.get(doc) ?? 0) + quality);
  }
  const top = new TopHits(count);
  for (const [doc, s] of score) top.add(doc, s);
  const docs = top.sorted().flatMap(({ doc }) => (has(ctx, `docs/${Math.floor(doc / index.meta.docChunk)}.json`) ? [index.docs[doc]!] : []));
  missing?.push(...ctx.missing);
  return docs;
}
