// The script snippet as the builder at / writes it, where JavaScript never runs (feed readers,
// reader modes, crawlers) and where it does: without it the reader gets the headline, date and
// key figures as text, in the card's language; with it the card takes the same box, moving nothing.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, startHost, startWorker, stopAll, waitForCards, watchedPage } from '../browser/harness.mjs'

const CARDS = ['lang=en&variant=compact', 'lang=zh-CN&variant=compact', 'lang=en&variant=stat&fact=cash-reserve', 'lang=zh-HK&variant=stat&fact=connected-devices']
const COLUMNS = [640, 360]
let worker, host, browser
const snippets = {}

before(async () => {
  worker = await startWorker()
  browser = await launch()
  const { page, context } = await watchedPage(browser)
  for (const q of CARDS) {
    await page.goto(`${worker.origin}/?${q}`)
    snippets[q] = await page.inputValue('#snip-script')
  }
  await context.close()
  // An article with the snippet between two paragraphs, in a column of the given width.
  host = await startHost({
    '/article': (url) => ({
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head>
        <body style="margin:0;font:18px/1.6 Georgia,serif"><main style="width:${url.searchParams.get('w')}px">
        <p>Xiaomi said on Thursday it would build electric cars.</p>${snippets[url.searchParams.get('q')]}<p id="after">More follows.</p></main></body></html>`,
    }),
  })
})
after(() => stopAll({ browser, host, worker }))

describe('the script snippet', () => {
  for (const q of CARDS) {
    it(`without JavaScript shows the key figures; upgraded, shifts nothing: ${q}`, async () => {
      const card = await (await fetch(`${worker.origin}/v1/card?${q}`)).json()
      for (const w of COLUMNS) {
        const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: w, height: 900 } })
        const plain = await off.newPage()
        await plain.goto(`${host.origin}/article?w=${w}&q=${encodeURIComponent(q)}`)
        const text = await plain.textContent('xiaomi-ev-card')
        for (const s of [card.headline, card.date.text, ...card.figures.flatMap((f) => [f.label, f.value])]) assert.ok(text.includes(s), `${q} at ${w}, no JavaScript: ${s}`)
        assert.equal(await plain.getAttribute('xiaomi-ev-card a', 'href'), `${worker.origin}/card?${q}`)
        const before = await plain.$eval('#after', (p) => p.getBoundingClientRect().top)
        await off.close()

        const { page, context, errors } = await watchedPage(browser, { viewport: { width: w, height: 900 } })
        await page.addInitScript(() => {
          window.__cls = 0
          new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__cls += e.value))).observe({ type: 'layout-shift', buffered: true })
        })
        await page.goto(`${host.origin}/article?w=${w}&q=${encodeURIComponent(q)}`)
        await waitForCards(page, 1)
        // Two frames after the card rendered, so a shift it caused has been recorded.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        assert.equal(await page.evaluate(() => window.__cls), 0, `${q} at ${w}: CLS`)
        assert.equal(await page.$eval('#after', (p) => p.getBoundingClientRect().top), before, `${q} at ${w}: the paragraph after the card stays put`)
        assert.deepEqual(errors, [])
        await context.close()
      }
    })
  }
})
