/**
 * Reads the profiles for the build, the dev server and the CLI: one file per person in a folder,
 * or one file on its own. Kept out of `content.config.ts` so unit tests can drive it with a fake
 * store (`getCollection()` returns nothing inside vitest). Files are read only here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProfileError, parseProfile, type ProfileError } from './profile.ts';
import type { Records } from './schema.ts';
import { slugify } from './slug.ts';
import { personUrl, RESERVED_SLUGS } from './urls.ts';

/** Where the profiles come from: a folder with one file per person, or a single file. */
export type ProfileInput = { folder: string } | { file: string };

/** The profiles `npm run build` reads: `$PROFILE` (one file), else `$PROFILES`, else `content/profiles`. */
export function profileInput(env: Record<string, string | undefined> = process.env): ProfileInput {
  if (env.PROFILE) return { file: env.PROFILE };
  return { folder: env.PROFILES || 'content/profiles' };
}

/** The path to watch for changes. */
export function inputPath(input: ProfileInput): string {
  return 'file' in input ? input.file : input.folder;
}

/** One person's records, and when their profile last changed (for feeds). */
export type PersonInput = Records & { updated: string };

/** What a build reads: every person's records, and the warnings to show. */
export interface SiteInput {
  people: PersonInput[];
  warnings: ProfileError[];
}

/** Everything wrong with the profiles, one `file:line: message` a line and a count last. */
export class ProfileProblems extends Error {
  override name = 'ProfileProblems';
}

/**
 * Reads and parses every profile. Throws one `ProfileProblems` listing every problem of every file
 * as `file:line: …` (what Astro prints first when a loader fails the build).
 *
 * @param input a folder of `<Name>.txt` files, or one file whose person is `name`
 * @param name the person of a single file, who has no file name of their own (the site config's)
 */
export function readSite(input: ProfileInput, name: string): SiteInput {
  const problems: string[] = [];
  const files = 'file' in input ? [{ file: input.file, name }] : listProfiles(input.folder, problems);
  const several = files.length > 1;
  const people: PersonInput[] = [];
  const warnings: ProfileError[] = [];
  const changed = lastChanged(files.map((f) => f.file));
  let errorCount = problems.length;
  for (const { file, name } of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      problems.push(`${file}: cannot read the profile: ${(error as Error).message}`);
      errorCount++;
      continue;
    }
    const slug = slugify(name) || 'person';
    const result = parseProfile(bytes, file, { name: name || 'person', slug, url: personUrl(slug, several) });
    if (result.ok) {
      people.push({ ...result.records, updated: changed.get(file)!.toISOString() });
      warnings.push(...result.warnings);
    } else {
      problems.push(...result.errors.map(formatProfileError));
      errorCount += result.errors.length;
    }
  }
  if (problems.length > 0) {
    const where = files.length === 1 ? files[0]!.file : `${inputPath(input)} (${files.length} profiles)`;
    throw new ProfileProblems([...problems, `${errorCount} error${errorCount === 1 ? '' : 's'} in ${where}`].join('\n'));
  }
  return { people, warnings };
}

/** One profile file's records, as a one-person site built from it would have them. Throws its problems. */
export function readProfile(file: string, name: string): Records {
  const { updated: _, ...records } = readSite({ file }, name).people[0]!;
  return records;
}

/**
 * The `.txt` files of a profiles folder, each named by its file name. Names must give a slug of
 * their own that no top-level route already uses; each broken rule is a problem naming the files.
 */
function listProfiles(folder: string, problems: string[]): { file: string; name: string }[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  } catch (error) {
    problems.push(`${folder}: cannot read the profiles folder: ${(error as Error).message}`);
    return [];
  }
  if (names.length === 0) problems.push(`${folder}: no profiles: add one file per person, named <Name>.txt`);
  const files = names.map((f) => ({ file: join(folder, f), name: f.slice(0, -'.txt'.length).trim() }));
  const bySlug = new Map<string, string>();
  for (const { file, name } of files) {
    const slug = slugify(name);
    if (name === '') problems.push(`${file}: the file name is the person's name, and it is empty`);
    else if (slug === '') problems.push(`${file}: the name "${name}" has no letters or digits to make its URL from`);
    else if (RESERVED_SLUGS.has(slug)) problems.push(`${file}: the name gives the URL /${slug}/, which the site uses itself: rename the file`);
    else if (bySlug.has(slug)) problems.push(`${file}: the name gives the URL /${slug}/, as does ${bySlug.get(slug)}: rename one of them`);
    bySlug.set(slug, file);
  }
  // Files with a bad name are still parsed, so that every problem of every file shows at once.
  return files;
}

