/**
 * Turns the profile text into records. Pure: no file system, no Astro. remark finds the structure
 * (which lines start a bullet); every string is cut from the source lines, so the records hold the
 * profile's own characters, never remark's decoded or re-serialized ones.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes } from 'mdast';
import { RecordsSchema, type Kind, type Part, type PersonRef, type Quote, type Records, type Source } from './schema.ts';
import { slugify, uniqueSlugs } from './slug.ts';
import { shortenAtWord } from './text.ts';
import { partUrl, quoteUrl, sourceUrl } from './urls.ts';

/** One thing wrong with the profile, for the person who edits it. */
export interface ProfileError {
  /** The file name as the caller gave it. */
  file: string;
  /** The 1-based line that is wrong. */
  line: number;
  /** What is wrong, followed by the offending text where there is one. */
  message: string;
}

/**
 * Either the records, or every error found in the profile (sorted by line). Warnings point at lines
 * that parse but that the writer may want to change (a source spelled two ways).
 */
export type ParseResult = { ok: true; records: Records; warnings: ProfileError[] } | { ok: false; errors: ProfileError[] };

/** `file:line: message`, the form editors and terminals turn into links. */
export function formatProfileError(error: ProfileError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

const SOURCE_MARKER = ' — Source: ';
const HEADING = /^Part\s+(\d+)\s*:(.*)$/;
/** `Part two: …`: a heading with a mistake inside a part; in the intro, just intro text. */
const HEADING_LIKE = /^Part\s+\S+\s*:/;
const EXCERPT_LENGTH = 60;

/**
 * The longest slug a topic, source or part title may give. Each slug names a folder of the built
 * site, and a file beside it (`<slug>.md`, `<slug>.png`), and a file name holds at most 255 bytes;
 * the rest is room for a suffix that makes an id unique (`-2`).
 */
const MAX_SLUG = 240;

/** Why `name` (a topic, source or title) cannot give a URL, or undefined when it can. */
function tooLongForUrl(what: string, name: string): string | undefined {
  // A slug is never more than 18 times as long as its text (NFKD's largest expansion): short
  // names need no slugifying.
  if (name.length * 18 <= MAX_SLUG) return undefined;
  const length = slugify(name).length;
  if (length <= MAX_SLUG) return undefined;
  return `the ${what} is too long to be part of a URL (its slug has ${length} characters, at most ${MAX_SLUG}): shorten it`;
}

interface DraftPart {
  number: number;
  title: string;
  line: number;
  /** Non-blank lines under the heading, well-formed or not: a part whose only line is broken is not also "empty". */
  lines: number;
  quotes: DraftQuote[];
}

interface DraftQuote {
  topic: string;
  text: string;
  kind: Kind;
  source: string;
  line: number;
}

/**
 * Parses a profile: an intro, then `Part N: Title` headings, each followed by quote bullets
 * `- On <topic>: <text> — Source: [<source>]`.
 *
 * @param input the profile as text, or as bytes (then it must be valid UTF-8)
 * @param file the name used in error messages, e.g. `content/profiles/Ada Lovelace.txt`
 * @param person who the profile is about, and where their pages live (see `personUrl`)
 * @returns the records, or all errors with their line numbers; never throws on bad input
 */
export function parseProfile(input: string | Uint8Array, file: string, person: PersonRef): ParseResult {
  const errors: ProfileError[] = [];
  const fail = (line: number, message: string, offending?: string) => {
    errors.push({ file, line, message: offending ? `${message}: ${shortenAtWord(offending, EXCERPT_LENGTH)}` : message });
  };

  const decoded = typeof input === 'string' ? input : decodeUtf8(input, fail);
  if (decoded === undefined) return { ok: false, errors };
  // Line numbers follow the file: a BOM is not a character, and \r\n, \r and \n each end one line.
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    fail(1, 'the profile is empty');
    return { ok: false, errors };
  }

  const lines = text.split('\n');
  const bullets = findBulletStarts(lines);
  const parts: DraftPart[] = [];
  const partByNumber = new Map<number, DraftPart>();
  let introEnd = text.length;
  let offset = 0;

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    if (line === '') return;
    const current = parts.at(-1);
    if (current && !HEADING.test(line)) current.lines++;

    const bullet = bullets.get(lineNumber);
    if (bullet) {
      // A numbered list in the intro is just intro text; inside a part it is a mistyped bullet.
      if (bullet.ordered && !current) return;
      if (bullet.ordered) return fail(lineNumber, 'a quote bullet starts with -, * or +, not a number', line);
      if (!current) return fail(lineNumber, 'a quote before the first `Part N: Title` heading', line);
      // The content starts after the marker: one character, as numbered lines were rejected above.
      const quote = parseBullet(line.slice(1).trim(), lineNumber);
      if (typeof quote === 'string') return fail(lineNumber, quote, line);
      current.quotes.push(quote);
      return;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      if (!current) introEnd = lineStart;
      const [, numberText = '', titleText = ''] = heading;
      const title = titleText.trim();
      const number = Number(numberText);
      if (!Number.isSafeInteger(number)) return fail(lineNumber, 'the part number is too large', line);
      if (title === '') return fail(lineNumber, 'a part heading needs a title after `Part N: `', line);
      // Still a part, so that its quotes are not reported as quotes outside any part.
      const titleTooLong = tooLongForUrl('title', title);
      if (titleTooLong) fail(lineNumber, titleTooLong, line);
      const earlier = partByNumber.get(number);
      if (earlier) return fail(lineNumber, `part ${number} already appears on line ${earlier.line}`, line);
      const part = { number, title, line: lineNumber, lines: 0, quotes: [] };
      parts.push(part);
      partByNumber.set(number, part);
      return;
    }

    if (current) {
      if (HEADING_LIKE.test(line)) return fail(lineNumber, 'a part number must be a whole number', line);
      const hint = /^[-*+]\S/.test(line)
        ? ' (a bullet needs a space after its marker)'
        : /^[-*+]\s/.test(line)
          ? ' (the line starts with invisible white space, such as a non-breaking space)'
          : '';
      fail(lineNumber, `unexpected text inside a part, expected a quote bullet${hint}`, line);
    }
  });

  for (const part of parts) {
    if (part.lines === 0) fail(part.line, 'this part has no quotes', `Part ${part.number}: ${part.title}`);
  }
  if (parts.length === 0 && errors.length === 0) {
    fail(1, 'no quotes found: the profile needs a `Part N: Title` heading followed by quote bullets');
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  const warnings: ProfileError[] = [];
  const records = buildRecords({ ...person, intro: text.slice(0, introEnd).trim() }, parts, (line, message) =>
    warnings.push({ file, line, message }),
  );
  const checked = RecordsSchema.safeParse(records);
  if (!checked.success) {
    // The parser's own checks should make this unreachable; if the schema disagrees, still point
    // at the line so the person editing the profile is not left with a bare stack trace.
    for (const issue of checked.error.issues) {
      const [collection, index] = issue.path;
      const quote = collection === 'quotes' && typeof index === 'number' ? records.quotes[index] : undefined;
      fail(quote?.line ?? 1, `${issue.path.join('.')}: ${issue.message}`);
    }
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return { ok: true, records: checked.data, warnings };
}

/** Decodes UTF-8 strictly, reporting each line that holds an invalid byte sequence. */
function decodeUtf8(bytes: Uint8Array, fail: (line: number, message: string) => void): string | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(bytes);
  } catch {
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      // \n, \r\n and \r each end a line, as for text.
      if (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        fail(line, 'not valid UTF-8 text: save the file as UTF-8');
      }
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
      start = i + 1;
      line++;
    }
    return undefined;
  }
}

