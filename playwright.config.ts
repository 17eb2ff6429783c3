// End-to-end tests: the real renderer and backend in browser mode, driven in Debian's Chromium
// (Playwright's own browser download is not available here). Two workers: each test starts its own
// backend and browser, and spends most of its time waiting on them, so two share 2 cores well (the suite: 2.9 min here).
import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './tests/e2e/support/chromium.ts'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 820 },
    launchOptions: CHROMIUM_LAUNCH,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
})
