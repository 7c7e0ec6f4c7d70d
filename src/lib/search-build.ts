/**
 * The search index as small static files, so that a browser downloads only what a query touches
 * (the idea of Pagefind, with our typo tolerance). The build writes them once per site; the engine
 * in search.ts reads them, all at once in Node or one by one in the browser. Every file is JSON;
 * `meta.json` says how the others are cut. Doc numbers follow the profiles' order, person by
 * person, so a person's and a part's quotes are each one range of numbers.
 *
 *   meta.json            people, parts (as doc ranges), where each file family is cut, counts
 *   words/<n>.json       the sorted vocabulary, cut into chunks: each word with its postings
 *                        (`[word, postings, extra?]`, see WordExtra)
 *   typos/<n>.json       words by (length, first letter) and (length, last letter), for typos;
 *                        nearby lengths share a file (see typoGroup)
 *   pairs/<n>.json       word pairs and whole topics, for phrase bonuses and split words
 *   docs/<n>.json        what a result shows, for DOC_CHUNK consecutive docs
 *   facets/<n>.json      each doc's source number, for FACET_CHUNK consecutive docs
 *   sources/<n>.json     source names by number (most quoted first), SOURCE_CHUNK a file
 *   source-docs/<n>.json each source's docs, by a hash of its slug, for `?source=`
 */
import type { Kind, Records } from './schema.ts';
import { hash, indexTokens, words } from './search-text.ts';

/** The records search needs, with parts, sources and people by number. */
export interface SearchData {
  people: { name: string; slug: string; url: string }[];
  /** In doc order: each part's docs follow the previous part's. */
  parts: { person: number; slug: string; title: string }[];
  sources: { person: number; slug: string; name: string }[];
  /** In doc order (person, then part, then profile order). */
  quotes: { id: string; url: string; topic: string; text: string; kind: Kind; part: number; source: number; sourceName: string }[];
}

/** `meta.json`: everything the engine needs before its first file. */
export interface SearchMeta {
  /** How many docs (quotes) there are. */
  docs: number;
  /** `[name, slug, url, first doc]`, in doc order. */
  people: [name: string, slug: string, url: string, first: number][];
  /** `[title, slug, first doc, person]`, in doc order. */
  parts: [title: string, slug: string, first: number, person: number][];
  /** The first word of each `words/<n>.json`, sorted. */
  words: string[];
  /** How many files each hashed family has, and the size of each numbered family's files. */
  typoFiles: number;
  pairFiles: number;
  sourceDocFiles: number;
  docChunk: number;
  facetChunk: number;
  sourceChunk: number;
  sources: number;
}

/** Posting masks: the fields of a doc that hold a word (part and person words point at ranges instead). */
export const TOPIC = 1;
export const TEXT = 2;
export const SOURCE = 4;
/** The word is the doc's whole topic (`GraphQL`, `Open-source`). */
export const WHOLE_TOPIC = 8;
const MASK_BITS = 4;

/** Consecutive docs a display file holds: a hit costs one small file. */
export const DOC_CHUNK = 8;
/** Consecutive docs a facet file holds. */
export const FACET_CHUNK = 2048;
/** Sources a names file holds. */
export const SOURCE_CHUNK = 512;
/** About how many characters a vocabulary chunk holds before the next one starts. */
const WORD_CHUNK_CHARS = 8_000;
/** About how many characters a hashed file should hold on average. */
const HASHED_FILE_CHARS = 6_000;

