/**
 * schema.org JSON-LD for the pages, so search engines and link previews know a quote is a quote.
 */
import type { Quote } from './schema.ts';

type JsonLd = Record<string, unknown>;

/** A `Quotation` for one quote page; `url` is the page's absolute URL. */
export function quotationJsonLd(quote: Quote, name: string, url: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    text: quote.text,
    creator: { '@type': 'Person', name },
    isPartOf: { '@type': 'CreativeWork', name: quote.source.name },
    about: { '@type': 'Thing', name: quote.topic },
    url,
  };
}

/** An `ItemList` of quote pages, in the order the page shows them. */
export function itemListJsonLd(name: string, items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    numberOfItems: items.length,
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, url: item.url })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<` is escaped so that profile text
 * such as `</script>` cannot end the element early.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
