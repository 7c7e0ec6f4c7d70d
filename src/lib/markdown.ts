/**
 * Clean Markdown of the site's pages, for programs and agents: every page's twin at its address
 * ending in `.md` (`/index.md`, `/parts/<slug>.md`, `/parts/<slug>/2.md`, `/quotes/<id>.md`, …).
 * Links are absolute, to the canonical HTML pages (or, in lists of pages, to their Markdown).
 */
import type { Part, Quote, Source } from './schema.ts';
import { byPart, listPages, type ListPage, type Person, type Site } from './site.ts';
import { kindLabel } from './text.ts';
import { markdownUrl, partsUrl, sourcesUrl } from './urls.ts';

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

function quoteBlock(quote: Quote, abs: Absolute, headingLevel: string): string {
  const name = quote.person.name;
  const who = quote.kind === 'direct' ? name : `paraphrasing ${name}`;
  return [
    `${headingLevel} ${link(`On ${quote.topic}`, abs(quote.url))}`,
    '',
    `> ${escapeMarkdown(quote.text)}`,
    '',
    `— ${escapeMarkdown(who)}, ${link(quote.source.name, abs(quote.source.url))} · ${kindLabel(quote.kind)}`,
  ].join('\n');
}

/** A list's other pages, when it has any: `Page 2 of 5.` and links to the neighbours' Markdown. */
function pagerLines(page: ListPage<unknown>, abs: Absolute): string[] {
  const { number, urls } = page;
  if (urls.length === 1) return [];
  const links = [
    number > 1 ? link('Previous page', abs(markdownUrl(urls[number - 2]!))) : '',
    number < urls.length ? link('Next page', abs(markdownUrl(urls[number]!))) : '',
  ].filter(Boolean);
  return ['', `Page ${number} of ${urls.length}. ${links.join(' · ')}`];
}