// Indented code would turn an indented bullet into code; the profile has no code.
const markdown = unified().data('micromarkExtensions', [{ disable: { null: ['codeIndented'] } }]).use(remarkParse);

/**
 * What remark needs to see of a line to find list items: its indentation, its list marker or
 * thematic break, and a stand-in for the rest. Markdown parsers are quadratic on some inputs
 * (`*a*a*a…`, `[a]([a](…`, `- - - …` nested as deep as the line is long, indentation that keeps
 * growing); on this skeleton they cannot be. Strings are cut from the original lines anyway.
 */
function skeleton(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const rest = line.slice(indent.length);
  // Capped: deeper indentation only nests lists deeper, which costs time and means nothing here.
  const kept = indent.slice(0, 40);
  if (rest.trim() === '') return '';
  // Three or more of one of - * _, with spaces or tabs between (said without a repeated group,
  // which runs out of stack on a line a few megabytes long). The first test spares every bullet
  // (`- On …`) the copy without spaces.
  if (/^([-*_])[ \t]*\1/.test(rest) && /^(?:-{3,}|\*{3,}|_{3,})$/.test(rest.replace(/[ \t]/g, ''))) return `${kept}***`;
  const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(rest)?.[0];
  if (!marker) return `${kept}x`;
  return rest.slice(marker.length).trim() === '' ? `${kept}${marker}` : `${kept}${marker} x`;
}

