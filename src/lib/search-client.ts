/**
 * What the search page loads: the engine's query side only. A dynamic import keeps every export of
 * the module it imports, so the page imports this one rather than search.ts, which also exports
 * the build side (search-build.ts) for Node.
 */
export { addSearchFile, closestTopics, openSearchIndex, searchQuotes } from './search.ts';
export { resultItems } from './search-results.ts';
