import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { PROBLEM_ID, profileInput, profilesLoader, readSite } from '../../src/lib/profile-loader.ts';
import { RecordsSchema } from '../../src/lib/schema.ts';

/** Runs the loader against an in-memory store, as Astro's content layer would; `watcher` makes it the dev server's. */
async function runLoader(options: { parse?: (data: Record<string, unknown>) => unknown; watcher?: EventEmitter } = {}) {
  const entries = new Map<string, Record<string, unknown>>();
  const logged: string[] = [];
  const watcher = options.watcher && Object.assign(options.watcher, { add: () => undefined });
  const context = {
    store: { clear: () => entries.clear(), set: ({ id, data }: { id: string; data: Record<string, unknown> }) => entries.set(id, data) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => (options.parse ?? ((d) => d))(data),
    generateDigest: () => 'digest',
    watcher,
    logger: { info: () => undefined, warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) },
  } as unknown as LoaderContext;
  await profilesLoader('Ada Lovelace').load(context);
  return { entries, logged };
}

afterEach(() => vi.unstubAllEnvs());

describe('where the profiles come from', () => {
  test('$PROFILE names one file, $PROFILES a folder, else content/profiles', () => {
    expect(profileInput({})).toEqual({ folder: 'content/profiles' });
    expect(profileInput({ PROFILES: 'tests/fixtures/people' })).toEqual({ folder: 'tests/fixtures/people' });
    expect(profileInput({ PROFILE: 'x.txt', PROFILES: 'tests/fixtures/people' })).toEqual({ file: 'x.txt' });
  });
});

