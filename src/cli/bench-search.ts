/**
 * The search benchmark, and the search section of `npm run bench`:
 * `node src/cli/bench-search.ts [node [sizes…] | browser <site folder> <profile> | browser-index <size>] [--http2] [--queries=N]`.
 *
 * - node: for the seed and realistic corpora of 1,000, 10,000 and 100,000 quotes (corpus.ts): the
 *   index files (size raw and gzip, count), the time to build them, query latency over realistic
 *   and typo queries with every file loaded, recall@3 of typo queries, and a simulation of a
 *   browser typing each query into a cold page: the files and gzip bytes fetched before the first
 *   result, and by each later keystroke.
 * - browser: a built site served on 127.0.0.1 and Chromium typing queries character by character
 *   (real key events) into /search/, each in a fresh page with an empty cache: bytes before the
 *   first result is painted, the time from the first keystroke to it (typing included) and from
 *   the keystroke that brought it, per-keystroke latency (input
 *   event to the frame that paints the results, from the page's `quote-search:*` performance
 *   marks) and the share of it in our code (to the results in the DOM: the rest is waiting for the
 *   next frame), what later keystrokes fetch (index files, and a display file for each new
 *   result among the best few), what the page fetches once typing pauses (the rest of the
 *   results and the source facet's counts), and recall@3 in the real page.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createSecureServer } from 'node:http2';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { exactQueries, generateRealisticProfile, phraseQueries, typoQueries, type Query } from '../lib/corpus.ts';
import { readProfile } from '../lib/profile-loader.ts';
import { parseProfile } from '../lib/profile.ts';
import type { Records } from '../lib/schema.ts';
import { addSearchFile, closestTopics, openSearchIndex, searchData, searchFiles, searchQuotes, type SearchIndex, type SearchMeta } from '../lib/search.ts';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';

const SEED = 'content/profiles/David Cramer.txt';
/** Milliseconds between keys: a quick typist. */
const TYPING_MS = 120;
/** What the search page asks while someone types (QuoteSearch.astro's PAGE and TYPING_HITS). */
const TYPING = { limit: 10, display: 5 };
const PERSON = { name: 'Ada Patel', slug: 'ada-patel', url: '/' };
/** Hand-written queries from the seed's world: on generated text most find nothing, as real misses do. */
const SEED_QUERIES = ['grapql', 'opne source', 'enterprize', 'taste', 'engineering taste', 'defining a bug', 'fortune 500', 'open source license', 'monolith microservices', 'the', 'dev', 'bootstr'];

/** A corpus to measure: its records, and queries with the quote each should find. */
export interface SearchCorpus {
  name: string;
  records: Records;
  /** Realistic queries: words and phrases of random quotes, spelled right. */
  queries: Query[];
  /** The same kind of words with one typo each. */
  typos: Query[];
}

/** The seed and realistic profiles of the given sizes, parsed, with their queries. */
export function searchCorpora(sizes: readonly number[] = [1_000, 10_000, 100_000]): SearchCorpus[] {
  const seed = readProfile(SEED, 'David Cramer');
  const corpora = [{ name: 'seed (75)', records: seed }];
  for (const size of sizes) {
    const result = parseProfile(generateRealisticProfile(size, 1), `realistic-${size}`, PERSON);
    if (!result.ok) throw new Error(`the generated profile does not parse: ${result.errors[0]?.message}`);
    corpora.push({ name: size.toLocaleString('en'), records: result.records });
  }
  return corpora.map(({ name, records }) => ({
    name,
    records,
    queries: [...exactQueries(records, 40, 2), ...phraseQueries(records, 20, 3), ...SEED_QUERIES.map((query) => ({ query, expected: '' }))],
    typos: typoQueries(records, 100, 4),
  }));
}

/** The index files of a corpus, in memory: path → JSON text and gzip size. */
function indexFiles(records: Records) {
  const start = performance.now();
  const files = searchFiles(searchData(records));
  const buildMs = performance.now() - start;
  const gzip = new Map([...files].map(([path, text]) => [path, gzipSync(text).length]));
  return { files, gzip, buildMs };
}

