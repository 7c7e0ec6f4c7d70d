/**
 * Social card images (1200×630 PNG) for link previews: satori lays the card out as SVG with the
 * fonts shipped in @fontsource packages, sharp turns it into a PNG. Cards are cached by content, so
 * a rebuild renders only the cards whose content changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import type { Kind } from './schema.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PADDING = 64;
const BORDER = 24;

/** What a card shows. */
export interface CardContent {
  /** A small line above the text: `On <topic>`, or `Part 3`. */
  eyebrow: string;
  /** The quote (without quotation marks), a part title, or the person's name. */
  text: string;
  /** A quote's kind: direct quotes get quotation marks, paraphrases a label saying so. */
  kind?: Kind;
  /** The attribution line: `David Cramer · Sentry Blog`. */
  attribution: string;
  /** The site's title, in the corner. */
  site: string;
}

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) => readFileSync(require.resolve(`@fontsource/${pkg}/files/${file}`));

// One family name per subset file: satori picks a font by family and weight, then falls back
// through the family list glyph by glyph, so subsets sharing one name would hide each other.
const SERIF_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'greek', 'vietnamese'];
const SANS_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese', 'devanagari'];
const FONT_FAMILY = [...SERIF_SUBSETS.map((s) => `Serif ${s}`), ...SANS_SUBSETS.map((s) => `Sans ${s}`)].join(', ');

let fonts: Font[] | undefined;
/**
 * Source Serif 4 for the text, with Noto Sans behind it: a letter Source Serif lacks comes from
 * Noto Sans instead of showing as a box.
 */
function loadFonts(): Font[] {
  fonts ??= [
    ...SERIF_SUBSETS.flatMap((subset) =>
      ([400, 600] as const).map((weight) => ({
        name: `Serif ${subset}`,
        weight,
        style: 'normal' as const,
        data: fontFile('source-serif-4', `source-serif-4-${subset}-${weight}-normal.woff`),
      })),
    ),
    ...SANS_SUBSETS.map((subset) => ({
      name: `Sans ${subset}`,
      weight: 400 as const,
      style: 'normal' as const,
      data: fontFile('noto-sans', `noto-sans-${subset}-400-normal.woff`),
    })),
  ];
  return fonts;
}

/** The font sizes a card's text may take, largest first: short quotes fill the card, long ones fit. */
export const FONT_SIZES = [72, 64, 56, 50, 44, 40, 36, 32, 29, 26, 24, 22, 20] as const;

/** A first guess at the largest size that fits, from the text's length; `renderCard` checks it. */
export function estimateFontSize(text: string): number {
  const width = CARD_WIDTH - 2 * PADDING - 24;
  const height = CARD_HEIGHT - 2 * PADDING - 150;
  return (
    FONT_SIZES.find((size) => {
      const perLine = Math.floor(width / (size * 0.5));
      const lines = Math.ceil((text.length * 1.08) / perLine);
      return lines * size * 1.3 <= height;
    }) ?? FONT_SIZES.at(-1)!
  );
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };
const div = (style: Record<string, unknown>, ...children: (Node | string)[]): Node => ({ type: 'div', props: { style, children } });

function cardTree(content: CardContent, fontSize: number): Node {
  const direct = content.kind === 'direct';
  const paraphrase = content.kind === 'paraphrase';
  const text = direct ? `“${content.text}”` : content.text;
  return div(
    {
      // Satori sizes boxes without their padding and border (content-box).
      width: CARD_WIDTH - 2 * PADDING - BORDER,
      height: CARD_HEIGHT - 2 * PADDING,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: PADDING,
      background: '#fbfaf7',
      color: '#1c1b19',
      fontFamily: FONT_FAMILY,
      borderLeft: `${BORDER}px ${paraphrase ? 'dashed #6b6860' : 'solid #9a3412'}`,
    },
    div(
      { display: 'flex', justifyContent: 'space-between', fontSize: 28, color: '#57544e' },
      div({ display: 'flex' }, content.eyebrow),
      ...(paraphrase ? [div({ display: 'flex', textTransform: 'uppercase', letterSpacing: 2, fontSize: 22 }, 'Paraphrase')] : []),
    ),
    div({ display: 'flex', fontSize, lineHeight: 1.3 }, text),
    div(
      { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 28 },
      div({ display: 'flex', fontWeight: 600 }, content.attribution),
      div({ display: 'flex', fontSize: 22, color: '#57544e' }, content.site),
    ),
  );
}

/** The card as SVG at one font size; text is drawn as paths. */
export function renderCardSvg(content: CardContent, fontSize: number): Promise<string> {
  return satori(cardTree(content, fontSize) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
  });
}

/**
 * How far down the drawn text reaches, from the glyph paths' coordinates. Satori does not clip,
 * so text that does not fit reaches below the card's bottom padding.
 */
export function textBottom(svg: string): number {
  let bottom = 0;
  // Glyphs are the paths with a fill and nothing else; borders and masks are drawn otherwise.
  for (const [, d] of svg.matchAll(/<path fill="[^"]*" d="([^"]+)"/g)) {
    const numbers = d!.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
    for (let i = 1; i < numbers.length; i += 2) bottom = Math.max(bottom, Number(numbers[i]));
  }
  return bottom;
}

/** Whether the card's content stays inside its padding. */
export function fits(svg: string): boolean {
  return textBottom(svg) <= CARD_HEIGHT - PADDING / 2;
}

/** Lays out the card at the largest size whose text fits, measured on the rendered SVG. */
export async function layOutCard(content: CardContent): Promise<{ svg: string; fontSize: number }> {
  const sizes = FONT_SIZES.slice(FONT_SIZES.indexOf(estimateFontSize(content.text) as (typeof FONT_SIZES)[number]));
  let svg = '';
  for (const fontSize of sizes) {
    svg = await renderCardSvg(content, fontSize);
    if (fits(svg)) return { svg, fontSize };
  }
  return { svg, fontSize: FONT_SIZES.at(-1)! };
}

// Bump when the design changes, so cached cards are drawn again.
const DESIGN_VERSION = 1;
const CACHE = join('node_modules', '.cache', 'quote-browser', 'cards');

/** The card as PNG, from the cache when the same content was drawn before. */
export async function renderCard(content: CardContent): Promise<Uint8Array<ArrayBuffer>> {
  const key = createHash('sha256').update(JSON.stringify([DESIGN_VERSION, content])).digest('hex').slice(0, 32);
  const cached = join(CACHE, `${key}.png`);
  if (existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const { svg } = await layOutCard(content);
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, png);
  return new Uint8Array(png);
}
