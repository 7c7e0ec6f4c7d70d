import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseProfile } from '../../src/lib/profile.ts';
import { siteRecords } from '../../src/lib/site.ts';
import { ADA, siteOf } from './helpers.ts';
import { buildSearchIndex, closestTopics, searchData, searchQuotes, spellingVariants, tokenize, words } from '../../src/lib/search.ts';

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
    const found = ids('enterprize');
    expect(found.slice(0, 2).sort()).toEqual(['inbound-enterprise-growth', 'rejecting-enterprise-friction']);
    for (const id of found) {
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

  test('tokenize cuts words at apostrophes as the regular expression it replaced did, on any text', () => {
    const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
    const reference = (text: string) =>
      [...text.matchAll(WORD)].flatMap((m) => words(m[0]).map((word) => ({ word, start: m.index, end: m.index + m[0].length })));
    const char = fc.constantFrom('a', 'B', 'é', '\u0301', '1', '𝔸', "'", '’', ' ', '-', '.');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        expect(tokenize(text)).toEqual(reference(text));
      }),
      { numRuns: 2_000 },
    );
    // Where that expression ran out of stack: a word of 4 million apostrophes.
    expect(tokenize(`${"a'".repeat(4_000_000)}a''b`).map((t) => t.word.length)).toEqual([4_000_001, 1]);
  });

  test('tokenize keeps offsets into the original text, decomposed accents included', () => {
    expect(tokenize('Cafe\u0301 au-lait')).toEqual([
      { word: 'cafe', start: 0, end: 5 },
      { word: 'au', start: 6, end: 8 },
      { word: 'lait', start: 9, end: 13 },
    ]);
  });
});


describe('words typed joined or apart', () => {
  const index = indexOf(
    [
      'Part 1: Things',
      '- On the captain: Jean-Luc Picard commands the ship. — Source: [Star Log]',
      '- On growth: The Fortune 500,000 list grew again. — Source: [Money Weekly]',
      '- On scale: It served 10000 users on its first day. — Source: [Money Weekly]',
      '- On sharing: Open source needs paid maintainers. — Source: [Code Talk]',
      '- On the web: Every website needs a home page. — Source: [Code Talk]',
      '- On spacing: Jean Luc is sometimes written with a space. — Source: [Star Log]',
      '- On other things: A source that is open to everyone, with 500 readers and 10 more. — Source: [Other]',
    ].join('\n'),
  );
  const top3 = (query: string) => searchQuotes(index, query).hits.slice(0, 3).map((h) => h.doc.id);

  test.each([
    { query: 'jeanluc', expected: 'the-captain', why: 'a hyphenated name typed as one word' },
    { query: 'jean luc', expected: 'the-captain', why: 'a hyphenated name typed as two' },
    { query: 'jeanluc', expected: 'spacing', why: 'two words typed as one' },
    { query: '500000', expected: 'growth', why: 'a number without its thousands separator' },
    { query: '500,000', expected: 'growth', why: 'a number with it' },
    { query: '500 000', expected: 'growth', why: 'a number with a space' },
    { query: '10,000', expected: 'scale', why: 'a separator the text does not have' },
    { query: '10 000', expected: 'scale', why: 'a space the text does not have' },
    { query: 'opensource', expected: 'sharing', why: 'two words typed as one' },
    { query: 'open-source', expected: 'sharing', why: 'two words typed with a hyphen' },
    { query: 'web site', expected: 'the-web', why: 'one word typed as two' },
  ])('$why: “$query” finds $expected in the top 3', ({ query, expected }) => {
    expect(top3(query)).toContain(expected);
  });

  test('the text is highlighted as written, joined or apart', () => {
    const marked = (query: string, id: string) => {
      const hit = searchQuotes(index, query).hits.find((h) => h.doc.id === id)!;
      return hit.ranges.text.map(([s, e]) => hit.doc.text.slice(s, e));
    };
    expect(marked('jeanluc', 'the-captain')).toEqual(['Jean-Luc']);
    expect(marked('opensource', 'sharing')).toEqual(['Open source']);
    expect(marked('500000', 'growth')).toEqual(['500,000']);
  });
});

