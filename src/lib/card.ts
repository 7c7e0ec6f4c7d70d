/**
 * Social card images (1200×630 PNG) for link previews: sharp's text renderer (Pango) sets each
 * text in the fonts shipped in @fontsource packages, this module places them on the card, and
 * png.ts encodes it with the card's 16 colours. Cards are drawn on worker threads (Astro renders
 * several pages at once, so calls arrive together) and cached by content, so a rebuild draws only
 * the cards whose content changed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import sharp from 'sharp';
import Tinypool from 'tinypool';
import { encodeIndexedPng, rampPalette } from './png.ts';
import { xmlEscape } from './text.ts';
import { woffToSfnt } from './woff.ts';
import type { Kind } from './schema.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PADDING = 64;
const BORDER = 24;
/** The least space between the text and the rows above and below it. */
const ROW_GAP = 8;

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

// Source Serif 4 for every text, Noto Sans behind it for letters Source Serif lacks (Devanagari,
// for one). The packages split each font into files by script; fontconfig joins the files of a
// family, so each letter comes from whichever file has it.
const SERIF_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'greek', 'vietnamese'];
const SANS_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese', 'devanagari'];
const FONT_FILES = [
  ...SERIF_SUBSETS.flatMap((subset) => [400, 600].map((weight) => `source-serif-4/files/source-serif-4-${subset}-${weight}-normal.woff`)),
  ...SANS_SUBSETS.map((subset) => `noto-sans/files/noto-sans-${subset}-400-normal.woff`),
];
// The semibold files name their own family (fontconfig would pick the regular "Source Serif 4"
// for a semibold "Source Serif 4"). The comma ends Pango's list of families, so that no family's
// last word ("SemiBold") is read as a style.
const FAMILY = 'Source Serif 4, Noto Sans,';
const SEMIBOLD_FAMILY = 'Source Serif 4 SemiBold, Noto Sans, Semi-Bold';

