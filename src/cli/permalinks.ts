/**
 * `npm run permalinks`: adds the URLs of the last build (dist/) to permalinks.txt. URLs are
 * never removed: once published, a URL must keep working or redirect (src/redirects.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parsePermalinks, publishedUrls } from '../lib/permalinks.ts';

const FILE = 'permalinks.txt';
if (!existsSync('dist/index.html')) {
  console.error('No build in dist/: run npm run build first.');
  process.exit(1);
}
const listed = existsSync(FILE) ? parsePermalinks(readFileSync(FILE, 'utf8')) : [];
const all = [...new Set([...listed, ...publishedUrls('dist')])].sort();
const header = [
  '# Every URL the site has published. The tests fail when one of them is missing from the build',
  '# and has no redirect in src/redirects.ts. Add new URLs with `npm run permalinks`; never remove one.',
];
writeFileSync(FILE, `${[...header, ...all].join('\n')}\n`);
console.log(`${FILE}: ${all.length} URLs, ${all.length - listed.length} new.`);
