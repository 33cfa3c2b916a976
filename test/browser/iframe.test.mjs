import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { axe, launch, startHost, startWorker, stopAll, watchedPage } from './harness.mjs'

let worker, host, browser
// The full card's measured height at 640 px, per language (scripts/measure-heights.mjs; FULL_HEIGHT is the same).
const heights = JSON.parse(readFileSync(new URL('../../src/card/heights.json', import.meta.url), 'utf8'))
const FULL_HEIGHT = Object.fromEntries(Object.entries(heights.full).map(([lang, at]) => [lang, at[640]]))

// The publisher's iframe snippet, as the snippet builder writes it (widget/snippets.ts).
const HEIGHT = { compact: 300, stat: 240, full: FULL_HEIGHT.en }
const iframe = (origin, query, variant, id = 'card') =>
  `<iframe id="${id}" src="${origin}/card?${query}" title="Xiaomi EV facts" height="${HEIGHT[variant]}" loading="lazy" style="width:100%;border:0"></iframe>`

before(async () => {
  worker = await startWorker()
  host = await startHost({
    '/frame': (url) => ({
      body: `<!doctype html><html><body style="margin:0">
        ${iframe(worker.origin, url.searchParams.get('q'), url.searchParams.get('variant'))}
        <script async src="${worker.origin}/resize.js"></script></body></html>`,
    }),
    '/late': `<!doctype html><html><body style="margin:0"><div id="slot"></div>
        <script async src="${worker.origin}/resize.js"></script></body></html>`,
  })
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

/** The iframe's height against what its document needs, once resizing has settled. */
async function settle(page) {
  const handle = await page.waitForSelector('#card')
  const frame = await handle.contentFrame()
  await frame.waitForSelector('article')
  let last = -1
  for (let i = 0; i < 40; i++) {
    const now = await page.$eval('#card', (f) => f.getBoundingClientRect().height)
    if (now === last) break
    last = now
    await page.waitForTimeout(100)
  }
  const content = await frame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom))
  const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)
  return { frameHeight: last, content, scroll }
}

