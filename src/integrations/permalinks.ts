/**
 * Keeps every published URL working after the build: for each URL in permalinks.txt that the
 * build no longer has, writes a redirect page (or, for a file such as `.md`, a copy of the file
 * it moved to, since a static file cannot redirect), and lists them all in `dist/_redirects` for
 * hosts that read it (Netlify, Cloudflare Pages) to answer with a real 301.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { brokenPermalinks, movedUrls, parsePermalinks, publishedUrls, redirectPage } from '../lib/permalinks.ts';

/**
 * The list of URLs the build must keep: `$PERMALINKS`, or the committed permalinks.txt when the
 * build reads the project's own profiles. A build of another profile (a test fixture, a
 * benchmark) has published nothing, so it keeps no list unless told to.
 */
export function permalinksFile(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.PERMALINKS !== undefined) return env.PERMALINKS || undefined;
  return env.PROFILE || env.PROFILES ? undefined : 'permalinks.txt';
}

export function permalinks(explicit: Record<string, string>): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'permalinks',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const list = permalinksFile();
        const listed = list && existsSync(list) ? parsePermalinks(readFileSync(list, 'utf8')) : [];
        const built = publishedUrls(root);
        const moved = movedUrls(listed, built, explicit);
        // Renames in src/redirects.ts hold even for URLs that never made it into the list.
        for (const [from, to] of Object.entries(explicit)) if (!moved.has(from) && !built.includes(from)) moved.set(from, to);
        const file = (url: string) => join(root, url.endsWith('/') ? `${url}index.html` : url);
        for (const [from, to] of moved) {
          mkdirSync(dirname(file(from)), { recursive: true });
          if (to.endsWith('/')) writeFileSync(file(from), redirectPage(to, new URL(to, site).href));
          else copyFileSync(file(to), file(from));
        }
        writeFileSync(join(root, '_redirects'), [...moved].map(([from, to]) => `${from} ${to} 301\n`).join(''));
        const broken = brokenPermalinks(listed, built, moved);
        if (broken.length > 0) {
          throw new Error(
            `${broken.length} published URL${broken.length === 1 ? '' : 's'} would break: listed in ${list}, not built, and no redirect in src/redirects.ts. Add where each went to src/redirects.ts:\n${broken.join('\n')}`,
          );
        }
        if (list) logger.info(`${moved.size} moved URLs redirected; every URL in ${list} works`);
      },
    },
  };
}
