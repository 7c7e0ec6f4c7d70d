/**
 * Feeds Astro's content layer from the profile. Kept out of `content.config.ts` so unit tests can
 * drive it with a fake store (`getCollection()` returns nothing inside vitest).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import { formatProfileError, parseProfile } from './profile.ts';
import type { Records } from './schema.ts';

/** The profile `npm run build` reads: `$PROFILE` (relative to the current folder), else the default. */
export function profilePath(env: Record<string, string | undefined> = process.env): string {
  return env.PROFILE || 'content/profile.txt';
}

/**
 * Reads and parses the profile, throwing one error that lists every problem as `file:line: …`,
 * which is what Astro prints first when a loader fails the build.
 */
export function readRecords(file: string = profilePath()): Records {
  // Four collections load from one profile: parse it once while the file is unchanged.
  const stamp = fileStamp(file);
  if (last && last.file === file && last.stamp === stamp) return last.records;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`${file}: cannot read the profile: ${(error as Error).message}`);
  }
  const result = parseProfile(bytes, file);
  if (result.ok) {
    last = { file, stamp, records: result.records };
    return result.records;
  }
  const count = `${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${file}`;
  throw new Error([...result.errors.map(formatProfileError), count].join('\n'));
}

let last: { file: string; stamp: string; records: Records } | undefined;

function fileStamp(file: string): string {
  try {
    const { mtimeMs, size } = statSync(file);
    return `${mtimeMs}:${size}`;
  } catch {
    return '';
  }
}

/** The entries one collection takes from the records, each with the profile line it came from. */
type Pick = (records: Records) => { id: string; data: Record<string, unknown>; line: number }[];

/** A content loader for one kind of record; `pick` chooses which records and their ids. */
export function profileLoader(name: string, pick: Pick): Loader {
  return {
    name: `profile-${name}`,
    async load({ store, parseData, generateDigest }) {
      const file = profilePath();
      const entries = pick(readRecords(file));
      store.clear();
      for (const { id, data: raw, line } of entries) {
        let data: Record<string, unknown>;
        try {
          data = await parseData({ id, data: raw });
        } catch (error) {
          // A schema failure would otherwise lose the line the person has to fix.
          throw new Error(`${file}:${line}: ${(error as Error).message}`);
        }
        store.set({ id, data, digest: generateDigest(data) });
      }
    },
  };
}
