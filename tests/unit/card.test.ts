import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CARD_HEIGHT, CARD_PALETTE, CARD_WIDTH, cardCacheDir, cardKey, closeCardPool, drawCard, fillCardCache, FONT_SIZES, pruneCardCache, renderCard } from '../../src/lib/card.ts';
import { encodeIndexedPng } from '../../src/lib/png.ts';
import { buildCardJobs, cardCache } from '../../src/integrations/card-cache.ts';
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
const tooLong = { ...content(byLength.at(-1)!), text: 'word '.repeat(400).trim() };

// Each test that caches gets a folder of its own, so none reads a card another one drew.
const folders: string[] = [];
const cacheFolder = () => {
  folders.push(mkdtempSync(join(tmpdir(), 'cards-')));
  return folders.at(-1)!;
};
afterAll(async () => {
  await closeCardPool();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The card's pixels as RGB, and whether the pixel at (x, y) is not the paper. */
async function pixels(png: Uint8Array) {
  const data = await sharp(png).raw().toBuffer();
  const at = (x: number, y: number) => [...data.subarray((y * CARD_WIDTH + x) * 3, (y * CARD_WIDTH + x) * 3 + 3)];
  const [paper] = CARD_PALETTE;
  const inked = (x: number, y: number) => at(x, y).some((channel, i) => channel !== paper![i]);
  return { at, inked };
}

/** The rows, right of the border, that have ink in them. */
async function inkedRows(png: Uint8Array): Promise<number[]> {
  const { inked } = await pixels(png);
  return Array.from({ length: CARD_HEIGHT }, (_, y) => y).filter((y) => Array.from({ length: CARD_WIDTH - 30 }, (_, x) => x + 30).some((x) => inked(x, y)));
}

// Each test draws cards through Pango (some 0.2-0.7 s a card on this 2-core machine, more while
// other test files run): vitest's 5 s default would make them timed tests, and speed is the
// benchmark's job. The limit is only there to catch a hang.
describe('social cards', { timeout: 30_000 }, () => {
  test('the longest quote of the seed fits the card at a readable size, clear of its bottom margin', async () => {
    const { png, fontSize, fits } = await drawCard(content(byLength.at(-1)!));
    expect(fits).toBe(true);
    expect(fontSize).toBeGreaterThanOrEqual(32);
    const rows = await inkedRows(png);
    expect(rows[0]).toBeGreaterThanOrEqual(64);
    expect(rows.at(-1)).toBeLessThanOrEqual(CARD_HEIGHT - 64);
  });

  test('the shortest quote is set large, not lost in empty space', async () => {
    const { fontSize } = await drawCard(content(byLength[0]!));
    expect(fontSize).toBe(FONT_SIZES[0]);
  });

  test('a text too long for any size is set at the smallest size, cut off at the edge, and reported as not fitting', async () => {
    const { png, fontSize, fits } = await drawCard(tooLong);
    expect(fontSize).toBe(FONT_SIZES.at(-1));
    expect(fits).toBe(false);
    expect((await inkedRows(png)).at(-1)).toBe(CARD_HEIGHT - 1);
  });

  test('renderCard warns about a card that overflows, naming it by its label, and does not cache it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const folder = cacheFolder();
    try {
      await renderCard(tooLong, { label: '/quotes/much-too-long/', cacheDir: folder });
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]![0]).toMatch(/^Social card \/quotes\/much-too-long\/: .*too long/);
      // Not cached, so the next build warns again.
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  test('a card is a 1200×630 PNG with a palette', async () => {
    const png = await renderCard(content(quotes[0]!), { cacheDir: false });
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.isPalette]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT, true]);
    expect(png.length).toBeLessThan(40_000);
  });

  test("a direct quote's card has a solid accent border, a paraphrase's a dashed grey one, and its label", async () => {
    const [direct, paraphrase] = await Promise.all(
      (['direct', 'paraphrase'] as const).map(async (kind) => pixels((await drawCard(content(quotes.find((q) => q.kind === kind)!))).png)),
    );
    const border = (card: typeof direct) => new Set(Array.from({ length: CARD_HEIGHT }, (_, y) => card!.at(12, y).join()));
    const [paper, accent, dashed] = [CARD_PALETTE[0], CARD_PALETTE.at(-2), CARD_PALETTE.at(-1)].map((c) => c!.join());
    expect(border(direct)).toEqual(new Set([accent]));
    expect(border(paraphrase)).toEqual(new Set([dashed, paper]));
    // "PARAPHRASE" in the top right corner; nothing there on a direct quote's card.
    const corner = (card: typeof direct) => Array.from({ length: 40 * 200 }, (_, i) => card!.inked(CARD_WIDTH - 64 - (i % 200), 64 + Math.floor(i / 200))).some(Boolean);
    expect([corner(direct), corner(paraphrase)]).toEqual([false, true]);
  });

  test("drawing many cards does not hold on to each card's memory", async () => {
    // Pixel buffers live partly outside V8's heap (sharp's) and are freed only when the workers'
    // event loops turn: with resvg, when they did not, 120 cards grew the process by 1 GB.
    const contents = Array.from({ length: 120 }, (_, i) => ({ ...content(quotes[i % quotes.length]!), eyebrow: `Card ${i}` }));
    await renderCard(contents[0]!, { cacheDir: false }); // start the workers
    const before = process.memoryUsage.rss();
    let peak = before;
    await Promise.all(contents.map((c) => renderCard(c, { cacheDir: false }).then(() => (peak = Math.max(peak, process.memoryUsage.rss())))));
    expect((peak - before) / 1e6).toBeLessThan(600);
  }, 30_000);

  test("each of the card's palette colours comes out of the PNG as itself", async () => {
    const indices = Uint8Array.from(CARD_PALETTE.keys());
    const decoded = await sharp(encodeIndexedPng(indices, CARD_PALETTE.length, 1, CARD_PALETTE)).raw().toBuffer();
    expect(Array.from({ length: CARD_PALETTE.length }, (_, i) => [...decoded.subarray(i * 3, i * 3 + 3)])).toEqual(CARD_PALETTE);
  });

  test('a card drawn on a worker is not kept alive once its caller is done with it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const drawn: WeakRef<Uint8Array>[] = [];
    for (const card of quotes.slice(0, 6).map(content)) drawn.push(new WeakRef(await renderCard(card, { cacheDir: false })));
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(drawn.filter((card) => card.deref() !== undefined)).toHaveLength(0);
  });

  test('several cards drawn at once on the workers are each the right card', async () => {
    const contents = quotes.slice(0, 4).map(content);
    const pngs = await Promise.all(contents.map((c) => renderCard(c, { cacheDir: false })));
    expect(new Set(pngs.map((png) => Buffer.from(png).toString('base64'))).size).toBe(contents.length);
    // The same bytes as drawn here, on the main thread: each result belongs to its own content.
    for (const [i, c] of contents.entries()) expect(Buffer.from(pngs[i]!).equals((await drawCard(c)).png)).toBe(true);
  });

  test('text that looks like markup is drawn as it is written, and control characters are left out', async () => {
    const width = async (text: string) => {
      const { inked } = await pixels((await drawCard({ eyebrow: '', text, attribution: '', site: '' })).png);
      const columns = Array.from({ length: CARD_WIDTH - 30 }, (_, x) => x + 30).filter((x) => Array.from({ length: CARD_HEIGHT }, (_, y) => y).some((y) => inked(x, y)));
      return columns.length;
    };
    const plain = await width('ab');
    // Pango reads markup: were the text not escaped, <b> would make "ab" bold, not show.
    expect(await width('<b>ab</b>')).toBeGreaterThan(3 * plain);
    expect(await width('a\u0001b')).toBe(plain);
  });

  test('characters outside Latin come from a fallback font instead of a box', async () => {
    // A letter no font has is drawn as a box (a frame with its code inside): ink all along the
    // top and bottom rows and the left and right columns of what is drawn.
    const isBox = async (text: string) => {
      const { inked } = await pixels((await drawCard({ eyebrow: '', text, attribution: '', site: '' })).png);
      const ink: [number, number][] = [];
      for (let y = 0; y < CARD_HEIGHT; y++) for (let x = 30; x < CARD_WIDTH; x++) if (inked(x, y)) ink.push([x, y]);
      const [xs, ys] = [ink.map(([x]) => x), ink.map(([, y]) => y)];
      const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const full = (points: [number, number][], length: number) => points.length >= length * 0.9;
      return (
        bottom - top > 20 &&
        full(ink.filter(([, y]) => y === top), right - left + 1) &&
        full(ink.filter(([, y]) => y === bottom), right - left + 1) &&
        full(ink.filter(([x]) => x === left), bottom - top + 1) &&
        full(ink.filter(([x]) => x === right), bottom - top + 1)
      );
    };
    // No shipped font has CJK.
    expect(await isBox('日')).toBe(true);
    for (const letter of ['П', 'Ω', 'ệ', 'é', '—', '“', 'क']) expect(await isBox(letter), letter).toBe(false);
  });
});

