/**
 * The records the profile turns into: the single source of truth for their shape. The parse CLI,
 * the content collections and `/quotes.json` all emit exactly this.
 */
import { z } from 'astro/zod';

/** A URL-safe name: lower-case a–z, 0–9 and single inner hyphens. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a valid slug');

/** A site-relative URL that starts and ends with `/`. */
export const UrlSchema = z.string().regex(/^\/(?:[^/\s]+\/)*$/, 'not a site-relative URL ending in /');

/** Text taken from the profile: non-empty, already trimmed. */
const TextSchema = z.string().min(1).refine((s) => s === s.trim(), 'has surrounding white space');

/** Whether the text is the person's own words or someone's summary of them. */
export const KindSchema = z.enum(['direct', 'paraphrase']);

/** The person the profile is about. */
export const ProfileSchema = z.object({
  /** The person's name, from the site config (never guessed from the text). */
  name: TextSchema,
  /** The text before the first part heading, trimmed; may be empty. */
  intro: z.string(),
});

/** A part (theme) of the profile, from a `Part N: Title` heading. */
export const PartSchema = z.object({
  /** The whole number in the heading; unique, but not necessarily in order. */
  number: z.number().int().nonnegative(),
  /** The heading's title, exactly as written. */
  title: TextSchema,
  /** `slugify(title)`, made unique; `part-<number>` if the title has no letters or digits. */
  slug: SlugSchema,
  /** `/parts/<slug>/`. */
  url: UrlSchema,
  /** How many quotes the part holds (at least one). */
  quoteCount: z.number().int().positive(),
});

/** A source named in brackets after `— Source:`; one record per distinct name. */
export const SourceSchema = z.object({
  /** The name between the brackets, exactly as written. */
  name: TextSchema,
  /** `slugify(name)`, made unique; `source-<n>` (n-th source) if the name has no letters or digits. */
  slug: SlugSchema,
  /** `/sources/<slug>/`. */
  url: UrlSchema,
  /** How many quotes cite this source. */
  quoteCount: z.number().int().positive(),
});

/** One bullet of the profile: `- On <topic>: <text> — Source: [<source>]`. */
export const QuoteSchema = z.object({
  /** The quote's slug: `slugify(topic)` made unique, or `quote-<n>` (n-th quote). Also its URL. */
  id: SlugSchema,
  /** What the quote is about: the words between `On ` and the first `: `. */
  topic: TextSchema,
  /** The words themselves; a direct quote without its two outer quotation marks. */
  text: TextSchema,
  /** `direct` when the text was wrapped in double quotes, `paraphrase` otherwise. */
  kind: KindSchema,
  /** The part the quote is under. */
  part: PartSchema.pick({ number: true, title: true, slug: true }),
  /** Where the quote comes from. */
  source: SourceSchema.pick({ name: true, slug: true }),
  /** `/quotes/<id>/`. */
  url: UrlSchema,
  /** The 1-based line of the bullet in the profile, for error messages and editors. */
  line: z.number().int().positive(),
});

/** Everything the profile yields: parts and quotes in profile order, sources by first appearance. */
export const RecordsSchema = z.object({
  profile: ProfileSchema,
  parts: z.array(PartSchema).min(1),
  sources: z.array(SourceSchema).min(1),
  quotes: z.array(QuoteSchema).min(1),
});

export type Kind = z.infer<typeof KindSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type Part = z.infer<typeof PartSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Records = z.infer<typeof RecordsSchema>;
