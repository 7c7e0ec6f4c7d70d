/**
 * Generated profiles for benchmarks, the same every run (a seeded random number generator, not
 * Math.random): `generateProfile` recombines the seed profile's own words; `generateRealisticProfile`
 * and `generatePeople` draw from a real English vocabulary with Zipf frequencies, so that search,
 * page sizes and builds are measured against text shaped like real text. `typoQueries` and its
 * siblings make queries with known answers from such a corpus, for measuring recall.
 */
import englishWords from 'an-array-of-english-words/index.json' with { type: 'json' };
import { profanities } from 'profanities';
import { parseProfile } from './profile.ts';
import type { Records } from './schema.ts';
import { slugify } from './slug.ts';

/** A small, fast, seeded PRNG (mulberry32): returns floats in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes a profile of `count` quotes in parts of about 100, drawing topics, texts and sources
 * from `seed`'s records. About a quarter are direct quotes, as in the seed.
 */
export function generateProfile(seed: Records, count: number, seedNumber = 1): string {
  const next = random(seedNumber);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const words = seed.quotes.flatMap((q) => q.text.split(/\s+/)).filter((w) => w !== '' && !w.includes('"') && !w.includes('“'));
  const topicWords = seed.quotes.flatMap((q) => q.topic.split(/\s+/));
  const phrase = (min: number, max: number, from: readonly string[]) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(from)).join(' ');

  const lines = [seed.profile.intro, ''];
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) {
      const part = seed.parts[(i / 100) % seed.parts.length]!;
      lines.push(`Part ${i / 100 + 1}: ${part.title} ${i / 100 + 1}`);
    }
    const text = phrase(12, 45, words).replace(/\s*[—–]\s*$/, '');
    const quoted = next() < 0.25 ? `"${text}"` : text;
    lines.push(`- On ${phrase(1, 4, topicWords)}: ${quoted} — Source: [${pick(seed.sources).name}]`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Realistic corpora: a real English vocabulary with Zipf frequencies, for honest benchmarks.
// ---------------------------------------------------------------------------------------------

/**
 * The most frequent English words, in about their real order. They take the top ranks so that
 * text reads like text and stop words cost a search index what they cost on real profiles.
 */
const FUNCTION_WORDS = `the of and to a in is that for it as was with be by on not he I this are or his
from at which but have an they you were her she there been one all we their has would when if so no
will what can more about out up them some could than into other its only do my who like then now
just also how our your very any these because even well most those should over such after me him us
where much many may must through why own both each while before here between never every same under
again against without until off`.split(/\s+/);

/** Frequent content words, ranked just below the function words (the rest are shuffled). */
const COMMON_WORDS = `time people make work new first way good know get see year think take come use
want give thing look find day world life need made said back long little great still last right part
place case point problem company product team software code users business build idea question money
open source help start change`.split(/\s+/);

/** Capitalised, accented and hyphenated words, placed at low ranks so they turn up now and then. */
const PROPER_NOUNS = `London Paris Berlin Tokyo Chicago Boston California Europe America Africa India
China Google Microsoft Apple Amazon Netflix Python JavaScript Linux Windows GitHub Shakespeare Einstein
Darwin Newton Lincoln Churchill Franklin Monday Friday January October Christmas Oxford Cambridge
Harvard Stanford Texas Mars`.split(/\s+/);
const ACCENTED_WORDS = `café naïve Zoë résumé façade fiancée déjà protégé cliché señor jalapeño piñata
Zürich Müller Gödel Erdős Dvořák Björk Chloë Noël Beyoncé São José François Bogotá Montréal Québec crème
brûlée doppelgänger über soirée entrée rôle Kraków Łódź Ørsted`.split(/\s+/);
const HYPHENATED_WORDS = `Jean-Luc Jean-Paul X-Men Coca-Cola Rolls-Royce Hewlett-Packard Mercedes-Benz
Wi-Fi T-shirt e-mail co-founder Saint-Exupéry Anne-Marie Spider-Man Jay-Z Port-au-Prince
Stratford-upon-Avon self-hosted open-source well-known long-term state-of-the-art`.split(/\s+/);
/** British and American spellings of the same words; both occur, as in text from both sides. */
const SPELLING_PAIRS = `colour color centre center vapour vapor behaviour behavior organise organize
analyse analyze favourite favorite theatre theater defence defense catalogue catalog grey gray
licence license travelled traveled`.split(/\s+/);
const SPECIAL_WORDS = [...PROPER_NOUNS, ...ACCENTED_WORDS, ...HYPHENATED_WORDS, ...SPELLING_PAIRS];

/** People's names, for intros, sources and many-people sites: accents, hyphens and apostrophes. */
const FIRST_NAMES = `Ada Alan Grace Linus Margaret David Sarah James Maria Wei Aisha Kwame Priya Hiroshi
Olga Lars Ingrid Pablo Lucía Édith Zoë Chloë Seán Siobhán Søren Björn Jürgen François Hélène José Ángela
Renée Noël Jean-Luc Anne-Marie Marie-Claire Jean-Paul Mei Tomás Inês Nadia Omar Yusuf Fatima Raj Anika
Kofi Amara Dmitri Katarzyna Zoltán Małgorzata Ólafur Thandiwe Emily Michael Robert Linda Patricia Kenji
Ayşe Mehmet Chidi Giulia Matteo Elif Leila Nora Benjamin Simon`.split(/\s+/);
const LAST_NAMES = `Cramer Hopper Lovelace Turing Torvalds Piaf O'Brien O'Connor D'Angelo McAllister
MacLeod Müller Schröder García Núñez Peña Gonçalves Løvaas Kowalski Nowak Dvořák Novák Erdős Kovács
Smith Johnson Nakamura Tanaka Kim Park Nguyen Okafor Mensah Adeyemi Patel Sharma Chatterjee Rossi
Bianchi Dubois Lefèvre Garnier Jansen Smith-Jones Lloyd-Webber Ahmed Haddad Yılmaz Öztürk Ivanova
Petrov Larsson Andersson Søndergaard Björnsson Brontë Zola Saint-Laurent Al-Farsi Wang Zhang Li
Fitzgerald Franklin Willison`.split(/\s+/);

/**
 * Zipf's law with its two regimes in real text (Ferrer i Cancho and Solé, 2001): frequency falls
 * as 1/rank up to about rank 10,000 and as 1/rank² beyond. One regime over 275,000 words would give
 * about 60,000 distinct words at 10,000 quotes (270,000 words of text); by Heaps' law real text of
 * that length has 20,000–30,000, and the two regimes give about 27,000.
 */
const ZIPF_KINK = 10_000;
const zipfWeight = (rank: number) => (rank <= ZIPF_KINK ? 1 / rank : ZIPF_KINK / (rank * rank));
/** The vocabulary is the language, not the corpus: the same ranks for every seed and person. */
const VOCABULARY_SEED = 20_240_601;

/** Words with cumulative weights, sampled by binary search. */
interface Sampler {
  words: string[];
  cumulative: Float64Array;
}

function sampler(words: string[], firstRank: number): Sampler {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  words.forEach((_, i) => (cumulative[i] = total += zipfWeight(firstRank + i)));
  return { words, cumulative };
}

function sample({ words, cumulative }: Sampler, next: () => number): string {
  const target = next() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return words[low]!;
}

interface Vocabulary {
  function: Sampler;
  content: Sampler;
  /** The share of function words in running text, from their Zipf weights. */
  functionShare: number;
  /** The commoner content words, for part titles and source names. */
  titles: Sampler;
}

let vocabulary: Vocabulary | undefined;

/** Ranks the word list once: function words, then common words, then a length-biased shuffle. */
function getVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const next = random(VOCABULARY_SEED);
  const top = FUNCTION_WORDS;
  // The list is a word-game list: it holds slurs, and generated sites get shown to people.
  const taken = new Set([...top, ...COMMON_WORDS, ...SPECIAL_WORDS, ...profanities].map((w) => w.toLowerCase()));
  // Frequent words are short (Zipf's law of abbreviation); a plain shuffle would make the running
  // text's words as long as the dictionary's (9 letters), which changes fuzzy matching and bytes.
  // One- and two-letter entries are mostly Scrabble oddities; the function words cover the real ones.
  const rest = englishWords
    .filter((w) => w.length >= 3 && !taken.has(w))
    .map((word) => ({ word, key: word.length + 12 * next() }))
    .sort((a, b) => a.key - b.key)
    .map((w) => w.word);
  // Special words land at ranks between 200 and 8,000 (log-uniform): rare, but seen in 1,000 quotes.
  const placed = SPECIAL_WORDS.map((word) => ({ word, at: Math.exp(Math.log(200) + Math.log(40) * next()) })).sort(
    (a, b) => a.at - b.at,
  );
  const content = [...COMMON_WORDS];
  let p = 0;
  for (const word of rest) {
    while (p < placed.length && placed[p]!.at <= top.length + content.length) content.push(placed[p++]!.word);
    content.push(word);
  }
  const functionSampler = sampler(top, 1);
  const contentSampler = sampler(content, top.length + 1);
  const functionWeight = functionSampler.cumulative.at(-1)!;
  vocabulary = {
    function: functionSampler,
    content: contentSampler,
    functionShare: functionWeight / (functionWeight + contentSampler.cumulative.at(-1)!),
    titles: sampler(content.slice(0, 3_000), top.length + 1),
  };
  return vocabulary;
}

