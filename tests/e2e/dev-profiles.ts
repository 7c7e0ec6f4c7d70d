import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The copy of content/profiles that the dev server of the browser tests reads, and the tests edit. */
export const DEV_PROFILES = join(tmpdir(), 'quote-browser-dev-profiles');
