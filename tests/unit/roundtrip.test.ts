import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatProfileError, parseProfile } from '../../src/lib/profile.ts';
import { ADA } from './helpers.ts';
import type { Records } from '../../src/lib/schema.ts';

/** Writes records back as profile text: the inverse of the parser. */
interface Renderable {
  profile: { intro: string };
  parts: { number: number; title: string }[];
  quotes: (Pick<Records['quotes'][number], 'topic' | 'text' | 'kind'> & { part: { number: number }; source: { name: string } })[];
}
function renderProfile(records: Renderable): string {
  const lines = records.profile.intro ? [records.profile.intro, ''] : [];
  for (const part of records.parts) {
    lines.push(`Part ${part.number}: ${part.title}`);
    for (const q of records.quotes.filter((quote) => quote.part.number === part.number)) {
      const text = q.kind === 'direct' ? `"${q.text}"` : q.text;
      lines.push(`- On ${q.topic}: ${text} — Source: [${q.source.name}]`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function parseOrThrow(text: string): Records {
  const result = parseProfile(text, 'generated.txt', ADA);
  if (!result.ok) throw new Error(`${result.errors.map(formatProfileError).join('\n')}\n---\n${text}`);
  return result.records;
}

// The characters that make the format hard: quotes of both kinds, dashes, colons, brackets, markup.
const tricky = fc.constantFrom(
  ...'aZé0 ,.:;!?&<>*_`\'"“”—–-[]()#\\/'.split(''),
  'e\u0301',
  ': ',
  '&amp;',
  '<b>',
  ' — Source: [x]',
);
const phrase = (ok: (s: string) => boolean) =>
  fc
    .array(tricky, { minLength: 1, maxLength: 14 })
    .map((chars) => chars.join('').trim())
    .filter((s) => s !== '' && ok(s));
const balanced = (s: string) => {
  let depth = 0;
  for (const c of s) if ((depth += c === '[' ? 1 : c === ']' ? -1 : 0) < 0) return false;
  return depth === 0;
};
const isQuoted = (s: string) => s.length >= 2 && /^["“]/.test(s) && /["”]$/.test(s);

const quoteArb = fc.record({
  // The topic ends at the first ": ", and a topic ending in ":" would swallow the separator.
  topic: phrase((s) => !s.includes(': ') && !s.endsWith(':')),
  text: phrase((s) => !isQuoted(s)),
  kind: fc.constantFrom('direct' as const, 'paraphrase' as const),
  // The source follows the LAST marker, so it cannot hold one itself, and is one bracketed name.
  source: phrase((s) => !s.includes(' — Source: ') && balanced(s)),
});

const profileArb = fc.record({
  intro: fc.constantFrom('', 'A short intro.', 'Two paragraphs.\n\nOf intro text.'),
  parts: fc.uniqueArray(
    fc.record({
      number: fc.nat({ max: 50 }),
      title: phrase(() => true),
      quotes: fc.array(quoteArb, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 4, selector: (p) => p.number },
  ),
});

test('rendering records back to text and parsing again gives the same records', () => {
  fc.assert(
    fc.property(profileArb, (draft) => {
      const text = renderProfile({
        profile: { intro: draft.intro },
        parts: draft.parts,
        quotes: draft.parts.flatMap((p) => p.quotes.map((q) => ({ ...q, part: p, source: { name: q.source } }))),
      });
      const first = parseOrThrow(text);
      expect(first.profile.intro).toBe(draft.intro);
      expect(first.parts.map((p) => [p.number, p.title])).toEqual(draft.parts.map((p) => [p.number, p.title]));
      expect(first.quotes.map((q) => [q.topic, q.text, q.kind, q.source.name])).toEqual(
        draft.parts.flatMap((p) => p.quotes.map((q) => [q.topic, q.text, q.kind, q.source])),
      );
      expect(parseOrThrow(renderProfile(first))).toEqual(first);
    }),
    { numRuns: 300 },
  );
});
