import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Worker tests run inside workerd with the real wrangler.toml (rules, compatibility date).
// The browser tests (test/browser) run in real browsers under node:test, not here.
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
    }),
  ],
  test: {
    include: ['test/worker/**/*.test.ts'],
    // Sized for a 2-core machine: some tests walk every card x language x theme (hundreds of
    // requests through workerd), which vitest's 5 s default cannot hold when the machine is busy.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