/** Every file loaded, as Node and the tests use the index. */
function loadAll(files: Map<string, string>): SearchIndex {
  const index = openSearchIndex(JSON.parse(files.get('meta.json')!) as SearchMeta);
  for (const [path, text] of files) if (path !== 'meta.json') addSearchFile(index, path, JSON.parse(text));
  return index;
}

/** What a page typing `query` into a cold index fetches, keystroke by keystroke, as the search page does. */
function simulateTyping(files: Map<string, string>, gzip: Map<string, number>, query: string) {
  const index = openSearchIndex(JSON.parse(files.get('meta.json')!) as SearchMeta);
  const keystrokes: { files: number; bytes: number; rounds: number; found: boolean }[] = [];
  for (let i = 1; i <= query.length; i++) {
    let fetched = 0;
    let bytes = 0;
    let rounds = 0;
    for (;;) {
      const result = searchQuotes(index, query.slice(0, i), {}, TYPING);
      const needed = result.missing.filter((path) => !/^(facets|sources)\//.test(path));
      if (needed.length === 0) {
        keystrokes.push({ files: fetched, bytes, rounds, found: result.total > 0 });
        break;
      }
      rounds++;
      for (const path of needed) {
        addSearchFile(index, path, JSON.parse(files.get(path)!));
        fetched++;
        bytes += gzip.get(path)!;
      }
    }
  }
  const first = keystrokes.findIndex((k) => k.found);
  const before = first < 0 ? keystrokes : keystrokes.slice(0, first + 1);
  const later = first < 0 ? [] : keystrokes.slice(first + 1);
  return {
    bytesBefore: gzip.get('meta.json')! + before.reduce((n, k) => n + k.bytes, 0),
    filesBefore: 1 + before.reduce((n, k) => n + k.files, 0),
    roundsBefore: before.reduce((n, k) => n + k.rounds, 0),
    later,
  };
}

/** Node figures for each corpus: index size, build time, latency fully loaded, recall, simulated downloads. */
export function benchSearchNode(corpora: SearchCorpus[] = searchCorpora()) {
  const rows = corpora.map(({ name, records, queries, typos }) => {
    const { files, gzip, buildMs } = indexFiles(records);
    const loadStart = performance.now();
    const index = loadAll(files);
    const loadMs = performance.now() - loadStart;
    const timeQuery = (query: string) => {
      // Each query from scratch: the index remembers recent words, which typing benefits from but a
      // list of unrelated queries should not.
      index.terms.clear();
      index.scores.clear();
      const start = performance.now();
      const result = searchQuotes(index, query, {}, 10);
      return { ms: performance.now() - start, result };
    };
    for (const { query } of queries.slice(0, 10)) timeQuery(query); // warm up
    const realistic = queries.map(({ query }) => timeQuery(query).ms);
    const typo = typos.map(({ query }) => timeQuery(query));
    const found = typos.filter(({ expected }, i) => typo[i]!.result.hits.slice(0, 3).some((h) => h.doc.id === expected)).length;
    // Every prefix of every query, in order, as typing gives them (recent words remembered).
    index.terms.clear();
    index.scores.clear();
    const keystrokes: number[] = [];
    for (const { query } of [...queries, ...typos]) {
      for (let i = 1; i <= query.length; i++) {
        const start = performance.now();
        searchQuotes(index, query.slice(0, i), {}, 10);
        keystrokes.push(performance.now() - start);
      }
    }
    // An empty result suggests the closest topics: a query with one word that matches nothing.
    const closest = typos.map(({ query }) => {
      const empty = `${query} qzxvj`;
      if (timeQuery(empty).result.total > 0) throw new Error(`“${empty}” was meant to find nothing`);
      // Timed cold (no word remembered from the search just before), the slower case.
      index.terms.clear();
      index.scores.clear();
      const start = performance.now();
      closestTopics(index, empty);
      return performance.now() - start;
    });
    const simulated = [...queries.filter((q) => q.expected), ...typos].slice(0, 60).map(({ query }) => simulateTyping(files, gzip, query));
    const later = simulated.flatMap((s) => s.later);
    return {
      corpus: name,
      quotes: records.quotes.length,
      files: files.size,
      rawKb: kb([...files.values()].reduce((n, t) => n + t.length, 0)),
      gzipKb: kb([...gzip.values()].reduce((n, b) => n + b, 0)),
      metaGzipKb: kb(gzip.get('meta.json')!),
      buildMs: Math.round(buildMs),
      loadAllMs: Math.round(loadMs),
      queryMedianMs: round(median(realistic)),
      queryP95Ms: round(percentile(realistic, 0.95)),
      typoMedianMs: round(median(typo.map((t) => t.ms))),
      typoP95Ms: round(percentile(typo.map((t) => t.ms), 0.95)),
      keystrokeP95Ms: round(percentile(keystrokes, 0.95)),
      typoRecallAt3: `${found}/${typos.length}`,
      closestTopicsP95Ms: round(percentile(closest, 0.95)),
      firstResultKbMedian: kb(median(simulated.map((s) => s.bytesBefore))),
      firstResultKbP95: kb(percentile(simulated.map((s) => s.bytesBefore), 0.95)),
      firstResultKbMax: kb(Math.max(...simulated.map((s) => s.bytesBefore))),
      firstResultRoundsMedian: median(simulated.map((s) => s.roundsBefore)),
      laterKeystrokeFilesMedian: median(later.map((k) => k.files)),
      laterKeystrokeFilesP95: percentile(later.map((k) => k.files), 0.95),
      laterKeystrokeFilesMax: Math.max(0, ...later.map((k) => k.files)),
      laterKeystrokeKbP95: kb(percentile(later.map((k) => k.bytes), 0.95)),
    };
  });
  console.log('Search in Node (data sizes gzip; latency fully loaded, 10 hits; downloads simulated keystroke by keystroke on a cold index, without code)');
  console.table(rows);
  return rows;
}

/** The gzip size of each file of a built site, memoized. */
function gzipSizer(dir: string) {
  const sizes = new Map<string, number>();
  return (path: string) => {
    let size = sizes.get(path);
    if (size === undefined) {
      const file = join(dir, decodeURIComponent(path));
      size = existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
      sizes.set(path, size);
    }
    return size;
  };
}

/**
 * Chromium typing queries into a built site's /search/, each in a fresh context (empty cache).
 *
 * @param dir a folder `astro build` wrote
 * @param records the records it was built from (for the expected quotes' URLs)
 */
export async function benchSearchBrowser(dir: string, records: Records, options: { queries?: number; port?: number; label?: string; http2?: boolean } = {}) {
  const { queries: count = 20, port = 4340, label = dir, http2 = false } = options;
  const urlOf = new Map(records.quotes.map((q) => [q.id, q.url]));
  const typos = typoQueries(records, count, 4);
  const exact = exactQueries(records, Math.ceil(count / 2), 2);
  const gzipOf = gzipSizer(dir);
  const origin = `${http2 ? 'https' : 'http'}://127.0.0.1:${port}`;
  // Another server on the port would answer in place of this site's, and every figure would be
  // that site's: a run that died before closing its server left one behind once.
  if (await listening(port)) {
    throw new Error(`something already serves port ${port} (a server left by an earlier run?): stop it first`);
  }
  // HTTP/1.1 (the tests' server; 6 connections a host) or HTTP/2 (what static hosts serve).
  const server = http2 ? serveHttp2(dir, port) : spawn(process.execPath, ['src/cli/serve.ts', dir, String(port)], { stdio: 'ignore' });
  if (!http2) {
    for (let i = 0; i < 50; i++) {
      if (await fetch(`${origin}/`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const runs: (Awaited<ReturnType<typeof typeQuery>> & { expected: string; typo: boolean })[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: ensureChromium('browser'), args: [...CHROMIUM_ARGS, ...(http2 ? ['--ignore-certificate-errors'] : [])] });
    for (const [list, typo] of [[typos, true], [exact, false]] as const) {
      for (const { query, expected } of list) runs.push({ ...(await typeQuery(browser, origin, gzipOf, query)), expected: urlOf.get(expected)!, typo });
    }
  } finally {
    await browser?.close();
    server.kill();
  }
  const keystrokes = runs.flatMap((r) => r.keystrokes);
  // Keystrokes whose search found every file it needed loaded (no request, no wait for one in flight).
  const loaded = keystrokes.filter((k) => k.files === 0 && !k.waited);
  const noRequest = keystrokes.filter((k) => k.files === 0);
  const later = runs.flatMap((r) => r.later);
  const typoRuns = runs.filter((r) => r.typo);
  const found = typoRuns.filter((r) => r.top3.includes(r.expected)).length;
  const row = {
    site: label,
    queries: runs.length,
    searchHtmlGzipKb: kb(gzipOf('search/index.html')),
    firstResultKbMedian: kb(median(runs.map((r) => r.bytesBefore))),
    firstResultKbMax: kb(Math.max(...runs.map((r) => r.bytesBefore))),
    firstResultMsMedian: Math.round(median(runs.map((r) => r.firstResultMs))),
    firstResultMsP95: Math.round(percentile(runs.map((r) => r.firstResultMs), 0.95)),
    firstKeystrokeMsMedian: Math.round(median(runs.map((r) => r.firstKeystrokeMs))),
    firstKeystrokeMsP95: Math.round(percentile(runs.map((r) => r.firstKeystrokeMs), 0.95)),
    keystrokeMsMedian: round(median(keystrokes.map((k) => k.ms))),
    keystrokeMsP95: round(percentile(keystrokes.map((k) => k.ms), 0.95)),
    loadedKeystrokeMsMedian: round(median(loaded.map((k) => k.ms))),
    loadedKeystrokeMsP95: round(percentile(loaded.map((k) => k.ms), 0.95)),
    loadedScriptMsP95: round(percentile(loaded.map((k) => k.scriptMs), 0.95)),
    // Up to stop 26 "loaded" meant this: no request of its own, though it may wait for an earlier one's file.
    noRequestKeystrokeMsP95: round(percentile(noRequest.map((k) => k.ms), 0.95)),
    warmKeystrokeMsMedian: round(median(runs.flatMap((r) => r.warm.map((k) => k.ms)))),
    warmKeystrokeMsP95: round(percentile(runs.flatMap((r) => r.warm.map((k) => k.ms)), 0.95)),
    warmScriptMsMedian: round(median(runs.flatMap((r) => r.warm.map((k) => k.scriptMs)))),
    warmScriptMsP95: round(percentile(runs.flatMap((r) => r.warm.map((k) => k.scriptMs)), 0.95)),
    laterKeystrokeFilesMedian: median(later.map((k) => k.files)),
    laterKeystrokeFilesP95: percentile(later.map((k) => k.files), 0.95),
    laterKeystrokeFilesMax: Math.max(0, ...later.map((k) => k.files)),
    // Of those, the index files (vocabulary, typos, pairs) and the display files of the new results.
    laterIndexFilesP95: percentile(later.map((k) => k.files - k.displayFiles), 0.95),
    laterIndexFilesMax: Math.max(0, ...later.map((k) => k.files - k.displayFiles)),
    laterDisplayFilesP95: percentile(later.map((k) => k.displayFiles), 0.95),
    laterKeystrokeKbP95: kb(percentile(later.map((k) => k.bytes), 0.95)),
    // Once typing pauses, per query: the rest of the page's results and the source facet's counts.
    pauseFilesMedian: median(runs.map((r) => r.paused.files)),
    pauseFilesMax: Math.max(0, ...runs.map((r) => r.paused.files)),
    pauseDisplayFilesMax: Math.max(0, ...runs.map((r) => r.paused.displayFiles)),
    pauseKbMax: kb(Math.max(0, ...runs.map((r) => r.paused.bytes))),
    typoRecallAt3: `${found}/${typoRuns.length}`,
  };
  console.log(`Search in Chromium (${label}, ${http2 ? 'HTTP/2' : 'HTTP/1.1'}): typed at ${TYPING_MS} ms a key, a fresh page per query; sizes gzip`);
  console.table(row);
  return row;
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A static HTTP/2 server for a site folder, over TLS with a throwaway self-signed certificate. */
function serveHttp2(dir: string, port: number): { kill: () => void } {
  const keys = mkdtempSync(join(tmpdir(), 'quote-search-tls-'));
  const [key, cert] = [join(keys, 'key.pem'), join(keys, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  const server = createSecureServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url, 'https://x').pathname));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/json' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  server.listen(port, '127.0.0.1');
  return {
    kill: () => {
      server.close();
      rmSync(keys, { recursive: true, force: true });
    },
  };
}

/** Types one query into a fresh page; reads the page's marks, the requests and the top results. */
async function typeQuery(browser: Browser, origin: string, gzipOf: (path: string) => number, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const finished: { path: string; wall: number }[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname.slice(1);
    const { startTime, responseEnd } = request.timing();
    if (/^(_astro\/.*\.js|search-index\/)/.test(path)) finished.push({ path, wall: startTime + responseEnd });
  });
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  const box = page.getByRole('searchbox', { name: /Search quotes by topic/ });
  await box.click();
  for (const char of query) {
    await page.keyboard.type(char);
    await page.waitForTimeout(TYPING_MS);
  }
  // Until the whole query settles: once typing pauses, the page fetches the rest of its results.
  await page.waitForFunction((q) => performance.getEntriesByName('quote-search:settled').some((m) => (m as PerformanceMark).detail === q), query, {
    timeout: 20_000,
  });
  // Then again, with every file it needs loaded: the latency of typing alone.
  const cold = await page.evaluate(() => performance.getEntriesByName('quote-search:input').length);
  await box.fill('');
  await page.waitForTimeout(400);
  await page.evaluate(() => performance.mark('quote-search:warm'));
  for (const char of query) {
    await page.keyboard.type(char);
    await page.waitForTimeout(TYPING_MS);
  }
  await page.waitForTimeout(400);
  const warm = await page.evaluate((cold) => {
    const start = performance.getEntriesByName('quote-search:warm')[0]!.startTime;
    const paints = performance.getEntriesByName('quote-search:painted').filter((m) => m.startTime > start);
    const renders = performance.getEntriesByName('quote-search:rendered').filter((m) => m.startTime > start);
    return performance
      .getEntriesByName('quote-search:input')
      .slice(cold)
      .filter((m) => m.startTime > start)
      .flatMap((input) => {
        const value = (input as PerformanceMark).detail as string;
        const paint = paints.find((p) => ((p as PerformanceMark).detail as { query: string }).query === value && p.startTime >= input.startTime);
        const render = renders.find((r) => (r as PerformanceMark).detail === value && r.startTime >= input.startTime);
        // Until painted, and the share of it spent in our code (input event to results in the DOM).
        return paint && render ? [{ ms: paint.startTime - input.startTime, scriptMs: render.startTime - input.startTime }] : [];
      });
  }, cold);
  const { inputs, paints, renders, waits, settled, top3, timeOrigin } = await page.evaluate(() => {
    const before = (m: PerformanceEntry) => m.startTime < performance.getEntriesByName('quote-search:warm')[0]!.startTime;
    return {
      inputs: performance.getEntriesByName('quote-search:input').filter(before).map((m) => ({ at: m.startTime, value: (m as PerformanceMark).detail as string })),
      paints: performance
        .getEntriesByName('quote-search:painted')
        .filter(before)
        .map((m) => ({ at: m.startTime, ...((m as PerformanceMark).detail as { query: string; total: number }) })),
      renders: performance
        .getEntriesByName('quote-search:rendered')
        .filter(before)
        .map((m) => ({ at: m.startTime, query: (m as PerformanceMark).detail as string })),
      waits: performance
        .getEntriesByName('quote-search:waiting')
        .filter(before)
        .map((m) => ({ at: m.startTime, query: (m as PerformanceMark).detail as string })),
      settled: performance.getEntriesByName('quote-search:settled').filter(before).at(-1)!.startTime,
      top3: [...document.querySelectorAll('[aria-label="Results"] .result-topic a')].slice(0, 3).map((a) => a.getAttribute('href')!),
      timeOrigin: performance.timeOrigin,
    };
  });
  await context.close();
  const requests = finished.map((r) => ({ path: r.path, at: r.wall - timeOrigin }));
  const fetchedBetween = (from: number, to: number) => requests.filter((r) => r.at > from && r.at <= to);
  const isDisplay = (r: { path: string }) => r.path.startsWith('search-index/docs/');
  const bytesOf = (files: { path: string }[]) => files.reduce((n, r) => n + gzipOf(r.path), 0);
  // Each keystroke: from its input event to the paint of its own results (none if a later one won).
  const keystrokes = inputs.flatMap((input) => {
    const paint = paints.find((p) => p.query === input.value && p.at >= input.at);
    if (!paint) return [];
    const files = fetchedBetween(input.at, paint.at);
    const render = renders.find((r) => r.query === input.value && r.at >= input.at)!;
    // Whether its search waited for a file, even one an earlier keystroke had asked for.
    const waited = waits.some((w) => w.query === input.value && w.at >= input.at && w.at <= paint.at);
    return [{ value: input.value, at: input.at, paintAt: paint.at, ms: paint.at - input.at, scriptMs: render.at - input.at, files: files.length, waited, displayFiles: files.filter(isDisplay).length, bytes: bytesOf(files), total: paint.total }];
  });
  // Once typing paused: the rest of the whole query's results, and the source facet's counts.
  const paused = fetchedBetween(keystrokes.findLast((k) => k.value === query)!.paintAt, settled);
  // The first paint that shows a result: one with any (the best hits show as their display files arrive).
  const first = paints.find((p) => p.total > 0);
  const firstAt = first?.at ?? paints.at(-1)!.at;
  // The keystroke that brought the first results: its own latency, from its input event.
  const firstInput = inputs.filter((i) => i.value === first?.query && i.at <= firstAt).at(-1);
  return {
    query,
    top3,
    warm,
    keystrokes,
    later: keystrokes.filter((k) => k.at > firstAt),
    firstResultMs: firstAt - inputs[0]!.at,
    firstKeystrokeMs: firstInput ? firstAt - firstInput.at : NaN,
    bytesBefore: bytesOf(fetchedBetween(-Infinity, firstAt)),
    paused: { files: paused.length, displayFiles: paused.filter(isDisplay).length, bytes: bytesOf(paused) },
  };
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function kb(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}

/** The built site's search code (page script and the chunks it imports), gzip bytes. */
export function searchCodeGzip(dir = 'dist'): number | undefined {
  const astro = join(dir, '_astro');
  if (!existsSync(astro)) return undefined;
  return readdirSync(astro)
    .filter((f) => /^(QuoteSearch|search-client).*\.js$/.test(f))
    .reduce((n, f) => n + gzipSync(readFileSync(join(astro, f))).length, 0);
}

/**
 * A site folder for the browser benchmark without building every page: the search page and its
 * code from an existing build, and the index of `records` written by the same `searchFiles` the
 * build uses. (Searching fetches nothing else; a full build of 100,000 quotes draws 100,000 cards.)
 */
export function indexOnlySite(base: string, records: Records, out: string): string {
  rmSync(out, { recursive: true, force: true });
  for (const path of ['search', '_astro', 'favicon.svg']) cpSync(join(base, path), join(out, path), { recursive: true });
  for (const [path, text] of searchFiles(searchData(records))) {
    mkdirSync(dirname(join(out, 'search-index', path)), { recursive: true });
    writeFileSync(join(out, 'search-index', path), text);
  }
  return out;
}

if (import.meta.main) {
  const http2 = process.argv.includes('--http2');
  const queriesArg = process.argv.find((arg) => arg.startsWith('--queries='));
  const queries = queriesArg ? Number(queriesArg.slice('--queries='.length)) : undefined;
  const [mode = 'node', ...args] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const records = (profile: string) => {
    const result = parseProfile(readFileSync(profile), profile, PERSON);
    if (!result.ok) throw new Error(`${profile} does not parse`);
    return result.records;
  };
  if (mode === 'node') benchSearchNode(searchCorpora(args.length > 0 ? args.map(Number) : undefined));
  else if (mode === 'browser' && args.length === 2) await benchSearchBrowser(args[0]!, records(args[1]!), { label: args[0]!, http2, queries });
  else if (mode === 'browser-index' && args.length === 1) {
    const size = Number(args[0]);
    const generated = parseProfile(generateRealisticProfile(size, 1), 'generated', PERSON);
    if (!generated.ok) throw new Error('the generated profile does not parse');
    const site = indexOnlySite('dist', generated.records, join(tmpdir(), `quote-search-${size}`));
    await benchSearchBrowser(site, generated.records, { label: `${size.toLocaleString('en')} (index only)`, http2, queries });
  } else {
    console.error('usage: node src/cli/bench-search.ts [node [sizes…] | browser <site folder> <profile> | browser-index <size>] [--http2] [--queries=<typo queries, 20 by default; half as many exact ones follow>]');
    process.exit(1);
  }
}
