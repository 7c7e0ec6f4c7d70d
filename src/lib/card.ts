/**
 * Social card images (1200×630 PNG) for link previews: satori lays the card out as SVG with the
 * fonts shipped in @fontsource packages, resvg rasterises it and png.ts encodes it as a PNG.
 * Cards are drawn on worker threads (Astro renders several pages at once, so calls arrive
 * together) and cached by content, so a rebuild draws only the cards whose content changed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import Tinypool from 'tinypool';
import { encodePalettePng, rampPalette } from './png.ts';
import type { Kind } from './schema.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PADDING = 64;
const BORDER = 24;

/** Every colour a card is drawn in; the PNG's palette is made from these. */
const COLOURS = {
  paper: '#fbfaf7',
  ink: '#1c1b19',
  /** The eyebrow, the site's name and the paraphrase label. */
  muted: '#57544e',
  /** A direct quote's border. */
  accent: '#9a3412',
  /** A paraphrase's dashed border. */
  dashed: '#6b6860',
};

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
      background: COLOURS.paper,
      color: COLOURS.ink,
      fontFamily: FONT_FAMILY,
      borderLeft: `${BORDER}px ${paraphrase ? `dashed ${COLOURS.dashed}` : `solid ${COLOURS.accent}`}`,
    },
    div(
      { display: 'flex', justifyContent: 'space-between', fontSize: 28, color: COLOURS.muted },
      div({ display: 'flex' }, content.eyebrow),
      ...(paraphrase ? [div({ display: 'flex', textTransform: 'uppercase', letterSpacing: 2, fontSize: 22 }, 'Paraphrase')] : []),
    ),
    div({ display: 'flex', fontSize, lineHeight: 1.3 }, text),
    div(
      { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 28 },
      div({ display: 'flex', fontWeight: 600 }, content.attribution),
      div({ display: 'flex', fontSize: 22, color: COLOURS.muted }, content.site),
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

/** A card laid out: its SVG, the font size chosen, and whether the text fits the card at that size. */
export interface CardLayout {
  svg: string;
  fontSize: number;
  /** False when the text is too long even at the smallest size: the SVG then overflows the card. */
  fits: boolean;
}

/**
 * Lays out the card at the largest size, from the estimate down, whose text fits, measured on the
 * rendered SVG. A text too long for every size is laid out at the smallest, with `fits: false`.
 */
export async function layOutCard(content: CardContent): Promise<CardLayout> {
  const sizes = FONT_SIZES.slice(FONT_SIZES.indexOf(estimateFontSize(content.text) as (typeof FONT_SIZES)[number]));
  let svg = '';
  for (const fontSize of sizes) {
    svg = await renderCardSvg(content, fontSize);
    if (fits(svg)) return { svg, fontSize, fits: true };
  }
  return { svg, fontSize: FONT_SIZES.at(-1)!, fits: false };
}

/**
 * The PNG's 16 colours: the paper, and ramps from it to each ink for the anti-aliased edges. Text
 * is nearly all ink, so its ramp gets most steps; the borders are straight and need no ramp.
 * Against the truecolor rendering the PSNR is 50.3 dB on average over 100 cards of the
 * benchmark's generated text (sharp's quantiser with 16 colours: 49.4 dB): nothing to see side by
 * side, at 22 KB a card. Entries must differ at 5 bits a channel, or one of them is never used.
 */
export const CARD_PALETTE = rampPalette(COLOURS.paper, [
  [COLOURS.ink, 10],
  [COLOURS.muted, 3],
  [COLOURS.accent, 1],
  [COLOURS.dashed, 1],
]);

/**
 * How resvg draws a card's SVG. Satori draws text as paths, so resvg needs no fonts (loading the
 * system's took 4 ms a card). The paper behind everything keeps the picture opaque, as the
 * encoder needs: a transparent pixel would come out as black.
 */
export const RESVG_OPTIONS = { font: { loadSystemFonts: false }, background: COLOURS.paper };

/** Draws the card: the PNG, and whether its text fits (see `layOutCard`). The workers run this. */
export async function drawCard(content: CardContent): Promise<{ png: Uint8Array<ArrayBuffer>; fits: boolean }> {
  const layout = await layOutCard(content);
  const image = new Resvg(layout.svg, RESVG_OPTIONS).render();
  return { png: encodePalettePng(image.pixels, image.width, image.height, CARD_PALETTE), fits: layout.fits };
}

// Bump when the design or the PNG encoding changes, so cached cards are drawn again.
const DESIGN_VERSION = 4;

/** The cache key of a card: a hash of its content and the design version, 32 hex digits. */
export function cardKey(content: CardContent): string {
  const { eyebrow, text, kind, attribution, site } = content;
  // Fields in a fixed order, so how the caller built the object does not matter.
  const fields = [DESIGN_VERSION, eyebrow, text, kind ?? null, attribution, site];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32);
}

/** The card cache folder: `QUOTE_CARD_CACHE` if set, else `node_modules/.cache/quote-browser/cards`. */
export function cardCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.QUOTE_CARD_CACHE || join('node_modules', '.cache', 'quote-browser', 'cards');
}

/** A cached card (`<key>.png`), or a temporary file left by a write that never finished. */
const CACHE_FILE = /^([0-9a-f]{32})\.png(\..+\.tmp)?$/;

