/** The records the built site was made from, read the way the build reads them. */
import { readRecords } from '../../src/lib/profile-loader.ts';

export const records = readRecords('content/profile.txt');

/** Matches text exactly, whatever characters it holds. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
