/** The records the built site was made from, read the way the build reads them. */
import { profileInput, readSite, type ProfileInput } from '../../src/lib/profile-loader.ts';
import { buildSite, siteRecords } from '../../src/lib/site.ts';
import { site as config } from '../../src/site.config.ts';

/** The site a build of `input` makes. */
export const siteOf = (input: ProfileInput) => buildSite(readSite(input, config.name).people, config);

/** The site of the project's own profiles (one person). */
export const site = siteOf(profileInput({}));
/** Its one person's records. */
export const records = site.people[0]!;
/** What `/quotes.json` should hold. */
export const json = siteRecords(site);

/** Matches text exactly, whatever characters it holds. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
