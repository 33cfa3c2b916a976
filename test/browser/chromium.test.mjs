// Chromium only: what needs the DevTools protocol, or playwright's emulation over it. The reader's
// colour scheme and locale (Emulation), faults on the data request (Fetch interception), the fonts a
// glyph was drawn with (CSS.getPlatformFontsForNode), layout shifts (a PerformanceObserver type only
// Chromium has), and every request a page made (Network). All else a browser does with the card is
// in engines.test.mjs, in every engine.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { axe, cardHeights, cardLangs, launch, nextFrames, startHost, startWorker, stopAll, waitForCards, watchedPage } from './harness.mjs'

let worker, host, browser, backgrounds
const snippets = {}
const FALLBACK = 'Xiaomi launches its smart EV business'
// A timeout the widget takes from its script tag, far below its own 8 s (widget/embed.tsx).
const HASTY_MS = 500
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

// The snippets exactly as the publisher's page offers them to copy.
async function snippet(query, kind) {
  const html = await (await fetch(`${worker.origin}/?${query}`)).text()
  return unescape(html.match(new RegExp(`data-snippet="${kind}"[^>]*>([^]*?)</textarea>`))[1])
}

before(async () => {
  worker = await startWorker()
  const script = `<script async src="${worker.origin}/embed.js"></script>`
  const card = (attrs) => `<xiaomi-ev-card ${attrs}><a href="${worker.origin}/card">${FALLBACK}</a></xiaomi-ev-card>`
  for (const [name, query, kind] of [
    ['compact-en', 'variant=compact&lang=en', 'script'],
    ['stat-zh', 'variant=stat&lang=zh-CN&fact=cash-reserve', 'script'],
    ['full-pinned', 'variant=full&lang=en', 'pinned'],
  ]) snippets[name] = await snippet(query, kind)
  host = await startHost({
    '/variants': `<!doctype html><html lang="en"><body>
      ${card('lang="en" variant="compact" theme="light"')}
      ${card('lang="zh-CN" variant="compact" theme="dark"')}
      ${card('lang="en" variant="full" theme="auto"')}
      ${card('lang="zh" variant="full" theme="light"')}
      ${card('lang="en" variant="stat" fact="connected-devices"')}
      ${card('lang="zh-CN" variant="stat" fact="xiaoai-monthly-active-users" theme="dark"')}
      ${script}</body></html>`,
    '/one': `<!doctype html><html><body>${card('lang="en"')}${script}</body></html>`,
    // The script snippet for each card=variant,lang,fact,height (repeated), each with its reserved height, text between.
    '/snippets': (url) => ({
      body: `<!doctype html><html><body><p style="height:40px">Above the cards</p>
        ${url.searchParams.getAll('card').map((c) => c.split(',')).map(([variant, lang, fact, h]) => `
        <xiaomi-ev-card lang="${lang}" variant="${variant}" fact="${fact}" style="display:block;min-height:${h}px">
          <a href="${worker.origin}/card">Xiaomi launches its smart electric vehicle business</a>
        </xiaomi-ev-card><p>Below the card</p>`).join('')}
        <script>
          window.__shift = 0
          new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value })
            .observe({ type: 'layout-shift', buffered: true })
        </script>
        <script async src="${worker.origin}/embed.js"></script></body></html>`,
    }),
    '/three': `<!doctype html><html><body>${card('lang="en"').repeat(3)}${script}</body></html>`,
    // The same with the widget's timeout cut short by the script's data-timeout (docs/embedding.md).
    '/three-hasty': `<!doctype html><html><body>${card('lang="en"').repeat(3)}${script.replace('<script ', `<script data-timeout="${HASTY_MS}" `)}</body></html>`,
    // The card's language from, in turn: its own lang, the nearest lang around it, the reader's languages.
    '/negotiate': (url) => ({
      body: `<!doctype html><html ${url.searchParams.get('html') ?? ''}><body><div ${url.searchParams.get('div') ?? ''}>
        ${card(url.searchParams.get('card') ?? '')}</div>${script}</body></html>`,
    }),
    // The compact and stat script snippets exactly as / writes them, text below: the CLS at a larger text.
    '/snippets-published': `<!doctype html><html lang="en"><head><script>window.__shift = 0
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value }).observe({ type: 'layout-shift', buffered: true })</script></head>
      <body><p>Above</p>${snippets['compact-en']}<p>Between</p>${snippets['stat-zh']}<p>Below the cards</p></body></html>`,
    ...Object.fromEntries(Object.entries(snippets).map(([name, s]) => [`/${name}`, `<!doctype html><html><body>${s}</body></html>`])),
  })
  // The card's own light and dark backgrounds, as /card's stylesheet declares them: light-dark(light, dark).
  const [, light, dark] = (await (await fetch(`${worker.origin}/card`)).text()).match(/--bg:\s*var\(--xc-background,\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)/)
  backgrounds = { light, dark }
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

describe('script embed: the emulated colour scheme, layout shifts, requests', () => {
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
    const cards = [['compact', ''], ['stat', 'connected-devices'], ['stat', 'cash-reserve']].flatMap(([variant, fact]) => cardLangs().map((lang) => ({ variant, fact, lang, h: heights[variant] })))
    const query = new URLSearchParams(cards.map(({ variant, lang, fact, h }) => ['card', [variant, lang, fact, h].join(',')]))
    for (const width of [280, 640]) {
      // Every card in one page a width: any card taller or shorter than its reserved space moves the
      // text below it. A viewport that holds them all: shifts out of view are not layout shifts.
      const tall = cards.reduce((sum, c) => sum + c.h + 80, 200)
      const { page, context } = await watchedPage(browser, { viewport: { width, height: tall } })
      await page.goto(`${host.origin}/snippets?${query}`)
      await waitForCards(page, cards.length)
      await nextFrames(page)
      assert.equal(await page.evaluate(() => window.__shift), 0, `${width}px: the page shifted`)
      const shown = await page.$$eval('xiaomi-ev-card', (els) => els.map((el) => {
        const a = el.shadowRoot.querySelector('article')
        return { box: a.getBoundingClientRect().height, overflow: Math.max(a.scrollHeight - a.clientHeight, a.scrollWidth - a.clientWidth) }
      }))
      for (const [i, { variant, fact, lang, h }] of cards.entries()) {
        assert.equal(shown[i].box, h, `${variant} ${fact} ${lang} ${width}px is ${shown[i].box}px tall`)
        assert.equal(shown[i].overflow, 0, `${variant} ${fact} ${lang} ${width}px overflows`)
      }
      await context.close()
    }
  })

  it('costs at most 9 KB gzip and one request after embed.js, and talks only to its own origin', async () => {
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
      assert.ok(total <= 9 * 1024, `${q}: ${total} B gzip`)
    }
    assert.equal(await page.evaluate(() => document.cookie + localStorage.length + sessionStorage.length), '00')
  })
})

