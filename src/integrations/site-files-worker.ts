/**
 * The worker of src/integrations/site-files.ts: reads the profiles and works out the Markdown
 * twins and the search index while the main thread renders the pages, then writes them into the
 * folder the main thread sends. Node runs this file as TypeScript itself (type stripping only).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { markdownTwins } from '../lib/markdown.ts';
import { searchData, searchFiles } from '../lib/search.ts';
import { siteRecords } from '../lib/site.ts';
import { absolute } from '../lib/urls.ts';
import { readBuildSite } from './build-site.ts';

/** What the worker wrote: counts for the build's log. */
export interface SiteFilesWritten {
  twins: number;
  searchFiles: number;
}

const site = readBuildSite();
const twins = markdownTwins(site, absolute(workerData as string | undefined));
const files = new Map<string, string>();
for (const [url, body] of twins) files.set(url, body());
const index = searchFiles(searchData(siteRecords(site)));
for (const [name, body] of index) files.set(`/search-index/${name}`, body);

parentPort!.once('message', (root: string) => {
  for (const folder of new Set([...files.keys()].map((url) => dirname(join(root, url))))) mkdirSync(folder, { recursive: true });
  for (const [url, body] of files) writeFileSync(join(root, url), body);
  parentPort!.postMessage({ twins: twins.size, searchFiles: index.size } satisfies SiteFilesWritten);
});
