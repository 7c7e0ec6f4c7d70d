/**
 * Checks on the files of the build itself: no browser needed, but they run after the build like
 * the rest of the browser tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { records } from './records.ts';

const htmlFiles = (readdirSync('dist', { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
const read = (file: string) => readFileSync(join('dist', file), 'utf8');

// The checks below loop over the built pages: with none, they would pass having checked nothing.
test.beforeAll(() => expect(htmlFiles.length).toBeGreaterThan(100));

test('html-validate passes on every built page', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    // long-title counts `&quot;` as six characters; documentTitle() keeps the real text within 70
    // (tests/unit/text.test.ts).
    rules: { 'long-title': 'off' },
  });
  const problems: string[] = [];
  for (const file of htmlFiles) {
    const report = await validator.validateFile(join('dist', file));
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(problems).toEqual([]);
});

test('every page carries a Content-Security-Policy meta tag, and every internal link ends with /', () => {
  for (const file of htmlFiles) {
    const html = read(file);
    expect(html, file).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src/);
    const hrefs = [...html.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href, `${file} links to ${href}`).toMatch(/\/$|\.(json|xml|svg|css|png|md|txt)$/);
  }
});

/** The gzip bytes of the JavaScript a page runs before any interaction: its module scripts. */
function scriptBytes(html: string): number {
  const inline = [...html.matchAll(/<script type="module">([^]*?)<\/script>/g)].map((m) => m[1]!);
  const external = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => read(m[1]!.slice(1)));
  return [...inline, ...external].reduce((n, code) => n + gzipSync(code).length, 0);
}

test('every page but search runs under 2 KB of JavaScript (gzip) before any interaction', () => {
  for (const file of htmlFiles.filter((f) => f !== 'search/index.html')) {
    expect(scriptBytes(read(file)), file).toBeLessThan(2048);
  }
  // Search loads fuse and the index only on first use; its page script alone stays small too.
  expect(scriptBytes(read('search/index.html'))).toBeLessThan(4096);
});

test('a quote page is under 20 KB of HTML and CSS (gzip), and nothing blocks rendering but its own CSS', () => {
  for (const quote of records.quotes) {
    const html = read(`quotes/${quote.id}/index.html`);
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(m[1]!.slice(1)));
    const bytes = [html, ...css].reduce((n, text) => n + gzipSync(text).length, 0);
    expect(bytes, quote.id).toBeLessThan(20 * 1024);
    // Classic scripts would block parsing; Astro's are modules, which are deferred. (Only the
    // search page has a classic one: a line that must run before the first paint.)
    expect(html).not.toMatch(/<script(?![^>]*type="(module|application\/ld\+json)")[^>]*>/);
  }
});

test('no page loads anything from another origin', () => {
  for (const file of htmlFiles) {
    const html = read(file);
    const loads = [...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const external = loads.filter((url) => /^(https?:)?\/\//.test(url) && !html.includes(`rel="canonical" href="${url}"`));
    expect(external, file).toEqual([]);
  }
});

test('the sitemap lists every part, source and quote page', () => {
  const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
  for (const { url } of [...records.parts, ...records.sources, ...records.quotes]) {
    expect(sitemap).toContain(`${url}</loc>`);
  }
  expect(sitemap).not.toContain('404');
});
