/**
 * Clean Markdown of the site's pages, for programs and agents: `/index.md`, `/parts/<slug>.md`,
 * `/sources/<slug>.md` and `/quotes/<id>.md`. Links are absolute, to the canonical HTML pages.
 */
import type { Part, Quote, Records, Source } from './schema.ts';
import { kindLabel } from './text.ts';

/**
 * Escapes profile text so Markdown shows it as written. Only what would change meaning is
 * escaped, so that the text stays readable as plain text too.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_<>]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&') // an entity such as &amp; would be decoded
    .replace(/\](?=[([:])/g, '\\]') // `[x](y)`, `[x][y]` and `[x]:` would become links
    .replace(/^([#+=|-]|\d+[.)])/gm, '\\$1'); // at a line's start, these would begin a heading, list or table
}

/** Escapes a link's label: there every bracket counts, or the link would end early. */
function escapeLabel(text: string): string {
  return escapeMarkdown(text).replace(/(?<!\\)[[\]]/g, '\\$&');
}

/** Turns a site-relative URL into the canonical absolute one. */
export type Absolute = (path: string) => string;

const link = (label: string, url: string) => `[${escapeLabel(label)}](${url})`;

function quoteBlock(quote: Quote, name: string, abs: Absolute, headingLevel: string): string {
  const who = quote.kind === 'direct' ? name : `paraphrasing ${name}`;
  return [
    `${headingLevel} ${link(`On ${quote.topic}`, abs(quote.url))}`,
    '',
    `> ${escapeMarkdown(quote.text)}`,
    '',
    `— ${escapeMarkdown(who)}, ${link(quote.source.name, abs(`/sources/${quote.source.slug}/`))} · ${kindLabel(quote.kind)}`,
  ].join('\n');
}

/** One quote: topic, text, kind, part, source, permalink. */
export function quoteMarkdown(records: Records, quote: Quote, abs: Absolute): string {
  const name = records.profile.name;
  const who = quote.kind === 'direct' ? name : `paraphrasing ${name}`;
  return `${[
    `# On ${escapeMarkdown(quote.topic)}`,
    '',
    `> ${escapeMarkdown(quote.text)}`,
    '',
    `— ${escapeMarkdown(who)}, ${escapeMarkdown(quote.source.name)}`,
    '',
    `- Kind: ${kindLabel(quote.kind)}${quote.kind === 'paraphrase' ? ' (a summary, not a word-for-word quote)' : ''}`,
    `- Part ${quote.part.number}: ${link(quote.part.title, abs(`/parts/${quote.part.slug}/`))}`,
    `- Source: ${link(quote.source.name, abs(`/sources/${quote.source.slug}/`))}`,
    `- Permalink: ${abs(quote.url)}`,
  ].join('\n')}\n`;
}

/** One part: its quotes in profile order. */
export function partMarkdown(records: Records, part: Part, abs: Absolute): string {
  const quotes = records.quotes.filter((q) => q.part.slug === part.slug);
  return `${[
    `# Part ${part.number}: ${escapeMarkdown(part.title)}`,
    '',
    `${part.quoteCount} ${part.quoteCount === 1 ? 'quote' : 'quotes'} of ${escapeMarkdown(records.profile.name)}. Web page: ${abs(part.url)}`,
    ...quotes.flatMap((q) => ['', quoteBlock(q, records.profile.name, abs, '##')]),
  ].join('\n')}\n`;
}

/** One source: its quotes, grouped by part. */
export function sourceMarkdown(records: Records, source: Source, abs: Absolute): string {
  const quotes = records.quotes.filter((q) => q.source.slug === source.slug);
  const parts = records.parts.filter((p) => quotes.some((q) => q.part.slug === p.slug));
  return `${[
    `# ${escapeMarkdown(source.name)}`,
    '',
    `${source.quoteCount} ${source.quoteCount === 1 ? 'quote' : 'quotes'} of ${escapeMarkdown(records.profile.name)} from this source. Web page: ${abs(source.url)}`,
    ...parts.flatMap((part) => [
      '',
      `## Part ${part.number}: ${link(part.title, abs(part.url))}`,
      ...quotes.filter((q) => q.part.slug === part.slug).flatMap((q) => ['', quoteBlock(q, records.profile.name, abs, '###')]),
    ]),
  ].join('\n')}\n`;
}

/** The home page: the person, the intro, the parts and the sources. */
export function indexMarkdown(records: Records, siteTitle: string, abs: Absolute): string {
  const md = (url: string) => abs(url).replace(/\/$/, '.md');
  return `${[
    `# ${escapeMarkdown(siteTitle)}`,
    '',
    escapeMarkdown(records.profile.intro),
    '',
    `${records.quotes.length} quotes in ${records.parts.length} parts. Web page: ${abs('/')}`,
    '',
    '## Parts',
    '',
    ...records.parts.map((p) => `- Part ${p.number}: ${link(p.title, md(p.url))} (${p.quoteCount} quotes; web page: ${abs(p.url)})`),
    '',
    '## Sources',
    '',
    ...records.sources.map((s) => `- ${link(s.name, md(s.url))} (${s.quoteCount} quotes; web page: ${abs(s.url)})`),
  ].join('\n')}\n`;
}

/** `/llms.txt` (llmstxt.org): what the site is, and where its Markdown and data are. */
export function llmsTxt(records: Records, siteTitle: string, description: string, abs: Absolute): string {
  const md = (url: string) => abs(url).replace(/\/$/, '.md');
  return `${[
    `# ${escapeMarkdown(siteTitle)}`,
    '',
    `> ${escapeMarkdown(description)}`,
    '',
    escapeMarkdown(records.profile.intro),
    '',
    'Every page has a Markdown version at the same address ending in `.md` instead of `/`. Direct quotes are the person\'s own words; paraphrases are summaries and are marked as such.',
    '',
    '## Overview',
    '',
    `- ${link('Home', abs('/index.md'))}: the intro, the parts and the sources`,
    '',
    '## Parts',
    '',
    ...records.parts.map((p) => `- ${link(p.title, md(p.url))}: ${p.quoteCount} quotes`),
    '',
    '## Sources',
    '',
    ...records.sources.map((s) => `- ${link(s.name, md(s.url))}: ${s.quoteCount} quotes`),
    '',
    '## Data',
    '',
    `- [quotes.json](${abs('/quotes.json')}): every record (profile, parts, sources, quotes)`,
    `- [quotes.schema.json](${abs('/quotes.schema.json')}): the JSON Schema of quotes.json`,
    `- [Atom feed](${abs('/feed.xml')}): every quote, in profile order`,
    '',
    '## Optional',
    '',
    ...records.quotes.map(
      (q) => `- ${link(`On ${q.topic}`, md(q.url))}: ${q.kind === 'direct' ? 'quote' : 'paraphrase'}, ${escapeMarkdown(q.source.name)}`,
    ),
  ].join('\n')}\n`;
}
