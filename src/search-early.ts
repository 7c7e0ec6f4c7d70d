/**
 * The one inline script of the site, run on the search page before it paints: when the URL holds a
 * search, it marks the page so the CSS hides the browse lists and reserves room for the results,
 * which would otherwise push the page down as they arrive (a layout shift). Its hash is added to
 * the Content-Security-Policy in astro.config.mjs; change it and the hash follows.
 */
export const SEARCH_EARLY_SCRIPT =
  "if(/[?&](q|part|source|person)=[^&]/.test(location.search))document.documentElement.classList.add('searching')";
