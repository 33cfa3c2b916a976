// zh-HK and zh-TW in Chromium: what readers of each region see, which language the widget asks
// for (always named, never left to Accept-Language), and the Traditional typefaces.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, startHost, startWorker, stopAll, waitForCards, watchedPage } from './harness.mjs'

let worker, host, browser

before(async () => {
  worker = await startWorker()
  const script = `<script async src="${worker.origin}/embed.js"></script>`
  const card = (attrs) => `<xiaomi-ev-card ${attrs}><a href="${worker.origin}/card">Xiaomi</a></xiaomi-ev-card>`
  host = await startHost({
    // The card's language from, in turn: its own lang, the nearest lang around it, the reader's languages.
    '/negotiate': (url) => ({
      body: `<!doctype html><html ${url.searchParams.get('html') ?? ''}><body><div ${url.searchParams.get('div') ?? ''}>
        ${card(url.searchParams.get('card') ?? '')}</div>${script}</body></html>`,
    }),
  })
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

/** The /v1/card query the widget sent, and the card's language, for a page with these attributes. */
async function negotiated(attrs, languages) {
  const { page, context, requests, warnings } = await watchedPage(browser)
  if (languages) await page.addInitScript((l) => Object.defineProperty(Navigator.prototype, 'languages', { get: () => l }), languages)
  await page.goto(`${host.origin}/negotiate?${new URLSearchParams(attrs)}`)
  await waitForCards(page, 1)
  const query = new URL(requests.find((u) => u.includes('/v1/card'))).search
  const lang = await page.$eval('xiaomi-ev-card', (el) => el.shadowRoot.querySelector('article').lang)
  await context.close()
  return { query, lang, warnings: warnings.filter((w) => w.startsWith('<xiaomi-ev-card>')) }
}

describe('Traditional Chinese cards', () => {
  it("use the region's typeface, upright quotes, and keep a currency equivalent in one piece", async () => {
    const { page, context } = await watchedPage(browser, { viewport: { width: 640, height: 900 } })
    const cdp = await context.newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const fontsOf = async (selector) => {
      const { root } = await cdp.send('DOM.getDocument')
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      return fonts.map((f) => f.familyName)
    }
    // Each card's Chinese in a face for its script and region, found by lang (never the Japanese
    // one, which all: initial left Chinese cards with). Chromium on Linux takes TC for zh-HK.
    for (const [lang, faces] of [['zh-CN', ['Noto Sans CJK SC']], ['zh-HK', ['Noto Sans CJK HK', 'Noto Sans CJK TC']], ['zh-TW', ['Noto Sans CJK TC']]]) {
      await page.goto(`${worker.origin}/card?lang=${lang}&variant=full`)
      for (const selector of ['.xc-h', '.xc-q p', 'dt']) {
        const used = await fontsOf(selector)
        assert.ok(used.length > 0 && used.every((f) => faces.includes(f) || !/CJK/.test(f)), `${lang} ${selector}: ${used}`)
      }
      assert.equal(await page.$eval('.xc-q p', (p) => getComputedStyle(p).fontStyle), 'normal', `${lang} quote`)
      for (const rects of await page.$$eval('.xc-eq', (els) => els.map((el) => el.getClientRects().length))) assert.equal(rects, 1, `${lang} equivalent split`)
    }
    await page.goto(`${worker.origin}/card?lang=en&variant=full`)
    assert.equal(await page.$eval('.xc-q p', (p) => getComputedStyle(p).fontStyle), 'italic')
    await context.close()
  })
})

describe('the language the widget asks for', () => {
  it('is its own lang attribute, made canonical', async () => {
    for (const [tag, lang] of [['zh-HK', 'zh-HK'], ['zh-Hant-MO', 'zh-HK'], ['ZH-tw', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-Hans-HK', 'zh-CN'], ['zh-SG', 'zh-CN'], ['en-GB', 'en']]) {
      const r = await negotiated({ html: 'lang="fr"', card: `lang="${tag}"` }, ['de'])
      assert.equal(r.query, `?lang=${lang}&variant=compact`, tag)
      assert.equal(r.lang, lang, tag)
    }
  })

  it("else the nearest lang around it, else the reader's languages, else English", async () => {
    assert.equal((await negotiated({ html: 'lang="zh-Hant"' }, ['en-US'])).query, '?lang=zh-TW&variant=compact')
    assert.equal((await negotiated({ html: 'lang="en"', div: 'lang="zh-MO"' }, ['en-US'])).query, '?lang=zh-HK&variant=compact')
    assert.equal((await negotiated({ html: 'lang="de"' }, ['fr-FR', 'zh-Hant-HK', 'en'])).query, '?lang=zh-HK&variant=compact')
    assert.equal((await negotiated({}, ['ja', 'zh-TW'])).query, '?lang=zh-TW&variant=compact')
    assert.equal((await negotiated({ html: 'lang="fr"' }, ['de-CH', 'it'])).query, '?lang=en&variant=compact')
    // The browser's own list, as a reader's browser sends it.
    const { page, context, requests } = await watchedPage(browser, { locale: 'zh-HK' })
    await page.goto(`${host.origin}/negotiate`)
    await waitForCards(page, 1)
    assert.equal(new URL(requests.find((u) => u.includes('/v1/card'))).searchParams.get('lang'), 'zh-HK')
    await context.close()
  })

  it('warns about a lang it cannot serve, naming the four, and goes on to the page language', async () => {
    const r = await negotiated({ html: 'lang="zh-MO"', card: 'lang="klingon"' }, ['en'])
    assert.equal(r.query, '?lang=zh-HK&variant=compact')
    assert.deepEqual(r.warnings, ['<xiaomi-ev-card>: lang must be one of en, zh-CN, zh-HK, zh-TW (or a tag of one); using the page language'])
  })
})
