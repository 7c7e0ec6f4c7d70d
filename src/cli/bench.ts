/**
 * `npm run bench [search] [parse] [build]` (all three by default):
 * - search: see src/cli/bench-search.ts (index files, latency, recall, downloads; in Chromium
 *   with `node src/cli/bench-search.ts browser <site> <profile>`).
 * - parse: the parser on a 10 MB profile, and on hostile profiles at two sizes (linear or not).
 * - build: the whole site for the seed and for 10,000 quotes: time and peak memory, with social
 *   cards cold and cached, and how many cards a one-quote edit redraws. Takes several minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProfile } from '../lib/corpus.ts';
import { readProfile } from '../lib/profile-loader.ts';
import { parseProfile } from '../lib/profile.ts';
import { benchSearchNode, searchCodeGzip } from './bench-search.ts';

const SEED = 'content/profiles/David Cramer.txt';
const seed = readProfile(SEED, 'David Cramer');
const PERSON = seed.profile;
const sections = process.argv.slice(2);
const wanted = (name: string) => sections.length === 0 || sections.includes(name);

if (wanted('search')) {
  benchSearchNode();
  const code = searchCodeGzip();
  console.log(code ? `Search code a browser loads on first use (page script and engine): ${kb(code)} gzip.\n` : 'Search code size: no build in dist/ (run npm run build first).\n');
}
if (wanted('parse')) benchParse();
if (wanted('build')) benchBuild();

/** The parser on a large profile, and on inputs built to make regexes or Markdown parsers backtrack. */
function benchParse() {
  const big = generateProfile(seed, 45_000);
  const parseMs = (text: string) => times(1, () => parseProfile(text, 'bench', PERSON))[0]!;
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
  const cards = join('node_modules', '.cache', 'quote-browser', 'cards');
  const cardCount = () => (existsSync(cards) ? readdirSync(cards).length : 0);
  try {
    const seedBuild = timedBuild(SEED, join(work, 'seed'));
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

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