/** The search data of the records of one person or of a whole site. */
export function searchData(records: Pick<Records, 'parts' | 'sources' | 'quotes'>): SearchData {
  const people: SearchData['people'] = [];
  const personIndex = new Map<string, number>();
  const personOf = (ref: { name: string; slug: string; url: string } | undefined) => {
    const key = ref?.slug ?? '';
    let n = personIndex.get(key);
    if (n === undefined) {
      n = people.push({ name: ref?.name ?? '', slug: key, url: ref?.url ?? '/' }) - 1;
      personIndex.set(key, n);
    }
    return n;
  };
  // Parts in record order; a part is found by its person and slug.
  const partIndex = new Map<string, number>();
  const parts = records.parts.map((part, i) => {
    const person = personOf(part.person);
    partIndex.set(`${person} ${part.slug}`, i);
    return { person, slug: part.slug, title: part.title };
  });
  const sourceIndex = new Map<string, number>();
  const sources = records.sources.map((source, i) => {
    const person = personOf(source.person);
    sourceIndex.set(`${person} ${source.slug}`, i);
    return { person, slug: source.slug, name: source.name };
  });
  const quotes = records.quotes
    .map((q, i) => {
      const person = personOf(q.person);
      return {
        order: i,
        id: q.id,
        url: q.url,
        topic: q.topic,
        text: q.text,
        kind: q.kind,
        part: partIndex.get(`${person} ${q.part.slug}`)!,
        source: sourceIndex.get(`${person} ${q.source.slug}`)!,
        sourceName: q.source.name,
      };
    })
    // A part's quotes are consecutive in a profile; sorting by part keeps that true across people.
    .sort((a, b) => a.part - b.part || a.order - b.order)
    .map(({ order: _, ...q }) => q);
  // Parts must then be in doc order too: sort them by their first quote.
  const firstOfPart = new Map<number, number>();
  quotes.forEach((q, i) => {
    if (!firstOfPart.has(q.part)) firstOfPart.set(q.part, i);
  });
  const partOrder = [...firstOfPart.keys()];
  const newPart = new Map(partOrder.map((old, i) => [old, i]));
  return {
    people,
    parts: partOrder.map((old) => parts[old]!),
    sources,
    quotes: quotes.map((q) => ({ ...q, part: newPart.get(q.part)! })),
  };
}

type Posting = [doc: number, mask: number];

/**
 * What a vocabulary entry may hold besides its postings: the parts and people whose title or name
 * has the word (as ranges of docs), and the docs where it is written as two words.
 */
export interface WordExtra {
  parts?: number[];
  people?: number[];
  split?: number[];
}

/** Appends postings to a list: each doc as its distance from the previous one, shifted left by `bits`, plus its mask. */
function encodePostings(entries: Iterable<[doc: number, mask: number]>, bits: number): number[] {
  const out: number[] = [];
  let previous = 0;
  for (const [doc, mask] of entries) {
    out.push((doc - previous) * (1 << bits) + mask);
    previous = doc;
  }
  return out;
}

/** The smallest power of two at or above `n` (at least 1): hashed file counts, so a key's file is `hash % count`. */
function powerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** The key of a typo bucket: words of `length` whose first (`f`) or last (`l`) letter is `letter`. */
export function typoBucket(length: number, side: 'f' | 'l', letter: string): string {
  return `${length}${side}${letter}`;
}

/** How many consecutive word lengths share a typo file. */
const TYPO_LENGTHS = 5;

/**
 * Which typo buckets share a file: those of one side and letter whose lengths fall in the same
 * run of TYPO_LENGTHS. A typo's candidates are the buckets of lengths within 2 of it, so they sit
 * in at most two files a side. (Each bucket hashed on its own made a typo fetch up to ten files.)
 */
export function typoGroup(length: number, side: 'f' | 'l', letter: string): string {
  return `${Math.floor(length / TYPO_LENGTHS)}${side}${letter}`;
}

/** Words made of two adjacent words (`open source`) are looked up by the two joined (`opensource`). */
export const pairFileKey = (words: string[]): string => words.join('');

/**
 * Every file of the search index, by its path under `/search-index/`, as JSON text.
 */