/** Opens /three with the data request failing as `fault` says; once each card has told its outcome
 *  (load or error, what a publisher listening hears), returns what the reader and the page saw. */
async function underFault(fault, { path = '/three' } = {}) {
  const { page, context, errors } = await watchedPage(browser)
  let dataRequests = 0
  await context.route(`${worker.origin}/v1/card**`, async (route) => {
    dataRequests++
    await fault(route)
  })
  const start = Date.now()
  await page.goto(`${host.origin}${path}`, { waitUntil: 'domcontentloaded' })
  await page.waitForFunction(() => window.__cardEvents.length >= 3, null, { timeout: 15_000 })
  const ms = Date.now() - start
  const visible = await page.locator('xiaomi-ev-card > a').evaluateAll((links) =>
    links.map((a) => a.getBoundingClientRect().height > 0 && a.textContent),
  )
  const rendered = await page.$$eval('xiaomi-ev-card', (els) => els.filter((el) => el.shadowRoot?.querySelector('article')).length)
  const hostErrors = await page.evaluate(() => window.__hostErrors)
  const events = await page.evaluate(() => window.__cardEvents.map((e) => e.type).join(' '))
  await context.close()
  return { visible, rendered, errors, hostErrors, dataRequests, events, ms }
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

  it('a response that never ends: the widget gives up after its timeout, here cut short by data-timeout, and keeps the fallback', async () => {
    const seen = await underFault(() => new Promise(() => {}), { path: '/three-hasty' })
    // Well before the default 8 s would have ended it, whatever a busy machine adds to the 0.5 s.
    assert.ok(seen.ms < 7000, `the outcome came ${seen.ms} ms after navigation: data-timeout="${HASTY_MS}" was not heeded`)
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

  it('warns about a lang it cannot serve, naming those it can, and goes on to the page language', async () => {
    const r = await negotiated({ html: 'lang="zh-MO"', card: 'lang="klingon"' }, ['en'])
    assert.equal(r.query, '?lang=zh-HK&variant=compact')
    assert.deepEqual(r.warnings, [`<xiaomi-ev-card>: lang must be one of ${cardLangs().join(', ')} (or a tag of one); using the page language`])
  })
})

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

describe("the reader's text size, print, forced colours", () => {
  const at24 = async (viewport, options = {}) => {
    const { page, context } = await watchedPage(browser, { viewport, ...options })
    await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: 24 } })
    return { page, context }
  }

  it('moves the page by at most 0.05 (CLS) at a 24 px default, the script snippet as / writes it, at 360 and 640 px', async () => {
    for (const width of [360, 640]) {
      const { page, context } = await at24({ width, height: 900 })
      await page.goto(`${host.origin}/snippets-published`)
      await waitForCards(page, 2)
      await nextFrames(page)
      const shift = await page.evaluate(() => window.__shift)
      assert.ok(shift <= 0.05, `${width}px: CLS ${shift}`)
      // The reservation grew with the text: the compact card holds its reserved height at 640.
      if (width == 640) {
        const [reserved, card] = await page.$eval('xiaomi-ev-card', (el) => [el, el.shadowRoot.querySelector('article')].map((e) => e.getBoundingClientRect().height))
        assert.deepEqual([reserved, card], [cardHeights().compact * 1.5, cardHeights().compact * 1.5])
      }
      await context.close()
    }
  })

  it("keeps the headline a compact card clamps whole as the heading's accessible name", async () => {
    const { page, context } = await at24({ width: 240, height: 900 })
    await page.goto(`${host.origin}/snippets-published`)
    await waitForCards(page, 2)
    const { headline } = await (await fetch(`${worker.origin}/v1/card?lang=en&variant=compact`)).json()
    assert.equal(await page.getByRole('heading', { name: headline, exact: true }).count(), 1)
    // It is clamped here: the box shows less than the text.
    assert.ok(await page.$eval('xiaomi-ev-card', (el) => { const h = el.shadowRoot.querySelector('.xc-h'); return h.scrollHeight > h.clientHeight }))
    await context.close()
  })

  it('lets a publisher scale the card with --xc-scale, never below 12 px', async () => {
    const { page, context } = await watchedPage(browser)
    await page.goto(`${host.origin}/one`)
    await waitForCards(page, 1)
    const smallest = (scale) => page.$eval('xiaomi-ev-card', (el, scale) => {
      el.style.setProperty('--xc-scale', scale)
      return Math.min(...[...el.shadowRoot.querySelectorAll('article *')].map((e) => parseFloat(getComputedStyle(e).fontSize)))
    }, scale)
    const base = await smallest('1')
    assert.ok(Math.abs((await smallest('1.2')) - base * 1.2) < 0.01)
    assert.ok(Math.abs((await smallest('0.2')) - 12) < 0.01, 'clamped at 12 px')
    await context.close()
  })

  it('prints dark text on white paper whatever the theme and the dark preference, and never splits compact or stat', async () => {
    const { page, context } = await watchedPage(browser, { colorScheme: 'dark' })
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    const textColours = (root) => [...root.querySelectorAll('article, article *')].filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType == 3 && n.textContent.trim())).map((e) => getComputedStyle(e).color)
    const contrastOnWhite = (rgb) => {
      const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 })
      return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
    }
    await page.goto(`${host.origin}/variants`)
    await waitForCards(page, 6)
    const cards = await page.$$eval('xiaomi-ev-card', (els, src) => els.map((el) => ({
      variant: el.getAttribute('variant'),
      colours: (0, eval)(src)(el.shadowRoot),
      breakInside: getComputedStyle(el.shadowRoot.querySelector('article')).breakInside,
    })), `(${textColours})`)
    // The iframe embed: /card itself, in the dark theme.
    await page.goto(`${worker.origin}/card?lang=en&variant=stat&theme=dark`)
    cards.push({ variant: 'stat', colours: await page.evaluate((src) => (0, eval)(src)(document), `(${textColours})`), breakInside: await page.$eval('article', (a) => getComputedStyle(a).breakInside) })
    for (const [i, card] of cards.entries()) {
      for (const c of card.colours) assert.ok(contrastOnWhite(c) >= 4.5, `card ${i}: ${c} on white paper is ${contrastOnWhite(c).toFixed(2)}:1`)
      if (card.variant != 'full') assert.equal(card.breakInside, 'avoid', `card ${i}`)
    }
    await context.close()
  })

  it('keeps every figure readable and focus visible in forced colours', async () => {
    const { page, context } = await watchedPage(browser, { forcedColors: 'active', reducedMotion: 'reduce' })
    await page.goto(`${host.origin}/variants`)
    await waitForCards(page, 6)
    const seen = await page.$$eval('xiaomi-ev-card', (els) => els.map((el) => {
      const a = el.shadowRoot.querySelector('article')
      return [...a.querySelectorAll('.xc-v, dt')].map((v) => ({ color: getComputedStyle(v).color, bg: getComputedStyle(a).backgroundColor, shown: v.getBoundingClientRect().height > 0 }))
    }))
    for (const figures of seen) for (const f of figures) assert.ok(f.shown && f.color != f.bg, JSON.stringify(f))
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const focus = await page.evaluate(() => {
      let e = document.activeElement
      while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement
      const s = getComputedStyle(e)
      return { tag: e.localName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg: getComputedStyle(e.closest('article')).backgroundColor }
    })
    assert.ok(focus.style != 'none' && focus.width >= 2 && focus.color != focus.bg, JSON.stringify(focus))
    await context.close()
  })
})
