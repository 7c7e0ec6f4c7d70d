import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/cli/chromium.ts';

// Ports of their own, so the tests never talk to a site someone left running with `npm start`.
const SITE = 'http://127.0.0.1:4329';
const MARKUP = 'http://127.0.0.1:4330';
const PEOPLE = 'http://127.0.0.1:4331';
const TWO = 'http://127.0.0.1:4332';
const DEV = 'http://127.0.0.1:4333';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium('headless-shell'), args: CHROMIUM_ARGS },
  },
  // The builds tests/build-sites.ts made just before (npm run test:e2e): the site, and fixtures.
  projects: [
    { name: 'site', testIgnore: /(markup|people|two-people|dev)\.spec\.ts/, use: { baseURL: SITE } },
    // tests/fixtures/markup.txt: quotes full of HTML.
    { name: 'markup', testMatch: /markup\.spec\.ts/, use: { baseURL: MARKUP } },
    // tests/fixtures/people/: a site of several people.
    { name: 'people', testMatch: /(^|\/)people\.spec\.ts/, use: { baseURL: PEOPLE } },
    // The project's profile plus a second person: the published URLs move under /david-cramer/.
    { name: 'two', testMatch: /two-people\.spec\.ts/, use: { baseURL: TWO } },
    // `astro dev` on a copy of the profiles, which the tests edit. Last, on a quiet machine: the
    // tests time how long a save takes to show.
    // One retry: a busy machine can hold a save past the 2 s bound once; a real slowdown fails twice.
    { name: 'dev', testMatch: /dev\.spec\.ts/, use: { baseURL: DEV }, dependencies: ['site', 'markup', 'people', 'two'], retries: 1 },
  ],
  webServer: [
    { command: 'node src/cli/serve.ts dist 4329', url: `${SITE}/`, reuseExistingServer: false },
    { command: 'node src/cli/serve.ts dist-fixtures/markup 4330', url: `${MARKUP}/`, reuseExistingServer: false },
    { command: 'node src/cli/serve.ts dist-fixtures/people 4331', url: `${PEOPLE}/`, reuseExistingServer: false },
    { command: 'node src/cli/serve.ts dist-fixtures/two 4332', url: `${TWO}/`, reuseExistingServer: false },
    { command: 'node tests/dev-server.ts 4333', url: `${DEV}/`, reuseExistingServer: false, timeout: 60_000 },
  ],
});
