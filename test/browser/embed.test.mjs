import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { axe, cardHeights, cardLangs, launch, nextFrames, startHost, startWorker, stopAll, waitForCards, watchedPage } from './harness.mjs'

let worker, host, browser, backgrounds
const pages = {}

before(async () => {
  worker = await startWorker()
  const script = `<script async src="${worker.origin}/embed.js"></script>`
  const card = (attrs) =>
    `<xiaomi-ev-card ${attrs}><a href="${worker.origin}/card">Xiaomi launches its smart EV business</a></xiaomi-ev-card>`
  Object.assign(pages, {
    '/variants': `<!doctype html><html lang="en"><body>
      ${card('lang="en" variant="compact" theme="light"')}
      ${card('lang="zh-CN" variant="compact" theme="dark"')}
      ${card('lang="en" variant="full" theme="auto"')}
      ${card('lang="zh" variant="full" theme="light"')}
      ${card('lang="en" variant="stat" fact="connected-devices"')}
      ${card('lang="zh-CN" variant="stat" fact="xiaoai-monthly-active-users" theme="dark"')}
      ${script}</body></html>`,
    '/one': `<!doctype html><html><body>${card('lang="en"')}${script}</body></html>`,
    '/snippet': (url) => ({
      body: `<!doctype html><html><body><p style="height:40px">Above the card</p>
        <xiaomi-ev-card lang="${url.searchParams.get('lang')}" variant="${url.searchParams.get('variant')}" fact="${url.searchParams.get('fact')}" style="display:block;min-height:${url.searchParams.get('h')}px">
          <a href="${worker.origin}/card">Xiaomi launches its smart electric vehicle business</a>
        </xiaomi-ev-card><p id="below">Below the card</p>
        <script>
          window.__shift = 0
          new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value })
            .observe({ type: 'layout-shift', buffered: true })
        </script>
        <script async src="${worker.origin}/embed.js"></script></body></html>`,
    }),
  })
  host = await startHost(pages)
  // The card's own light and dark backgrounds, as /card's stylesheet declares them: light-dark(light, dark).
  const [, light, dark] = (await (await fetch(`${worker.origin}/card`)).text()).match(/--bg:\s*var\(--xc-background,\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)/)
  backgrounds = { light, dark }
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

describe('script embed', () => {
  it('follows the theme: light, dark, and auto by prefers-color-scheme', async () => {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await watchedPage(browser, { colorScheme: scheme })
      await page.goto(`${host.origin}/variants`)
      await waitForCards(page, 6)
      const [white, dark, ...shown] = await page.evaluate(({ light, dark }) => {
        // Each colour as the browser computes it, on an element of the page's own.
        const as = (color) => {
          const probe = document.body.appendChild(document.createElement('p'))
          probe.style.backgroundColor = color
          return getComputedStyle(probe).backgroundColor
        }
        const cards = [...document.querySelectorAll('xiaomi-ev-card')].map((el) => getComputedStyle(el.shadowRoot.querySelector('article')).backgroundColor)
        return [as(light), as(dark), ...cards]
      }, backgrounds)
      assert.notEqual(white, dark)
      // light, dark, auto, light, auto (no theme), dark
      const auto = scheme === 'dark' ? dark : white
      assert.deepEqual(shown, [white, dark, auto, white, auto, dark], scheme)
      await context.close()
    }
  })

  it('passes axe-core inside the cards in both colour schemes', async () => {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await watchedPage(browser, { colorScheme: scheme })
      await page.goto(`${host.origin}/variants`)
      await waitForCards(page, 6)
      // Open every disclosure so their contents are checked too.
      await page.$$eval('xiaomi-ev-card', (els) => els.forEach((el) => el.shadowRoot.querySelectorAll('details').forEach((d) => (d.open = true))))
      assert.deepEqual(await axe(page, 'xiaomi-ev-card'), [], scheme)
      await context.close()
    }
  })

  it('does not move the page when a compact or stat card arrives, at 280 and 640 px', async () => {
    const heights = cardHeights()
    // connected-devices has the longest label, cash-reserve the longest value and equivalent
    const cards = [['compact', ''], ['stat', 'connected-devices'], ['stat', 'cash-reserve']]
    for (const width of [280, 640]) {
      // One page a width; each load starts its own layout-shift record.
      const { page, context } = await watchedPage(browser, { viewport: { width, height: 800 } })
      for (const [variant, fact] of cards) {
        const h = heights[variant]
        for (const lang of cardLangs()) {
          await page.goto(`${host.origin}/snippet?variant=${variant}&lang=${lang}&h=${h}&fact=${fact}`)
          await waitForCards(page, 1)
          await nextFrames(page)
          const shift = await page.evaluate(() => window.__shift)
          const box = await page.$eval('xiaomi-ev-card', (el) => el.shadowRoot.querySelector('article').getBoundingClientRect().height)
          const overflow = await page.$eval('xiaomi-ev-card', (el) => {
            const a = el.shadowRoot.querySelector('article')
            return Math.max(a.scrollHeight - a.clientHeight, a.scrollWidth - a.clientWidth)
          })
          assert.equal(shift, 0, `${variant} ${lang} ${width}px shifted ${shift}`)
          assert.equal(box, h, `${variant} ${lang} ${width}px is ${box}px tall`)
          assert.equal(overflow, 0, `${variant} ${fact} ${lang} ${width}px overflows`)
        }
      }
      await context.close()
    }
  })

  it('costs at most 8 KB gzip and one request after embed.js, and talks only to its own origin', async () => {
    const { page, requests } = await watchedPage(browser)
    await page.goto(`${host.origin}/one`)
    await waitForCards(page, 1)
    const ours = requests.filter((u) => !u.startsWith(host.origin))
    assert.deepEqual(ours.map((u) => new URL(u).pathname), ['/embed.js', '/v1/card'])
    assert.ok(ours.every((u) => u.startsWith(worker.origin)))
    const gzipOf = async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length
    const script = await gzipOf(ours[0])
    // The budget holds for the cards a snippet gets by default and for stat; full carries the
    // quote, the six advantages and nine evidence spans, and is reported, not budgeted (README).
    for (const q of cardLangs().flatMap((lang) => [`variant=compact&lang=${lang}`, `variant=stat&lang=${lang}&fact=cash-reserve`, `variant=stat&lang=${lang}&fact=connected-devices`])) {
      const total = script + (await gzipOf(`${worker.origin}/v1/card?${q}`))
      assert.ok(total <= 8 * 1024, `${q}: ${total} B gzip`)
    }
    assert.equal(await page.evaluate(() => document.cookie + localStorage.length + sessionStorage.length), '00')
  })
})
