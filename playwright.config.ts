import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/chromium.ts';

// A port of its own, so the tests never talk to a site someone left running with `npm start`.
const PORT = 4329;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  // Serves the build that `npm test` made just before; the tests never build the site themselves.
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