/**
 * Writes to a temporary file beside `file`, then renames it into place: rename is atomic, so
 * readers (a card drawn at the same time, the next build) see the whole card or none, never part.
 */
async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * How many worker threads draw cards: `QUOTE_CARD_THREADS` if set (0 draws on the calling thread),
 * else one per core. A card keeps its thread busy the whole time it is drawn (satori, then resvg
 * and the encoder, all synchronous), so more workers than cores only take turns: 600 cards on 2
 * cores drew at 50 a second with 2 workers, 47 with 3, 43 with 4.
 */
function threadCount(): number {
  const configured = process.env.QUOTE_CARD_THREADS;
  return configured ? Number(configured) : availableParallelism();
}

/**
 * The worker's entry, through the "imports" map in package.json: from this module where it can
 * (its source folder under vitest and astro dev, a bundled chunk inside the project during astro
 * build), else from the project folder the build runs in, for a build written where no
 * package.json is above its chunks (under node_modules or outside the project).
 */
function workerFile(): string {
  try {
    return require.resolve('#card-worker');
  } catch {
    return createRequire(join(process.cwd(), 'package.json')).resolve('#card-worker');
  }
}

let pool: { tinypool: Tinypool; pending: Set<(error: Error) => void> } | undefined;
/** The worker pool, started on first use; workers start as cards queue up and end when idle. */
function cardPool(): NonNullable<typeof pool> {
  if (pool) return pool;
  const tinypool = new Tinypool({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: threadCount(),
    // Idle workers are unref'd by tinypool, so they never keep a build from exiting; ending them
    // after a while also frees their memory in a long-running dev server.
    idleTimeout: 5000,
    // Tasks through the event loop, not tinypool's default Atomics.wait loop, which runs task
    // after task without a turn of the loop: Node frees native objects (resvg's 3 MB pixmaps)
    // from the loop, so 1,000 cards grew the process to 7.1 GB that way, 0.93 GB this way.
    useAtomics: false,
  });
  const pending = new Set<(error: Error) => void>();
  // A worker whose code fails to load has no task to fail: tinypool emits the error on the pool,
  // which with no listener crashes the process (the dev server) while queued cards wait forever.
  tinypool.on('error', (error: Error) => {
    for (const reject of pending) reject(error);
    if (pool?.tinypool === tinypool) void closeCardPool();
  });
  return (pool = { tinypool, pending });
}

/**
 * Draws the card on a worker thread. The card's promise also fails if the pool does; each card
 * leaves the pool's list of waiting cards when done. (Racing every card against one promise
 * that never settles kept every card's result alive through it: 25 KB a card, 2.5 GB at 100,000.)
 */
function drawOnWorker(content: CardContent): ReturnType<typeof drawCard> {
  const { tinypool, pending } = cardPool();
  return new Promise((resolve, reject) => {
    pending.add(reject);
    (tinypool.run(content) as ReturnType<typeof drawCard>).then(resolve, reject).finally(() => pending.delete(reject));
  });
}

/** Ends the card workers (tests call it; a build exits without it). */
export async function closeCardPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.tinypool.destroy();
}

/** Options of `renderCard`. */
export interface RenderCardOptions {
  /** Names the card in the warning about a text too long to fit, e.g. the quote's URL. */
  label?: string;
  /** The cache folder (default `cardCacheDir()`), or `false` for no cache. */
  cacheDir?: string | false;
}

/**
 * The card as PNG, from the cache when the same content was drawn before, else drawn on a worker
 * thread and cached. When the text is too long to fit at any size, the card is drawn overflowing
 * at the smallest size, a warning naming `options.label` (pass the page's URL) is printed with
 * `console.warn` on this thread, and the card is not cached, so every build warns until the text
 * is shortened.
 */
export async function renderCard(content: CardContent, options: RenderCardOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const dir = options.cacheDir ?? cardCacheDir();
  const file = dir === false ? undefined : join(dir, `${cardKey(content)}.png`);
  if (file) {
    try {
      return new Uint8Array(await readFile(file));
    } catch {
      // Not cached yet (or unreadable): draw it.
    }
  }
  const { png, fits } = threadCount() > 0 ? await drawOnWorker(content) : await drawCard(content);
  if (!fits) {
    console.warn(
      `Social card ${options.label ?? JSON.stringify(content.eyebrow)}: the text (${content.text.length} characters) is too long for the card even at ${FONT_SIZES.at(-1)}px and overflows it; shorten it.`,
    );
  } else if (file) {
    // The cache only saves time: a card that cannot be cached is still a card.
    await mkdir(dirname(file), { recursive: true })
      .then(() => writeAtomically(file, png))
      .catch((error: Error) => console.warn(`Social card cache: could not write ${file}: ${error.message}`));
  }
  return png;
}

/**
 * Deletes every card in the cache folder whose key is not in `keep` (pass the keys of the cards a
 * build used, from `cardKey`), and temporary files left by interrupted writes, so the cache holds
 * only current cards. Other files in the folder are left alone. Returns how many were deleted.
 */
export async function pruneCardCache(keep: Iterable<string>, dir: string = cardCacheDir()): Promise<number> {
  const kept = new Set(keep);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const match = CACHE_FILE.exec(name);
    if (!match || (kept.has(match[1]!) && !match[2])) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
