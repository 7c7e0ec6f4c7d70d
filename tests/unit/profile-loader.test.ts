import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { profileLoader, profilePath, readRecords } from '../../src/lib/profile-loader.ts';
import { QuoteSchema } from '../../src/lib/schema.ts';

/** Runs a loader against an in-memory store, as Astro's content layer would. */
async function runLoader(parse: (data: Record<string, unknown>) => Record<string, unknown>) {
  const entries = new Map<string, unknown>();
  const context = {
    store: { clear: () => entries.clear(), set: ({ id, data }: { id: string; data: unknown }) => entries.set(id, data) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => parse(data),
    generateDigest: () => 'digest',
  } as unknown as LoaderContext;
  await profileLoader('quotes', (r) => r.quotes.map((q) => ({ id: q.id, data: q, line: q.line }))).load(context);
  return entries;
}

afterEach(() => vi.unstubAllEnvs());

describe('the content loader', () => {
  test('reads $PROFILE, else content/profile.txt', () => {
    expect(profilePath({})).toBe('content/profile.txt');
    expect(profilePath({ PROFILE: 'tests/fixtures/bom-crlf.txt' })).toBe('tests/fixtures/bom-crlf.txt');
  });

  test('fills the store with schema-checked entries keyed by id', async () => {
    vi.stubEnv('PROFILE', 'tests/fixtures/bom-crlf.txt');
    const entries = await runLoader((data) => QuoteSchema.parse(data));
    expect([...entries.keys()]).toEqual(['brewing', 'cups', 'green-tea']);
    expect(entries.get('cups')).toMatchObject({ topic: '<cups>', text: 'Use &amp; reuse *good* cups', line: 5 });
  });

  test('fails with every profile error as file:line', async () => {
    vi.stubEnv('PROFILE', 'tests/fixtures/malformed.txt');
    await expect(runLoader((data) => data)).rejects.toThrow(
      /^tests\/fixtures\/malformed\.txt:2: a quote before the first[^]*\n8 errors in tests\/fixtures\/malformed\.txt$/,
    );
  });

  test('a schema failure keeps the line of the record', async () => {
    vi.stubEnv('PROFILE', 'tests/fixtures/bom-crlf.txt');
    await expect(
      runLoader(() => {
        throw new Error('text: too long');
      }),
    ).rejects.toThrow('tests/fixtures/bom-crlf.txt:4: text: too long');
  });

  test('a missing file is named', () => {
    expect(() => readRecords('tests/fixtures/no-such-file.txt')).toThrow(
      /^tests\/fixtures\/no-such-file\.txt: cannot read the profile/,
    );
  });
});