describe('a folder of people', () => {
  const { people } = readSite({ folder: 'tests/fixtures/people' }, 'unused');

  test('one person per file, named by the file, each under their own slug', () => {
    expect(people.map((p) => [p.profile.name, p.profile.slug, p.profile.url])).toEqual([
      ['Ada Lovelace', 'ada-lovelace', '/ada-lovelace/'],
      ['Grace Hopper', 'grace-hopper', '/grace-hopper/'],
      ['Mary Somerville', 'mary-somerville', '/mary-somerville/'],
      ['Édith Piaf', 'edith-piaf', '/edith-piaf/'],
    ]);
  });

  test('ids and part slugs are unique within a person, not across people', () => {
    const [ada, grace] = people;
    expect(ada!.quotes[0]).toMatchObject({ id: 'computing', url: '/ada-lovelace/quotes/computing/', person: { name: 'Ada Lovelace' } });
    expect(grace!.quotes[0]).toMatchObject({ id: 'computing', url: '/grace-hopper/quotes/computing/', person: { name: 'Grace Hopper' } });
    expect(ada!.parts[0]!.url).toBe('/ada-lovelace/parts/on-machines/');
    expect(grace!.parts[0]!.url).toBe('/grace-hopper/parts/on-machines/');
    for (const person of people) expect(RecordsSchema.safeParse(person).success).toBe(true);
  });

  test('a folder with one file is a one-person site at /', () => {
    const folder = mkdtempSync(join(tmpdir(), 'profiles-'));
    try {
      cpSync('tests/fixtures/people/Édith Piaf.txt', join(folder, 'Édith Piaf.txt'));
      const [edith] = readSite({ folder }, 'unused').people;
      expect(edith!.profile).toMatchObject({ name: 'Édith Piaf', url: '/' });
      expect(edith!.quotes[0]!.url).toBe('/quotes/regret/');
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  test('a single file is named by the site config', () => {
    const [only] = readSite({ file: 'tests/fixtures/people/Grace Hopper.txt' }, 'Somebody Else').people;
    expect(only!.profile).toMatchObject({ name: 'Somebody Else', slug: 'somebody-else', url: '/' });
  });

  test('every problem of every file at once: bad names name the files, bad lines their line', () => {
    expect(() => readSite({ folder: 'tests/fixtures/people-bad' }, 'unused')).toThrow(
      [
        "tests/fixtures/people-bad/ .txt: the file name is the person's name, and it is empty",
        'tests/fixtures/people-bad/!!.txt: the name "!!" has no letters or digits to make its URL from',
        'tests/fixtures/people-bad/Ada Lovelace.txt: the name gives the URL /ada-lovelace/, as does tests/fixtures/people-bad/ADA LOVELACE.txt: rename one of them',
        'tests/fixtures/people-bad/Search.txt: the name gives the URL /search/, which the site uses itself: rename the file',
        'tests/fixtures/people-bad/Ada Lovelace.txt:4: the source is empty: - On a: x — Source: []',
        'tests/fixtures/people-bad/Ada Lovelace.txt:5: unexpected text inside a part, expected a quote bullet: Stray text.',
        'tests/fixtures/people-bad/Zoë.txt:5: part 1 already appears on line 3: Part 1: Two',
        '7 errors in tests/fixtures/people-bad (6 profiles)',
      ].join('\n'),
    );
  });

  test('a missing file or folder is named', () => {
    expect(() => readSite({ file: 'tests/fixtures/no-such-file.txt' }, 'x')).toThrow(/^tests\/fixtures\/no-such-file\.txt: cannot read the profile/);
    expect(() => readSite({ folder: 'tests/fixtures/no-such-folder' }, 'x')).toThrow(
      /^tests\/fixtures\/no-such-folder: cannot read the profiles folder/,
    );
  });
});

describe('the content loader', () => {
  test('fills the store with one schema-checked entry per person, keyed by slug', async () => {
    vi.stubEnv('PROFILES', 'tests/fixtures/people');
    const { entries } = await runLoader({ parse: (data) => RecordsSchema.extend({ updated: RecordsSchema.shape.profile.shape.intro }).parse(data) });
    expect([...entries.keys()]).toEqual(['ada-lovelace', 'grace-hopper', 'mary-somerville', 'edith-piaf']);
    expect(entries.get('edith-piaf')).toMatchObject({ profile: { name: 'Édith Piaf' }, quotes: [{ topic: 'regret' }, {}, {}] });
  });

  test('in a build, a broken profile fails with every error as file:line', async () => {
    vi.stubEnv('PROFILE', 'tests/fixtures/malformed.txt');
    await expect(runLoader()).rejects.toThrow(
      /^tests\/fixtures\/malformed\.txt:2: a quote before the first[^]*\n8 errors in tests\/fixtures\/malformed\.txt$/,
    );
  });

  test('in the dev server, a broken profile becomes the problem entry, and fixing it brings the people back', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'profiles-'));
    const watcher = new EventEmitter();
    try {
      cpSync('tests/fixtures/people', folder, { recursive: true });
      vi.stubEnv('PROFILES', folder);
      const { entries, logged } = await runLoader({ watcher });
      expect(entries.size).toBe(4);

      const file = join(folder, 'Grace Hopper.txt');
      writeFileSync(file, 'Intro.\n\nPart 1: One\n- On a: x — Source: []\n- On b: no source\n');
      watcher.emit('all', 'change', file);
      await vi.waitFor(() => expect([...entries.keys()]).toEqual([PROBLEM_ID]));
      const { problem } = entries.get(PROBLEM_ID) as { problem: string };
      expect(problem.split('\n')).toEqual([
        `${file}:4: the source is empty: - On a: x — Source: []`,
        `${file}:5: missing \` — Source: [<source>]\` at the end of the quote: - On b: no source`,
        `2 errors in ${folder} (4 profiles)`,
      ]);
      expect(logged.at(-1)).toBe(`error ${problem}`);

      writeFileSync(file, 'Intro.\n\nPart 1: One\n- On a: x — Source: [S]\n');
      watcher.emit('all', 'change', file);
      await vi.waitFor(() => expect(entries.size).toBe(4));
      expect(entries.get('grace-hopper')).toMatchObject({ quotes: [{ topic: 'a' }] });

      // A new person's file is picked up; a removed one is gone.
      cpSync('tests/fixtures/people/Ada Lovelace.txt', join(folder, 'Caroline Herschel.txt'));
      watcher.emit('all', 'add', join(folder, 'Caroline Herschel.txt'));
      await vi.waitFor(() => expect(entries.has('caroline-herschel')).toBe(true));
      rmSync(join(folder, 'Ada Lovelace.txt'));
      watcher.emit('all', 'unlink', join(folder, 'Ada Lovelace.txt'));
      await vi.waitFor(() => expect(entries.has('ada-lovelace')).toBe(false));
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  test('a source spelled two ways is one source, and the loader warns about the line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'profiles-'));
    try {
      writeFileSync(join(folder, 'Ben.txt'), 'Part 1: One\n- On a: x — Source: [Benjamin Franklin]\n- On b: y — Source: [Benjamin Franklin.]\n');
      vi.stubEnv('PROFILES', folder);
      const { entries, logged } = await runLoader();
      expect(entries.get('ben')).toMatchObject({ sources: [{ name: 'Benjamin Franklin', quoteCount: 2 }] });
      expect(logged).toEqual([
        `warn ${join(folder, 'Ben.txt')}:3: warning: the source [Benjamin Franklin.] is also written [Benjamin Franklin] (line 2); both are one source: write it one way`,
      ]);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });
});
