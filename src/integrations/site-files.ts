/**
 * Writes the files of a build that are not pages: every page's Markdown twin and the search
 * index. A worker thread reads the profiles and works the files out while Astro renders the pages
 * on the main thread (a build with its cards cached leaves the second core idle), and writes them
 * once the pages are done. As Astro routes, the 13,883 twins of a 10,000-quote site alone cost
 * about 7 s of CPU (a cached build's user time went from 51 to 44 s without them).
 * The dev server serves the same files through their routes: src/pages/[...twin].md.ts and
 * src/pages/search-index/[...file].json.ts.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { SiteFilesWritten } from './site-files-worker.ts';

/** The integration: starts the worker with the build, has it write the files after the pages. */
export function siteFiles(): AstroIntegration {
  let origin: string | undefined;
  let worker: Worker | undefined;
  let failed: Promise<never> | undefined;
  return {
    name: 'site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        origin = config.site;
      },
      'astro:build:start': () => {
        worker = new Worker(new URL('./site-files-worker.ts', import.meta.url), { workerData: origin });
        failed = new Promise((_, reject) => {
          worker!.once('error', reject);
          worker!.once('exit', (code) => reject(new Error(`the site files' worker stopped early (exit code ${code})`)));
        });
        // A failure surfaces where the files are awaited, not as an unhandled rejection now (a
        // profile that does not parse is reported before this, by the content layer).
        failed.catch(() => {});
        // Until the pages are done, the worker must not keep a failed build's process alive.
        worker.unref();
      },
      'astro:build:done': async ({ dir, logger }) => {
        worker!.ref();
        const written = new Promise<SiteFilesWritten>((resolve) => worker!.once('message', resolve));
        worker!.postMessage(fileURLToPath(dir));
        const { twins, searchFiles } = await Promise.race([written, failed!]);
        await worker!.terminate();
        logger.info(`${twins} Markdown twins and ${searchFiles} search index files written`);
      },
    },
  };
}
