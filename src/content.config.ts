import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { profilesLoader } from './lib/profile-loader.ts';
import { RecordsSchema } from './lib/schema.ts';
import { site } from './site.config.ts';

/**
 * One entry per person: everything their profile yields. While the dev server runs, a broken
 * profile is one `problem` entry instead (see `profilesLoader`), which `loadSite` turns into an error.
 */
const people = defineCollection({
  loader: profilesLoader(site.name),
  schema: z.union([RecordsSchema.extend({ updated: z.iso.datetime() }), z.object({ problem: z.string() })]),
});

export const collections = { people };
