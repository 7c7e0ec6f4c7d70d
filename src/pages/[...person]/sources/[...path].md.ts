import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, fileResponse, loadSite } from '../../../data.ts';
import { sourceMarkdown } from '../../../lib/markdown.ts';
import type { Quote, Source } from '../../../lib/schema.ts';
import { listPages, type ListPage } from '../../../lib/site.ts';
import { personParam } from '../../../lib/urls.ts';

/** Each page of each source as Markdown: `<source>.md`, then `<source>/2.md`, … */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.people.flatMap(({ profile, sources, quotesOfSource }) =>
    sources.flatMap((source) =>
      listPages(source.url, quotesOfSource.get(source.slug)!).map((page) => ({
        params: { person: personParam(profile), path: [source.slug, page.param].filter(Boolean).join('/') },
        props: { source, page },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: Source; page: ListPage<Quote> }> = ({ props: { source, page }, site }) =>
  fileResponse(sourceMarkdown(source, page, absolute(site)), 'text/markdown; charset=utf-8');
