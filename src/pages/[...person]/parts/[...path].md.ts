import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadSite } from '../../../data.ts';
import { partMarkdown } from '../../../lib/markdown.ts';
import type { Part, Quote } from '../../../lib/schema.ts';
import { listPages, type ListPage } from '../../../lib/site.ts';
import { personParam } from '../../../lib/urls.ts';

/** Each page of each part as Markdown: `<part>.md`, then `<part>/2.md`, … */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.people.flatMap(({ profile, parts, quotesOfPart }) =>
    parts.flatMap((part) =>
      listPages(part.url, quotesOfPart.get(part.slug)!).map((page) => ({
        params: { person: personParam(profile), path: [part.slug, page.param].filter(Boolean).join('/') },
        props: { part, page },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ part: Part; page: ListPage<Quote> }> = ({ props: { part, page }, site }) =>
  fileResponse(partMarkdown(part, page, absolute(site)), 'text/markdown; charset=utf-8');
