import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, loadSite } from '../../data.ts';
import { atomFeed, feedQuotes } from '../../lib/feed.ts';
import type { Person } from '../../lib/site.ts';
import { absolute, feedUrl, personParam } from '../../lib/urls.ts';

/** A person's feed, on a site of several people (a one-person site's feed is the site's). */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.several ? site.people.map((person) => ({ params: { person: personParam(person.profile) }, props: { person } })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ person: Person }> = ({ props: { person }, site }) => {
  const { profile, updated } = person;
  const info = {
    title: `${profile.name}, in quotes`,
    subtitle: `Quotes and paraphrases of ${profile.name}`,
    home: profile.url,
    self: feedUrl(profile),
    author: profile.name,
    updated,
  };
  return fileResponse(atomFeed(feedQuotes([person]), info, absolute(site)), 'application/atom+xml; charset=utf-8');
};
