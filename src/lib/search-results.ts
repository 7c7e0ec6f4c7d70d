/**
 * The search page's result items, built in the browser from search hits. Part of the code the page
 * loads on first use (search-client.ts), not of its page script, which stays small.
 */
import type { Range, SearchHit } from './search.ts';

/** Renders `text` into `parent` as text nodes, with the `ranges` in <mark>: never as HTML. */
function appendMarked(parent: HTMLElement, text: string, ranges: Range[]) {
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parent.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  parent.append(text.slice(at));
}

// The page script has its own copy of this helper: importing it from here would bring this module
// into the page's first download, which this module exists to keep small.
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/**
 * A list item per hit: its topic as the link to the quote, its text, and a line with its kind,
 * person (on a site of `several` people), part and source, with the matched words marked.
 */
export function resultItems(hits: SearchHit[], several: boolean): HTMLLIElement[] {
  return hits.map(({ doc, ranges }) => {
    const item = element('li', 'result');
    const link = element('a');
    link.href = doc.url;
    link.append('On ');
    appendMarked(link, doc.topic, ranges.topic);
    const title = element('p', 'result-topic');
    title.append(link);
    const text = element('p', `result-text ${doc.kind}`);
    appendMarked(text, doc.text, ranges.text);
    const meta = element('p', 'result-meta');
    meta.append(doc.kind === 'direct' ? 'Direct quote · ' : 'Paraphrase · ');
    if (several) {
      const person = element('a');
      person.href = doc.person.url;
      appendMarked(person, doc.person.name, ranges.person);
      meta.append(person, ' · ');
    }
    appendMarked(meta, doc.part, ranges.part);
    meta.append(' · ');
    appendMarked(meta, doc.source, ranges.source);
    item.append(title, text, meta);
    return item;
  });
}