/** One quote: topic, text, kind, person, part, source, permalink. */
export function quoteMarkdown(quote: Quote, abs: Absolute): string {
  const name = quote.person.name;
  const who = quote.kind === 'direct' ? name : `paraphrasing ${name}`;
  return `${[
    `# On ${escapeMarkdown(quote.topic)}`,
    '',
    `> ${escapeMarkdown(quote.text)}`,
    '',
    `— ${escapeMarkdown(who)}, ${escapeMarkdown(quote.source.name)}`,
    '',
    `- Kind: ${kindLabel(quote.kind)}${quote.kind === 'paraphrase' ? ' (a summary, not a word-for-word quote)' : ''}`,
    `- Person: ${link(name, abs(quote.person.url))}`,
    `- Part ${quote.part.number}: ${link(quote.part.title, abs(quote.part.url))}`,
    `- Source: ${link(quote.source.name, abs(quote.source.url))}`,
    `- Permalink: ${abs(quote.url)}`,
  ].join('\n')}\n`;
}

/** One page of a part: its quotes in profile order. */
export function partMarkdown(part: Part, page: ListPage<Quote>, abs: Absolute): string {
  return `${[
    `# Part ${part.number}: ${escapeMarkdown(part.title)}`,
    '',
    `${part.quoteCount} ${part.quoteCount === 1 ? 'quote' : 'quotes'} of ${escapeMarkdown(part.person.name)}. Web page: ${abs(page.url)}`,
    ...page.items.flatMap((q) => ['', quoteBlock(q, abs, '##')]),
    ...pagerLines(page, abs),
  ].join('\n')}\n`;
}

/** One page of a source: its quotes, grouped by part. */
export function sourceMarkdown(source: Source, page: ListPage<Quote>, abs: Absolute): string {
  const lines = byPart(page.items).flatMap(({ part, quotes }) => [
    '',
    `## Part ${part.number}: ${link(part.title, abs(part.url))}`,
    ...quotes.flatMap((q) => ['', quoteBlock(q, abs, '###')]),
  ]);
  return `${[
    `# ${escapeMarkdown(source.name)}`,
    '',
    `${source.quoteCount} ${source.quoteCount === 1 ? 'quote' : 'quotes'} of ${escapeMarkdown(source.person.name)} from this source. Web page: ${abs(page.url)}`,
    ...lines,
    ...pagerLines(page, abs),
  ].join('\n')}\n`;
}

/** A person's home: who they are, their parts and their most quoted sources, as the page shows them. */
export function personMarkdown(person: Person, title: string, abs: Absolute): string {
  const { profile, parts, sources, quotes, topSources, partPages } = person;
  const firstParts = partPages[0]!.items;
  return `${[
    `# ${escapeMarkdown(title)}`,
    '',
    escapeMarkdown(profile.intro),
    '',
    `${quotes.length} quotes of ${escapeMarkdown(profile.name)} in ${parts.length} parts. Web page: ${abs(profile.url)}`,
    '',
    '## Parts',
    '',
    ...firstParts.map((p) => `- Part ${p.number}: ${link(p.title, abs(markdownUrl(p.url)))} (${p.quoteCount} quotes; web page: ${abs(p.url)})`),
    ...(firstParts.length < parts.length ? ['', `All ${parts.length} parts: ${abs(partsUrl(profile))}`] : []),
    '',
    '## Sources',
    '',
    ...topSources.map((s) => `- ${link(s.name, abs(markdownUrl(s.url)))} (${s.quoteCount} quotes; web page: ${abs(s.url)})`),
    ...(topSources.length < sources.length ? ['', `All ${sources.length} sources: ${abs(sourcesUrl(profile))}`] : []),
  ].join('\n')}\n`;
}

/** The home of a site of several people: who they are. */
export function peopleMarkdown(site: Site, abs: Absolute): string {
  return `${[
    `# ${escapeMarkdown(site.title)}`,
    '',
    escapeMarkdown(site.description),
    '',
    '## People',
    '',
    ...site.people.map(
      (p) =>
        `- ${link(p.profile.name, abs(markdownUrl(p.profile.url)))}: ${escapeMarkdown(p.summary)} (${p.quotes.length} quotes in ${p.parts.length} parts; web page: ${abs(p.profile.url)})`,
    ),
  ].join('\n')}\n`;
}

/** `/llms.txt` (llmstxt.org): what the site is, and where its Markdown and data are. */
export function llmsTxt(site: Site, abs: Absolute): string {
  // Parts lead to every quote; long lists are cut where the pages cut them, so the file stays an index.
  const perPerson = (person: Person, level: string): string[] => {
    const { profile, parts, sources, quotes, topSources, quotePages } = person;
    const firstQuotes = quotePages[0]!.items;
    return [
      ...(site.several ? [`${level} ${escapeMarkdown(profile.name)}`, '', `${escapeMarkdown(person.summary)} ${link('Home', abs(markdownUrl(profile.url)))}`, ''] : []),
      `${level}# Parts`,
      '',
      ...parts.map((p) => `- ${link(p.title, abs(markdownUrl(p.url)))}: ${p.quoteCount} quotes`),
      '',
      `${level}# Sources`,
      '',
      ...topSources.map((s) => `- ${link(s.name, abs(markdownUrl(s.url)))}: ${s.quoteCount} quotes`),
      ...(topSources.length < sources.length ? ['', `The ${topSources.length} most quoted of ${sources.length} sources; all: ${abs(sourcesUrl(profile))}`] : []),
      '',
      `${level}# Optional`,
      '',
      ...firstQuotes.map(
        (q) => `- ${link(`On ${q.topic}`, abs(markdownUrl(q.url)))}: ${q.kind === 'direct' ? 'quote' : 'paraphrase'}, ${escapeMarkdown(q.source.name)}`,
      ),
      ...(firstQuotes.length < quotes.length ? ['', `The first ${firstQuotes.length} of ${quotes.length} quotes; every quote is in its part's Markdown.`] : []),
      '',
    ];
  };
  return `${[
    `# ${escapeMarkdown(site.title)}`,
    '',
    `> ${escapeMarkdown(site.description)}`,
    '',
    ...(site.several ? [] : [escapeMarkdown(site.people[0]!.profile.intro), '']),
    'Every page has a Markdown version at the same address ending in `.md` instead of `/`. Direct quotes are the person\'s own words; paraphrases are summaries and are marked as such.',
    '',
    '## Overview',
    '',
    `- ${link('Home', abs('/index.md'))}: ${site.several ? 'the people' : 'the intro, the parts and the sources'}`,
    `- [quotes.json](${abs('/quotes.json')}): every record (people, parts, sources, quotes)`,
    `- [quotes.schema.json](${abs('/quotes.schema.json')}): the JSON Schema of quotes.json`,
    `- [Atom feed](${abs('/feed.xml')}): every quote, in profile order`,
    '',
    ...(site.several ? ['## People', '', ...site.people.flatMap((p) => perPerson(p, '###'))] : perPerson(site.people[0]!, '#')),
  ].join('\n').trimEnd()}\n`;
}

/**
 * Every Markdown twin of a site, by its URL (`/index.md`, `/quotes/x.md`, `/parts/y/2.md`, …),
 * each written only when asked for. The build writes them all (src/integrations/site-files.ts);
 * the dev server serves them one at a time.
 */
export function markdownTwins(site: Site, abs: Absolute): Map<string, () => string> {
  const twins = new Map<string, () => string>();
  const add = (pageUrl: string, body: () => string) => twins.set(markdownUrl(pageUrl), body);
  add('/', () => (site.several ? peopleMarkdown(site, abs) : personMarkdown(site.people[0]!, site.title, abs)));
  for (const person of site.people) {
    if (site.several) add(person.profile.url, () => personMarkdown(person, `${person.profile.name}, in quotes`, abs));
    for (const part of person.parts) {
      for (const page of listPages(part.url, person.quotesOfPart.get(part.slug)!)) add(page.url, () => partMarkdown(part, page, abs));
    }
    for (const source of person.sources) {
      for (const page of listPages(source.url, person.quotesOfSource.get(source.slug)!)) add(page.url, () => sourceMarkdown(source, page, abs));
    }
    for (const quote of person.quotes) add(quote.url, () => quoteMarkdown(quote, abs));
  }
  return twins;
}
