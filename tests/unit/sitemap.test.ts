import { describe, expect, test } from 'vitest';
import { sitemapFiles } from '../../src/integrations/sitemap.ts';

const base = new URL('https://quotes.example.org/');
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('sitemap', () => {
  test('lists every page once, by URL with numbers in order, without the error pages', () => {
    const files = sitemapFiles(['', 'parts/x/10/', 'parts/x/2/', 'parts/x/', '404/', '/404', '500/', 'parts/x/2/', 'quotes/a-b/'], base);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(locs(files.get('sitemap-0.xml')!)).toEqual([
      'https://quotes.example.org/',
      'https://quotes.example.org/parts/x/',
      'https://quotes.example.org/parts/x/2/',
      'https://quotes.example.org/parts/x/10/',
      'https://quotes.example.org/quotes/a-b/',
    ]);
    expect(files.get('sitemap-0.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"><url><loc>/);
    expect(locs(files.get('sitemap-index.xml')!)).toEqual(['https://quotes.example.org/sitemap-0.xml']);
  });

  test('splits a large site into files of at most the limit, all named in the index', () => {
    // Astro's page names come with or without a leading slash; the site's base path stays.
    const pages = Array.from({ length: 7 }, (_, i) => `${i % 2 ? '/' : ''}quotes/q${i}/`);
    const files = sitemapFiles(pages, new URL('https://example.org/site/'), 3);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
    expect([0, 1, 2].map((i) => locs(files.get(`sitemap-${i}.xml`)!).length)).toEqual([3, 3, 1]);
    expect(locs(files.get('sitemap-index.xml')!)).toEqual([0, 1, 2].map((i) => `https://example.org/site/sitemap-${i}.xml`));
    expect(locs(files.get('sitemap-2.xml')!)).toEqual(['https://example.org/site/quotes/q6/']);
  });

  test('escapes what XML would read as markup, and never reads a path as a scheme or a host', () => {
    const xml = sitemapFiles(["a&b'c/", 'mailto:x/', '//evil.example/'], base).get('sitemap-0.xml')!;
    expect(locs(xml)).toEqual(['https://quotes.example.org/a&amp;b&apos;c/', 'https://quotes.example.org/evil.example/', 'https://quotes.example.org/mailto:x/']);
  });
});