/** How often a function word follows a function word ("of the"); the reverse chance keeps their share. */
const FUNCTION_AFTER_FUNCTION = 0.15;
/** Texts' extra share of function words, making up for topics, which have few (see `Writer`). */
const TEXT_FUNCTION_BOOST = 1.07;
/** The share of content words written as numbers (2, 1999, 10,000, 1,250,000). */
const NUMBER_SHARE = 0.004;
/** Words per text, by kind, from the seed profile: direct quotes run longer and vary more. */
const TEXT_LENGTH = {
  direct: { mean: 27.6, sd: 8.5, min: 6, max: 50 },
  paraphrase: { mean: 23.6, sd: 3.5, min: 14, max: 34 },
};
/** The seed has 18 direct quotes of 75. */
const DIRECT_SHARE = 0.25;
/** Chances of a topic having 1, 2, … 6 words (the seed's mean is 2.7, its spread 0.9). */
const TOPIC_LENGTHS = [0.08, 0.35, 0.33, 0.15, 0.06, 0.03];
const TOPIC_LINKS = ['of', 'to', 'as', 'versus', 'and', 'for', 'in', 'over', 'without'];
const PART_SIZE = { min: 80, max: 120 };
/**
 * Sources follow a Pitman–Yor process: a source's next quote is likelier the more quotes it has,
 * and new sources keep coming at a power-law rate: a few sources with hundreds of quotes, a long
 * tail with one, about 3,500 sources at 10,000 quotes.
 */
