import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { launch, startHost, startWorker, stopAll, waitForCards, watchedPage } from './harness.mjs'

let worker, host, browser

const FALLBACK = 'Read the facts of Xiaomi’s EV launch'
const cards = (n, attrs = 'lang="en"') =>
  Array.from({ length: n }, () => `<xiaomi-ev-card ${attrs}><a href="https://example.org/card">${FALLBACK}</a></xiaomi-ev-card>`).join('\n')

before(async () => {
  worker = await startWorker()
  const script = `<script async src="${worker.origin}/embed.js"></script>`
  host = await startHost({
    '/three': `<!doctype html><html><body>${cards(3)}${script}</body></html>`,
    '/taken': `<!doctype html><html><body>${cards(1)}
      <script>customElements.define('xiaomi-ev-card', class extends HTMLElement { connectedCallback() { this.dataset.owner = 'other' } })</script>
      ${script}</body></html>`,
    '/csp': {
      body: `<!doctype html><html><body>${cards(1)}${script}</body></html>`,
      headers: { 'Content-Security-Policy': `default-src 'self'; script-src ${worker.origin}` },
    },
    '/sandboxed': `<!doctype html><html><body>
      <iframe id="box" sandbox="allow-scripts" width="700" height="400" srcdoc='<!doctype html><html><body>${cards(1).replace(/'/g, '&#39;')}${script}</body></html>'></iframe>
      </body></html>`,
    '/empty': `<!doctype html><html lang="en"><body><div id="root"></div>${script}</body></html>`,
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

  it('another script already defined <xiaomi-ev-card>: we leave it alone, quietly', async () => {
    const { page, errors } = await watchedPage(browser)
    // goto waits for the load event, which waits for our async script to have run.
    await page.goto(`${host.origin}/taken`)
    assert.equal(await page.$eval('xiaomi-ev-card', (el) => el.dataset.owner), 'other')
    assert.equal(await page.$eval('xiaomi-ev-card', (el) => el.shadowRoot), null)
    assert.deepEqual(errors, [])
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [])
  })

  it("the host page's CSP blocks our data origin: the fallback stays, no error", async () => {
    const { page, errors } = await watchedPage(browser)
    await page.goto(`${host.origin}/csp`)
    await page.waitForFunction(() => window.__cardEvents.length > 0)
    assert.deepEqual(await page.evaluate(() => window.__cardEvents.map((e) => e.type)), ['error'])
    assert.equal(await page.locator('xiaomi-ev-card > a').isVisible(), true)
    assert.deepEqual(errors, [])
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [])
  })

  it('inside a sandboxed iframe (opaque origin) the card still renders', async () => {
    const { page, errors } = await watchedPage(browser)
    await page.goto(`${host.origin}/sandboxed`)
    const frame = await (await page.waitForSelector('#box')).contentFrame()
    await frame.waitForFunction(() => document.querySelector('xiaomi-ev-card')?.shadowRoot?.querySelector('article'), null, { timeout: 15_000 })
    assert.match(await frame.$eval('xiaomi-ev-card', (el) => el.shadowRoot.textContent), /RMB 10 billion/)
    assert.deepEqual(errors, [])
  })
})

describe('hostile attributes', () => {
  it('never throw into the page, never inject markup, and end in a card or the fallback', async () => {
    const { page, errors } = await watchedPage(browser)
    await page.goto(`${host.origin}/empty`)
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', 'zh-CN', 'en', 'stat', 'full', 'dark', 'connected-devices', '../../v1/facts', '%00', 'x'.repeat(5000), '__proto__', 'constructor'),
    )
    const samples = fc.sample(fc.record({ lang: value, theme: value, variant: value, fact: value }, { requiredKeys: [] }), { numRuns: 60, seed: 42 })
    await page.evaluate((list) => {
      const root = document.getElementById('root')
      for (const attrs of list) {
        const el = document.createElement('xiaomi-ev-card')
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
        el.innerHTML = '<a href="https://example.org/card">fallback</a>'
        root.append(el)
      }
    }, samples)
    // Each card tells its outcome once: load, or error and the fallback.
    await page.waitForFunction((n) => window.__cardEvents.length >= n, samples.length, { timeout: 30_000 })
    const outcome = await page.$$eval('xiaomi-ev-card', (els) => {
      const allowed = new Set(['ARTICLE', 'P', 'TIME', 'H2', 'H3', 'DL', 'DIV', 'DT', 'DD', 'SPAN', 'DETAILS', 'SUMMARY', 'BLOCKQUOTE', 'A', 'FIGURE', 'FIGCAPTION', 'OL', 'LI', 'SLOT', 'STYLE'])
      return els.map((el) => {
        const nodes = [...(el.shadowRoot?.querySelectorAll('*') ?? [])]
        const foreign = nodes.filter((n) => !allowed.has(n.tagName) || [...n.attributes].some((a) => a.name.startsWith('on')))
        const ended = el.shadowRoot?.querySelector('article') ? 'card' : el.shadowRoot?.querySelector('slot') ? 'fallback' : 'nothing'
        const links = nodes.filter((n) => n.tagName === 'A').map((a) => new URL(a.href).protocol)
        return { foreign: foreign.map((n) => n.outerHTML.slice(0, 80)), ended, badLinks: links.filter((p) => p !== 'http:') }
      })
    })
    for (const [i, o] of outcome.entries()) {
      assert.deepEqual(o.foreign, [], JSON.stringify(samples[i]).slice(0, 200))
      assert.notEqual(o.ended, 'nothing')
      assert.deepEqual(o.badLinks, [])
    }
    assert.ok(outcome.filter((o) => o.ended === 'card').length > outcome.length / 2, 'most hostile values still end in a card')
    assert.deepEqual(errors, [])
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [])
  })
})
