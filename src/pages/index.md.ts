import type { APIRoute } from 'astro';
import { absolute, fileResponse, loadSite } from '../data.ts';
import { peopleMarkdown, personMarkdown } from '../lib/markdown.ts';

/** The home page as Markdown: the person, or the people. */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const abs = absolute(origin);
  const body = site.several ? peopleMarkdown(site, abs) : personMarkdown(site.people[0]!, site.title, abs);
  return fileResponse(body, 'text/markdown; charset=utf-8');
};
