import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/cli/chromium.ts';

// Ports of their own, so the tests never talk to a site someone left running with `npm start`.
const SITE = 'http://127.0.0.1:4329';
const MARKUP = 'http://127.0.0.1:4330';
const PEOPLE = 'http://127.0.0.1:4331';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'site', testIgnore: /(markup|people)\.spec\.ts/, use: { baseURL: SITE } },
    // The build of tests/fixtures/markup.txt (npm run build:fixtures): quotes full of HTML.
    { name: 'markup', testMatch: /markup\.spec\.ts/, use: { baseURL: MARKUP } },
    // The build of tests/fixtures/people/ (npm run build:fixtures): a site of several people.
    { name: 'people', testMatch: /people\.spec\.ts/, use: { baseURL: PEOPLE } },
  ],
  // Serve the builds that `npm test` made just before; the tests never build the site themselves.
  webServer: [
    { command: 'node src/cli/serve.ts dist 4329', url: `${SITE}/`, reuseExistingServer: false },
    { command: 'node src/cli/serve.ts dist-fixtures/markup 4330', url: `${MARKUP}/`, reuseExistingServer: false },
    { command: 'node src/cli/serve.ts dist-fixtures/people 4331', url: `${PEOPLE}/`, reuseExistingServer: false },
  ],
});