/**
 * Asks remark which lines start a list item, and whether the list is numbered. The skeleton goes to
 * remark in pieces of a few hundred lines, cut before a bullet that begins a list item of its own
 * whatever comes before it: micromark slows down with the square of a list's length, and a
 * profile can be one list of 100,000 quotes, its bullets indented or not.
 *
 * @param pieceLines how many lines a piece has at least (the last excepted); plain pieces are
 * answered without remark (see `PLAIN`). `'whole'` has remark read the whole skeleton at once: only
 * to test that both agree.
 */
export function findBulletStarts(lines: string[], pieceLines: number | 'whole' = 500): Map<number, { ordered: boolean }> {
  const starts = new Map<number, { ordered: boolean }>();
  const skeletons = lines.map(skeleton);
  if (pieceLines === 'whole') {
    findBulletStartsIn(skeletons, 0, starts);
    return starts;
  }
  // A list item holds only lines indented at least two columns more than its marker. So a bullet
  // indented as little as the least indented list marker of the file cannot be inside one: it
  // ends every open item (with indented code off, a bullet starts an item however deep it
  // stands), and what follows it reads the same in a piece of its own.
  let least = Infinity;
  for (const line of skeletons) if (MARKER.test(line)) least = Math.min(least, indentColumns(line));
  const cutBefore = (line: string) => /^[ \t]*[-*+] x$/.test(line) && indentColumns(line) === least;
  for (let from = 0; from < skeletons.length; ) {
    let to = Math.min(from + pieceLines, skeletons.length);
    while (to < skeletons.length && !cutBefore(skeletons[to]!)) to++;
    const piece = skeletons.slice(from, to);
    if (piece.every((line) => PLAIN.test(line))) {
      piece.forEach((line, i) => BULLET.test(line) && starts.set(from + i + 1, { ordered: false }));
    } else {
      findBulletStartsIn(piece, from, starts);
    }
    from = to;
  }
  return starts;
}

/** A bullet with text, indented by at most three spaces. */
const BULLET = /^ {0,3}[-*+] x$/;
/** A list marker, with text or without, indented or not. */
const MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?: x)?$/;

