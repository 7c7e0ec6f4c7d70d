import type { APIRoute } from 'astro';
import { fileResponse, loadSite } from '../data.ts';
import { atomFeed, feedQuotes } from '../lib/feed.ts';
import { absolute } from '../lib/urls.ts';

/** The site's feed: the newest quotes of everyone, person by person. */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const names = site.people.map((p) => p.profile.name).join(', ');
  const feed = atomFeed(
    feedQuotes(site.people),
    { title: site.title, subtitle: `Quotes and paraphrases of ${names}`, home: '/', self: '/feed.xml', author: names, updated: site.updated },
    absolute(origin),
  );
  return fileResponse(feed, 'application/atom+xml; charset=utf-8');
};