const SOURCE_DISCOUNT = 0.82;
const SOURCE_CONCENTRATION = 25;
/**
 * Second spellings that give the same slug, as people write them (`Benjamin Franklin.`): the first
 * sources to reach `VARIANT_AFTER` quotes get one each, used for a share of their later quotes.
 */
const SOURCE_VARIANTS: ((name: string) => string)[] = [
  (name) => `${name}.`,
  (name) => name.toLowerCase(),
  (name) => (name.includes("'") ? name.replaceAll("'", '’') : `${name}.`),
];
const VARIANT_AFTER = 10;
const VARIANT_SHARE = 0.2;
/** Share of part titles and topics taken from a pool every person of a many-people site draws on. */
const SHARED_TITLE_SHARE = 0.3;
const SHARED_TOPIC_SHARE = 0.05;

type Pick = () => string;

const PART_TITLES: ((w: Pick, next: () => number) => string)[] = [
  (w) => `${w()} & ${w()}`,
  (w) => `${w()} ${w()} & ${w()}`,
  (w) => `${w()}, ${w()}, and "${w()}"`,
  (w) => `The ${w()} & ${w()} of ${w()}`,
  (w) => `${w()} ${w()} vs. ${w()}`,
  (w) => `${w()} "${w()} ${w()}" & ${w()}`,
  (w) => `On ${w()} and ${w()}`,
  (w) => `${w()}: ${w()} and ${w()}`,
  (w, next) => `Building for the ${w()} ${number(next)}`,
];

