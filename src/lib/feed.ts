/**
 * The Atom feed of the quotes (`/feed.xml`), one entry per quote in profile order.
 */
import type { Records } from './schema.ts';
import { attributedText } from './text.ts';

/** Escapes text for XML, dropping the control characters XML 1.0 cannot hold at all. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * The feed. Quotes carry no dates of their own, so every entry is stamped with `updated` (the
 * build's time).
 */
export function atomFeed(records: Records, siteTitle: string, abs: (path: string) => string, updated: Date): string {
  const when = updated.toISOString();
  const name = records.profile.name;
  const entries = records.quotes.map(
    (q) => `  <entry>
    <title>${xmlEscape(`${name} on ${q.topic}`)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(abs(q.url))}"/>
    <id>${xmlEscape(abs(q.url))}</id>
    <updated>${when}</updated>
    <category term="${xmlEscape(q.part.slug)}" label="${xmlEscape(q.part.title)}"/>
    <summary type="text">${xmlEscape(q.text)}</summary>
    <content type="text">${xmlEscape(attributedText(q, name))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xmlEscape(siteTitle)}</title>
  <subtitle>${xmlEscape(`Quotes and paraphrases of ${name}`)}</subtitle>
  <link rel="alternate" type="text/html" href="${xmlEscape(abs('/'))}"/>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(abs('/feed.xml'))}"/>
  <id>${xmlEscape(abs('/'))}</id>
  <updated>${when}</updated>
  <author><name>${xmlEscape(name)}</name></author>
${entries.join('\n')}
</feed>
`;
}
