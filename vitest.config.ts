// Two projects in one run. "node": the unit and integration tests, in Node. "components": the
// page's views rendered in Debian's Chromium (vitest's browser mode, driven by Playwright as the
// end-to-end tests are), each with its stores built on a fake client: real layout, real events,
// real focus, and Mermaid draws as it does in the app.
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_LAUNCH } from './tests/e2e/support/chromium.ts'

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Both cores: the default leaves one idle on a 2-core machine (the suite then takes 165 s, not 90 s).
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        extends: true,
        plugins: [react()],
        // Every module the page may load (Mermaid, Markdown, highlight.js's languages) is bundled before
        // the first test, so no test is reloaded halfway by a dependency found late.
        optimizeDeps: { entries: ['renderer/**/*.{ts,tsx}', 'tests/component/**/*.test.tsx'] },
        test: {
          name: 'components',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          // A view that does not show what it should fails in seconds, not at the suite's 30 s.
          testTimeout: 10_000,
          // What a view shows after a call (Mermaid's drawing above all) may take more than the default
          // second on two busy cores; a poll still fails well before the test's own timeout.
          expect: { poll: { timeout: 5_000 } },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: CHROMIUM_LAUNCH }),
            instances: [{ browser: 'chromium', viewport: { width: 1280, height: 820 } }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
})
