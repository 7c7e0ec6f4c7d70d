import { defineCollection } from 'astro:content';
import { profileLoader } from './lib/profile-loader.ts';
import { PartSchema, ProfileSchema, QuoteSchema, SourceSchema } from './lib/schema.ts';

// Parts and sources point at the line of their first quote when the schema rejects them.
const profile = defineCollection({
  loader: profileLoader('profile', (r) => [{ id: 'profile', data: r.profile, line: 1 }]),
  schema: ProfileSchema,
});

const parts = defineCollection({
  loader: profileLoader('parts', (r) =>
    r.parts.map((p) => ({ id: p.slug, data: p, line: r.quotes.find((q) => q.part.slug === p.slug)!.line })),
  ),
  schema: PartSchema,
});

const sources = defineCollection({
  loader: profileLoader('sources', (r) =>
    r.sources.map((s) => ({ id: s.slug, data: s, line: r.quotes.find((q) => q.source.slug === s.slug)!.line })),
  ),
  schema: SourceSchema,
});

const quotes = defineCollection({
  loader: profileLoader('quotes', (r) => r.quotes.map((q) => ({ id: q.id, data: q, line: q.line }))),
  schema: QuoteSchema,
});

export const collections = { profile, parts, sources, quotes };
