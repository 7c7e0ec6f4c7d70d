/**
 * The few facts about the site that are not in the profiles. People are named by their profiles'
 * file names; only a profile built on its own (`PROFILE=<file>`) takes its person's name from here.
 */
export const site = {
  /** The person of a profile built on its own, where no file name says who it is. */
  name: 'David Cramer',
  /** The title of a site of several people; a one-person site is titled `<name>, in quotes`. */
  title: 'People, in quotes',
  /** The quote a person's home page features, by person slug; otherwise their first direct quote. */
  featured: { 'david-cramer': 'engineering-taste' } as Record<string, string>,
};