describe('iframe embed', () => {
  it('/card shows the figures with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${worker.origin}/card?lang=zh-CN&variant=full`)
    const text = await page.textContent('article')
    for (const figure of ['100亿元', '1.46亿台', '超3.248亿台', '预计100亿美元', '——雷军（译自小米英文新闻稿）']) assert.ok(text.includes(figure), figure)
    await page.click('summary >> nth=0')
    assert.equal(await page.isVisible('.xc-pop >> nth=0'), true)
    await context.close()
  })

  it('sizes itself to its content in every variant, with no inner scrollbar, and follows a change of width', async () => {
    for (const [variant, q] of [['compact', 'variant=compact'], ['stat', 'variant=stat&fact=cash-reserve'], ['full', 'variant=full&lang=zh-CN'], ['full', 'variant=full']]) {
      const { page, context, errors } = await watchedPage(browser, { viewport: { width: 640, height: 900 } })
      await page.goto(`${host.origin}/frame?variant=${variant}&q=${encodeURIComponent(q)}`)
      const wide = await settle(page)
      assert.ok(Math.abs(wide.frameHeight - wide.content) <= 2, `${q} at 640: frame ${wide.frameHeight}, content ${wide.content}`)
      assert.equal(wide.scroll, 0, `${q}: inner scrollbar`)
      await page.setViewportSize({ width: 320, height: 900 })
      const narrow = await settle(page)
      assert.ok(Math.abs(narrow.frameHeight - narrow.content) <= 2, `${q} at 320: frame ${narrow.frameHeight}, content ${narrow.content}`)
      assert.equal(narrow.scroll, 0)
      if (variant === 'full') assert.ok(narrow.frameHeight > wide.frameHeight, 'full grows when narrower')
      else assert.equal(narrow.frameHeight, HEIGHT[variant], 'fixed-height variants keep the snippet height')
      assert.deepEqual(errors, [])
      await context.close()
    }
  })

  it("the snippet's height is the card's real height at its full width, before any resizing", async () => {
    for (const [lang, height] of Object.entries(FULL_HEIGHT)) {
      const { page, context } = await watchedPage(browser, { viewport: { width: 800, height: 900 } })
      await page.goto(`${worker.origin}/`)
      await page.check('input[name=variant][value=full]')
      await page.check(`input[name=lang][value=${lang}]`)
      const snippet = await page.inputValue('#snip-iframe')
      assert.match(snippet, new RegExp(`height="${height}"`))
      const frame = await (await page.waitForSelector('#iframe-preview iframe')).contentFrame()
      await frame.waitForSelector('article')
      const real = await frame.evaluate(() => document.querySelector('article').getBoundingClientRect().height)
      assert.ok(Math.abs(real - height) <= 2, `${lang}: snippet says ${height}, card is ${real}`)
      await context.close()
    }
  })

  it('grows when a reader opens the evidence', async () => {
    const { page, context } = await watchedPage(browser, { viewport: { width: 320, height: 900 } })
    await page.goto(`${host.origin}/frame?variant=compact&q=${encodeURIComponent('variant=compact')}`)
    const before = await settle(page)
    // The last figure's evidence opens over the card's foot and past it.
    await (await (await page.$('#card')).contentFrame()).click('summary >> nth=2')
    const opened = await settle(page)
    assert.ok(opened.frameHeight > before.frameHeight, `${opened.frameHeight} > ${before.frameHeight}`)
    assert.equal(opened.scroll, 0)
    await context.close()
  })

  it('resizes frames added later', async () => {
    const { page, context } = await watchedPage(browser)
    await page.goto(`${host.origin}/late`)
    await page.waitForTimeout(200)
    await page.$eval('#slot', (slot, html) => (slot.innerHTML = html), iframe(worker.origin, 'variant=full', 'compact'))
    const { frameHeight, content } = await settle(page)
    assert.ok(frameHeight > 300 && Math.abs(frameHeight - content) <= 2, `${frameHeight} vs ${content}`)
    await context.close()
  })

  it('resize.js ignores messages from other origins and from frames that are not the one resized', async () => {
    const { page, context } = await watchedPage(browser)
    await page.goto(`${host.origin}/frame?variant=compact&q=variant%3Dcompact`)
    await settle(page)
    await page.evaluate(() => {
      // The host page itself, and a frame of another origin, both claim a height.
      window.postMessage({ type: 'xiaomi-ev-card:height', height: 50 }, '*')
      const other = document.createElement('iframe')
      other.srcdoc = `<script>parent.postMessage({ type: 'xiaomi-ev-card:height', height: 40 }, '*')</script>`
      document.body.append(other)
    })
    await page.waitForTimeout(400)
    assert.equal(await page.$eval('#card', (f) => f.getBoundingClientRect().height), 300)
    await context.close()
  })

  it('fits the budgets: /card at most 6 KB gzip, /resize.js at most 1 KB gzip', async () => {
    for (const path of ['/card', '/card?variant=full&lang=zh-CN', '/resize.js']) {
      const body = Buffer.from(await (await fetch(worker.origin + path)).arrayBuffer())
      const size = gzipSync(body, { level: 9 }).length
      assert.ok(size <= (path === '/resize.js' ? 1024 : 6 * 1024), `${path}: ${size} B gzip`)
    }
  })
})

// Every language the data has words for, so a language added there is checked here too.
const LANGS = Object.keys(JSON.parse(readFileSync(new URL('../../data/locale.json', import.meta.url), 'utf8'))).filter((k) => /^[a-z]{2}(-[A-Z]{2})?$/.test(k))

describe('pages pass axe-core, best practices included', () => {
  for (const scheme of ['light', 'dark']) {
    for (const lang of LANGS) {
      it(`/ and /card in ${lang}, ${scheme}`, async () => {
        // bypassCSP only lets axe itself in: our pages' CSP refuses inline scripts, rightly.
        const { page, context } = await watchedPage(browser, { colorScheme: scheme, bypassCSP: true })
        for (const path of [`/?lang=${lang}`, `/card?lang=${lang}&variant=full`, `/card?lang=${lang}&theme=${scheme}`, `/card?lang=${lang}&variant=stat`, '/source']) {
          await page.goto(worker.origin + path)
          await page.waitForLoadState('networkidle')
          await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)))
          assert.deepEqual(await axe(page), [], path)
        }
        await context.close()
      })
    }
  }
})

