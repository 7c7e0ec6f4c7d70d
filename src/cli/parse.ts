/**
 * `npm run --silent parse -- <file or folder>`: prints the records as JSON, or every error on stderr
 * with exit code 1. Doubles as the linter for people who edit the profiles. A folder is read as the
 * build reads `content/profiles/` (one person per file, named by it); a file on its own is named by
 * the site config, as `PROFILE=<file>` builds it. Warnings go to stderr and do not fail.
 */
import { statSync } from 'node:fs';
import { formatProfileError } from '../lib/profile.ts';
import { ProfileProblems, readSite, type ProfileInput } from '../lib/profile-loader.ts';
import { buildSite, siteRecords } from '../lib/site.ts';
import { site as config } from '../site.config.ts';

const path = process.argv[2] ?? 'content/profiles';
const input: ProfileInput = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? { folder: path } : { file: path };
try {
  const { people, warnings } = readSite(input, config.name);
  for (const warning of warnings) console.error(formatProfileError(warning));
  // One file prints one profile's records, as it always has; a folder prints the whole site's.
  const { updated: _, ...records } = people[0]!;
  const output = 'file' in input ? records : siteRecords(buildSite(people, config));
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
} catch (error) {
  if (!(error instanceof ProfileProblems)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
