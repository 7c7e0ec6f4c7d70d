/**
 * The forms people reuse a quote in: Markdown, a plain-text citation and BibTeX. Each carries the
 * attribution and the permalink; `url` is always the quote page's absolute URL.
 */
import type { Quote } from './schema.ts';
import { escapeMarkdown } from './markdown.ts';
import { slugify } from './slug.ts';
import { attributedText } from './text.ts';

type Citable = Pick<Quote, 'id' | 'topic' | 'text' | 'kind'> & { source: { name: string } };

/** A Markdown blockquote with the attribution and a link to the permalink. */
export function quoteAsMarkdown(quote: Citable, name: string, url: string): string {
  const who = quote.kind === 'direct' ? name : `paraphrasing ${name}`;
  return `> ${escapeMarkdown(quote.text)}\n>\n> — ${escapeMarkdown(who)}, ${escapeMarkdown(quote.source.name)} (<${url}>)\n`;
}

/** A citation in the note style of the Chicago Manual: person, topic, source, where it was quoted. */
export function plainCitation(quote: Citable, name: string, siteTitle: string, url: string): string {
  const kind = quote.kind === 'direct' ? 'quoted' : 'paraphrased';
  return `${name}, “On ${quote.topic},” ${quote.source.name}, ${kind} in ${siteTitle}, ${url}.`;
}

/** A BibTeX `@misc` entry; every field is escaped, so any text is safe inside the braces. */
export function bibtexCitation(quote: Citable, name: string, siteTitle: string, url: string): string {
  const key = `${slugify(name) || 'quote'}:${quote.id}`;
  const fields: [string, string][] = [
    ['author', `{${bibtexEscape(name)}}`],
    ['title', `{{${bibtexEscape(`On ${quote.topic}`)}}}`],
    ['howpublished', `{${bibtexEscape(quote.source.name)}}`],
    ['note', `{${bibtexEscape(`${quote.kind === 'direct' ? 'Quoted' : 'Paraphrased'} in ${siteTitle}: ${attributedText(quote, name)}`)}}`],
    ['url', `{${url}}`],
  ];
  return `@misc{${key},\n${fields.map(([field, value]) => `  ${field.padEnd(12)} = ${value}`).join(',\n')}\n}\n`;
}

/** Escapes the characters that BibTeX and LaTeX treat specially. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`,
  );
}
