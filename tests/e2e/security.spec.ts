import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pagePolicy } from '../../src/lib/headers.ts';
import { brokenPermalinks, parsePermalinks, publishedUrls } from '../../src/lib/permalinks.ts';
import { records } from './records.ts';

const htmlFiles = (readdirSync('dist', { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
const policies = htmlFiles.map((file) => ({ file, policy: pagePolicy(readFileSync(join('dist', file), 'utf8')) }));

// The checks below loop over the built pages: with none, they would pass having checked nothing.
test.beforeAll(() => expect(htmlFiles.length).toBeGreaterThan(100));

test('every page’s policy allows only the site’s own scripts and styles', () => {
  for (const { file, policy } of policies) {
    expect(policy, file).toBeDefined();
    for (const directive of ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) {
      expect(policy, file).toContain(directive);
    }
    expect(policy, file).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    expect(policy, file).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    expect(policy, file).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  }
});

test('no page has inline event handlers, javascript: links or inline scripts whose hash the policy lacks', () => {
  for (const { file, policy } of policies) {
    const html = readFileSync(join('dist', file), 'utf8');
    expect(html, file).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(html, file).not.toMatch(/href="\s*javascript:/i);
    for (const [, code] of html.matchAll(/<script(?: type="module")?>([^]*?)<\/script>/g)) {
      const hash = createHash('sha256').update(code!).digest('base64');
      expect(policy, `${file}: inline script ${code!.slice(0, 40)}…`).toContain(`'sha256-${hash}'`);
    }
  }
});

test('the policy comes before every script, so no script runs outside it', () => {
  for (const { file } of policies) {
    const html = readFileSync(join('dist', file), 'utf8');
    const policyAt = html.search(/<meta http-equiv="content-security-policy"/i);
    const firstScript = html.search(/<script\b/i);
    expect(policyAt, file).toBeGreaterThan(0);
    if (firstScript >= 0) expect(policyAt, `${file}: a <script> before the policy`).toBeLessThan(firstScript);
  }
});

test('the policy refuses a script injected into a page, and its inline event handlers', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.goto(records.quotes[0]!.url);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__clicked = true');
    button.textContent = 'inject';
    document.body.append(button);
  });
  await page.getByRole('button', { name: 'inject' }).click();
  const ran = await page.evaluate(() => ({
    script: (window as { __injected?: boolean }).__injected,
    handler: (window as { __clicked?: boolean }).__clicked,
  }));
  expect(ran).toEqual({ script: undefined, handler: undefined });
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  // The page's own script still ran under the same policy.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
});

test('_headers carries the pages’ policy as HTTP headers, with nosniff, a referrer policy and asset caching', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  const sitePolicy = /Content-Security-Policy: (.+)/.exec(headers)![1]!;
  for (const { policy } of policies) {
    for (const hash of policy!.match(/'sha256-[^']+'/g) ?? []) expect(sitePolicy).toContain(hash);
  }
  expect(sitePolicy).toContain("frame-ancestors 'none'");
  expect(headers).toContain('X-Content-Type-Options: nosniff');
  expect(headers).toMatch(/Referrer-Policy: \S+/);
  expect(headers).toMatch(/\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
});

test('every published URL in permalinks.txt still exists or redirects, and new URLs are listed', () => {
  const listed = parsePermalinks(readFileSync('permalinks.txt', 'utf8'));
  const built = publishedUrls('dist');
  // The build writes a page (or a copy of the file) for every URL that moved, so all are in dist.
  expect(brokenPermalinks(listed, built, new Map()), 'URLs that broke: restore them or add redirects in src/redirects.ts').toEqual([]);
  expect(
    built.filter((url) => !listed.includes(url)),
    'new URLs: run `npm run permalinks` and commit permalinks.txt',
  ).toEqual([]);
});
