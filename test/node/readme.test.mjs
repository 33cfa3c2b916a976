import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const manifest = JSON.parse(readFileSync(new URL('../../dist/manifest.json', import.meta.url), 'utf8'))
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

test("the README's pinned snippet is this build's", () => {
  assert.ok(readme.includes(`src="https://HOST${manifest.embed.pinned}" integrity="${manifest.embed.integrity}"`), 'npm run build rewrites the pinned snippet in README.md; commit it')
})

test("the README's quick start is two commands that exist", () => {
  assert.match(readme, /npm install && npm run dev/)
  assert.match(readme, /\nnpm test /)
  assert.ok(pkg.scripts.dev.startsWith('wrangler dev'))
  assert.ok(pkg.scripts.test)
})

test('the README quotes a benchmark run', () => {
  const latest = JSON.parse(readFileSync(new URL('../../bench/results/latest.json', import.meta.url), 'utf8'))
  assert.ok(readme.includes(`| Bytes per card, gzip / brotli | ${latest.bytes.script.gzip} / ${latest.bytes.script.brotli} B`), 'run npm run bench')
})
