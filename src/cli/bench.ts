/**
 * `npm run bench [search] [parse] [build]` (all three by default):
 * - search: index size, load time and query latency for the seed and for generated corpora of
 *   1,000 and 10,000 quotes, against plain fuse.js over whole quotes on the same corpus; and the
 *   search code a browser downloads, read from the last build in dist/.
 * - parse: the parser on a 10 MB profile, and on hostile profiles at two sizes (linear or not).
 * - build: the whole site for the seed and for 10,000 quotes: time and peak memory, with social
 *   cards cold and cached, and how many cards a one-quote edit redraws. Takes several minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js/basic';
import { cardCacheDir } from '../lib/card.ts';
import { generateProfile } from '../lib/corpus.ts';
import { readRecords } from '../lib/profile-loader.ts';
import { parseProfile } from '../lib/profile.ts';
import type { Records } from '../lib/schema.ts';
import { buildSearchIndex, searchData, searchQuotes, type SearchData, type SearchIndex } from '../lib/search.ts';

/** Realistic queries: whole words, phrases, half-typed words and typos. */
const QUERIES = [
  'grapql',
  'opne source',
  'enterprize',
  'taste',
  'engineering taste',
  'defining a bug',
  'fortune 500',
  'open source license',
  'decisions',
  'monolith microservices',
  'sentry',
  'venture capital',
  'tailwind',
  'hype driven',
  'ai coding',
  'feedback loop',
  'pragmatism',
  'djanog',
  'sustainabilty',
  'maintainers paid',
  'the',
  'dev',
  'bootstr',
  'complexity enterprise customers',
];
const ROUNDS = 5;

const seed = readRecords('content/profile.txt');
const sections = process.argv.slice(2);
const wanted = (name: string) => sections.length === 0 || sections.includes(name);

if (wanted('search')) benchSearch();
if (wanted('parse')) benchParse();
if (wanted('build')) benchBuild();

function benchSearch() {
  const corpora: { name: string; records: Records }[] = [
    { name: 'seed (75)', records: seed },
    ...[1_000, 10_000].map((n) => ({ name: n.toLocaleString('en'), records: generated(n) })),
  ];
  console.log('Search (times in ms; latency over %d queries × %d rounds, warm)', QUERIES.length, ROUNDS);
  const rows = corpora.map(({ name, records }) => measure(name, records));
  console.table(rows);
  const code = searchCodeBytes();
  console.log(
    code
      ? `Search code a browser loads on /search/ (page script, fuse and ours): ${kb(code.raw)} raw, ${kb(code.gzip)} gzip, in ${code.files} files.`
      : 'Search code size: no build in dist/ (run npm run build first).',
  );
  const largest = rows.at(-1)!;
  if (code) {
    console.log(
      `Bytes before the first result at ${largest.corpus} quotes: ${kb(code.gzip + largest.gzipBytes)} gzip (code ${kb(code.gzip)} + index ${kb(largest.gzipBytes)}).\n`,
    );
  }
}

/** The parser on a large profile, and on inputs built to make regexes or Markdown parsers backtrack. */
function benchParse() {
  const big = generateProfile(seed, 45_000);
  const parseMs = (text: string) => times(1, () => parseProfile(text, 'bench'))[0]!;
  console.log(`Parse: ${(big.length / 1e6).toFixed(1)} MB profile (45,000 quotes): ${Math.round(parseMs(big))} ms`);
  const hostile: Record<string, (n: number) => string> = {
    'Part + 1 long token': (n) => `Part ${'a'.repeat(n)}\n`,
    '*a*a*a… emphasis': (n) => `Part 1: x\n- On a: ${'*a'.repeat(n / 2)} — Source: [s]\n`,
    '[a]([a](… links': (n) => `Part 1: x\n- On a: ${'[a]('.repeat(n / 4)} — Source: [s]\n`,
    '> > > … nesting': (n) => `Part 1: x\n${'> '.repeat(n / 2)}\n`,
    '- - - … nested lists': (n) => `Part 1: x\n${'- '.repeat(n / 2)}\n`,
    ' -- -- near misses': (n) => `Part 1: x\n- On a: ${' -- '.repeat(n / 4)}\n`,
    'one topic, many times': (n) => `Part 1: x\n${'- On a: b — Source: [s]\n'.repeat(n / 24)}`,
  };
  const rows = Object.entries(hostile).map(([input, make]) => {
    parseMs(make(10_000)); // warm up
    const small = parseMs(make(250_000));
    const large = parseMs(make(1_000_000));
    return { input, '250 KB ms': Math.round(small), '1 MB ms': Math.round(large), 'growth (4 = linear)': round(large / small) };
  });
  console.table(rows);
  console.log('');
}