/** Weighted templates for source names: podcasts, blogs, sites, people, talks. */
const SOURCE_NAMES: [number, (w: Pick, person: Pick) => string][] = [
  [6, (w) => `${w()} Podcast`],
  [4, (w) => `${w()} ${w()} Podcast`],
  [5, (w) => `${w()} Blog`],
  [3, (w) => `The ${w()} Review`],
  [4, (w) => `${w()} ${w()}`],
  [2, (w) => `${w()} Weekly`],
  [2, (w) => `${w()} Magazine`],
  [2, (w) => `${w()} FM`],
  [2, (w) => `${w()} Chat`],
  [3, (w) => `${w()}.com`],
  [3, (_, person) => `${person()}'s Weblog`],
  [4, (_, person) => person()],
  [2, (_, person) => `Interview with ${person()}`],
  [2, (w, person) => `${person()}: ${w()} and ${w()}`],
  [1, (w) => `“${w()} ${w()}” (keynote)`],
  [1, (w) => `The "${w()}" Show`],
  [1, (w) => `Café ${w()}`],
];
const SOURCE_TEMPLATES = SOURCE_NAMES.flatMap(([weight, template]) => Array<typeof template>(weight).fill(template));

const pickFrom = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A standard normal deviate (Box–Muller). */
function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Small counts, years and round figures with thousands separators (10,000; 1,250,000). */
function number(next: () => number): string {
  const r = next();
  if (r < 0.5) return String(2 + Math.floor(next() * 98));
  if (r < 0.7) return String(1900 + Math.floor(next() * 126));
  const value = pickFrom([1, 2.5, 5, 10, 12.5, 25, 50, 75], next) * 10 ** (3 + Math.floor(next() * 4));
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A made-up person: first and last names from several languages, now and then a middle initial. */
function personName(next: () => number): string {
  const initial = next() < 0.1 ? ` ${String.fromCharCode(65 + Math.floor(next() * 26))}.` : '';
  return `${pickFrom(FIRST_NAMES, next)}${initial} ${pickFrom(LAST_NAMES, next)}`;
}

/** Writes the pieces of a profile: texts, topics, titles, source names. */
class Writer {
  private readonly vocabulary = getVocabulary();
  private readonly functionAfterContent: number;
  private readonly textFunctionShare: number;
  private readonly next: () => number;

  constructor(next: () => number) {
    this.next = next;
    // Topics are nearly all content words, so texts carry a few more function words than their
    // Zipf share for the whole corpus to keep Zipf's proportions (measured: slope −0.96 without).
    const share = this.vocabulary.functionShare * TEXT_FUNCTION_BOOST;
    this.textFunctionShare = share;
    // A two-state chain (function word or content word) whose stationary share of function words
    // is `share`: the words still follow Zipf's law, but "the" is rarely next to "of".
    this.functionAfterContent = (share * (1 - FUNCTION_AFTER_FUNCTION)) / (1 - share);
  }

  contentWord = (): string => sample(this.vocabulary.content, this.next);

  titleWord = (): string => capitalise(sample(this.vocabulary.titles, this.next));

  person = (): string => personName(this.next);

  /** `count` words of running text, the last a content word. */
  words(count: number): string[] {
    const words: string[] = [];
    let lastContent = -1;
    let isFunction = this.next() < this.textFunctionShare;
    for (let i = 0; i < count; i++) {
      if (isFunction) {
        words.push(sample(this.vocabulary.function, this.next));
      } else {
        words.push(this.next() < NUMBER_SHARE ? number(this.next) : this.contentWord());
        lastContent = i;
      }
      isFunction = this.next() < (isFunction ? FUNCTION_AFTER_FUNCTION : this.functionAfterContent);
    }
    // "… of the." reads badly; moving the last content word to the end keeps every word's count.
    if (lastContent >= 0) words.push(...words.splice(lastContent, 1));
    return words;
  }

  /** One or more sentences with commas, now and then a colon, an em dash, a semicolon or parentheses. */
  text(kind: 'direct' | 'paraphrase'): string {
    const { mean, sd, min, max } = TEXT_LENGTH[kind];
    const length = Math.round(Math.min(max, Math.max(min, mean + sd * normal(this.next))));
    const sentences = length >= 16 && this.next() < 0.3 ? (length >= 30 && this.next() < 0.3 ? 3 : 2) : 1;
    const out: string[] = [];
    let left = length;
    for (let s = sentences; s > 0; s--) {
      const size = s === 1 ? left : Math.round(left / s);
      left -= size;
      out.push(this.sentence(size, kind));
    }
    const text = out.join(' ');
    return kind === 'direct' ? `"${text}"` : text;
  }

  private sentence(length: number, kind: 'direct' | 'paraphrase'): string {
    const words = this.words(length);
    // Marks go after a word inside the sentence, never after its last word, one mark a word.
    const mark = (after: number, mark: string) => {
      if (after >= 1 && after < words.length - 1 && !/[,;:—)]$/.test(words[after]!)) words[after] += mark;
    };
    const inside = () => 1 + Math.floor(this.next() * (words.length - 2));
    for (let i = 1; i < words.length - 1; i++) if (this.next() < 0.06) mark(i, ',');
    if (this.next() < 0.1) mark(inside(), ';');
    if (this.next() < 0.04) mark(inside(), ':');
    if (this.next() < 0.05) mark(inside(), ' —');
    if (length >= 8 && this.next() < 0.04) {
      const from = inside();
      const to = Math.min(words.length - 2, from + 1 + Math.floor(this.next() * 3));
      if (to > from && !/[,;:—]$/.test(words[from]!)) {
        words[from] = `(${words[from]}`;
        words[to] = words[to]!.replace(/([,;:]| —)?$/, ')$1');
      }
    }
    const end = kind === 'direct' && this.next() < 0.12 ? (this.next() < 0.8 ? '?' : '!') : '.';
    return `${capitalise(words.join(' '))}${end}`;
  }

  /** A noun phrase of 1–6 words: `the annoyance factor`, `speed to value`, `GraphQL`. */
  topic(): string {
    let r = this.next();
    let length = 1;
    for (const chance of TOPIC_LENGTHS) {
      if ((r -= chance) < 0) break;
      length++;
    }
    const words = Array.from({ length: Math.min(length, TOPIC_LENGTHS.length) }, this.contentWord);
    if (words.length >= 3 && this.next() < 0.4) words[1 + Math.floor(this.next() * (words.length - 2))] = pickFrom(TOPIC_LINKS, this.next);
    if (words.length >= 2 && this.next() < 0.35) words[0] = 'the';
    return words.join(' ');
  }

  /** A part title like the seed's, from the more common words, so titles share words. */
  title(): string {
    return pickFrom(PART_TITLES, this.next)(this.titleWord, this.next);
  }

  sourceName(): string {
    return pickFrom(SOURCE_TEMPLATES, this.next)(this.titleWord, this.person);
  }

  intro(name: string): string {
    const sentences = [
      `${name} is known for work on ${this.contentWord()}, ${this.contentWord()} and ${this.contentWord()}.`,
      this.sentence(14 + Math.floor(this.next() * 8), 'paraphrase'),
      this.sentence(10 + Math.floor(this.next() * 8), 'paraphrase'),
    ];
    return sentences.join(' ');
  }
}

