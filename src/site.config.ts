/**
 * The few facts about the site that are not in the profile text. The person's name is stated here,
 * never guessed from the intro.
 */
export const site = {
  /** The person the profile is about; shown in titles and used in attributions. */
  name: 'David Cramer',
  /** The site's title, shown in the header and in `<title>`. */
  title: 'David Cramer, in quotes',
  /** One sentence for search engines and link previews of pages that have no text of their own. */
  description:
    'Quotes and paraphrases from David Cramer on open source, product, leadership and company building, by theme and source.',
  /** The id of the quote shown on the home page; the first direct quote if it does not exist. */
  featuredQuote: 'engineering-taste',
};
