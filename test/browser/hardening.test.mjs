// Network faults on the card's data request, in Chromium: DevTools request interception (playwright's
// route) answers it with a 500, broken JSON, the wrong shape, nothing at all, or late. A connection the
// server drops, and the other hostile pages, are in every engine (engines.test.mjs).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, startHost, startWorker, stopAll, watchedPage } from './harness.mjs'

let worker, host, browser

const FALLBACK = 'Read the facts of Xiaomi’s EV launch'
const cards = (n, attrs = 'lang="en"') =>
  Array.from({ length: n }, () => `<xiaomi-ev-card ${attrs}><a href="https://example.org/card">${FALLBACK}</a></xiaomi-ev-card>`).join('\n')

before(async () => {
  worker = await startWorker()
  const script = `<script async src="${worker.origin}/embed.js"></script>`
  host = await startHost({
    '/three': `<!doctype html><html><body>${cards(3)}${script}</body></html>`,
  })
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

/** Opens /three with the data request failing as `fault` says; once each card has told its outcome
 *  (load or error, what a publisher listening hears), returns what the reader and the page saw. */
async function underFault(fault, { timeout = 15_000 } = {}) {
  const { page, context, errors } = await watchedPage(browser)
  let dataRequests = 0
  await context.route(`${worker.origin}/v1/card**`, async (route) => {
    dataRequests++
    await fault(route)
  })
  await page.goto(`${host.origin}/three`, { waitUntil: 'domcontentloaded' })
  await page.waitForFunction(() => window.__cardEvents.length >= 3, null, { timeout })
  const visible = await page.locator('xiaomi-ev-card > a').evaluateAll((links) =>
    links.map((a) => a.getBoundingClientRect().height > 0 && a.textContent),
  )
  const rendered = await page.$$eval('xiaomi-ev-card', (els) => els.filter((el) => el.shadowRoot?.querySelector('article')).length)
  const hostErrors = await page.evaluate(() => window.__hostErrors)
  const events = await page.evaluate(() => window.__cardEvents.map((e) => e.type).join(' '))
  await context.close()
  return { visible, rendered, errors, hostErrors, dataRequests, events }
}

describe('faults', () => {
  // (A connection refused or reset is in engines.test.mjs, in every engine: a real server that drops it.)
  const failing = {
    'HTTP 500': (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500}' }),
    'invalid JSON': (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"figures": [' }),
    'JSON of the wrong shape': (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"figures": 7}' }),
  }
  for (const [name, fault] of Object.entries(failing)) {
    it(`${name}: the fallback stays, nothing reaches the page, no retries`, async () => {
      const seen = await underFault(fault)
      assert.deepEqual(seen.visible, [FALLBACK, FALLBACK, FALLBACK])
      assert.equal(seen.rendered, 0)
      assert.deepEqual(seen.errors, [])
      assert.deepEqual(seen.hostErrors, [])
      assert.equal(seen.dataRequests, 1, 'three cards, one request, no retry')
      assert.equal(seen.events, 'error error error')
    })
  }

  it('a response that never ends: the widget gives up after its timeout and keeps the fallback', async () => {
    // The widget's own timeout is 8 s (widget/embed.tsx); the wait allows for a busy machine.
    const seen = await underFault(() => new Promise(() => {}), { timeout: 30_000 })
    assert.deepEqual(seen.visible, [FALLBACK, FALLBACK, FALLBACK])
    assert.equal(seen.events, 'error error error')
    assert.deepEqual(seen.errors, [])
    assert.deepEqual(seen.hostErrors, [])
    assert.equal(seen.dataRequests, 1)
  })

  it('a slow response: the card arrives when the data does', async () => {
    // The delay is the fault itself: the data arrives two seconds late.
    const seen = await underFault(async (route) => {
      await new Promise((r) => setTimeout(r, 2000))
      await route.continue()
    })
    assert.equal(seen.rendered, 3)
    assert.equal(seen.events, 'load load load')
    assert.deepEqual(seen.errors, [])
    assert.equal(seen.dataRequests, 1)
  })
})