/** Builds the site in a child process (so its peak memory is the build's own). */
function timedBuild(profile: string, outDir: string): { ms: number; maxRssMb: number } {
  const run = spawnSync(process.execPath, ['src/cli/build-measure.ts', outDir], {
    env: { ...process.env, PROFILE: profile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the build of ${profile} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

function benchBuild() {
  const work = mkdtempSync(join(tmpdir(), 'quote-bench-'));
  const cards = cardCacheDir();
  const cardCount = () => (existsSync(cards) ? readdirSync(cards).length : 0);
  try {
    const seedBuild = timedBuild('content/profile.txt', join(work, 'seed'));
    const profile = join(work, 'profile-10k.txt');
    const text = generateProfile(seed, 10_000, 2);
    writeFileSync(profile, text);
    const before = cardCount();
    const cold = timedBuild(profile, join(work, 'cold'));
    const drawn = cardCount() - before;
    const cached = timedBuild(profile, join(work, 'cached'));
    // Edit one quote's text: only its card should be drawn again.
    writeFileSync(profile, text.replace(/^(- On [^\n]*?: )/m, '$1Edited: '));
    const beforeEdit = cardCount();
    const edited = timedBuild(profile, join(work, 'edited'));
    console.log('Build (whole site, in a child process)');
    console.table([
      { build: 'seed (75 quotes), cards cached', seconds: seedBuild.ms / 1000, peakMemoryMb: seedBuild.maxRssMb },
      { build: '10,000 quotes, cold (every card drawn)', seconds: cold.ms / 1000, peakMemoryMb: cold.maxRssMb },
      { build: '10,000 quotes, cards cached', seconds: cached.ms / 1000, peakMemoryMb: cached.maxRssMb },
      { build: '10,000 quotes, one quote edited', seconds: edited.ms / 1000, peakMemoryMb: edited.maxRssMb },
    ]);
    console.log(
      `Cards drawn in the cold build: ${drawn} (${drawn ? round((cold.ms - cached.ms) / drawn) : 0} ms a card over the cached build); after editing one quote: ${cardCount() - beforeEdit}.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function generated(count: number): Records {
  const result = parseProfile(generateProfile(seed, count), `generated-${count}`);
  if (!result.ok) throw new Error(`the generated profile does not parse: ${result.errors[0]?.message}`);
  return result.records;
}

function measure(corpus: string, records: Records) {
  const json = JSON.stringify(searchData(records));
  const loads = times(ROUNDS, () => buildSearchIndex(JSON.parse(json) as SearchData));
  const index = buildSearchIndex(JSON.parse(json) as SearchData);
  const ours = latencies(() => QUERIES.forEach((q) => searchQuotes(index, q)), (q) => searchQuotes(index, q));

  // The alternative: ship the index prebuilt (docs, normalized fields, word → postings), so the
  // browser skips tokenizing. Measured here only; the site ships the plain data.
  const prebuilt = JSON.stringify({ docs: index.docs, normalized: index.normalized, postings: [...index.postings] });
  const prebuiltLoads = times(ROUNDS, () => {
    const raw = JSON.parse(prebuilt) as Pick<SearchIndex, 'docs' | 'normalized'> & { postings: [string, number[]][] };
    const postings = new Map(raw.postings);
    const vocabulary = [...postings.keys()];
    return { ...raw, postings, vocabulary, fuzzyWords: new Fuse(vocabulary, { ignoreLocation: true }) };
  });

  const fuse = new Fuse(index.docs, {
    keys: ['topic', 'text', 'source', 'part'],
    ignoreLocation: true,
    threshold: 0.34,
    includeMatches: true,
  });
  const plain = latencies(() => undefined, (q) => fuse.search(q, { limit: 50 }));
  return {
    corpus,
    quotes: records.quotes.length,
    rawBytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
    loadMs: round(median(loads)),
    prebuiltGzipBytes: gzipSync(prebuilt).length,
    prebuiltLoadMs: round(median(prebuiltLoads)),
    medianMs: round(median(ours)),
    p95Ms: round(percentile(ours, 0.95)),
    fuseMedianMs: round(median(plain)),
    fuseP95Ms: round(percentile(plain, 0.95)),
    fuseSlowerBy: `${round(median(plain) / median(ours))}× / ${round(percentile(plain, 0.95) / percentile(ours, 0.95))}×`,
  };
}

/** Per-query times over several rounds, after one warm-up pass. */
function latencies(warmUp: () => void, run: (query: string) => unknown): number[] {
  warmUp();
  const all: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) all.push(...times(1, () => run(query)));
  }
  return all;
}

function times(count: number, run: () => unknown): number[] {
  return Array.from({ length: count }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Sums the JavaScript the search page loads: its scripts and every chunk they import. */
function searchCodeBytes(): { raw: number; gzip: number; files: number } | undefined {
  const page = 'dist/search/index.html';
  if (!existsSync(page)) return undefined;
  const html = readFileSync(page, 'utf8');
  const sources = [...html.matchAll(/<script type="module"(?: src="([^"]+)")?>([^]*?)<\/script>/g)];
  const seen = new Set<string>();
  const code: string[] = [];
  const follow = (js: string) => {
    for (const [, file] of js.matchAll(/(?:from|import)\s*\(?\s*["'`](?:\.\/|\/_astro\/)([^"'`]+\.js)["'`]/g)) {
      if (seen.has(file!)) continue;
      seen.add(file!);
      const chunk = readFileSync(join('dist/_astro', file!), 'utf8');
      code.push(chunk);
      follow(chunk);
    }
  };
  for (const [, src, inline] of sources) {
    const js = src ? readFileSync(join('dist', src), 'utf8') : inline!;
    code.push(js);
    follow(js);
  }
  return {
    raw: code.reduce((n, c) => n + Buffer.byteLength(c), 0),
    gzip: code.reduce((n, c) => n + gzipSync(c).length, 0),
    files: code.length,
  };
}
