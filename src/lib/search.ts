/**
 * Search over the quotes, shared by the search page's script, the index endpoint, the benchmark
 * and the tests.
 *
 * fuse.js over every quote grows linearly with the corpus (about 280 ms a query at 10,000 quotes
 * here), so fuse matches each query word against the vocabulary of distinct words instead, and a
 * word-to-quote index turns those words into quotes. Callers see only `searchData`,
 * `buildSearchIndex`, `searchQuotes` and `closestTopics`; the engine behind them can change.
 */
import Fuse from 'fuse.js/basic';
import type { Kind, Records } from './schema.ts';

/** What the browser downloads to search: the quotes, with parts and sources by slug. */
export interface SearchData {
  parts: { slug: string; title: string }[];
  sources: { slug: string; name: string }[];
  quotes: { id: string; url: string; topic: string; text: string; kind: Kind; part: string; source: string }[];
}

/** One searchable quote, with its part title and source name filled in. */
export interface SearchDoc {
  id: string;
  url: string;
  topic: string;
  text: string;
  kind: Kind;
  partSlug: string;
  part: string;
  sourceSlug: string;
  source: string;
}

/** The searched fields; `part` is the part's title, `source` the source's name. */
export type Field = 'topic' | 'text' | 'source' | 'part';
const FIELDS: readonly Field[] = ['topic', 'text', 'source', 'part'];
// A word in the topic says more about a quote than the same word in passing in its text.
// A part title or source name is shared by many quotes, so it says least about any one of them.
const WEIGHTS: Record<Field, number> = { topic: 3, text: 1, source: 0.8, part: 0.5 };

/** A highlighted span of a field's own text: [start, end) in UTF-16 code units. */
export type Range = [start: number, end: number];

/** A prepared index; build it once with `buildSearchIndex`. */
export interface SearchIndex {
  docs: SearchDoc[];
  /** Each doc's fields as normalized words joined by spaces, for phrase matches. */
  normalized: Record<'topic' | 'text', string>[];
  /** Word → postings: `doc * 16 + mask of the fields (bit i = FIELDS[i]) that hold the word`. */
  postings: Map<string, number[]>;
  vocabulary: string[];
  fuzzyWords: Fuse<string>;
  /** Built on first use: only an empty result needs it. */
  topics?: Fuse<SearchDoc>;
}

/** A quote that matched, with the spans of each field to highlight. */
export interface SearchHit {
  doc: SearchDoc;
  score: number;
  ranges: Record<Field, Range[]>;
}

/** Filters by slug; an empty or missing value means all. */
export interface SearchFilters {
  part?: string | null;
  source?: string | null;
}

export interface SearchResult {
  /** The best hits, in rank order (at most `limit`). */
  hits: SearchHit[];
  /** How many quotes matched in all, with the filters applied. */
  total: number;
  /** Matches per part slug, with the source filter applied (so the counts show what a part choice gives). */
  partCounts: Map<string, number>;
  /** Matches per source slug, with the part filter applied. */
  sourceCounts: Map<string, number>;
}

/** The search data for the records: what `/search-index.json` serves. */
export function searchData(records: Pick<Records, 'parts' | 'sources' | 'quotes'>): SearchData {
  return {
    parts: records.parts.map(({ slug, title }) => ({ slug, title })),
    sources: records.sources.map(({ slug, name }) => ({ slug, name })),
    quotes: records.quotes.map((q) => ({
      id: q.id,
      url: q.url,
      topic: q.topic,
      text: q.text,
      kind: q.kind,
      part: q.part.slug,
      source: q.source.slug,
    })),
  };
}

