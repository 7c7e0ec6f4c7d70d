import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadSite } from '../data.ts';
import { personMarkdown } from '../lib/markdown.ts';
import type { Person } from '../lib/site.ts';
import { personParam } from '../lib/urls.ts';

/** A person's home as Markdown, on a site of several people. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.several ? site.people.map((person) => ({ params: { person: personParam(person.profile) }, props: { person } })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ person: Person }> = ({ props: { person }, site }) =>
  fileResponse(personMarkdown(person, `${person.profile.name}, in quotes`, absolute(site)), 'text/markdown; charset=utf-8');
