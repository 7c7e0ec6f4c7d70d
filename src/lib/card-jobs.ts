/**
 * The social cards the site has: one list that both the card route (which draws them) and the
 * pages (which name them in their link-preview tags) read, so a page never points at a card that
 * was not drawn.
 */
import type { CardContent } from './card.ts';
import type { Site } from './site.ts';
import { cardUrl } from './urls.ts';

/** One card: where it is served, what it shows, and its alt text for the pages that use it. */
export interface CardJob {
  path: string;
  alt: string;
  content: CardContent;
  /** What to name in a warning about this card: the page it belongs to. */
  page: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const jobsOf = new WeakMap<Site, Map<string, CardJob>>();

/** Every card of the site, by the URL of the page it belongs to. */
export function cardJobs(site: Site): Map<string, CardJob> {
  let jobs = jobsOf.get(site);
  if (jobs) return jobs;
  jobs = new Map();
  const add = (page: string, home: string, alt: string, content: CardContent) =>
    jobs!.set(page, { path: cardUrl(page, home), alt, content, page });

  const total = site.people.reduce((n, p) => n + p.quotes.length, 0);
  if (site.several) {
    add('/', '/', site.title, { eyebrow: `${plural(total, 'quote')} of ${site.people.length} people`, text: site.title, attribution: '', site: '' });
  }
  for (const { profile, parts, quotes } of site.people) {
    const name = profile.name;
    const title = site.several ? `${name}, in quotes` : site.title;
    add(profile.url, profile.url, title, {
      eyebrow: `${plural(quotes.length, 'quote')} in ${plural(parts.length, 'part')}`,
      text: title,
      attribution: name,
      site: site.several ? site.title : '',
    });
    for (const part of parts) {
      add(part.url, profile.url, `Part ${part.number}: ${part.title}`, {
        eyebrow: `Part ${part.number} · ${plural(part.quoteCount, 'quote')}`,
        text: part.title,
        attribution: name,
        site: site.title,
      });
    }
    for (const quote of quotes) {
      add(quote.url, profile.url, quote.text, {
        eyebrow: `On ${quote.topic}`,
        text: quote.text,
        kind: quote.kind,
        attribution: `${name} · ${quote.source.name}`,
        site: site.title,
      });
    }
  }
  jobsOf.set(site, jobs);
  return jobs;
}

/** The card of a page, for its link-preview tags; the site's own card for pages without one. */
export function cardOf(site: Site, page: string): { path: string; alt: string } {
  const job = cardJobs(site).get(page) ?? cardJobs(site).get('/')!;
  return { path: job.path, alt: job.alt };
}
