/**
 * `npm run bench [sections] [--sizes=seed,1000,10000,100000]`: what the site costs as it grows,
 * measured on realistic generated text (src/lib/corpus.ts: a Zipf vocabulary of real words,
 * thousands of sources, quote lengths like the seed's). Sections, all by default:
 * - corpus: the generated corpora themselves (distinct words, Zipf slope, sources).
 * - parse: the parser on 100,000 quotes, and on hostile inputs at two sizes (linear or not).
 * - build: the whole site per size, in a child process: cold (no card cache) and with the cards
 *   cached: time, peak memory, dist/ size, the largest HTML page, cards; and a many-people site.
 * - search: the search data and engine per size in Node, then in Chromium against the builds.
 * The builds are kept in node_modules/.cache/quote-browser/bench/ for the search section.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { corpusSummary, generatePeople, generateRealisticProfile } from '../lib/corpus.ts';
import { parseProfile } from '../lib/profile.ts';
import { benchSearchBrowser, benchSearchNode, indexOnlySite, searchCodeGzip, searchCorpora } from './bench-search.ts';

const args = process.argv.slice(2);
const sections = args.filter((a) => !a.startsWith('--'));
const wanted = (name: string) => sections.length === 0 || sections.includes(name);
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
/** The corpora: the seed profile, and realistic generated ones by quote count. */
const SIZES: (number | 'seed')[] = (sizesArg ?? 'seed,1000,10000,100000').split(',').map((s) => (s === 'seed' ? 'seed' : Number(s)));

const SEED = 'content/profiles/David Cramer.txt';
const WORK = join('node_modules', '.cache', 'quote-browser', 'bench');
const PERSON = { name: 'Bench', slug: 'bench', url: '/' };
/** The built site of a corpus, kept for the search section. */
const distOf = (name: number | string) => join(WORK, `dist-${name}`);

if (wanted('corpus')) benchCorpus();
if (wanted('parse')) benchParse();
if (wanted('build')) benchBuilds();
if (wanted('search')) await benchSearch();

function benchCorpus() {
  const sizes = SIZES.filter((s): s is number => s !== 'seed');
  console.log('Corpora (realistic generated text)');
  console.table(corpusSummary(sizes));
}

/** The profile file of a corpus, written once into the bench folder. */
function profileOf(size: number | 'seed'): string {
  if (size === 'seed') return SEED;
  const file = join(WORK, `profile-${size}.txt`);
  if (!existsSync(file)) {
    mkdirSync(WORK, { recursive: true });
    writeFileSync(file, generateRealisticProfile(size));
  }
  return file;
}

/** The parser on a large realistic profile, and on inputs built to make regexes or Markdown parsers backtrack. */
function benchParse() {
  const big = readFileSync(profileOf(100_000), 'utf8');
  const parseMs = (text: string) => times(1, () => parseProfile(text, 'bench', PERSON))[0]!;
  parseMs(big.slice(0, 100_000)); // warm up
  console.log(`Parse: ${(big.length / 1e6).toFixed(1)} MB profile (100,000 realistic quotes): ${Math.round(parseMs(big))} ms`);
  const hostile: Record<string, (n: number) => string> = {
    'Part + 1 long token': (n) => `Part ${'a'.repeat(n)}\n`,
    '*a*a*a… emphasis': (n) => `Part 1: x\n- On a: ${'*a'.repeat(n / 2)} — Source: [s]\n`,
    '[a]([a](… links': (n) => `Part 1: x\n- On a: ${'[a]('.repeat(n / 4)} — Source: [s]\n`,
    '> > > … nesting': (n) => `Part 1: x\n${'> '.repeat(n / 2)}\n`,
    '- - - … nested lists': (n) => `Part 1: x\n${'- '.repeat(n / 2)}\n`,
    ' -- -- near misses': (n) => `Part 1: x\n- On a: ${' -- '.repeat(n / 4)}\n`,
    'one topic, many times': (n) => `Part 1: x\n${'- On a: b — Source: [s]\n'.repeat(n / 24)}`,
    'indented bullets': (n) => `Part 1: x\n${'  - On a: b — Source: [s]\n'.repeat(n / 26)}`,
  };
  const rows = Object.entries(hostile).map(([input, make]) => {
    parseMs(make(10_000)); // warm up
    const small = parseMs(make(250_000));
    const large = parseMs(make(1_000_000));
    return { input, '250 KB ms': Math.round(small), '1 MB ms': Math.round(large), 'growth (4 = linear)': round(large / small) };
  });
  console.table(rows);
}

interface BuildRun {
  seconds: number;
  peakMemoryMb: number;
}