describe('the card cache', () => {
  const card = content(quotes[1]!);

  test('a card is keyed by its content, whatever the order of its fields', () => {
    const { eyebrow, text, kind, attribution, site } = card;
    expect(cardKey(card)).toMatch(/^[0-9a-f]{32}$/);
    expect(cardKey({ site, attribution, kind, text, eyebrow })).toBe(cardKey(card));
    expect(cardKey({ ...card, text: `${text}!` })).not.toBe(cardKey(card));
    expect(cardKey({ ...card, kind: undefined })).not.toBe(cardKey(card));
  });

  test('the folder is QUOTE_CARD_CACHE when set, node_modules/.cache otherwise', () => {
    expect(cardCacheDir({ QUOTE_CARD_CACHE: '/tmp/cards' })).toBe('/tmp/cards');
    expect(cardCacheDir({})).toBe(join('node_modules', '.cache', 'quote-browser', 'cards'));
  });

  test('a card is written to a temporary file and renamed into place, and read back from the cache', async () => {
    const folder = cacheFolder();
    const seen = new Set<string>();
    const watcher = watch(folder, (_, name) => name && seen.add(name));
    const png = await renderCard(card, { cacheDir: folder });
    // Let the last events arrive before closing the watcher.
    await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.close();
    const file = `${cardKey(card)}.png`;
    expect([...seen].filter((name) => name !== file)).toEqual([expect.stringMatching(new RegExp(`^${file}\\..+\\.tmp$`))]);
    expect(readdirSync(folder)).toEqual([file]);
    expect(readFileSync(join(folder, file)).equals(png)).toBe(true);
    // A second render reads the file instead of drawing.
    writeFileSync(join(folder, file), 'cached');
    expect(Buffer.from(await renderCard(card, { cacheDir: folder })).toString()).toBe('cached');
  });

  test('the same card drawn several times at once is cached once, with no temporary file left', async () => {
    const folder = cacheFolder();
    const pngs = await Promise.all([1, 2, 3].map(() => renderCard(card, { cacheDir: folder })));
    expect(readdirSync(folder)).toEqual([`${cardKey(card)}.png`]);
    expect(pngs.every((png) => Buffer.from(png).equals(Buffer.from(pngs[0]!)))).toBe(true);
  });

  test('filling the cache draws only the cards it lacks, and hands back the ones it could not cache', async () => {
    const folder = cacheFolder();
    const [cached, fresh] = [card, content(quotes[2]!)];
    writeFileSync(join(folder, `${cardKey(cached)}.png`), 'cached');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const pages = [cached, fresh, tooLong].map((c, i) => ({ content: c, page: `/quotes/${i}/` }));
      const uncached = await fillCardCache(pages, { cacheDir: folder });
      expect(readFileSync(join(folder, `${cardKey(cached)}.png`), 'utf8')).toBe('cached');
      expect(readdirSync(folder).sort()).toEqual([cached, fresh].map((c) => `${cardKey(c)}.png`).sort());
      expect([...uncached.keys()]).toEqual([tooLong]);
      expect(Buffer.from(uncached.get(tooLong)!).subarray(1, 4).toString()).toBe('PNG');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('/quotes/2/'));
    } finally {
      warn.mockRestore();
    }
  });

  test('pruning deletes the cards not kept and unfinished writes, and nothing else', async () => {
    const folder = cacheFolder();
    const [kept, old] = ['a'.repeat(32), 'b'.repeat(32)];
    for (const name of [`${kept}.png`, `${old}.png`, `${kept}.png.1234.tmp`, 'notes.txt']) writeFileSync(join(folder, name), '');
    expect(await pruneCardCache([kept], folder)).toBe(2);
    expect(readdirSync(folder).sort()).toEqual([`${kept}.png`, 'notes.txt']);
    expect(await pruneCardCache(new Set([kept]), folder)).toBe(0);
    expect(await pruneCardCache([], join(folder, 'missing'))).toBe(0);
  });
});

