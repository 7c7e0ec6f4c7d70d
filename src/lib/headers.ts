/**
 * `_headers` for static hosts that read it (Netlify, Cloudflare Pages): the pages' own
 * Content-Security-Policy as an HTTP header, plus headers a meta tag cannot set.
 */

/** Parses a policy into directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/**
 * One policy for the whole site: the union of the pages' policies (Astro hashes each page's own
 * inline scripts and styles), plus `frame-ancestors`, which only works as a header.
 */
export function sitePolicy(pagePolicies: string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of pagePolicies) {
    for (const [name, sources] of directives(policy)) {
      const set = merged.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      merged.set(name, set);
    }
  }
  merged.set('frame-ancestors', new Set(["'none'"]));
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The `_headers` file: security headers everywhere, long caching for content-hashed assets. */
export function headersFile(pagePolicies: string[]): string {
  return `/*
  Content-Security-Policy: ${sitePolicy(pagePolicies)}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;
}

/** The policy of a built page, from its `<meta http-equiv="content-security-policy">`. */
export function pagePolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1]?.replaceAll('&#39;', "'");
}
