import { describe, expect, test } from 'vitest';
import { cardJobs } from '../../src/lib/card-jobs.ts';
import { listPages, PAGE_SIZE, siteRecords } from '../../src/lib/site.ts';
import { cardUrl, markdownUrl, personUrl } from '../../src/lib/urls.ts';
import { siteOf } from './helpers.ts';

const part = (title: string, count: number, topic = (i: number) => `t${i}`) =>
  [`Part 1: ${title}`, ...Array.from({ length: count }, (_, i) => `- On ${topic(i + 1)}: x — Source: [S]`)].join('\n');

describe('URLs', () => {
  test.each([
    ['/', '/index.md'],
    ['/parts/a/', '/parts/a.md'],
    ['/parts/a/2/', '/parts/a/2.md'],
    ['/ada/', '/ada.md'],
  ])('the Markdown twin of %s is %s', (url, md) => expect(markdownUrl(url)).toBe(md));

  test.each([
    ['/quotes/x/', '/', '/cards/quotes/x.png'],
    ['/', '/', '/cards/index.png'],
    ['/ada/parts/y/', '/ada/', '/ada/cards/parts/y.png'],
    ['/ada/', '/ada/', '/ada/cards/index.png'],
  ])('the card of %s (home %s) is %s', (url, home, card) => expect(cardUrl(url, home)).toBe(card));

  test('a person lives at / alone, at /<slug>/ among several', () => {
    expect(personUrl('ada', false)).toBe('/');
    expect(personUrl('ada', true)).toBe('/ada/');
  });
});

describe('list pages', () => {
  test('page 1 keeps the list URL, later pages are <list>/<n>/', () => {
    const pages = listPages('/parts/a/', Array.from({ length: 250 }, (_, i) => i));
    expect(pages.map((p) => [p.url, p.param, p.items.length])).toEqual([
      ['/parts/a/', undefined, 100],
      ['/parts/a/2/', '2', 100],
      ['/parts/a/3/', '3', 50],
    ]);
    expect(pages[1]!.urls).toEqual(['/parts/a/', '/parts/a/2/', '/parts/a/3/']);
  });

  test('an empty list is one empty page', () => {
    expect(listPages('/x/', [])).toMatchObject([{ url: '/x/', items: [] }]);
  });

  test('a page number that a record owns moves aside, and the record keeps its URL', () => {
    const pages = listPages('/quotes/', Array.from({ length: 300 }, (_, i) => i), new Set(['/quotes/2/', '/quotes/page-2/']));
    expect(pages.map((p) => p.url)).toEqual(['/quotes/', '/quotes/page-2-2/', '/quotes/3/']);
  });

  test('a quote knows the page of its part that lists it', () => {
    const site = siteOf({ Ada: part('Long', 150) });
    const [ada] = site.people;
    expect(ada!.listedAt.get('t1')).toBe('/parts/long/#t1');
    expect(ada!.listedAt.get('t101')).toBe('/parts/long/2/#t101');
  });
});

describe('a site', () => {
  const site = siteOf({
    'Grace Hopper': part('On machines', 3),
    'Ada Lovelace': part('On machines', PAGE_SIZE + 5, (i) => (i === 1 ? '2' : `t${i}`)),
  });

  test('people in name order, each with their own URLs and a title for several', () => {
    expect(site.people.map((p) => p.profile.url)).toEqual(['/ada-lovelace/', '/grace-hopper/']);
    expect(site.title).toBe('People, in quotes');
    expect(site.people[1]!.parts[0]!.url).toBe('/grace-hopper/parts/on-machines/');
  });

  test('no two pages share a URL, even when a quote is called "2"', () => {
    const urls = site.people.flatMap((p) => [
      p.profile.url,
      ...p.quotes.map((q) => q.url),
      ...p.parts.flatMap((part) => listPages(part.url, p.quotesOfPart.get(part.slug)!).map((page) => page.url)),
      ...p.sources.flatMap((source) => listPages(source.url, p.quotesOfSource.get(source.slug)!).map((page) => page.url)),
      ...[...p.partPages, ...p.sourcePages, ...p.quotePages].map((page) => page.url),
    ]);
    expect(urls).toContain('/ada-lovelace/quotes/2/');
    expect(urls).toContain('/ada-lovelace/quotes/page-2/');
    expect(new Set(urls).size).toBe(urls.length);
  });

  test('every card has its own path, next to its person', () => {
    const paths = [...cardJobs(site).values()].map((job) => job.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/cards/index.png');
    expect(paths).toContain('/grace-hopper/cards/index.png');
    expect(paths).toContain('/ada-lovelace/cards/quotes/2.png');
  });

  test('the public records hold everyone, and no single profile', () => {
    const records = siteRecords(site);
    expect(records.profile).toBeUndefined();
    expect(records.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(records.quotes).toHaveLength(PAGE_SIZE + 8);
  });

  test('a one-person site is titled by its person and keeps the profile', () => {
    const one = siteOf({ 'Grace Hopper': part('On machines', 3) });
    expect(one.title).toBe('Grace Hopper, in quotes');
    expect(siteRecords(one).profile?.name).toBe('Grace Hopper');
  });
});