/** How many columns a line's indentation takes, a tab reaching the next multiple of 4 as in CommonMark. */
function indentColumns(line: string): number {
  let columns = 0;
  for (const c of line) {
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/**
 * The lines of a plain piece: blank, text (indented or not), or a bullet with text indented by at
 * most three spaces. That is nearly every profile, and there CommonMark's answer is plain too:
 * every such bullet starts a list item (a bullet with text may interrupt a paragraph, and is
 * never indented enough to be anything else), and no other line does. Parsing it with remark
 * gives the same answer (tested on random pieces) in far more time.
 */
const PLAIN = /^(?: {0,3}[-*+] x| *x|)$/;

/** The list items of one piece of the skeleton, whose first line is line `offset + 1`. */
function findBulletStartsIn(skeletons: string[], offset: number, starts: Map<number, { ordered: boolean }>) {
  // A loop, not recursion: lists can nest deeply.
  const stack: { node: Nodes; ordered: boolean }[] = [{ node: markdown.parse(skeletons.join('\n')), ordered: false }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, ordered } = item;
    const line = node.position && node.position.start.line + offset;
    if (node.type === 'listItem' && line && !starts.has(line)) starts.set(line, { ordered });
    if ('children' in node) {
      const childOrdered = node.type === 'list' ? node.ordered === true : ordered;
      for (const child of node.children) stack.push({ node: child, ordered: childOrdered });
    }
  }
}

/** Splits a bullet's content into topic, text and source; a string return says what is wrong. */
function parseBullet(content: string, line: number): DraftQuote | string {
  const markerAt = content.lastIndexOf(SOURCE_MARKER);
  if (markerAt < 0) {
    return /\s(?:—|–|-{1,2})\s*Source\s*:/i.test(content)
      ? 'write the source as ` — Source: [name]` (space, em dash, space)'
      : 'missing ` — Source: [<source>]` at the end of the quote';
  }
  const sourcePart = content.slice(markerAt + SOURCE_MARKER.length).trim();
  if (!sourcePart.startsWith('[')) return 'the source must be in square brackets';
  if (!sourcePart.endsWith(']')) return 'the source has no closing `]` at the end of the line';
  const source = sourcePart.slice(1, -1).trim();
  if (source === '') return 'the source is empty';
  if (!balancedBrackets(source)) return 'the source must be one bracketed name, like `[Sentry Blog]`';
  const sourceTooLong = tooLongForUrl('source', source);
  if (sourceTooLong) return sourceTooLong;

  const head = content.slice(0, markerAt);
  const on = /^On\s+/.exec(head);
  if (!on) return 'a quote must start with `On <topic>: `';
  // The topic ends at the first `: `; a colon right before the source marker also ends it.
  const colonAt = `${head} `.indexOf(': ', on[0].length);
  if (colonAt < 0) return 'missing `: ` after the topic';
  const topic = head.slice(on[0].length, colonAt).trim();
  if (topic === '') return 'the topic is empty';
  const topicTooLong = tooLongForUrl('topic', topic);
  if (topicTooLong) return topicTooLong;
  let text = head.slice(colonAt + 2).trim();
  let kind: Kind = 'paraphrase';
  if (text.length >= 2 && /^["“]/.test(text) && /["”]$/.test(text)) {
    kind = 'direct';
    text = text.slice(1, -1).trim();
  }
  if (text === '') return 'the quote text is empty';
  return { topic, text, kind, source, line };
}

/** Whether every `[` in a source name is closed by a later `]` (`[B] [C]` is two names, not one). */
function balancedBrackets(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '[') depth++;
    else if (c === ']' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Gives parts, sources and quotes their slugs, URLs and counts. Source names that give the same slug
 * are one source, named by its first spelling; each other spelling is warned about on its line.
 */
function buildRecords(profile: Records['profile'], drafts: DraftPart[], warn: (line: number, message: string) => void): Records {
  const person: PersonRef = { name: profile.name, slug: profile.slug, url: profile.url };
  const partSlugs = uniqueSlugs(drafts.map((p) => slugify(p.title) || `part-${p.number}`));
  const parts: Part[] = drafts.map((p, i) => {
    const slug = partSlugs[i]!;
    return { number: p.number, title: p.title, slug, url: partUrl(person, slug), quoteCount: p.quotes.length, person };
  });

  const drafted = drafts.flatMap((p, i) => p.quotes.map((q) => ({ ...q, part: parts[i]! })));

  // One group per slug, in order of first appearance; a name with no letters or digits is its own group.
  const groups = new Map<string, { first: DraftQuote; quotes: DraftQuote[] }>();
  for (const q of drafted) {
    const key = slugify(q.source) || `\0${q.source}`;
    const group = groups.get(key);
    if (group) group.quotes.push(q);
    else groups.set(key, { first: q, quotes: [q] });
  }
  const sourceSlugs = uniqueSlugs([...groups.keys()].map((key, i) => (key.startsWith('\0') ? `source-${i + 1}` : key)));
  const sources: Source[] = [];
  const sourceOf = new Map<DraftQuote, Source>();
  [...groups.values()].forEach(({ first, quotes }, i) => {
    const slug = sourceSlugs[i]!;
    const source = { name: first.source, slug, url: sourceUrl(person, slug), quoteCount: quotes.length, person };
    sources.push(source);
    for (const q of quotes) {
      sourceOf.set(q, source);
      if (q.source !== first.source) {
        warn(q.line, `warning: the source [${q.source}] is also written [${first.source}] (line ${first.line}); both are one source: write it one way`);
      }
    }
  });

  const ids = uniqueSlugs(drafted.map((q, i) => slugify(q.topic) || `quote-${i + 1}`));
  const quotes: Quote[] = drafted.map((q, i) => {
    const id = ids[i]!;
    const source = sourceOf.get(q)!;
    return {
      id,
      topic: q.topic,
      text: q.text,
      kind: q.kind,
      part: { number: q.part.number, title: q.part.title, slug: q.part.slug, url: q.part.url },
      source: { name: q.source, slug: source.slug, url: source.url },
      person,
      url: quoteUrl(person, id),
      line: q.line,
    };
  });

  return { profile, parts, sources, quotes };
}