/** Shared pools for a many-people site: some titles and topics recur from person to person. */
interface Shared {
  titles: string[];
  topics: string[];
}

/** Writes one person's profile: intro, parts of about 100 quotes, Zipf-popular sources. */
function writeProfile(count: number, next: () => number, name: string, shared?: Shared): string {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`a profile needs at least one quote, not ${count}`);
  const writer = new Writer(next);
  const lines = [writer.intro(name), ''];
  const sourceNames: string[] = [];
  const sourceSlugs = new Set<string>();
  const sourceCounts: number[] = [];
  const sourceOf: number[] = [];
  const variants = new Map<number, (name: string) => string>();
  let partNumber = 0;
  let partLeft = 0;
  for (let i = 0; i < count; i++) {
    if (partLeft === 0) {
      partNumber++;
      partLeft = PART_SIZE.min + Math.floor(next() * (PART_SIZE.max - PART_SIZE.min + 1));
      const title = shared && next() < SHARED_TITLE_SHARE ? pickFrom(shared.titles, next) : writer.title();
      lines.push('', `Part ${partNumber}: ${title}`);
    }
    partLeft--;

    const source = nextSource(sourceCounts, sourceOf, next);
    if (source === sourceNames.length) {
      let name: string;
      do name = writer.sourceName();
      while (sourceSlugs.has(slugify(name)));
      sourceSlugs.add(slugify(name));
      sourceNames.push(name);
    }
    if (sourceCounts[source] === VARIANT_AFTER && variants.size < SOURCE_VARIANTS.length) {
      variants.set(source, SOURCE_VARIANTS[variants.size]!);
    }
    const variant = variants.get(source);
    const sourceName = variant && next() < VARIANT_SHARE ? variant(sourceNames[source]!) : sourceNames[source]!;
    const topic = shared && next() < SHARED_TOPIC_SHARE ? pickFrom(shared.topics, next) : writer.topic();
    const text = writer.text(next() < DIRECT_SHARE ? 'direct' : 'paraphrase');
    lines.push(`- On ${topic}: ${text} — Source: [${sourceName}]`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Picks the next quote's source (an index; `counts.length` means a new source) and records it.
 * `counts[k]` is source k's quote count so far, `history` the source of every quote so far.
 */
function nextSource(counts: number[], history: number[], next: () => number): number {
  const n = history.length;
  let source = counts.length;
  if (next() * (n + SOURCE_CONCENTRATION) >= SOURCE_CONCENTRATION + SOURCE_DISCOUNT * counts.length) {
    // An existing source, with chance proportional to (its count − discount): a uniformly picked
    // earlier quote's source has chance proportional to its count; rejection removes the discount.
    do source = history[Math.floor(next() * n)]!;
    while (next() * counts[source]! < SOURCE_DISCOUNT);
  }
  if (source === counts.length) counts.push(0);
  counts[source]!++;
  history.push(source);
  return source;
}

/**
 * Writes a realistic profile of `count` quotes for benchmarks, in the profile format of GUIDE.md.
 * Words come from a 275,000-word English list with Zipf frequencies (slope −1 up to rank 10,000,
 * steeper beyond), so the number of distinct words grows with the corpus as in real text; function
 * words hold the top ranks; proper nouns, accented and hyphenated words, numbers with thousands
 * separators and British and American spellings turn up at low rates. Text lengths match the seed
 * profile's; about a quarter are direct quotes; parts hold about 100 quotes; sources are
 * Zipf-popular, a few spelled two ways that give one slug.
 *
 * @param count the number of quotes (at least 1)
 * @param seed the same seed gives the same text
 * @returns the profile text; `parseProfile` reads it without errors
 */
export function generateRealisticProfile(count: number, seed = 1): string {
  const next = random(seed);
  return writeProfile(count, next, personName(next));
}

/**
 * Writes profiles for a site of many people: distinct names (accents, hyphens, apostrophes) whose
 * slugs differ, each with a realistic profile of its own intro, parts and sources over the same
 * vocabulary. Some part titles and topics recur from person to person, as they would.
 *
 * @param count the number of people
 * @param quotesEach the number of quotes in each profile (at least 1)
 * @param seed the same seed gives the same people and texts
 */
export function generatePeople(count: number, quotesEach: number, seed = 1): { name: string; text: string }[] {
  const next = random(seed);
  const writer = new Writer(next);
  const shared: Shared = {
    titles: Array.from({ length: 20 }, () => writer.title()),
    topics: Array.from({ length: 200 }, () => writer.topic()),
  };
  const slugs = new Set<string>();
  return Array.from({ length: count }, () => {
    let name: string;
    do name = personName(next);
    while (slugs.has(slugify(name)));
    slugs.add(slugify(name));
    // Each person has a generator of their own, so adding a person leaves the others' text alone.
    return { name, text: writeProfile(quotesEach, random(Math.floor(next() * 2 ** 32)), name, shared) };
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring a corpus, and queries with known answers for measuring recall.
// ---------------------------------------------------------------------------------------------

/** A word as a reader sees one: letters and digits, with inner hyphens, apostrophes, `.` and `,` (10,000). */
const WORD = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;
const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

function recordsOf(corpus: string | Records): Records {
  if (typeof corpus !== 'string') return corpus;
  const result = parseProfile(corpus, 'corpus', { name: 'Corpus', slug: 'corpus', url: '/' });
  if (!result.ok) throw new Error(`the corpus does not parse: ${result.errors[0]?.message}`);
  return result.records;
}

/** How often each word occurs in the topics and texts, most frequent first. */
function wordCounts(quotes: readonly { topic: string; text: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of quotes) {
    for (const word of [...wordsOf(q.topic), ...wordsOf(q.text)]) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

const BULLET = /^[-*+] On (.+?): (.*) — Source: \[(.*)\]$/;

/**
 * The quotes of a well-formed profile, read with one pattern a line (the parser's rules, none of
 * its checks): describing a 100,000-quote corpus should not wait on a full parse and validation.
 */
function readQuotes(text: string): { topic: string; text: string; direct: boolean; source: string }[] {
  return text.split(/\r\n?|\n/).flatMap((line) => {
    const [, topic, body, source] = BULLET.exec(line.trim()) ?? [];
    if (topic === undefined || body === undefined || source === undefined) return [];
    const direct = /^["“].*["”]$/.test(body);
    return [{ topic, text: direct ? body.slice(1, -1) : body, direct, source }];
  });
}

/**
 * The slope of log frequency against log rank, by least squares over ranks `from`–`to`
 * (−1 for Zipf's law). The very top ranks are left out: there a few words set the fit.
 */
export function zipfSlope(counts: Iterable<number>, from = 10, to = 1_000): number {
  const sorted = [...counts].sort((a, b) => b - a);
  const points = sorted.slice(from - 1, to).map((count, i) => [Math.log(from + i), Math.log(count)] as const);
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

/** What `describeCorpus` measures. Words are counted in topics and texts, lower-cased. */
export interface CorpusStats {
  quotes: number;
  parts: number;
  distinctWords: number;
  /** Over ranks 10–1,000; −1 is Zipf's law. */
  zipfSlope: number;
  meanWordsPerText: number;
  sdWordsPerText: number;
  meanWordsPerTopic: number;
  directShare: number;
  /** Distinct by slug: names spelled two ways that give one slug count once, as the GUIDE says. */
  distinctSources: number;
  /** Quotes of the most quoted source. */
  largestSource: number;
  /** Sources quoted once. */
  singleQuoteSources: number;
  /** UTF-8 bytes of the profile text. */
  bytes: number;
}

/**
 * Measures a profile: size, vocabulary, Zipf slope, text lengths, sources. For the benchmark's
 * summary of generated corpora, and to compare them with the seed profile.
 *
 * @param text a profile that parses without errors (its bullets are read, not checked)
 */
export function describeCorpus(text: string): CorpusStats {
  const quotes = readQuotes(text);
  const counts = wordCounts(quotes);
  const lengths = quotes.map((q) => wordsOf(q.text).length);
  const mean = lengths.reduce((s, n) => s + n, 0) / lengths.length;
  const bySlug = new Map<string, number>();
  for (const { source } of quotes) bySlug.set(slugify(source), (bySlug.get(slugify(source)) ?? 0) + 1);
  const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;
  return {
    quotes: quotes.length,
    parts: text.match(/^Part\s+\d+\s*:/gm)?.length ?? 0,
    distinctWords: counts.size,
    zipfSlope: round(zipfSlope(counts.values())),
    meanWordsPerText: round(mean, 1),
    sdWordsPerText: round(Math.sqrt(lengths.reduce((s, n) => s + (n - mean) ** 2, 0) / lengths.length), 1),
    meanWordsPerTopic: round(quotes.reduce((s, q) => s + wordsOf(q.topic).length, 0) / quotes.length, 1),
    directShare: round(quotes.filter((q) => q.direct).length / quotes.length),
    distinctSources: bySlug.size,
    largestSource: Math.max(...bySlug.values()),
    singleQuoteSources: [...bySlug.values()].filter((n) => n === 1).length,
    bytes: Buffer.byteLength(text),
  };
}

/**
 * Generates realistic profiles of each size and measures them, with the time generation took:
 * the table to quote next to benchmark results (`console.table(corpusSummary())`).
 */
export function corpusSummary(sizes: readonly number[] = [1_000, 10_000, 100_000], seed = 1): (CorpusStats & { generateMs: number })[] {
  getVocabulary(); // built once, not timed as part of the first corpus
  return sizes.map((size) => {
    const start = performance.now();
    const text = generateRealisticProfile(size, seed);
    const generateMs = Math.round(performance.now() - start);
    return { ...describeCorpus(text), generateMs };
  });
}

/** A search query and the id of the quote it is meant to find. */
export interface Query {
  query: string;
  expected: string;
}

const MIN_QUERY_WORD = 5;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The words someone remembering a quote would search for: its topic's words and its text's rarest
 * words, lower-cased letters only, at least 5 letters. Empty when the quote has none.
 */
function distinctiveWords(quote: { topic: string; text: string }, counts: Map<string, number>): string[] {
  const usable = (w: string) => /^\p{L}+$/u.test(w) && [...w].length >= MIN_QUERY_WORD;
  const topic = wordsOf(quote.topic).filter(usable);
  const rarest = [...new Set(wordsOf(quote.text).filter(usable))].sort((a, b) => counts.get(a)! - counts.get(b)!).slice(0, 3);
  return [...new Set([...topic, ...rarest])];
}

/** Queries of 1–3 distinctive words of random quotes, the words passed through `change`. */
function queries(corpus: string | Records, count: number, seed: number, change: (words: string[], next: () => number) => string[]): Query[] {
  const next = random(seed);
  const records = recordsOf(corpus);
  const counts = wordCounts(records.quotes);
  const out: Query[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const quote = pickFrom(records.quotes, next);
    const words = distinctiveWords(quote, counts);
    if (words.length === 0) continue;
    // A seeded Fisher–Yates shuffle, then the first one to three.
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [words[i], words[j]] = [words[j]!, words[i]!];
    }
    const chosen = words.slice(0, 1 + Math.floor(next() * 3));
    out.push({ query: change(chosen, next).join(' '), expected: quote.id });
  }
  return out;
}

/**
 * One random edit: insert, delete or substitute a letter, or swap two adjacent different letters.
 * The result is always one edit away from the word (optimal string alignment distance 1).
 */
export function typo(word: string, next: () => number): string {
  const letters = [...word];
  for (;;) {
    const at = Math.floor(next() * letters.length);
    const letter = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    const edited = [...letters];
    switch (Math.floor(next() * 4)) {
      case 0:
        edited.splice(Math.floor(next() * (letters.length + 1)), 0, letter);
        break;
      case 1:
        edited.splice(at, 1);
        break;
      case 2:
        edited[at] = letter;
        break;
      default:
        if (at + 1 >= letters.length) continue;
        [edited[at], edited[at + 1]] = [letters[at + 1]!, letters[at]!];
    }
    const result = edited.join('');
    if (result !== word) return result;
  }
}

/**
 * Realistic misspelled queries for measuring recall: 1–3 distinctive words (topic words, or the
 * text's rarer words, 5 letters or more) of a random quote, one of them with one typo.
 *
 * @param corpus a profile's text, or its parsed records
 * @param count how many queries (fewer only if no quote has a usable word)
 * @param seed the same seed gives the same queries
 * @returns each query with the id of the quote it is meant to find
 */
export function typoQueries(corpus: string | Records, count: number, seed = 1): Query[] {
  return queries(corpus, count, seed, (words, next) => {
    const at = Math.floor(next() * words.length);
    return words.map((w, i) => (i === at ? typo(w, next) : w));
  });
}

/** Like `typoQueries`, spelled right: 1–3 distinctive words of a random quote. */
export function exactQueries(corpus: string | Records, count: number, seed = 1): Query[] {
  return queries(corpus, count, seed, (words) => words);
}

/**
 * Phrase queries: 2–4 consecutive words of a random quote's text, lower-cased, without
 * punctuation, holding at least one word of 5 letters or more.
 */
export function phraseQueries(corpus: string | Records, count: number, seed = 1): Query[] {
  const next = random(seed);
  const records = recordsOf(corpus);
  const out: Query[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const quote = pickFrom(records.quotes, next);
    const words = wordsOf(quote.text);
    const length = 2 + Math.floor(next() * 3);
    if (words.length < length) continue;
    const start = Math.floor(next() * (words.length - length + 1));
    const phrase = words.slice(start, start + length);
    if (!phrase.some((w) => [...w].length >= MIN_QUERY_WORD)) continue;
    out.push({ query: phrase.join(' '), expected: quote.id });
  }
  return out;
}