/** Writes `data` to `file` unless it already holds it, through a temporary file renamed into place. */
function writeIfChanged(file: string, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (existsSync(file) && readFileSync(file).equals(bytes)) return;
  const temporary = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

let fontsReady = false;
/**
 * Gives the cards' text renderer (Pango and fontconfig inside sharp) our fonts and only them:
 * unpacks the @fontsource WOFF files to TrueType in `dir` and points fontconfig at a configuration
 * that lists that folder alone, so a card looks the same on every machine, whatever fonts it has
 * (or none, and no fontconfig set-up at all). fontconfig reads `FONTCONFIG_FILE` once, from the
 * process's environment, which worker threads cannot change: call this on the main thread before
 * the first card is drawn (`renderCard` does).
 */
function prepareCardFonts(dir: string = join('node_modules', '.cache', 'quote-browser', 'card-fonts')): void {
  if (fontsReady) return;
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  for (const file of FONT_FILES) {
    writeIfChanged(join(folder, `${basename(file, '.woff')}.ttf`), woffToSfnt(readFileSync(require.resolve(`@fontsource/${file}`))));
  }
  const config = `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${xmlEscape(folder)}</dir>\n  <cachedir>${xmlEscape(join(folder, 'cache'))}</cachedir>\n</fontconfig>\n`;
  writeIfChanged(join(folder, 'fonts.conf'), config);
  process.env.FONTCONFIG_FILE = join(folder, 'fonts.conf');
  fontsReady = true;
}

/** The font sizes a card's text may take, largest first: short quotes fill the card, long ones fit. */
export const FONT_SIZES = [72, 64, 56, 50, 44, 40, 36, 32, 29, 26, 24, 22, 20] as const;

/** A first guess at the largest size that fits, from the text's length; `drawCard` checks it. */
function estimateFontSize(text: string): number {
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

/** Text drawn by Pango: how much each pixel is covered by ink, 0 to 255, in a box as big as the text. */
interface Mask {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Options of `drawText`. */
interface TextStyle {
  size: number;
  /** Wraps at this width, in pixels. */
  width: number;
  semibold?: boolean;
  /** Extra pixels between lines. */
  spacing?: number;
}

/** Draws `markup` (Pango markup: escape the text in it) in the cards' fonts. */
async function drawText(markup: string, { size, width, semibold = false, spacing = 0 }: TextStyle): Promise<Mask> {
  // At sharp's default 72 dpi, a point is a pixel.
  const font = `${semibold ? SEMIBOLD_FAMILY : FAMILY} ${size}`;
  // In colour (rgba), the alpha channel is the coverage: 2–3 times faster than the grey picture.
  const { data, info } = await sharp({ text: { text: markup, font, width, spacing, wrap: 'word-char', rgba: true } })
    .extractChannel(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** How many drawn lines `drawLine` keeps: about 20 KB each. */
const LINES_KEPT = 500;
const drawnLines = new Map<string, Promise<Mask>>();
/**
 * Draws a short line that many cards share, the same way as `drawText`, from the lines drawn
 * before where it can: every card has the site's name, half have the paraphrase label, and a
 * source's quotes share their attribution (3,700 of 10,100 at 10,000 quotes). Each call to
 * Pango costs about 0.7 ms however short the text, a seventh of a card's text.
 */
function drawLine(markup: string, style: TextStyle): Promise<Mask> {
  const key = JSON.stringify([markup, style.size, style.width, style.semibold ?? false, style.spacing ?? 0]);
  let mask = drawnLines.get(key);
  if (mask) {
    // Most recently used last, so the oldest unused line is the one to go.
    drawnLines.delete(key);
  } else {
    mask = drawText(markup, style);
    // A failed draw is not kept: the next card tries again.
    const drawn = mask;
    mask.catch(() => {
      if (drawnLines.get(key) === drawn) drawnLines.delete(key);
    });
    if (drawnLines.size >= LINES_KEPT) drawnLines.delete(drawnLines.keys().next().value!);
  }
  drawnLines.set(key, mask);
  return mask;
}

const lineGaps = new Map<number, number>();
/**
 * The extra space between lines that makes a line 1.3 times the font size, as the pages set it:
 * Pango spaces lines by the font's own height and adds this, measured once per size.
 */
async function lineGap(size: number): Promise<number> {
  let gap = lineGaps.get(size);
  if (gap === undefined) {
    const [one, two] = await Promise.all(['x', 'x\nx'].map((text) => drawText(text, { size, width: CARD_WIDTH })));
    gap = Math.round(1.3 * size - (two!.height - one!.height));
    lineGaps.set(size, gap);
  }
  return gap;
}

/** How many steps each colour's anti-aliasing ramp has in the palette: the text's ink gets most. */
const RAMPS = { ink: 10, muted: 3, accent: 1, dashed: 1 } as const;
type Ink = keyof typeof RAMPS;

/**
 * The PNG's 16 colours: the paper, and ramps from it to each ink for the anti-aliased edges. Text
 * is nearly all ink, so its ramp gets most steps; the borders are straight and need no ramp.
 */
export const CARD_PALETTE = rampPalette(
  COLOURS.paper,
  Object.entries(RAMPS).map(([ink, steps]) => [COLOURS[ink as Ink], steps] as const),
);
/** Where each ink's ramp starts in the palette. */
const FIRST: Record<Ink, number> = { ink: 1, muted: 1 + RAMPS.ink, accent: 1 + RAMPS.ink + RAMPS.muted, dashed: 2 + RAMPS.ink + RAMPS.muted };

/** A card being drawn: one palette index a pixel, 0 (the paper) to begin with. */
type Picture = Uint8Array;

/** For each ink, the palette index of each coverage 0–255: the step of its ramp nearest it (0 is the paper). */
const COVERAGE = Object.fromEntries(
  (Object.keys(RAMPS) as Ink[]).map((ink) => [ink, Uint8Array.from({ length: 256 }, (_, a) => {
    const step = Math.round((a * RAMPS[ink]) / 255);
    return step && FIRST[ink] + step - 1;
  })]),
) as Record<Ink, Uint8Array>;

/** Paints text onto the picture in `ink`. */
function paint(picture: Picture, mask: Mask, left: number, top: number, ink: Ink): void {
  const index = COVERAGE[ink];
  // Cut off what falls outside the card (a text too long for it).
  const rows = Math.min(mask.height, CARD_HEIGHT - top);
  const columns = Math.min(mask.width, CARD_WIDTH - left);
  for (let y = 0; y < rows; y++) {
    const from = y * mask.width;
    const to = (top + y) * CARD_WIDTH + left;
    for (let x = 0; x < columns; x++) {
      const colour = index[mask.data[from + x]!]!;
      if (colour) picture[to + x] = colour;
    }
  }
}

/** Fills a rectangle of the picture with one ink. */
function fill(picture: Picture, left: number, top: number, width: number, height: number, ink: Ink): void {
  for (let y = top; y < Math.min(top + height, CARD_HEIGHT); y++) picture.fill(FIRST[ink] + RAMPS[ink] - 1, y * CARD_WIDTH + left, y * CARD_WIDTH + left + width);
}

/** What `drawCard` drew: the PNG, the font size of the text, and whether the text fits. */
export interface DrawnCard {
  png: Uint8Array<ArrayBuffer>;
  fontSize: number;
  /** False when the text is too long even at the smallest size: the card then cuts it off. */
  fits: boolean;
}

/**
 * Draws the card: the eyebrow (and a paraphrase's label) at the top, the attribution and the
 * site's name at the bottom, and the text between them at the largest size, from the estimate
 * down, at which it fits. The workers run this.
 */
export async function drawCard(content: CardContent): Promise<DrawnCard> {
  // On a worker, the main thread has done it: a worker cannot set fontconfig's environment.
  if (isMainThread) prepareCardFonts();
  const paraphrase = content.kind === 'paraphrase';
  const inner = CARD_WIDTH - BORDER - 2 * PADDING;
  const left = BORDER + PADDING;
  const right = CARD_WIDTH - PADDING;
  // Only the lines that cards share go through drawLine: an eyebrow names the quote's own topic.
  const line = (text: string, style: TextStyle, draw = drawLine) => (text ? draw(xmlEscape(text), style) : undefined);
  // Letters 2 px apart: Pango's letter_spacing is in 1024ths of a point.
  const [label, site] = await Promise.all([
    paraphrase ? drawLine('<span letter_spacing="2048">PARAPHRASE</span>', { size: 22, width: inner }) : undefined,
    line(content.site, { size: 22, width: inner }),
  ]);
  // The top and bottom rows share their width: the eyebrow and the attribution wrap before the
  // label and the site's name.
  const beside = (mask: Mask | undefined) => inner - (mask ? mask.width + 32 : 0);
  const [eyebrow, attribution] = await Promise.all([
    line(content.eyebrow, { size: 28, width: beside(label) }, drawText),
    line(content.attribution, { size: 28, width: beside(site), semibold: true }),
  ]);
  const top = PADDING + (eyebrow?.height ?? 0);
  const room = CARD_HEIGHT - PADDING - (attribution?.height ?? 0) - top - 2 * ROW_GAP;

  const text = xmlEscape(content.kind === 'direct' ? `“${content.text}”` : content.text);
  const sizes = FONT_SIZES.slice(FONT_SIZES.indexOf(estimateFontSize(content.text) as (typeof FONT_SIZES)[number]));
  let body: Mask | undefined;
  let fontSize = sizes[0]!;
  for (fontSize of sizes) {
    body = await drawText(text, { size: fontSize, width: inner, spacing: await lineGap(fontSize) });
    if (body.height <= room) break;
  }
  const fits = body!.height <= room;

  const picture: Picture = new Uint8Array(CARD_WIDTH * CARD_HEIGHT);
  if (paraphrase) {
    for (let y = 0; y < CARD_HEIGHT; y += 3 * BORDER) fill(picture, 0, y, BORDER, 2 * BORDER, 'dashed');
  } else {
    fill(picture, 0, 0, BORDER, CARD_HEIGHT, 'accent');
  }
  if (eyebrow) paint(picture, eyebrow, left, PADDING, 'muted');
  if (label) paint(picture, label, right - label.width, PADDING, 'muted');
  paint(picture, body!, left, top + ROW_GAP + (fits ? Math.round((room - body!.height) / 2) : 0), 'ink');
  if (attribution) paint(picture, attribution, left, CARD_HEIGHT - PADDING - attribution.height, 'ink');
  if (site) paint(picture, site, right - site.width, CARD_HEIGHT - PADDING - site.height, 'muted');
  return { png: encodeIndexedPng(picture, CARD_WIDTH, CARD_HEIGHT, CARD_PALETTE), fontSize, fits };
}

// Bump when the design or the PNG encoding changes what a card looks like, so cached cards are
// drawn again (the same pixels in other bytes need no bump).
const DESIGN_VERSION = 5;

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
 * else one per core. sharp sets the text on its own threads, the worker places it and encodes the
 * PNG: 600 cards on 2 cores drew at 93–96 a second with 1 worker, 123–129 with 2, 130–133 with 4
 * (for a third more memory). With 0, the main thread does the worker's part, which Astro's pages
 * need it for.
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
    // after task without a turn of the loop: Node frees native memory (sharp's buffers; resvg's
    // 3 MB pixmaps, when it drew the cards) from the loop, so 1,000 cards grew the process to
    // 7.1 GB that way, 0.93 GB this way.
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
  const file = cacheFile(content, options);
  if (file) {
    try {
      return new Uint8Array(await readFile(file));
    } catch {
      // Not cached yet (or unreadable): draw it.
    }
  }
  return (await drawAndCache(content, file, options.label)).png;
}

/** Where the card is cached, or undefined when caching is off. */
function cacheFile(content: CardContent, options: RenderCardOptions): string | undefined {
  const dir = options.cacheDir ?? cardCacheDir();
  return dir === false ? undefined : join(dir, `${cardKey(content)}.png`);
}

/** Draws the card and caches it in `file` if it fits; warns (naming `label`) if it does not. */
async function drawAndCache(
  content: CardContent,
  file: string | undefined,
  label: string | undefined,
): Promise<{ png: Uint8Array<ArrayBuffer>; cached: boolean }> {
  prepareCardFonts();
  const { png, fits } = threadCount() > 0 ? await drawOnWorker(content) : await drawCard(content);
  if (!fits) {
    console.warn(
      `Social card ${label ?? JSON.stringify(content.eyebrow)}: the text (${content.text.length} characters) is too long for the card even at ${FONT_SIZES.at(-1)}px and overflows it; shorten it.`,
    );
    return { png, cached: false };
  }
  if (!file) return { png, cached: false };
  // The cache only saves time: a card that cannot be cached is still a card.
  const cached = await mkdir(dirname(file), { recursive: true })
    .then(() => writeAtomically(file, png))
    .then(() => true)
    .catch((error: Error) => {
      console.warn(`Social card cache: could not write ${file}: ${error.message}`);
      return false;
    });
  return { png, cached };
}

/**
 * Draws and caches every card of `cards` not in the cache yet, `inFlight` at a time (enough to keep
 * every worker busy); warnings name a card's `page`. Returns the cards it drew but could not cache
 * (a text too long to fit, a cache it cannot write), so that its caller need not draw them again.
 */
export async function fillCardCache(
  cards: readonly { content: CardContent; page: string }[],
  { cacheDir = cardCacheDir(), inFlight = 16 }: { cacheDir?: string; inFlight?: number } = {},
): Promise<Map<CardContent, Uint8Array<ArrayBuffer>>> {
  const present = new Set(await readdir(cacheDir).catch(() => [] as string[]));
  const missing = cards.filter(({ content }) => !present.has(`${cardKey(content)}.png`));
  const uncached = new Map<CardContent, Uint8Array<ArrayBuffer>>();
  await inParallel(missing, inFlight, async ({ content, page }) => {
    const { png, cached } = await drawAndCache(content, cacheFile(content, { cacheDir }), page);
    if (!cached) uncached.set(content, png);
  });
  return uncached;
}

/** Runs `task` on every item, at most `limit` at a time. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}

/**
 * Writes the card to `file`: a hard link to the cached card when there is one (no bytes to read or
 * write; a copy where the cache is on another file system), else drawn and cached.
 */
export async function writeCard(content: CardContent, file: string, options: RenderCardOptions = {}): Promise<void> {
  const cached = cacheFile(content, options);
  await mkdir(dirname(file), { recursive: true });
  await rm(file, { force: true });
  if (cached) {
    try {
      return await link(cached, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EXDEV' || code === 'EPERM') return await copyFile(cached, file);
      // Not cached yet (ENOENT): draw it.
    }
  }
  await writeFile(file, (await drawAndCache(content, cached, options.label)).png);
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
