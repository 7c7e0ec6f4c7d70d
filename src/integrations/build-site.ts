/**
 * The site a build renders, for the build hooks that write files beside the pages (social cards,
 * Markdown twins, the search index). The hooks run outside the pages' bundle, so they read the
 * profiles themselves.
 */
import { profileInput, readSite } from '../lib/profile-loader.ts';
import { buildSite, type Site } from '../lib/site.ts';
import { site as config } from '../site.config.ts';

/** The site that a build of the profiles the environment names renders. */
export function readBuildSite(env: Record<string, string | undefined> = process.env): Site {
  return buildSite(readSite(profileInput(env), config.name).people, config);
}
