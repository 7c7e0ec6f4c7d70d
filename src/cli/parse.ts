/**
 * `npm run --silent parse -- <file>`: prints the profile's records as JSON, or its errors on stderr
 * with exit code 1. Doubles as the linter for people who edit the profile.
 */
import { readFileSync } from 'node:fs';
import { formatProfileError, parseProfile } from '../lib/profile.ts';

const file = process.argv[2] ?? 'content/profile.txt';
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (error) {
  console.error(`${file}: cannot read the profile: ${(error as Error).message}`);
  process.exit(1);
}
const result = parseProfile(bytes, file);
if (result.ok) {
  process.stdout.write(`${JSON.stringify(result.records, null, 2)}\n`);
} else {
  for (const error of result.errors) console.error(formatProfileError(error));
  console.error(`${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${file}`);
  process.exitCode = 1;
}