/** Builds a site in a child process, so that its peak memory is the build's own (threads included). */
function build(env: Record<string, string>, outDir: string, cardCache: string): BuildRun {
  const run = spawnSync(process.execPath, ['src/cli/build-measure.ts', outDir], {
    env: { ...process.env, ...env, QUOTE_CARD_CACHE: cardCache },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stderr.slice(-4000)}`);
  const { ms, maxRssMb } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssMb: number };
  return { seconds: round(ms / 1000), peakMemoryMb: maxRssMb };
}

/** Sizes of a build: every file, the HTML pages, the cards. */
function distStats(dist: string) {
  let bytes = 0;
  let files = 0;
  let cardBytes = 0;
  let cards = 0;
  let largest = { path: '', raw: 0, gzip: 0 };
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = statSync(path).size;
    bytes += size;
    files++;
    if (path.endsWith('.png')) {
      cardBytes += size;
      cards++;
    }
    if (path.endsWith('.html') && size > largest.raw / 2) {
      const gzip = gzipSync(readFileSync(path)).length;
      if (gzip > largest.gzip) largest = { path: path.slice(dist.length), raw: size, gzip };
    }
  }
  return { bytes, files, cards, cardBytes, largest };
}

function benchBuilds() {
  const rows = [];
  for (const size of SIZES) {
    const profile = profileOf(size);
    const cards = join(WORK, `cards-${size}`);
    rmSync(cards, { recursive: true, force: true });
    const cold = build({ PROFILE: profile }, distOf(size), cards);
    const cached = build({ PROFILE: profile }, distOf(size), cards);
    const stats = distStats(distOf(size));
    rows.push({
      quotes: size === 'seed' ? 'seed (75)' : size.toLocaleString('en'),
      'cold s': cold.seconds,
      'cached s': cached.seconds,
      'peak MB (cold/cached)': `${cold.peakMemoryMb} / ${cached.peakMemoryMb}`,
      'dist MB': round(stats.bytes / 1e6),
      files: stats.files,
      'KB a card': round(stats.cardBytes / stats.cards / 1024),
      'largest page': stats.largest.path,
      'largest KB raw / gzip': `${round(stats.largest.raw / 1024)} / ${round(stats.largest.gzip / 1024)}`,
    });
    console.log(`built ${size}: cold ${cold.seconds} s, cached ${cached.seconds} s`);
  }
  console.log('Builds (whole site, realistic text; cold = no card cache)');
  console.table(rows);
  benchPeople();
}

/** A site of 100 people × 100 quotes: build time, peak memory, and the size of the home page. */
function benchPeople() {
  const folder = join(WORK, 'people-100x100');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const { name, text } of generatePeople(100, 100)) writeFileSync(join(folder, `${name}.txt`), text);
  const cards = join(WORK, 'cards-people');
  rmSync(cards, { recursive: true, force: true });
  const dist = distOf('people');
  const cold = build({ PROFILES: folder }, dist, cards);
  const cached = build({ PROFILES: folder }, dist, cards);
  const home = readFileSync(join(dist, 'index.html'));
  const stats = distStats(dist);
  console.log('Many people (100 people × 100 quotes)');
  console.table([
    {
      'cold s': cold.seconds,
      'cached s': cached.seconds,
      'peak MB (cold/cached)': `${cold.peakMemoryMb} / ${cached.peakMemoryMb}`,
      'home KB raw / gzip': `${round(home.length / 1024)} / ${round(gzipSync(home).length / 1024)}`,
      'largest page': stats.largest.path,
      'largest KB raw / gzip': `${round(stats.largest.raw / 1024)} / ${round(stats.largest.gzip / 1024)}`,
      'dist MB': round(stats.bytes / 1e6),
    },
  ]);
}

/**
 * The search at each size: in Node (index files, latency, recall, simulated downloads), then in
 * Chromium typing into /search/ of the build the build section made (or, without one, the seed
 * build's search page over the size's index: searching fetches nothing else).
 */
async function benchSearch() {
  const sizes = SIZES.filter((s): s is number => s !== 'seed');
  const corpora = searchCorpora(sizes);
  benchSearchNode(corpora);
  const code = searchCodeGzip(existsSync(distOf('seed')) ? distOf('seed') : 'dist');
  if (code) console.log(`Search code a browser loads on first use (page script and engine): ${round(code / 1024)} KB gzip.\n`);
  for (const size of SIZES) {
    const corpus = corpora.find((c) => c.name === (size === 'seed' ? 'seed (75)' : size.toLocaleString('en')))!;
    const built = distOf(size);
    if (existsSync(join(built, 'search', 'index.html'))) {
      await benchSearchBrowser(built, corpus.records, { label: String(size) });
      continue;
    }
    const base = [distOf('seed'), 'dist'].find((dir) => existsSync(join(dir, 'search', 'index.html')));
    if (!base) {
      console.log(`Search in Chromium at ${size}: no build to take /search/ from (run the build section first).`);
      continue;
    }
    const site = indexOnlySite(base, corpus.records, join(WORK, `search-only-${size}`));
    await benchSearchBrowser(site, corpus.records, { label: `${size} (search page and index only)` });
  }
}

function times(count: number, run: () => unknown): number[] {
  return Array.from({ length: count }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