describe('the build writes the cards and prunes the card cache', () => {
  test("the build's cards are the home page's, each part's and each quote's, keyed as the card route draws them", () => {
    const usedCardKeys = (env: Record<string, string>) => buildCardJobs(env).map((job) => cardKey(job.content));
    const keys = usedCardKeys({ PROFILE: 'content/profiles/David Cramer.txt' });
    const records = result.ok ? result.records : undefined;
    expect(new Set(keys).size).toBe(1 + records!.parts.length + records!.quotes.length);
    // The seed's site, built from its own folder, draws the same cards as the seed on its own.
    expect(new Set(usedCardKeys({}))).toEqual(new Set(keys));
  });

  test('after a build every card is where its pages point, a cached one linked from the cache; the cache keeps only used cards', async () => {
    const [folder, out] = [cacheFolder(), cacheFolder()];
    const env = { PROFILE: 'tests/fixtures/people/Ada Lovelace.txt' };
    const jobs = buildCardJobs(env);
    const used = jobs.map((job) => cardKey(job.content));
    for (const key of [used[0], 'c'.repeat(32)]) writeFileSync(join(folder, `${key}.png`), 'cached');
    vi.stubEnv('PROFILE', env.PROFILE);
    vi.stubEnv('QUOTE_CARD_CACHE', folder);
    try {
      const { hooks } = cardCache();
      const start = hooks['astro:build:start'] as unknown as () => void;
      const done = hooks['astro:build:done'] as unknown as (options: { dir: URL; logger: { info: (m: string) => void } }) => Promise<void>;
      const info = vi.fn();
      start();
      await done({ dir: pathToFileURL(`${out}/`), logger: { info } });
      const written = (job: (typeof jobs)[number]) => join(out, job.path);
      // The cached card is the cache's own file; the others were drawn.
      expect(statSync(written(jobs[0]!)).ino).toBe(statSync(join(folder, `${used[0]}.png`)).ino);
      expect(readFileSync(written(jobs[0]!), 'utf8')).toBe('cached');
      for (const job of jobs.slice(1)) expect(readFileSync(written(job)).subarray(1, 4).toString(), job.path).toBe('PNG');
      expect(readdirSync(folder).sort()).toEqual(used.map((key) => `${key}.png`).sort());
      expect(info).toHaveBeenCalledWith(`${jobs.length} social cards written`);
      expect(info).toHaveBeenCalledWith(expect.stringContaining('1 unused social cards removed'));
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
