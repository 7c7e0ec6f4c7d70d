/**
 * The site as pages see it: every person with their records, and the lookups and list pages that
 * pages need, computed once per build in one pass over the quotes (never by filtering every quote
 * once per part or source). A one-person site and a site of several have the same shape; only
 * their URLs differ (see urls.ts).
 */
import type { Part, Profile, Quote, Records, SiteRecords, Source } from './schema.ts';
import { shortenAtWord } from './text.ts';
import { listPageUrl, partsUrl, quotesUrl, sourcesUrl } from './urls.ts';

/** How many quotes (or parts, or sources) one list page shows. The seed's lists all fit on one. */
export const PAGE_SIZE = 100;

/** How many sources a person's home page lists before it links to the rest. */
export const HOME_SOURCES = 30;

/** One page of a list: page 1 keeps the list's URL, later pages are `<list url><n>/`. */
export interface ListPage<T> {
  url: string;
  /** 1-based. */
  number: number;
  /** The page's `[...page]` route parameter: its URL after the list's, none for page 1. */
  param: string | undefined;
  /** The URLs of every page of the list, in order (for the pager). */
  urls: string[];
  items: T[];
}

/** One person's records, with the lookups their pages need. */
export interface Person extends Records {
  /** When the person's profile last changed. */
  updated: Date;
  /** Each part's quotes, by part slug, in profile order. */
  quotesOfPart: Map<string, Quote[]>;
  /** Each source's quotes, by source slug, in profile order. */
  quotesOfSource: Map<string, Quote[]>;
  /** Where each quote is listed in its part, by quote id: a part page's URL with the quote's anchor. */
  listedAt: Map<string, string>;
  /** The quote the person's home page shows first. */
  featured: Quote;
  /** The sources a home page has room for: all of them, or the most quoted when there are many. */
  topSources: Source[];
  /** One sentence about the person, for page descriptions and the list of people. */
  summary: string;
  /** The pages of the person's parts, sources and quotes lists. */
  partPages: ListPage<Part>[];
  sourcePages: ListPage<Source>[];
  quotePages: ListPage<Quote>[];
}

export interface Site {
  /** Everyone, in name order. */
  people: Person[];
  /** When any profile last changed. */
  updated: Date;
  /** Whether the site holds several people (each under `/<slug>/`) or one (at `/`). */
  several: boolean;
  /** The site's title: `<name>, in quotes` for one person, the configured title for several. */
  title: string;
  description: string;
}

/** What the site config says about the site. */
export interface SiteConfig {
  title: string;
  featured: Record<string, string>;
}

/** Puts the people's records together into the site. */
export function buildSite(people: (Records & { updated: string })[], config: SiteConfig): Site {
  const persons = people.map((records) => buildPerson(records, config)).sort((a, b) => byName.compare(a.profile.name, b.profile.name));
  const several = persons.length > 1;
  const only = persons[0]!;
  const quoteCount = persons.reduce((n, p) => n + p.quotes.length, 0);
  return {
    people: persons,
    several,
    updated: new Date(Math.max(...persons.map((p) => p.updated.getTime()))),
    title: several ? config.title : `${only.profile.name}, in quotes`,
    description: several
      ? `${quoteCount.toLocaleString('en')} quotes and paraphrases of ${persons.length} people, by person, theme and source.`
      : only.summary,
  };
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function buildPerson({ updated, ...records }: Records & { updated: string }, config: SiteConfig): Person {
  const quotesOfPart = new Map<string, Quote[]>();
  const quotesOfSource = new Map<string, Quote[]>();
  for (const quote of records.quotes) {
    push(quotesOfPart, quote.part.slug, quote);
    push(quotesOfSource, quote.source.slug, quote);
  }
  const listedAt = new Map<string, string>();
  for (const quotes of quotesOfPart.values()) {
    const { url } = quotes[0]!.part;
    quotes.forEach((q, i) => listedAt.set(q.id, `${listPageUrl(url, Math.floor(i / PAGE_SIZE) + 1)}#${q.id}`));
  }
  const { quotes, profile } = records;
  const wanted = config.featured[profile.slug];
  return {
    ...records,
    updated: new Date(updated),
    quotesOfPart,
    quotesOfSource,
    listedAt,
    featured: quotes.find((q) => q.id === wanted) ?? quotes.find((q) => q.kind === 'direct') ?? quotes[0]!,
    topSources:
      records.sources.length <= HOME_SOURCES
        ? records.sources
        : [...records.sources].sort((a, b) => b.quoteCount - a.quoteCount).slice(0, HOME_SOURCES),
    summary: summary(profile),
    partPages: listPages(partsUrl(profile), records.parts, new Set(records.parts.map((p) => p.url))),
    sourcePages: listPages(sourcesUrl(profile), records.sources, new Set(records.sources.map((s) => s.url))),
    quotePages: listPages(quotesUrl(profile), quotes, new Set(quotes.map((q) => q.url))),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first sentence of the intro, or a plain description when there is none. */
function summary(profile: Profile): string {
  const first = /^[^]*?[.!?](?=\s|$)/.exec(profile.intro.trim())?.[0] ?? profile.intro.trim();
  return first ? shortenAtWord(first.replace(/\s+/g, ' '), 200) : `Quotes and paraphrases of ${profile.name}, by theme and source.`;
}

/**
 * Splits a list into pages of `size`. Page `n` lives at `<list url><n>/`, unless a record already
 * has that URL (a quote whose topic is "2" owns `/quotes/2/`): the record keeps it, and that page
 * moves to `<list url>page-<n>/`.
 *
 * @param taken URLs that records of the list own
 */
export function listPages<T>(listUrl: string, items: readonly T[], taken: ReadonlySet<string> = new Set(), size = PAGE_SIZE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const urls = Array.from({ length: count }, (_, i) => {
    let url = listPageUrl(listUrl, i + 1);
    for (let n = 1; taken.has(url); n++) url = `${listUrl}page-${i + 1}${n > 1 ? `-${n}` : ''}/`;
    return url;
  });
  return urls.map((url, i) => ({
    url,
    number: i + 1,
    param: url.slice(listUrl.length, -1) || undefined,
    urls,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** Quotes in runs of one part each. Quotes come in profile order, so a part's quotes are one run. */
export function byPart(quotes: readonly Quote[]): { part: Quote['part']; quotes: Quote[] }[] {
  const groups: { part: Quote['part']; quotes: Quote[] }[] = [];
  for (const quote of quotes) {
    const last = groups.at(-1);
    if (last?.part.slug === quote.part.slug) last.quotes.push(quote);
    else groups.push({ part: quote.part, quotes: [quote] });
  }
  return groups;
}

/** Everything the site holds, in the public shape of `/quotes.json`. */
export function siteRecords(site: Site): SiteRecords {
  const people = site.people;
  return {
    ...(site.several ? {} : { profile: people[0]!.profile }),
    people: people.map((p) => p.profile),
    parts: people.flatMap((p) => p.parts),
    sources: people.flatMap((p) => p.sources),
    quotes: people.flatMap((p) => p.quotes),
  };
}