/** Lower-case, without accents or apostrophes: `Café’s` and `cafes` are the same word. */
export function normalizeWord(word: string): string {
  // Most text is ASCII, and NFKD is the slow step: skip it where it cannot change anything.
  const folded = /[^\x00-\x7f]/.test(word) ? word.normalize('NFKD').replace(/\p{M}/gu, '') : word;
  return folded.toLowerCase().replace(/['’]/g, '');
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** The normalized words of a text, for the index and the query. */
export function words(text: string): string[] {
  return normalizeWord(text).split(NON_WORD).filter((w) => w !== '');
}

/** The words of a text, normalized, each with its span in the original (for highlighting). */
export function tokenize(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].flatMap((m) =>
    words(m[0]).map((word) => ({ word, start: m.index, end: m.index + m[0].length })),
  );
}

/** Prepares the data for searching. */
export function buildSearchIndex(data: SearchData): SearchIndex {
  const partTitles = new Map(data.parts.map((p) => [p.slug, p.title]));
  const sourceNames = new Map(data.sources.map((s) => [s.slug, s.name]));
  const docs: SearchDoc[] = data.quotes.map((q) => ({
    id: q.id,
    url: q.url,
    topic: q.topic,
    text: q.text,
    kind: q.kind,
    partSlug: q.part,
    part: partTitles.get(q.part) ?? q.part,
    sourceSlug: q.source,
    source: sourceNames.get(q.source) ?? q.source,
  }));

  const postings = new Map<string, number[]>();
  const normalized = docs.map((doc, i) => {
    const masks = new Map<string, number>();
    const joined: Partial<Record<Field, string>> = {};
    FIELDS.forEach((field, bit) => {
      const tokens = words(doc[field]);
      joined[field] = tokens.join(' ');
      for (const word of tokens) masks.set(word, (masks.get(word) ?? 0) | (1 << bit));
    });
    for (const [word, mask] of masks) {
      const list = postings.get(word);
      if (list) list.push(i * 16 + mask);
      else postings.set(word, [i * 16 + mask]);
    }
    return { topic: joined.topic!, text: joined.text! };
  });

  const vocabulary = [...postings.keys()];
  // Single words: a typo can sit anywhere in the word, so location must not count.
  const fuzzyWords = new Fuse(vocabulary, { includeScore: true, ignoreLocation: true, threshold: 0.34 });
  return { docs, normalized, postings, vocabulary, fuzzyWords };
}

/**
 * How well a query word matches vocabulary words: exact 1, prefix (still typing) 0.8, a typo at most
 * 0.3, so that an exact word in the text still outranks a typo match in a topic. Typos are looked
 * for only when the word is not in the vocabulary at all, as word or prefix: a known word is taken
 * as meant, and fuzzy matching is the costly step.
 */
function expandTerm(index: SearchIndex, term: string): Map<string, number> {
  const matches = new Map<string, number>();
  if (index.postings.has(term)) matches.set(term, 1);
  for (const word of index.vocabulary) {
    if (word !== term && word.startsWith(term)) matches.set(word, 0.8);
  }
  // From four letters on: shorter words have too many near neighbours to guess from.
  if (matches.size === 0 && term.length >= 4) {
    for (const { item, score = 1 } of index.fuzzyWords.search(term, { limit: 12 })) matches.set(item, 0.3 * (1 - score));
  }
  return matches;
}

/**
 * Finds the quotes that match every word of the query (in any field, with typos and accents
 * forgiven), best first; ties keep profile order.
 */
export function searchQuotes(index: SearchIndex, query: string, filters: SearchFilters = {}, limit = 50): SearchResult {
  const terms = [...new Set(words(query))];
  const part = filters.part || undefined;
  const source = filters.source || undefined;

  let scored: { doc: number; score: number }[];
  const matchedWords = new Set<string>();
  if (terms.length === 0) {
    // No words: a filter alone lists its quotes in profile order; nothing at all lists nothing.
    scored = part || source ? index.docs.map((_, doc) => ({ doc, score: 0 })) : [];
  } else {
    const perTerm = terms.map((term) => {
      const best = new Map<number, number>();
      for (const [word, quality] of expandTerm(index, term)) {
        matchedWords.add(word);
        for (const posting of index.postings.get(word)!) {
          const doc = posting >> 4;
          const score = quality * fieldWeight(posting & 15);
          if (score > (best.get(doc) ?? 0)) best.set(doc, score);
        }
      }
      return best;
    });
    perTerm.sort((a, b) => a.size - b.size);
    const [smallest = new Map<number, number>(), ...rest] = perTerm;
    const phrase = terms.join(' ');
    scored = [];
    for (const [doc, first] of smallest) {
      let score = first;
      for (const other of rest) {
        const s = other.get(doc);
        if (s === undefined) {
          score = -1;
          break;
        }
        score += s;
      }
      if (score < 0) continue;
      const { topic, text } = index.normalized[doc]!;
      if (topic === phrase) score += 10;
      else if (terms.length > 1 && topic.includes(phrase)) score += 4;
      if (terms.length > 1 && text.includes(phrase)) score += 2;
      scored.push({ doc, score });
    }
    scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  const partCounts = new Map<string, number>();
  const sourceCounts = new Map<string, number>();
  const kept: typeof scored = [];
  for (const hit of scored) {
    const doc = index.docs[hit.doc]!;
    const partOk = !part || doc.partSlug === part;
    const sourceOk = !source || doc.sourceSlug === source;
    if (sourceOk) partCounts.set(doc.partSlug, (partCounts.get(doc.partSlug) ?? 0) + 1);
    if (partOk) sourceCounts.set(doc.sourceSlug, (sourceCounts.get(doc.sourceSlug) ?? 0) + 1);
    if (partOk && sourceOk) kept.push(hit);
  }

  const hits = kept.slice(0, limit).map(({ doc, score }) => {
    const d = index.docs[doc]!;
    const ranges = Object.fromEntries(FIELDS.map((f) => [f, highlightRanges(d[f], matchedWords)])) as Record<Field, Range[]>;
    return { doc: d, score, ranges };
  });
  return { hits, total: kept.length, partCounts, sourceCounts };
}

/** The spans of `text` whose words are among `words` (normalized). */
export function highlightRanges(text: string, words: ReadonlySet<string>): Range[] {
  return tokenize(text)
    .filter((t) => words.has(t.word))
    .map((t): Range => [t.start, t.end]);
}

/** Topics that look most like the query, for an empty result's "did you mean". */
export function closestTopics(index: SearchIndex, query: string, count = 3): SearchDoc[] {
  index.topics ??= new Fuse(index.docs, { keys: ['topic'], ignoreLocation: true, threshold: 0.6 });
  return index.topics.search(query.trim(), { limit: count }).map((r) => r.item);
}

function fieldWeight(mask: number): number {
  let best = 0;
  FIELDS.forEach((field, bit) => {
    if (mask & (1 << bit)) best = Math.max(best, WEIGHTS[field]);
  });
  return best;
}
