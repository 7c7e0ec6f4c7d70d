import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, FONT_SIZES, layOutCard, renderCard, textBottom } from '../../src/lib/card.ts';
import { parseProfile } from '../../src/lib/profile.ts';
import { DAVID } from './helpers.ts';
import type { Quote } from '../../src/lib/schema.ts';

const result = parseProfile(readFileSync('content/profiles/David Cramer.txt'), 'content/profiles/David Cramer.txt', DAVID);
const quotes = result.ok ? result.records.quotes : [];
const byLength = [...quotes].sort((a, b) => a.text.length - b.text.length);
const content = (q: Quote) => ({
  eyebrow: `On ${q.topic}`,
  text: q.text,
  kind: q.kind,
  attribution: `David Cramer · ${q.source.name}`,
  site: 'David Cramer, in quotes',
});

describe('social cards', () => {
  test('the longest quote of the seed fits the card: its glyphs end above the bottom edge', async () => {
    const { svg, fontSize } = await layOutCard(content(byLength.at(-1)!));
    expect(textBottom(svg)).toBeGreaterThan(CARD_HEIGHT / 2);
    expect(textBottom(svg)).toBeLessThanOrEqual(CARD_HEIGHT - 32);
    expect(fontSize).toBeGreaterThanOrEqual(32);
  });

  test('the shortest quote is set large, not lost in empty space', async () => {
    const { fontSize } = await layOutCard(content(byLength[0]!));
    expect(fontSize).toBe(FONT_SIZES[0]);
  });

  test('a text too long for any size still fits, at the smallest size, rather than overflowing silently', async () => {
    const { svg, fontSize } = await layOutCard({ ...content(byLength.at(-1)!), text: 'word '.repeat(400).trim() });
    expect(fontSize).toBe(FONT_SIZES.at(-1));
    // Too long for any size: the smallest is used, and the measurement says it does not fit.
    expect(textBottom(svg)).toBeGreaterThan(CARD_HEIGHT - 32);
  });

  test('a card is a 1200×630 PNG', async () => {
    const png = await renderCard(content(quotes[0]!));
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
  });

  test('characters outside Latin come from a fallback font instead of a box', async () => {
    const base = { ...content(quotes[0]!), kind: 'paraphrase' as const };
    const glyph = async (text: string) => {
      const { svg } = await layOutCard({ ...base, text });
      return [...svg.matchAll(/<path fill="#1c1b19" d="([^"]+)"/g)].map((m) => m[1]).join();
    };
    // No shipped font has CJK, so 日 is drawn as the "missing glyph" box; a covered letter is not.
    const box = await glyph('日');
    expect(box).not.toBe('');
    for (const letter of ['П', 'Ω', 'ệ', 'é', '—', '“']) expect(await glyph(letter), letter).not.toBe(box);
  });
});