/**
 * When each file last changed: the time of its last commit when git has it unchanged, else its
 * modification time. A fresh clone stamps files with the time of the clone; the commit time stays.
 */
export function lastChanged(files: string[]): Map<string, Date> {
  const result = new Map<string, Date>();
  const git = (...args: string[]) => spawnSync('git', ['-c', 'core.quotePath=false', ...args, '--', ...files], { encoding: 'utf8' });
  const status = git('status', '--porcelain', '--untracked-files=all');
  if (status.status === 0) {
    const dirty = new Set(status.stdout.split('\n').map((line) => line.slice(3)).filter(Boolean));
    const byPath = new Map(files.map((f) => [resolve(f), f]));
    // Newest commit first: the first time a file is named is its last commit.
    let when: Date | undefined;
    for (const line of git('log', '--format=%x00%cI', '--name-only').stdout.split('\n')) {
      if (line.startsWith('\0')) when = new Date(line.slice(1));
      const file = byPath.get(resolve(line));
      if (line && when && file && !result.has(file) && !dirty.has(line)) result.set(file, when);
    }
  }
  for (const file of files) if (!result.has(file)) result.set(file, statSync(file, { throwIfNoEntry: false })?.mtime ?? new Date(0));
  return result;
}

/** The id of the entry that stands for a broken profile while the dev server runs. */
export const PROBLEM_ID = '--problem';

/**
 * The content loader: one entry per person, keyed by slug. In a build a problem throws and stops
 * it. In the dev server (which passes a `watcher`) the profiles are read again whenever a file
 * changes, and a problem replaces the entries with one `PROBLEM_ID` entry, so that every page shows
 * it in Astro's error overlay instead of serving the last good records silently.
 *
 * @param name the person of a single `PROFILE` file (the site config's name)
 */
export function profilesLoader(name: string): Loader {
  return {
    name: 'profiles',
    async load({ store, parseData, generateDigest, watcher, logger }: LoaderContext) {
      const input = profileInput();
      const sync = async () => {
        let site: SiteInput;
        try {
          site = readSite(input, name);
        } catch (error) {
          if (!watcher || !(error instanceof ProfileProblems)) throw error;
          logger.error(error.message);
          store.clear();
          store.set({ id: PROBLEM_ID, data: { problem: error.message } });
          return;
        }
        for (const warning of site.warnings) logger.warn(formatProfileError(warning));
        store.clear();
        for (const records of site.people) {
          const id = records.profile.slug;
          let data: Record<string, unknown>;
          try {
            data = await parseData({ id, data: records });
          } catch (error) {
            // The parser checks the same schema with line numbers, so this means the two disagree.
            throw new Error(`the records of ${records.profile.name} do not match the schema: ${(error as Error).message}`);
          }
          store.set({ id, data, digest: generateDigest(data) });
        }
      };
      if (watcher) {
        const watched = resolve(inputPath(input));
        watcher.add(watched);
        // An editor's save can arrive as several events (truncate, write, rename): read once they
        // settle, and never two reads at once, so the last state of the files always wins.
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running = Promise.resolve();
        watcher.on('all', (event, path) => {
          const inside = path === watched || (path.startsWith(`${watched}/`) && path.endsWith('.txt'));
          if (!inside || !['add', 'change', 'unlink'].includes(event)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`${event}: ${path}`);
            running = running.then(sync).catch((error: unknown) => logger.error(String(error)));
          }, 50);
        });
      }
      await sync();
    },
  };
}
