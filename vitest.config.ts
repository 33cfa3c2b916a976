import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Worker tests run inside workerd with the real wrangler.toml (rules, compatibility date).
// The browser tests (test/browser) run in Chromium under node:test, not here.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: { include: ['test/worker/**/*.test.ts'] },
})
