/**
 * Every URL of the site, built from the records: the one place that knows the URL contract. A
 * one-person site keeps its person at `/`; a site of several puts each person under `/<slug>/`,
 * and everything of theirs below it, so the same functions serve both.
 */

/** Anything with a home page: a person (`url` is `/` or `/<slug>/`). */
interface Based {
  url: string;
}

/**
 * Top-level routes of the site: a person whose slug is one of these would shadow them. (A slug has
 * no dots, so files such as `/feed.xml` cannot clash.)
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'parts',
  'sources',
  'quotes',
  'search',
  'search-index',
  'random',
  'cards',
  'index',
  '404',
]);

/** A person's home page: `/` when the site holds only them, `/<slug>/` when it holds several. */
export function personUrl(slug: string, several: boolean): string {
  return several ? `/${slug}/` : '/';
}

/** The `[...person]` route parameter of a person's pages: none on a one-person site. */
export function personParam(person: Based): string | undefined {
  return person.url.slice(1, -1) || undefined;
}

export const partUrl = (person: Based, slug: string): string => `${person.url}parts/${slug}/`;
export const sourceUrl = (person: Based, slug: string): string => `${person.url}sources/${slug}/`;
export const quoteUrl = (person: Based, id: string): string => `${person.url}quotes/${id}/`;
/** The lists of a person's parts, sources and quotes. */
export const partsUrl = (person: Based): string => `${person.url}parts/`;
export const sourcesUrl = (person: Based): string => `${person.url}sources/`;
export const quotesUrl = (person: Based): string => `${person.url}quotes/`;
/** A person's Atom feed; on a one-person site, the site's. */
export const feedUrl = (person: Based): string => `${person.url}feed.xml`;

/** Page `n` of a list: page 1 keeps the list's URL, later pages are `<list url><n>/`. */
export function listPageUrl(listUrl: string, page: number): string {
  return page <= 1 ? listUrl : `${listUrl}${page}/`;
}

/** A page's Markdown twin: the same address ending in `.md` instead of `/` (`/` → `/index.md`). */
export function markdownUrl(url: string): string {
  return url === '/' ? '/index.md' : url.replace(/\/$/, '.md');
}

/**
 * A page's link-preview card, next to the person's other pages: `/quotes/x/` → `/cards/quotes/x.png`,
 * `/p/parts/y/` → `/p/cards/parts/y.png`, a home page → `<home>cards/index.png`.
 *
 * @param url the page's URL
 * @param home the URL the person's pages hang from (`/` for the site itself)
 */
export function cardUrl(url: string, home = '/'): string {
  const rest = url.slice(home.length).replace(/\/$/, '');
  return `${home}cards/${rest || 'index'}.png`;
}

/** Makes site-relative URLs absolute against the configured `site`. */
export function absolute(site: URL | string | undefined): (path: string) => string {
  return (path) => new URL(path, site).href;
}