describe('the publisher page', () => {
  it('keeps the preview and snippets in step with the options, and copies them', async () => {
    const { page, context, errors } = await watchedPage(browser, { permissions: ['clipboard-write'] })
    // Our pages forbid clipboard-read (Permissions-Policy), so record what the buttons write.
    await page.addInitScript(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard)
      navigator.clipboard.writeText = (text) => write(text).then(() => (window.__copied = text))
      // The fallback for when the Clipboard API refuses: copying the textarea's selection.
      const exec = document.execCommand.bind(document)
      document.execCommand = (command, ...rest) => {
        const area = document.activeElement
        if (command === 'copy') window.__copied = area.value.slice(area.selectionStart, area.selectionEnd)
        return exec(command, ...rest)
      }
    })
    await page.goto(`${worker.origin}/`)
    await page.bringToFront()
    await page.check('input[name=variant][value=stat]')
    await page.check('input[name=lang][value=zh-CN]')
    await page.selectOption('#fact', 'connected-devices')
    const snippet = await page.inputValue('#snip-script')
    assert.match(snippet, /<xiaomi-ev-card lang="zh-CN" theme="auto" variant="stat" fact="connected-devices"/)
    await page.waitForFunction(() => document.querySelector('#script-preview xiaomi-ev-card')?.shadowRoot?.textContent.includes('超3.248亿台'))
    const src = await page.$eval('#iframe-preview iframe', (f) => f.src)
    assert.equal(new URL(src).search, '?lang=zh-CN&variant=stat&fact=connected-devices')
    for (const id of ['script', 'iframe', 'oembed', 'pinned']) {
      await page.evaluate(() => (window.__copied = undefined))
      await page.click(`[data-copy=snip-${id}]`)
      await page.waitForFunction(() => window.__copied !== undefined, null, { timeout: 5000 })
      assert.equal(await page.evaluate(() => window.__copied), await page.inputValue(`#snip-${id}`), id)
      assert.equal(await page.textContent(`[data-status=snip-${id}]`), 'Copied')
    }
    const pinned = await page.inputValue('#snip-pinned')
    const [, path, integrity] = pinned.match(/src="[^"]+(\/embed\.[0-9a-f]+\.js)" integrity="(sha384-[^"]+)"/)
    const bytes = Buffer.from(await (await fetch(worker.origin + path)).arrayBuffer())
    const { createHash } = await import('node:crypto')
    assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`)
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('the publisher page: your look', () => {
  it('previews every embed with the chosen accent, radius and font, and warns about contrast as the API refuses it', async () => {
    const { page, context, errors } = await watchedPage(browser)
    await page.goto(`${worker.origin}/`)
    await page.check('input[name=theme][value=light]')
    await page.check('input[name=custom][value=accent]')
    // #777777 on white: 4.48:1, under WCAG AA. The page says what the API would answer.
    await page.fill('input[name=accent]', '#777777')
    const refusal = await (await fetch(`${worker.origin}/v1/card.html?lang=en&variant=compact&theme=light&accent=%23777777`)).json()
    assert.equal(await page.textContent('#contrast'), refusal.invalid_params.map((p) => `${p.name}: ${p.reason}. `).join(''))
    await page.fill('input[name=accent]', '#0a5c36')
    await page.fill('input[name=radius]', '4')
    await page.selectOption('select[name=font]', 'Georgia, serif')
    assert.equal(await page.textContent('#contrast'), '')
    const look = { accent: '#0a5c36', radius: '4', font: 'Georgia, serif' }
    const query = new URLSearchParams({ lang: 'en', variant: 'compact', theme: 'light', ...look })
    assert.equal(new URL(await page.$eval('#iframe-preview iframe', (f) => f.src)).search, `?${query}`)
    assert.equal(await page.inputValue('#snip-server'), `${worker.origin}/v1/card.html?${query}`)
    assert.equal((await fetch(await page.inputValue('#snip-server'))).status, 200)
    assert.match(await page.inputValue('#snip-script'), /<xiaomi-ev-card [^>]*style="--xc-accent:#0a5c36;--xc-radius:4px;--xc-font:&quot;Georgia&quot;,serif;display:block;min-height:300px">/)
    // The PNGs have no custom look: their links keep to lang, variant and theme.
    assert.equal(new URL(await page.$eval('[data-png=card]', (a) => a.href)).search, '?lang=en&variant=compact&theme=light')
    // The live script preview wears the look (set through CSSOM: this page's CSP allows no such style attribute).
    await page.waitForFunction(() => document.querySelector('#script-preview xiaomi-ev-card')?.shadowRoot?.querySelector('article'))
    const shown = await page.$eval('#script-preview xiaomi-ev-card', (el) => {
      const css = (sel, prop) => getComputedStyle(el.shadowRoot.querySelector(sel)).getPropertyValue(prop)
      return { radius: css('article', 'border-top-left-radius'), accent: css('a', 'color'), font: css('article', 'font-family'), height: el.getBoundingClientRect().height }
    })
    assert.deepEqual(shown, { radius: '4px', accent: 'rgb(10, 92, 54)', font: 'Georgia, serif', height: 300 })
    const framed = await (await page.waitForSelector('#iframe-preview iframe')).contentFrame()
    await framed.waitForSelector('article')
    assert.equal(await framed.$eval('article', (a) => getComputedStyle(a).borderTopLeftRadius), '4px')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
