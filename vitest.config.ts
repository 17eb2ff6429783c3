import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: the default leaves one idle on a 2-core machine (the suite then takes 165 s, not 90 s).
    maxWorkers: 2,
    reporters: ['default'],
  },
})
