/**
 * The records the profiles turn into: the single source of truth for their shape. The parse CLI,
 * the content collection and `/quotes.json` all emit exactly this.
 */
import { z } from 'astro/zod';

// The patterns say it with lookaheads, not a repeated group (`^[a-z0-9]+(?:-[a-z0-9]+)*$`): a
// regular expression keeps a step to go back to for each time a group repeats, and a slug made of
// a topic a few megabytes long ran out of stack.

/** A URL-safe name: lower-case a–z, 0–9 and single inner hyphens. */
export const SlugSchema = z.string().regex(/^(?!-)(?!.*--)(?!.*-$)[a-z0-9-]+$/, 'not a valid slug');

/** A site-relative URL that starts and ends with `/`, without white space or empty segments. */
export const UrlSchema = z.string().regex(/^(?!.*\/\/)\/(?:\S*\/)?$/, 'not a site-relative URL ending in /');

/** Text taken from the profile: non-empty, already trimmed. */
const TextSchema = z.string().min(1).refine((s) => s === s.trim(), 'has surrounding white space');

/** Whether the text is the person's own words or someone's summary of them. */
export const KindSchema = z.enum(['direct', 'paraphrase']);

/** Which person a record belongs to; every part, source and quote names one. */
export const PersonRefSchema = z.object({
  /** The person's display name: the profile's file name without `.txt`, or the site config's name. */
  name: TextSchema,
  /** `slugify(name)`; unique on the site. */
  slug: SlugSchema,
  /** The person's home page: `/` on a one-person site, `/<slug>/` on a site of several. */
  url: UrlSchema,
});

/** The person a profile is about. */
export const ProfileSchema = PersonRefSchema.extend({
  /** The text before the first part heading, trimmed; may be empty. */
  intro: z.string(),
});

/** A part (theme) of a profile, from a `Part N: Title` heading. */
export const PartSchema = z.object({
  /** The whole number in the heading; unique within the profile, not necessarily in order. */
  number: z.number().int().nonnegative(),
  /** The heading's title, exactly as written. */
  title: TextSchema,
  /** `slugify(title)`, unique within the person; `part-<number>` if the title has no letters or digits. */
  slug: SlugSchema,
  /** `<person url>parts/<slug>/`. */
  url: UrlSchema,
  /** How many quotes the part holds (at least one). */
  quoteCount: z.number().int().positive(),
  /** Whose part it is. */
  person: PersonRefSchema,
});

/** A source named in brackets after `— Source:`; names that give the same slug are one source. */
export const SourceSchema = z.object({
  /** The name between the brackets, exactly as first written in the profile. */
  name: TextSchema,
  /** `slugify(name)`, unique within the person; `source-<n>` (n-th source) if the name has no letters or digits. */
  slug: SlugSchema,
  /** `<person url>sources/<slug>/`. */
  url: UrlSchema,
  /** How many quotes cite this source, in any of its spellings. */
  quoteCount: z.number().int().positive(),
  /** Whose source it is. */
  person: PersonRefSchema,
});

/** One bullet of a profile: `- On <topic>: <text> — Source: [<source>]`. */
export const QuoteSchema = z.object({
  /** The quote's slug: `slugify(topic)` made unique within the person, or `quote-<n>` (n-th quote). */
  id: SlugSchema,
  /** What the quote is about: the words between `On ` and the first `: `. */
  topic: TextSchema,
  /** The words themselves; a direct quote without its two outer quotation marks. */
  text: TextSchema,
  /** `direct` when the text was wrapped in double quotes, `paraphrase` otherwise. */
  kind: KindSchema,
  /** The part the quote is under. */
  part: PartSchema.pick({ number: true, title: true, slug: true, url: true }),
  /** Where the quote comes from: `name` exactly as written on this quote's line, `slug` and `url` the source's. */
  source: SourceSchema.pick({ name: true, slug: true, url: true }),
  /** Whose words they are. */
  person: PersonRefSchema,
  /** `<person url>quotes/<id>/`. */
  url: UrlSchema,
  /** The 1-based line of the bullet in its profile, for error messages and editors. */
  line: z.number().int().positive(),
});

/** Everything one profile yields: parts and quotes in profile order, sources by first appearance. */
export const RecordsSchema = z.object({
  profile: ProfileSchema,
  parts: z.array(PartSchema).min(1),
  sources: z.array(SourceSchema).min(1),
  quotes: z.array(QuoteSchema).min(1),
});

/**
 * The whole site, as `/quotes.json` publishes it: every person in name order, and everyone's parts,
 * sources and quotes, person by person. A one-person site also keeps `profile`, its shape before
 * the site held several people.
 */
export const SiteRecordsSchema = z.object({
  profile: ProfileSchema.optional(),
  people: z.array(ProfileSchema).min(1),
  parts: z.array(PartSchema).min(1),
  sources: z.array(SourceSchema).min(1),
  quotes: z.array(QuoteSchema).min(1),
});

export type Kind = z.infer<typeof KindSchema>;
export type PersonRef = z.infer<typeof PersonRefSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type Part = z.infer<typeof PartSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Records = z.infer<typeof RecordsSchema>;
export type SiteRecords = z.infer<typeof SiteRecordsSchema>;
