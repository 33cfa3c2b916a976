// The script embed's snippet preloads the card's data, so the data does not wait for the script:
// the browser must hand the preloaded response to the widget, not fetch the data a second time.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, startHost, startWorker, stopAll, waitForCards, watchedPage } from './harness.mjs'

let worker, host, browser
const snippets = {}
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

// The snippets exactly as the publisher's page offers them to copy.
async function snippet(query, kind) {
  const html = await (await fetch(`${worker.origin}/?${query}`)).text()
  return unescape(html.match(new RegExp(`data-snippet="${kind}"[^>]*>([^]*?)</textarea>`))[1])
}

before(async () => {
  worker = await startWorker()
  for (const [name, query, kind] of [
    ['compact-en', 'variant=compact&lang=en', 'script'],
    ['stat-zh', 'variant=stat&lang=zh-CN&fact=cash-reserve', 'script'],
    ['full-pinned', 'variant=full&lang=en', 'pinned'],
  ]) snippets[name] = await snippet(query, kind)
  host = await startHost(Object.fromEntries(Object.entries(snippets).map(([name, s]) => [`/${name}`, `<!doctype html><html><body>${s}</body></html>`])))
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

describe('the script snippet', () => {
  it('preloads the very URL the widget fetches, with the same credentials mode', () => {
    for (const s of Object.values(snippets)) {
      const link = s.match(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/)
      assert.ok(link, s)
      assert.equal(new URL(link[1]).origin, worker.origin)
      assert.ok(s.indexOf('<link') < s.indexOf('<script'), 'the preload comes before the script')
    }
    assert.match(snippets['stat-zh'], /\/v1\/card\?fact=cash-reserve&amp;lang=zh-CN&amp;variant=stat"/)
  })

  for (const name of ['compact-en', 'stat-zh', 'full-pinned']) {
    it(`${name}: the card's data is requested once, and the card renders from it`, async () => {
      const { context, page, errors, requests } = await watchedPage(browser)
      const data = []
      page.on('requestfinished', (r) => r.url().includes('/v1/card') && data.push(r.url()))
      await page.goto(`${host.origin}/${name}`)
      // The card renders from the widget's own request: once it shows, a second, unpreloaded
      // request would have been sent, and its request event (sent before its response) seen.
      await waitForCards(page, 1)
      assert.equal(requests.filter((u) => u.includes('/v1/card')).length, 1, requests.join('\n'))
      assert.equal(data.length, 1)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})
