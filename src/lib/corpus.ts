/**
 * Generated profiles for benchmarks: any number of quotes made from the seed profile's own words,
 * the same every run (a seeded random number generator, not Math.random).
 */
import type { Records } from './schema.ts';

/** A small, fast, seeded PRNG (mulberry32): returns floats in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes a profile of `count` quotes in parts of about 100, drawing topics, texts and sources
 * from `seed`'s records. About a quarter are direct quotes, as in the seed.
 */
export function generateProfile(seed: Records, count: number, seedNumber = 1): string {
  const next = random(seedNumber);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const words = seed.quotes.flatMap((q) => q.text.split(/\s+/)).filter((w) => w !== '' && !w.includes('"') && !w.includes('“'));
  const topicWords = seed.quotes.flatMap((q) => q.topic.split(/\s+/));
  const phrase = (min: number, max: number, from: readonly string[]) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(from)).join(' ');

  const lines = [seed.profile.intro, ''];
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) {
      const part = seed.parts[(i / 100) % seed.parts.length]!;
      lines.push(`Part ${i / 100 + 1}: ${part.title} ${i / 100 + 1}`);
    }
    const text = phrase(12, 45, words).replace(/\s*[—–]\s*$/, '');
    const quoted = next() < 0.25 ? `"${text}"` : text;
    lines.push(`- On ${phrase(1, 4, topicWords)}: ${quoted} — Source: [${pick(seed.sources).name}]`);
  }
  return `${lines.join('\n')}\n`;
}
