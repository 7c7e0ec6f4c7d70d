/**
 * Old URLs that moved: `'/quotes/old-topic/': '/quotes/new-topic/'`. A published URL is a promise
 * (permalinks.txt): when a topic, title or source is renamed, its old URL goes here and the
 * build writes a page that forwards to the new one.
 */
export const redirects: Record<string, string> = {};
