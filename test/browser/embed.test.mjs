import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { axe, cardTexts, launch, startHost, startWorker, stopAll, waitForCards, watchedPage } from './harness.mjs'

let worker, host, browser
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
    '/twice': `<!doctype html><html lang="zh-CN"><body>${card('')}${card('variant="compact"')}${script}${script}
      <script async src="${worker.origin}/embed.js?again"></script></body></html>`,
    '/one': `<!doctype html><html><body>${card('lang="en"')}${script}</body></html>`,
    '/invalid': `<!doctype html><html><body>${card('lang="fr" theme="neon" variant="huge"')}${script}</body></html>`,
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
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

describe('script embed', () => {
  it('renders every variant in both languages with the right figures', async () => {
    const { page, errors } = await watchedPage(browser)
    await page.goto(`${host.origin}/variants`)
    await waitForCards(page, 6)
    const [compactEn, compactZh, fullEn, fullZh, statEn, statZh] = await cardTexts(page)
    assert.match(compactEn, /Xiaomi launches its smart electric vehicle business/)
    // The date is the press release's, labelled so, and an estimate reads as one.
    assert.match(compactEn, /Press release · April 1, 2021 · Updated December 1, 2026/)
    for (const figure of ['RMB 10 billion', 'est. US$10 billion', 'RMB 108 billion', 'Source: Xiaomi press release']) assert.ok(compactEn.includes(figure), figure)
    for (const figure of ['小米宣布进军智能电动汽车行业', '100亿元', '预计100亿美元', '1080亿元', '新闻稿 · 2021年4月1日', '来源：小米新闻稿']) assert.ok(compactZh.includes(figure), figure)
    for (const figure of ['146 million', 'Top 3', '10 million+', '8 quarters in a row', '324.8 million+', '86.7 million', 'US$16.5 billion', '— Lei Jun']) {
      assert.ok(fullEn.includes(figure), figure)
    }
    // Our translation of Xiaomi's English, marked as one, with the Chinese two-em dash.
    for (const figure of ['1.46亿台', '超3.248亿台', '8670万', '165亿美元', '——雷军（译自小米英文新闻稿）']) assert.ok(fullZh.includes(figure), figure)
    assert.match(statEn, /Devices connected to the AIoT platform\s*324\.8 million\+/)
    assert.match(statZh, /小爱同学月活跃用户数\s*8670万/)
    const langs = await page.$$eval('xiaomi-ev-card', (els) => els.map((el) => el.shadowRoot.querySelector('article').lang))
    assert.deepEqual(langs, ['en', 'zh-CN', 'en', 'zh-CN', 'en', 'zh-CN'])
    assert.deepEqual(errors, [])
  })

  it('follows the theme: light, dark, and auto by prefers-color-scheme', async () => {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await watchedPage(browser, { colorScheme: scheme })
      await page.goto(`${host.origin}/variants`)
      await waitForCards(page, 6)
      const backgrounds = await page.$$eval('xiaomi-ev-card', (els) =>
        els.map((el) => getComputedStyle(el.shadowRoot.querySelector('article')).backgroundColor),
      )
      const white = 'rgb(255, 255, 255)', dark = 'rgb(23, 24, 28)'
      // light, dark, auto, light, auto (no theme), dark
      const auto = scheme === 'dark' ? dark : white
      assert.deepEqual(backgrounds, [white, dark, auto, white, auto, dark], scheme)
      await context.close()
    }
  })

  it('renders elements added later, re-renders on attribute change, and is harmless included twice', async () => {
    const { page, errors, requests } = await watchedPage(browser)
    await page.goto(`${host.origin}/twice`)
    await waitForCards(page, 2)
    const perElement = await page.$$eval('xiaomi-ev-card', (els) => els.map((el) => el.shadowRoot.querySelectorAll('article').length))
    assert.deepEqual(perElement, [1, 1])
    // Without lang of its own, a card speaks the page's language.
    assert.match((await cardTexts(page))[0], /100亿元/)
    // Both elements show the same card: one request serves them.
    assert.equal(requests.filter((u) => u.includes('/v1/card')).length, 1)

    await page.evaluate((origin) => {
      const el = document.createElement('xiaomi-ev-card')
      el.setAttribute('lang', 'en')
      el.setAttribute('variant', 'stat')
      el.innerHTML = `<a href="${origin}/card">fallback</a>`
      document.body.append(el)
    }, worker.origin)
    await waitForCards(page, 3)
    assert.match((await cardTexts(page))[2], /RMB 10 billion/)

    await page.$eval('xiaomi-ev-card:last-of-type', (el) => el.setAttribute('fact', 'cash-reserve'))
    await page.waitForFunction(() => document.querySelector('xiaomi-ev-card:last-of-type').shadowRoot.textContent.includes('RMB 108 billion'))
    assert.deepEqual(errors, [])
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [])
  })

  it('warns once about an invalid attribute and falls back to the default', async () => {
    const { page, warnings, errors } = await watchedPage(browser)
    await page.goto(`${host.origin}/invalid`)
    await waitForCards(page, 1)
    const ours = warnings.filter((w) => w.startsWith('<xiaomi-ev-card>'))
    assert.deepEqual(ours, [
      '<xiaomi-ev-card>: theme must be one of light, dark, auto; using auto',
      '<xiaomi-ev-card>: variant must be one of compact, full, stat; using compact',
      '<xiaomi-ev-card>: lang must be one of en, zh-CN, zh-HK, zh-TW (or a tag of one); using the page language',
    ])
    assert.match((await cardTexts(page))[0], /RMB 10 billion/)
    assert.deepEqual(errors, [])
  })

  it('keeps the fallback link, and no error reaches the page, when the API is unreachable', async () => {
    const { page, errors, context } = await watchedPage(browser)
    await context.route(`${worker.origin}/v1/**`, (route) => route.abort('connectionrefused'))
    await page.goto(`${host.origin}/one`)
    await page.waitForFunction(() => document.querySelector('xiaomi-ev-card').shadowRoot?.querySelector('slot'))
    await page.waitForTimeout(300)
    const link = page.locator('xiaomi-ev-card > a')
    assert.equal(await link.isVisible(), true)
    assert.equal(await link.textContent(), 'Xiaomi launches its smart EV business')
    assert.deepEqual(errors, [])
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [])
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
    for (const [variant, h] of [['compact', 300], ['stat', 240]]) {
      // connected-devices has the longest label, cash-reserve the longest value and equivalent
      for (const fact of variant === 'stat' ? ['connected-devices', 'cash-reserve'] : ['']) {
        for (const lang of ['en', 'zh-CN', 'zh-HK', 'zh-TW']) {
          for (const width of [280, 640]) {
            const { page, context } = await watchedPage(browser, { viewport: { width, height: 800 } })
            await page.goto(`${host.origin}/snippet?variant=${variant}&lang=${lang}&h=${h}&fact=${fact}`)
            await waitForCards(page, 1)
            await page.waitForTimeout(200)
            const shift = await page.evaluate(() => window.__shift)
            const box = await page.$eval('xiaomi-ev-card', (el) => el.shadowRoot.querySelector('article').getBoundingClientRect().height)
            const overflow = await page.$eval('xiaomi-ev-card', (el) => {
              const a = el.shadowRoot.querySelector('article')
              return Math.max(a.scrollHeight - a.clientHeight, a.scrollWidth - a.clientWidth)
            })
            assert.equal(shift, 0, `${variant} ${lang} ${width}px shifted ${shift}`)
            assert.equal(box, h, `${variant} ${lang} ${width}px is ${box}px tall`)
            assert.equal(overflow, 0, `${variant} ${fact} ${lang} ${width}px overflows`)
            await context.close()
          }
        }
      }
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
    for (const q of ['en', 'zh-CN', 'zh-HK', 'zh-TW'].flatMap((lang) => [`variant=compact&lang=${lang}`, `variant=stat&lang=${lang}&fact=cash-reserve`, `variant=stat&lang=${lang}&fact=connected-devices`])) {
      const total = script + (await gzipOf(`${worker.origin}/v1/card?${q}`))
      assert.ok(total <= 8 * 1024, `${q}: ${total} B gzip`)
    }
    assert.equal(await page.evaluate(() => document.cookie + localStorage.length + sessionStorage.length), '00')
  })
})