export function searchFiles(data: SearchData): Map<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, value: unknown) => files.set(path, JSON.stringify(value));
  const docCount = data.quotes.length;

  // Per word: docs with field masks; part and person words point at their ranges instead, so a
  // person's name does not post every one of their quotes.
  // Docs are visited in order, so each list is sorted and a doc's fields merge into its last entry.
  const postings = new Map<string, Posting[]>();
  const partWords = new Map<string, number[]>();
  const personWords = new Map<string, number[]>();
  const pairs = new Map<string, Posting[]>();
  const topics = new Map<string, number[]>();
  const add = (map: Map<string, Posting[]>, key: string, doc: number, mask: number) => {
    const list = map.get(key);
    const last = list?.at(-1);
    if (last?.[0] === doc) last[1] |= mask;
    else if (list) list.push([doc, mask]);
    else map.set(key, [[doc, mask]]);
  };
  const post = (word: string, doc: number, mask: number) => add(postings, word, doc, mask);
  const pair = (key: string, doc: number, mask: number) => add(pairs, key, doc, mask);
  data.quotes.forEach((q, doc) => {
    const topicWords = words(q.topic);
    for (const { word } of indexTokens(q.topic)) post(word, doc, TOPIC);
    // A one-word topic is marked on its word's postings; longer ones go to the pair files,
    // and a topic that is one compound (`Open-source`) is marked on the compound too.
    if (topicWords.length === 1) post(topicWords[0]!, doc, WHOLE_TOPIC);
    if (topicWords.length > 1) {
      push(topics, topicWords.join(' '), doc);
      const joined = topicWords.join('');
      if (indexTokens(q.topic).some((t) => t.word === joined)) post(joined, doc, WHOLE_TOPIC);
    }
    for (const { word } of indexTokens(q.text)) post(word, doc, TEXT);
    for (const { word } of indexTokens(q.sourceName)) post(word, doc, SOURCE);
    for (const [field, mask] of [[topicWords, TOPIC], [words(q.text), TEXT]] as const) {
      for (let i = 1; i < field.length; i++) pair(`${field[i - 1]} ${field[i]}`, doc, mask);
    }
  });
  const addRangeWords = (map: Map<string, number[]>, text: string, n: number) => {
    for (const { word } of indexTokens(text)) {
      const list = map.get(word) ?? [];
      if (list.at(-1) !== n) list.push(n);
      map.set(word, list);
    }
  };
  data.parts.forEach((part, n) => addRangeWords(partWords, part.title, n));
  data.people.forEach((person, n) => addRangeWords(personWords, person.name, n));

  // A word also written as two (`opensource` and `open source`): the pair's docs are the word's
  // split postings, so the word finds both. Short halves are left out: `of ten` is not `often`.
  const splits = new Map<string, Posting[]>();
  for (const [key, docs] of pairs) {
    const [a, b] = key.split(' ') as [string, string];
    const joined = a + b;
    if (a.length < 3 || b.length < 3 || !postings.has(joined)) continue;
    const list = splits.get(joined) ?? [];
    splits.set(joined, list.concat(docs.map(([doc, mask]) => [doc, mask & TOPIC ? TOPIC | (mask & TEXT) : mask] as Posting)));
  }
  for (const [word, list] of splits) {
    // Several pairs can join to one word: merge them in doc order.
    list.sort((x, y) => x[0] - y[0]);
    const merged: Posting[] = [];
    for (const [doc, mask] of list) {
      const last = merged.at(-1);
      if (last?.[0] === doc) last[1] |= mask;
      else merged.push([doc, mask]);
    }
    splits.set(word, merged);
  }

  // The vocabulary, sorted (by UTF-16 code units, as the engine compares), cut into chunks.
  const vocabulary = [...new Set([...postings.keys(), ...partWords.keys(), ...personWords.keys()])].sort();
  const chunkFirsts: string[] = [];
  let chunk: unknown[] = [];
  let chunkChars = 0;
  const flushWords = () => {
    if (chunk.length === 0) return;
    put(`words/${chunkFirsts.length - 1}.json`, chunk);
    chunk = [];
    chunkChars = 0;
  };
  for (const word of vocabulary) {
    const docs = postings.get(word);
    const entry: unknown[] = [word, docs ? encodePostings(docs, MASK_BITS) : []];
    const extra: WordExtra = {};
    if (partWords.has(word)) extra.parts = partWords.get(word)!;
    if (personWords.has(word)) extra.people = personWords.get(word)!;
    if (splits.has(word)) extra.split = encodePostings(splits.get(word)!, MASK_BITS);
    if (Object.keys(extra).length > 0) entry.push(extra);
    const size = JSON.stringify(entry).length;
    if (chunk.length > 0 && chunkChars + size > WORD_CHUNK_CHARS) flushWords();
    if (chunk.length === 0) chunkFirsts.push(word);
    chunk.push(entry);
    chunkChars += size;
  }
  flushWords();

  // Typo buckets, spread over files by a hash of their group.
  const buckets = new Map<string, string[]>();
  const groupOf = new Map<string, string>();
  for (const word of vocabulary) {
    for (const [side, letter] of [['f', word[0]!], ['l', word.at(-1)!]] as const) {
      const key = typoBucket(word.length, side, letter);
      push(buckets, key, word);
      groupOf.set(key, typoGroup(word.length, side, letter));
    }
  }
  const typoFiles = powerOfTwo(new Set(groupOf.values()).size);
  putHashed(put, 'typos', typoFiles, buckets, (key) => groupOf.get(key)!);

  // Pairs and whole topics, by a hash of their words joined: `open source` and the query
  // `opensource` land in the same file.
  const pairEntries = new Map<string, unknown>();
  let pairChars = 0;
  for (const [key, docs] of pairs) {
    const value = encodePostings(docs, 2);
    pairEntries.set(key, value);
    pairChars += key.length + value.length * 4;
  }
  const topicEntries = new Map<string, unknown>();
  for (const [key, docs] of topics) topicEntries.set(key, encodePostings(docs.map((d) => [d, 0]), 0));
  const pairFiles = powerOfTwo(pairChars / HASHED_FILE_CHARS);
  const pairGroups = Array.from({ length: pairFiles }, () => ({ p: {} as Record<string, unknown>, t: {} as Record<string, unknown> }));
  for (const [key, value] of pairEntries) pairGroups[hash(pairFileKey(key.split(' '))) % pairFiles]!.p[key] = value;
  for (const [key, value] of topicEntries) pairGroups[hash(pairFileKey(key.split(' '))) % pairFiles]!.t[key] = value;
  pairGroups.forEach((group, n) => put(`pairs/${n}.json`, group));

  // What results show, a few consecutive docs a file.
  for (let first = 0; first < docCount; first += DOC_CHUNK) {
    put(
      `docs/${first / DOC_CHUNK}.json`,
      data.quotes.slice(first, first + DOC_CHUNK).map((q) => {
        const source = data.sources[q.source]!;
        return [q.url, q.topic, q.text, q.kind === 'direct' ? 1 : 0, q.sourceName, source.slug];
      }),
    );
  }

  // Sources numbered most quoted first: the names a facet shows first sit in the first file, and
  // the facet files' numbers stay short.
  const quoteCounts = new Map<number, number>();
  for (const q of data.quotes) quoteCounts.set(q.source, (quoteCounts.get(q.source) ?? 0) + 1);
  const byPopularity = data.sources.map((_, i) => i).sort((a, b) => (quoteCounts.get(b) ?? 0) - (quoteCounts.get(a) ?? 0) || a - b);
  const numberOf = new Map(byPopularity.map((source, n) => [source, n]));
  for (let first = 0; first < byPopularity.length; first += SOURCE_CHUNK) {
    put(
      `sources/${first / SOURCE_CHUNK}.json`,
      byPopularity.slice(first, first + SOURCE_CHUNK).map((i) => {
        const s = data.sources[i]!;
        return [s.name, s.slug, s.person];
      }),
    );
  }
  for (let first = 0; first < docCount; first += FACET_CHUNK) {
    put(`facets/${first / FACET_CHUNK}.json`, data.quotes.slice(first, first + FACET_CHUNK).map((q) => numberOf.get(q.source)!));
  }
  const docsOfSource = new Map<number, number[]>();
  data.quotes.forEach((q, doc) => push(docsOfSource, q.source, doc));
  const sourceDocs = new Map<string, unknown[]>();
  let sourceDocChars = 0;
  for (const [i, docs] of docsOfSource) {
    const s = data.sources[i]!;
    const value = [s.person, numberOf.get(i)!, encodePostings(docs.map((d) => [d, 0]), 0)];
    push(sourceDocs, s.slug, value);
    sourceDocChars += s.slug.length + docs.length * 4 + 10;
  }
  const sourceDocFiles = powerOfTwo(sourceDocChars / HASHED_FILE_CHARS);
  putHashed(put, 'source-docs', sourceDocFiles, sourceDocs, (slug) => slug);

  const partFirst: number[] = [];
  const personFirst: number[] = [];
  data.quotes.forEach((q, doc) => {
    partFirst[q.part] ??= doc;
    personFirst[data.parts[q.part]!.person] ??= doc;
  });
  const meta: SearchMeta = {
    docs: docCount,
    people: data.people.map((p, n) => [p.name, p.slug, p.url, personFirst[n] ?? docCount]),
    parts: data.parts.map((p, n) => [p.title, p.slug, partFirst[n] ?? docCount, p.person]),
    words: chunkFirsts,
    typoFiles,
    pairFiles,
    sourceDocFiles,
    docChunk: DOC_CHUNK,
    facetChunk: FACET_CHUNK,
    sourceChunk: SOURCE_CHUNK,
    sources: data.sources.length,
  };
  put('meta.json', meta);
  return files;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Writes `count` files `<family>/<n>.json`, each an object of the entries whose key hashes to n. */
function putHashed<V>(put: (path: string, value: unknown) => void, family: string, count: number, entries: Map<string, V>, keyOf: (key: string) => string) {
  const groups = Array.from({ length: count }, () => ({}) as Record<string, V>);
  for (const [key, value] of entries) groups[hash(keyOf(key)) % count]![key] = value;
  groups.forEach((group, n) => put(`${family}/${n}.json`, group));
}
