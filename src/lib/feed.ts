/**
 * Atom feeds of the quotes (`/feed.xml` for the site, `/<person>/feed.xml` on a site of several),
 * one entry per quote in profile order, the newest quotes only.
 */
import type { Quote } from './schema.ts';
import { attributedText, xmlEscape } from './text.ts';

/**
 * How many quotes a feed holds: the newest, which are the last in a profile, since adding a quote
 * at the end is how a profile grows (and never moves a published URL). A reader polling a feed of
 * 100,000 entries would download megabytes for nothing.
 */
export const FEED_SIZE = 100;

/** The quotes of a feed: the last `FEED_SIZE` of one person, or the last of each person in turn. */
export function feedQuotes(people: { quotes: Quote[] }[]): Quote[] {
  const each = Math.ceil(FEED_SIZE / people.length);
  return people.flatMap((p) => p.quotes.slice(-each));
}

/** What a feed is about. */
export interface FeedInfo {
  title: string;
  subtitle: string;
  /** The page the feed belongs to, and the feed's own address (site-relative). */
  home: string;
  self: string;
  /** The feed's author: the person, or the site. */
  author: string;
  /**
   * When the profiles last changed. Quotes carry no dates of their own, so every entry is stamped
   * with it: an unchanged profile gives the same feed, and readers see nothing new.
   */
  updated: Date;
}

/** The feed of `quotes`; `abs` makes a site-relative URL absolute. */
export function atomFeed(quotes: Quote[], info: FeedInfo, abs: (path: string) => string): string {
  const when = info.updated.toISOString();
  const entries = quotes.map(
    (q) => `  <entry>
    <title>${xmlEscape(`${q.person.name} on ${q.topic}`)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(abs(q.url))}"/>
    <id>${xmlEscape(abs(q.url))}</id>
    <updated>${when}</updated>
    <author><name>${xmlEscape(q.person.name)}</name></author>
    <category term="${xmlEscape(q.part.slug)}" label="${xmlEscape(q.part.title)}"/>
    <summary type="text">${xmlEscape(q.text)}</summary>
    <content type="text">${xmlEscape(attributedText(q, q.person.name))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xmlEscape(info.title)}</title>
  <subtitle>${xmlEscape(info.subtitle)}</subtitle>
  <link rel="alternate" type="text/html" href="${xmlEscape(abs(info.home))}"/>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(abs(info.self))}"/>
  <id>${xmlEscape(abs(info.home))}</id>
  <updated>${when}</updated>
  <author><name>${xmlEscape(info.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}
