// What asset routing serves without the worker (wrangler.toml [assets], dist/public): the widget
// scripts, the card's stylesheet, the icons, /openapi.json and the data the worker reads through
// ASSETS, each with the headers the worker's own answers would carry, as `wrangler dev` serves them.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { startWorker } from '../browser/harness.mjs'

const readJson = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))
const manifest = readJson('dist/manifest.json')

// Every static file: readable from any origin, never sniffed or framed, HSTS as everywhere.
const STATIC = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'set-cookie': null,
}
// A deploy may change /embed.js: five minutes, a day of stale. /embed.<hash>.js: those bytes forever.
const SHORT = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400'
const PINNED = 'public, max-age=31536000, immutable'

let worker
before(async () => (worker = await startWorker()))
after(() => worker?.stop())

/** GETs `path`, checks the headers, and that its own ETag makes the next GET a 304; returns the bytes. */
async function served(path, headers) {
  const res = await fetch(worker.origin + path)
  assert.equal(res.status, 200, path)
  for (const [name, want] of Object.entries({ ...STATIC, ...headers })) {
    if (want === null) assert.equal(res.headers.get(name), null, `${path} ${name}`)
    else assert.equal(res.headers.get(name), want, `${path} ${name}`)
  }
  const again = await fetch(worker.origin + path, { headers: { 'If-None-Match': res.headers.get('etag') } })
  assert.equal(again.status, 304, `${path}: If-None-Match`)
  return Buffer.from(await res.arrayBuffer())
}

describe('static assets', () => {
  it('the widget scripts: /<name>.js for a short while, /<name>.<hash>.js for ever, both the bytes their SRI hash names', async () => {
    for (const [name, { path, pinned, integrity }] of Object.entries(manifest)) {
      const type = { 'content-type': 'text/javascript; charset=utf-8', 'cache-tag': `assets,asset-${name}` }
      const bytes = await served(path, { ...type, 'cache-control': SHORT })
      assert.deepEqual(await served(pinned, { ...type, 'cache-control': PINNED }), bytes, pinned)
      assert.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, integrity, `${name}: integrity`)
    }
    // Another hash is not ours (an older deploy's): the worker's 404 problem.
    const gone = await fetch(`${worker.origin}/embed.0123456789.js`)
    assert.equal(gone.status, 404)
    assert.equal(gone.headers.get('content-type'), 'application/problem+json')
  })

  it("the card's stylesheet, at /card.css and at the hashed path /v1/card.html?stylesheet=link names", async () => {
    const type = { 'content-type': 'text/css; charset=utf-8', 'cache-tag': 'assets,asset-card-css' }
    const css = await served('/card.css', { ...type, 'cache-control': SHORT })
    const fragment = await (await fetch(`${worker.origin}/v1/card.html?stylesheet=link`)).text()
    const pinned = fragment.match(/href="[^"]*?(\/card\.[0-9a-f]{10}\.css)"/)[1]
    assert.deepEqual(await served(pinned, { ...type, 'cache-control': PINNED }), css)
    assert.match(css.toString(), /\.xc\b/)
  })

  it('the icons, each a real image of its type', async () => {
    const icons = { '/favicon.svg': ['image/svg+xml', (b) => b.toString().startsWith('<svg xmlns="http://www.w3.org/2000/svg"')], '/favicon.ico': ['image/x-icon', (b) => b.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))], '/apple-touch-icon.png': ['image/png', (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))] }
    for (const [path, [type, looksRight]] of Object.entries(icons)) {
      assert.ok(looksRight(await served(path, { 'content-type': type, 'cache-control': SHORT, 'cache-tag': 'assets,asset-icon' })), path)
    }
  })

  it('/openapi.json: the built document, as JSON', async () => {
    const doc = await served('/openapi.json', { 'content-type': 'application/json; charset=utf-8', 'cache-control': SHORT, 'cache-tag': 'assets,asset-openapi' })
    assert.deepEqual(JSON.parse(doc), readJson('dist/public/openapi.json'))
    assert.equal(JSON.parse(doc).openapi, '3.1.0')
  })

  it('the data the worker reads through ASSETS: the catalogue and the pages\' words', async () => {
    const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': SHORT }
    assert.deepEqual(JSON.parse(await served('/data/cards.json', { ...json, 'cache-tag': 'assets,asset-catalogue' })), readJson('dist/public/data/cards.json'))
    assert.deepEqual(JSON.parse(await served('/data/ui.json', { ...json, 'cache-tag': 'assets,asset-ui' })), readJson('data/ui.json'))
  })
})
