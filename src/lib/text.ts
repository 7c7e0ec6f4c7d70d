/**
 * Small text helpers shared by the parser's error messages, page metadata and attributions, and
 * XML escaping for the feeds and the cards.
 */
import type { Quote } from './schema.ts';

/**
 * Shortens text to at most `max` characters, cutting at a word where one ends past the middle,
 * and marks the cut with an ellipsis.
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // By code points, so an emoji or other astral character is never cut in half.
  const cut = Array.from(text.slice(0, max)).slice(0, -1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
}

/**
 * The quote as people paste it elsewhere: `“text” — Name, Source`. A paraphrase gets no quotation
 * marks and says it is one, so nobody cites a summary as the person's own words.
 */
export function attributedText(quote: Pick<Quote, 'text' | 'kind'> & { source: { name: string } }, name: string): string {
  return quote.kind === 'direct'
    ? `“${quote.text}” — ${name}, ${quote.source.name}`
    : `${quote.text} — paraphrasing ${name}, ${quote.source.name}`;
}

/** How a page says in words what kind of quote it shows. */
export function kindLabel(kind: Quote['kind']): string {
  return kind === 'direct' ? 'Direct quote' : 'Paraphrase';
}

/**
 * The `<title>` of a page: `Page · Site`, at most 70 characters (where search results cut titles).
 * The site name goes first, then the page title is shortened at a word.
 */
export function documentTitle(title: string, siteTitle: string): string {
  if (title === siteTitle) return shortenAtWord(title, 70);
  const withSite = `${title} · ${siteTitle}`;
  return withSite.length <= 70 ? withSite : shortenAtWord(title, 70);
}

/**
 * Escapes text for XML (the feeds, and the cards' Pango markup), dropping the control characters
 * XML 1.0 cannot hold at all.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
