import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';

// Reads the built files directly: no browser needed, but it runs after the build like the rest.
const htmlFiles = (readdirSync('dist', { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));

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
