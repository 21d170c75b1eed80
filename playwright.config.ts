import { defineConfig } from '@playwright/test';

// The tests that run bin/crm-steward.mjs run the TypeScript sources, never a
// compiled bundle that may be older than them (workers inherit this).
process.env.CRM_STEWARD_FROM_SOURCE = '1';

/**
 * e2e runs the real renderer in Debian's Chromium against browser mode (the
 * Electron binary cannot be downloaded on these machines). Never run
 * `npx playwright install`: it downloads a browser.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // The screenshot walk-throughs (test/e2e/screens) only write pictures for a
  // person to look at, so they run on request: `npm run screens`.
  projects: [
    { name: 'e2e', testMatch: '**/*.spec.ts' },
    { name: 'screens', testMatch: '**/*.screens.ts' },
  ],
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
});
