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

test('html-validate passes on every built page', async () => {
  expect(htmlFiles.length).toBeGreaterThan(100);
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

test('a quote page loads under 2 KB of JavaScript (gzip) and nothing that blocks rendering', () => {
  const html = read(`quotes/${records.quotes[0]!.id}/index.html`);
  const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([^]*?)<\/script>/g)].map((m) => m[1]!);
  const external = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => read(m[1]!.slice(1)));
  const bytes = [...inline, ...external].reduce((n, code) => n + gzipSync(code).length, 0);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(2048);
  // Classic scripts in the head would block rendering; Astro's are modules, which are deferred.
  expect(html).not.toMatch(/<script(?![^>]*type="(module|application\/ld\+json)")[^>]*>/);
});

test('the sitemap lists every part, source and quote page', () => {
  const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
  for (const { url } of [...records.parts, ...records.sources, ...records.quotes]) {
    expect(sitemap).toContain(`${url}</loc>`);
  }
  expect(sitemap).not.toContain('404');
});
