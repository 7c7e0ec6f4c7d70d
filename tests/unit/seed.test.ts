import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseProfile } from '../../src/lib/profile.ts';
import { DAVID } from './helpers.ts';
import { RecordsSchema, type Records } from '../../src/lib/schema.ts';
import { slugify } from '../../src/lib/slug.ts';

const seedText = readFileSync('content/profiles/David Cramer.txt', 'utf8');
const result = parseProfile(readFileSync('content/profiles/David Cramer.txt'), 'content/profiles/David Cramer.txt', DAVID);
const records = (result.ok ? result.records : undefined) as Records;
const quote = (topic: string) => records.quotes.find((q) => q.topic === topic);

describe('the seed profile', () => {
  test('parses without errors into records that pass the schema', () => {
    expect(result.ok).toBe(true);
    expect(RecordsSchema.safeParse(records).success).toBe(true);
  });

  test('has 8 parts, 18 sources and 75 quotes, 18 of them direct', () => {
    expect(records.parts).toHaveLength(8);
    expect(records.sources).toHaveLength(18);
    expect(records.quotes).toHaveLength(75);
    expect(records.quotes.filter((q) => q.kind === 'direct')).toHaveLength(18);
    expect(records.parts.reduce((n, p) => n + p.quoteCount, 0)).toBe(75);
    expect(records.sources.reduce((n, s) => n + s.quoteCount, 0)).toBe(75);
  });

  test('every id is unique and follows the slug rule', () => {
    const ids = records.quotes.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of records.quotes) expect(q.id).toBe(slugify(q.topic));
  });

  test('every quote is the seed line it came from, character for character', () => {
    const lines = seedText.split('\n');
    for (const q of records.quotes) {
      const text = q.kind === 'direct' ? `"${q.text}"` : q.text;
      expect(lines[q.line - 1]).toBe(`- On ${q.topic}: ${text} — Source: [${q.source.name}]`);
    }
  });

  test.each([
    {
      topic: 'the Atlassian model',
      text: 'The ideal software business builds a product so inherently useful and frictionless to purchase that it functions without needing a traditional outbound sales team.',
      kind: 'paraphrase',
      source: { name: 'Evil Martians', slug: 'evil-martians' },
    },
    {
      topic: 'funding open source',
      text: 'We do believe giving cash money to maintainers is an appropriate way to show your thanks, to recognize their hard work, [and] the value they create for you.',
      kind: 'direct',
      source: { name: 'Developer Tech', slug: 'developer-tech' },
    },
    {
      topic: 'target audiences',
      text: 'Instead of chasing complex contracts with the Fortune 500, companies should aim to build for the "Fortune 500,000"—the massive long tail of developers and small teams.',
      kind: 'paraphrase',
      part: { number: 3, title: 'Building for the Fortune 500,000', slug: 'building-for-the-fortune-500-000' },
    },
    {
      topic: 'defining a bug',
      text: "What do we think of as a bug? Users, not developers. Because you talk to a developer about what's a bug and they're like, 'Well, that's not really a bug.' And you're like, 'No, it's broken, it doesn't work right.'",
      kind: 'direct',
      id: 'defining-a-bug',
      url: '/quotes/defining-a-bug/',
      line: 4,
    },
  ])('$topic comes out whole', ({ topic, ...expected }) => {
    expect(quote(topic)).toMatchObject(expected);
  });

  test('part titles keep their quotation marks and ampersands', () => {
    expect(records.parts.map((p) => [p.number, p.title])).toContainEqual([4, 'Leadership, Decisiveness, and "Taste"']);
    expect(records.parts.find((p) => p.number === 4)?.slug).toBe('leadership-decisiveness-and-taste');
    expect(records.sources.map((s) => s.slug)).toEqual(expect.arrayContaining(['simon-willisons-weblog', 'cio-com']));
  });
});
