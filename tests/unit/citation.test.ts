import { describe, expect, test } from 'vitest';
import { bibtexCitation, bibtexEscape, plainCitation, quoteAsMarkdown } from '../../src/lib/citation.ts';
import { atomFeed, feedQuotes } from '../../src/lib/feed.ts';
import { xmlEscape } from '../../src/lib/text.ts';
import { escapeMarkdown } from '../../src/lib/markdown.ts';
import { siteOf } from './helpers.ts';

const URL = 'https://quotes.example/quotes/speed/';
const direct = { id: 'speed', topic: 'speed', text: 'Ship it.', kind: 'direct' as const, source: { name: 'Blog', slug: 'blog' } };
const paraphrase = { ...direct, kind: 'paraphrase' as const, text: 'She ships fast.' };

describe('citations', () => {
  test('Markdown: a blockquote with the attribution and the permalink', () => {
    expect(quoteAsMarkdown(direct, 'Ada Lovelace', URL)).toBe(`> Ship it.\n>\n> — Ada Lovelace, Blog (<${URL}>)\n`);
    expect(quoteAsMarkdown(paraphrase, 'Ada Lovelace', URL)).toBe(
      `> She ships fast.\n>\n> — paraphrasing Ada Lovelace, Blog (<${URL}>)\n`,
    );
  });

  test('plain text in Chicago note style', () => {
    expect(plainCitation(direct, 'Ada Lovelace', 'Ada, in quotes', URL)).toBe(
      `Ada Lovelace, “On speed,” Blog, quoted in Ada, in quotes, ${URL}.`,
    );
    expect(plainCitation(paraphrase, 'Ada Lovelace', 'Ada, in quotes', URL)).toContain('paraphrased in');
  });

  test('BibTeX: a @misc entry with every field escaped', () => {
    const tricky = { ...direct, topic: '100% {braces} & $money #1 under_score ^ ~ \\', source: { name: 'R&D', slug: 'r-d' } };
    expect(bibtexCitation(tricky, 'Ada Lovelace', 'Site', URL)).toBe(
      [
        '@misc{ada-lovelace:speed,',
        '  author       = {Ada Lovelace},',
        '  title        = {{On 100\\% \\{braces\\} \\& \\$money \\#1 under\\_score \\^{} \\~{} \\textbackslash{}}},',
        '  howpublished = {R\\&D},',
        '  note         = {Quoted in Site: “Ship it.” — Ada Lovelace, R\\&D},',
        `  url          = {${URL}}`,
        '}',
        '',
      ].join('\n'),
    );
  });

  test.each([
    ['plain', 'plain'],
    ['{a}', '\\{a\\}'],
    ['50%', '50\\%'],
  ])('bibtexEscape(%j) → %j', (input, output) => {
    expect(bibtexEscape(input)).toBe(output);
  });
});

describe('escapeMarkdown keeps profile text literal', () => {
  test.each([
    ['plain words, commas — and dashes', 'plain words, commas — and dashes'],
    ['the value [and] more', 'the value [and] more'],
    ['*stars* and _under_ and `code`', '\\*stars\\* and \\_under\\_ and \\`code\\`'],
    ['<b>bold</b>', '\\<b\\>bold\\</b\\>'],
    ['&amp; stays', '\\&amp; stays'],
    ['fish & chips', 'fish & chips'],
    ['[a link](http://x)', '[a link\\](http://x)'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '\\1. not a list'],
    ['- not a bullet', '\\- not a bullet'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('the Atom feed', () => {
  test('xmlEscape escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0000\u0008`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  test('one entry per quote, in profile order, each linking its permalink and naming its person', () => {
    const site = siteOf({ 'Ada Lovelace': 'Part 1: P & Q\n- On speed: "Ship it." — Source: [Blog]\n- On b: She ships fast. — Source: [Blog]' });
    const info = { title: 'Site <1>', subtitle: 'About', home: '/', self: '/feed.xml', author: 'Ada', updated: new Date('2026-01-02T03:04:05Z') };
    const feed = atomFeed(site.people[0]!.quotes, info, (p) => `https://x${p}`);
    expect(feed).toContain('<title>Site &lt;1&gt;</title>');
    expect([...feed.matchAll(/<link rel="alternate" type="text\/html" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'https://x/',
      'https://x/quotes/speed/',
      'https://x/quotes/b/',
    ]);
    expect(feed).toContain('<title>Ada Lovelace on speed</title>');
    expect(feed).toContain('<updated>2026-01-02T03:04:05.000Z</updated>');
    expect(feed).toContain('label="P &amp; Q"');
  });

  test('a feed holds the newest quotes: the last 100 of a person, shared out among several people', () => {
    const quotes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `q${i}` }));
    const ids = (people: { quotes: { id: string }[] }[]) => feedQuotes(people as never).map((q) => q.id);
    expect(ids([{ quotes: quotes(75) }])).toHaveLength(75);
    expect(ids([{ quotes: quotes(250) }])).toEqual(quotes(250).slice(150).map((q) => q.id));
    expect(ids([{ quotes: quotes(250) }, { quotes: quotes(3) }])).toEqual([...quotes(250).slice(200), ...quotes(3)].map((q) => q.id));
  });
});

describe('Markdown links and lines', () => {
  test('brackets in link labels and intro lines that look like Markdown stay text', async () => {
    const { personMarkdown, llmsTxt } = await import('../../src/lib/markdown.ts');
    const site = siteOf({ Ada: 'First line.\n# not a heading\n1. not a list\n\nPart 1: Notes [draft\n- On x: y — Source: [[x] y]' });
    const abs = (p: string) => `https://x${p}`;
    const index = personMarkdown(site.people[0]!, 'Site', abs);
    expect(index).toContain('First line.\n\\# not a heading\n\\1. not a list');
    expect(index).toContain('[Notes \\[draft](https://x/parts/notes-draft.md)');
    expect(llmsTxt(site, abs)).toContain('- [\\[x\\] y](https://x/sources/x-y.md): 1 quotes');
  });
});

test('shortenAtWord never cuts an astral character in half', async () => {
  const { shortenAtWord } = await import('../../src/lib/text.ts');
  const short = shortenAtWord(`${'a'.repeat(158)}😀x`, 160);
  expect(short).not.toMatch(/[\uD800-\uDBFF]…$/);
  expect(short.endsWith('…')).toBe(true);
});