describe('British and American spellings', () => {
  const index = indexOf(
    [
      'Part 1: Spellings',
      '- On the centre: Things fall apart; the centre cannot hold. — Source: [Yeats]',
      '- On colour: Colour and behaviour are spelled the British way. — Source: [Style Guide]',
      '- On organising: We organise, analyse and catalogue the defence of our licence. — Source: [Style Guide]',
      '- On travel: She travelled far in a grey coat. — Source: [Diary]',
      '- On America: The color of the theater and the center of the organization, analyzed. — Source: [Style Guide]',
    ].join('\n'),
  );
  const top = (query: string) => searchQuotes(index, query).hits.map((h) => h.doc.id);

  test.each([
    ['the center cannot hold', 'the-centre'],
    ['behavior', 'colour'],
    ['organize', 'organising'],
    ['analyze catalog', 'organising'],
    ['defense license', 'organising'],
    ['traveled gray', 'travel'],
    ['theatre', 'america'],
    ['organisation', 'america'],
  ])('“%s” finds %s first', (query, first) => {
    expect(top(query)[0]).toBe(first);
  });

  test('a word finds both spellings, a topic above a text as usual', () => {
    expect(top('colour')).toEqual(['colour', 'america']);
    expect(top('color')).toEqual(['colour', 'america']);
    expect(top('centre')).toEqual(['the-centre', 'america']);
  });

  test.each([
    ['colour', ['color']],
    ['favourite', ['favorite']],
    ['behaviors', ['behaviours']],
    ['centre', ['center']],
    ['theaters', ['theatres']],
    ['organisation', ['organization']],
    ['analyze', ['analyse']],
    ['catalogue', ['catalog']],
    ['licence', ['license']],
    ['travelled', ['traveled']],
    ['grey', ['gray']],
    ['four', []],
    ['door', []],
    ['flour', []],
    ['size', []],
    ['the', []],
  ])('spellingVariants(“%s”) is %j', (word, variants) => {
    expect(spellingVariants(word)).toEqual(variants);
  });
});

describe('several people', () => {
  const people = Object.fromEntries(
    readdirSync('tests/fixtures/people').map((file) => [file.replace(/\.txt$/, ''), readFileSync(`tests/fixtures/people/${file}`, 'utf8')]),
  );
  const index = buildSearchIndex(searchData(siteRecords(siteOf(people))));
  const search = (query: string, filters = {}) => searchQuotes(index, query, filters);
  const who = (query: string, filters = {}) => search(query, filters).hits.map((h) => `${h.doc.person.slug} ${h.doc.id}`);

  test('results name their person', () => {
    const [hit] = search('nanosecond').hits;
    expect(hit!.doc.person).toEqual({ name: 'Grace Hopper', slug: 'grace-hopper', url: '/grace-hopper/' });
    expect(hit!.doc.url).toBe('/grace-hopper/quotes/nanoseconds/');
  });

  test('a person’s name finds their quotes, accents forgiven', () => {
    expect(search('edith').total).toBe(3);
    expect(who('piaf regret')).toEqual(['edith-piaf regret']);
    const [hit] = search('lovelace originality').hits;
    expect(hit!.ranges.person.map(([s, e]) => hit!.doc.person.name.slice(s, e))).toEqual(['Lovelace']);
  });

  test('?person= keeps one person’s quotes, and the person facet counts them all', () => {
    expect(who('computing')).toEqual(['ada-lovelace computing', 'grace-hopper computing']);
    const grace = search('computing', { person: 'grace-hopper' });
    expect(grace.hits.map((h) => h.doc.person.slug)).toEqual(['grace-hopper']);
    expect(grace.personCounts).toEqual(new Map([['ada-lovelace', 1], ['grace-hopper', 1]]));
    expect(search('computing', { person: 'nobody' }).total).toBe(0);
  });

  test('a part slug without ?person= is that part of anyone; with it, of that person', () => {
    // Ada and Grace both have a part “On machines”.
    expect(search('', { part: 'on-machines' }).total).toBe(6);
    expect(search('', { part: 'on-machines', person: 'ada-lovelace' }).hits.map((h) => h.doc.id)).toEqual(['computing', 'originality', 'imagination']);
    expect(search('', { part: 'on-machines' }).personCounts).toEqual(new Map([['ada-lovelace', 3], ['grace-hopper', 3]]));
  });

  test('facets count the results with the other filters applied, most frequent first', () => {
    const result = search('', { person: 'grace-hopper' });
    expect(result.facets.part).toEqual([
      { slug: 'on-machines', label: 'On machines', count: 3 },
      { slug: 'leadership', label: 'Leadership', count: 2 },
    ]);
    expect(result.facets.source[0]).toEqual({ slug: 'oral-history', label: 'Oral history', count: 2 });
    expect(result.facets.person.map((f) => [f.slug, f.count])).toEqual([
      ['mary-somerville', 132],
      ['ada-lovelace', 5],
      ['grace-hopper', 5],
      ['edith-piaf', 3],
    ]);
    const both = search('', { person: 'grace-hopper', source: 'oral-history' });
    expect(both.hits.map((h) => h.doc.id)).toEqual(['compilers', 'ships']);
    expect(both.partCounts).toEqual(new Map([['on-machines', 1], ['leadership', 1]]));
  });
});

describe('prefixes', () => {
  const index = indexOf(
    ['Part 1: Words', '- On one: The cat sat. — Source: [A]', '- On two: Them dogs barked. — Source: [A]', '- On three: A theory of dogs. — Source: [A]'].join('\n'),
  );
  test.each([
    ['the', ['one'], 'a three-letter word is taken as meant'],
    ['theo', ['three'], 'from four letters, a word being typed'],
    ['dog', ['two', 'three'], 'three letters that are no word are a prefix'],
    ['ca', [], 'shorter ones are matched whole'],
  ])('“%s” finds %j: %s', (query, expected) => {
    expect(searchQuotes(index, query).hits.map((h) => h.doc.id)).toEqual(expected);
  });
});
