import { describe, expect, test } from 'vitest';
import { attributedText, documentTitle, kindLabel, shortenAtWord } from '../../src/lib/text.ts';

describe('shortenAtWord', () => {
  test.each([
    { text: 'short enough', max: 20, out: 'short enough' },
    { text: 'one two three four five', max: 12, out: 'one two…' },
    { text: 'cut, at — punctuation here', max: 12, out: 'cut, at…' },
    { text: 'averyveryverylongword', max: 10, out: 'averyvery…' },
  ])('$text at $max → $out', ({ text, max, out }) => {
    const short = shortenAtWord(text, max);
    expect(short).toBe(out);
    expect(short.length).toBeLessThanOrEqual(max);
  });
});

describe('documentTitle', () => {
  test.each([
    { title: 'Site', out: 'Site' },
    { title: 'Parts', out: 'Parts · Site' },
    { title: 'x'.repeat(66), out: 'x'.repeat(66) },
    { title: `${'word '.repeat(20)}end`, out: `${'word '.repeat(13).trim()}…` },
  ])('$title → $out', ({ title, out }) => {
    expect(documentTitle(title, 'Site')).toBe(out);
    expect(documentTitle(title, 'Site').length).toBeLessThanOrEqual(70);
  });
});

describe('attributedText', () => {
  const source = { name: 'Blog', slug: 'blog' };
  test('a direct quote in curly quotation marks, then the attribution', () => {
    expect(attributedText({ text: 'Ship it.', kind: 'direct', source }, 'Ada')).toBe('“Ship it.” — Ada, Blog');
  });
  test('a paraphrase without quotation marks, saying it is one', () => {
    expect(attributedText({ text: 'She ships.', kind: 'paraphrase', source }, 'Ada')).toBe('She ships. — paraphrasing Ada, Blog');
  });
  test('kinds in words', () => {
    expect([kindLabel('direct'), kindLabel('paraphrase')]).toEqual(['Direct quote', 'Paraphrase']);
  });
});
