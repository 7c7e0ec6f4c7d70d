/**
 * How search sees text: words without case, accents or apostrophes; compound words also as one
 * word; British and American spellings as one another's variants. Shared by the files the build
 * writes (search-build.ts) and the engine that reads them (search.ts), so both cut text the same way.
 */

/** Lower-case, without accents or apostrophes: `Café’s` and `cafes` are the same word. */
export function normalizeWord(word: string): string {
  // Most text is ASCII, and NFKD is the slow step: skip it where it cannot change anything.
  const folded = /[^\x00-\x7f]/.test(word) ? word.normalize('NFKD').replace(/\p{M}/gu, '') : word;
  return folded.toLowerCase().replace(/['’]/g, '');
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Letters, digits and apostrophes: one or more words, which `tokenize` cuts out. */
const WORD_RUN = /[\p{L}\p{N}\p{M}'’]+/gu;
const isApostrophe = (c: string | undefined) => c === "'" || c === '’';

/** The normalized words of a text, for the index and the query. */
export function words(text: string): string[] {
  return normalizeWord(text).split(NON_WORD).filter((w) => w !== '');
}

/** A word of a text, normalized, with its span in the original text (UTF-16 code units). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * The words of a text, normalized, each with its span in the original (for highlighting). A word
 * is letters and digits with single apostrophes inside (`don’t`); apostrophes at its ends or two
 * in a row are not part of one. (A regular expression with a repeated group says the same, and
 * runs out of stack on a word a few megabytes long.)
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { 0: run, index } of text.matchAll(WORD_RUN)) {
    for (let at = 0; at < run.length; ) {
      while (isApostrophe(run[at])) at++;
      const start = at;
      // An apostrophe belongs to the word when a letter or digit follows it.
      while (at < run.length && (!isApostrophe(run[at]) || (at + 1 < run.length && !isApostrophe(run[at + 1])))) at++;
      if (at > start) for (const word of words(run.slice(start, at))) tokens.push({ word, start: index + start, end: index + at });
    }
  }
  return tokens;
}

// What joins two words into one: a hyphen between any two words (Jean-Luc, open-source), and
// between digits a thousands separator (10,000, 10.000, 10 000 with a narrow or no-break space).
const HYPHEN = /^[-‐‑]$/;
const DIGIT_SEPARATOR = /^[,.\u00a0\u202f\u2009]$/;
const DIGITS = /^\p{N}+$/u;

/**
 * The tokens of `tokenize`, plus each compound (words joined by hyphens, or digit groups joined by
 * thousands separators) as one more token spanning the whole compound: `Jean-Luc` gives `jean`,
 * `luc` and `jeanluc`; `500,000` gives `500`, `000` and `500000`. So a query typed either way finds it.
 */
export function indexTokens(text: string): Token[] {
  const tokens = tokenize(text);
  const out: Token[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 1) out.push({ word: run.map((t) => t.word).join(''), start: run[0]!.start, end: run.at(-1)!.end });
    run = [];
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    const between = previous ? text.slice(previous.end, token.start) : '';
    const joined =
      previous !== undefined &&
      previous.end < token.start &&
      (HYPHEN.test(between) || (DIGIT_SEPARATOR.test(between) && DIGITS.test(previous.word) && DIGITS.test(token.word)));
    if (!joined) flush();
    run.push(token);
    out.push(token);
  }
  flush();
  return out;
}

// British ↔ American spelling rules, each a pair of patterns that turn one form into the other.
// A variant is only ever looked up, never assumed: a made-up form ("actour") matches nothing.
// The stems are long enough to leave short words alone ("four" is not "for", "size" not "sise").
// Words are normalized, so a–z is enough (and much quicker than Unicode classes).
const SUFFIXES = '(s|ed|ing|ite|ites|able|ably|ful|less|er|ers|ist|ists|ism|ly)?';
const RULES: [RegExp, string][] = [
  // colour, favourite, behaviours ↔ color, favorite, behaviors
  // (A stem ending in o is a different word: door, floor.)
  [new RegExp(`^([a-z]+[a-np-z])our${SUFFIXES}$`), '$1or$2'],
  [new RegExp(`^([a-z]+[a-np-z])or${SUFFIXES}$`), '$1our$2'],
  // centre, theatres, fibre ↔ center, theaters, fiber
  [/^([a-z]{2,}[bgtv])re(s?)$/, '$1er$2'],
  [/^([a-z]{2,}[bgtv])er(s?)$/, '$1re$2'],
  [/^([a-z]{2,}[bgtv])red$/, '$1ered'],
  [/^([a-z]{2,}[bgtv])ered$/, '$1red'],
  // organise, organisation ↔ organize, organization; analyse ↔ analyze
  [/^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$/, '$1iz$2'],
  [/^([a-z]{3,})iz(e|es|ed|ing|er|ers|ation|ations|able)$/, '$1is$2'],
  [/^([a-z]{2,})ys(e|es|ed|ing|er|ers)$/, '$1yz$2'],
  [/^([a-z]{2,})yz(e|es|ed|ing|er|ers)$/, '$1ys$2'],
  // catalogue, dialogues ↔ catalog, dialogs
  [/^([a-z]{3,})ogue(s?)$/, '$1og$2'],
  [/^([a-z]{3,})og(s?)$/, '$1ogue$2'],
  // defence, licence ↔ defense, license
  [/^([a-z]{2,})ence(s?)$/, '$1ense$2'],
  [/^([a-z]{2,})ense(s?)$/, '$1ence$2'],
  // travelled, cancelling ↔ traveled, canceling
  [/^([a-z]{2,}[b-df-hj-np-tv-z][aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
  [/^([a-z]{2,}[b-df-hj-np-tv-z][aeiou])l(ed|ing|er|ers)$/, '$1ll$2'],
];

/** Words that look like a rule's input but are not spelling variants of anything. */
const NOT_VARIANTS = new Set(['flour', 'flor', 'scour', 'scor', 'devour', 'devor', 'detour', 'detor', 'contour', 'contor', 'amour', 'velour', 'troubadour', 'paramour']);

/** Pairs no rule covers. */
const IRREGULAR: Record<string, string> = {
  grey: 'gray',
  greys: 'grays',
  programme: 'program',
  programmes: 'programs',
  plough: 'plow',
  mould: 'mold',
  ageing: 'aging',
  judgement: 'judgment',
  aluminium: 'aluminum',
  sceptic: 'skeptic',
  sceptical: 'skeptical',
  pyjamas: 'pajamas',
  cosy: 'cozy',
  moustache: 'mustache',
};
const IRREGULAR_BOTH = new Map(Object.entries(IRREGULAR).flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

/**
 * The other spellings of a normalized word, British ↔ American: `colour` → `color`, `center` →
 * `centre`, `organisation` → `organization`, `analyze` → `analyse`, `catalog` → `catalogue`,
 * `defence` → `defense`, `traveled` → `travelled`, `grey` → `gray`. Small rules, not a
 * dictionary: some outputs are not words, and search only uses those the index has.
 */
export function spellingVariants(word: string): string[] {
  if (NOT_VARIANTS.has(word) || !/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>();
  const irregular = IRREGULAR_BOTH.get(word);
  if (irregular) out.add(irregular);
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(word)) out.add(word.replace(pattern, replacement));
  }
  out.delete(word);
  return [...out].filter((w) => !NOT_VARIANTS.has(w));
}

/** FNV-1a over UTF-16 code units: a small, stable hash for spreading keys over files. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
