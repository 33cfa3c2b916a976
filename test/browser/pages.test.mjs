// Our own pages in Chromium (playwright-core): /card with JavaScript off and framed (an evidence box
// opened inside the frame), the builder at / with its snippets, previews and copy buttons, axe-core on
// every page in both schemes, and /card's and resize.js's gzip budgets. What the embeds do in a
// publisher's page, in every engine, is engines.test.mjs.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { axe, cardHeights, cardLangs, contrastWarning, launch, startHost, startWorker, stopAll, watchedPage } from './harness.mjs'

let worker, host, browser
const heights = cardHeights()
const LANGS = cardLangs()
const data = (file) => JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'))

// The publisher's iframe snippet, as the snippet builder writes it (widget/snippets.ts).
const iframe = (origin, query, height, id = 'card') =>
  `<iframe id="${id}" src="${origin}/card?${query}" title="Xiaomi EV facts" height="${height}" loading="lazy" style="width:100%;border:0"></iframe>`

before(async () => {
  worker = await startWorker()
  host = await startHost({
    '/frame': (url) => ({
      body: `<!doctype html><html><body style="margin:0">
        ${iframe(worker.origin, url.searchParams.get('q'), url.searchParams.get('h'))}
        <script async src="${worker.origin}/resize.js"></script></body></html>`,
    }),
  })
  browser = await launch()
})

after(() => stopAll({ browser, host, worker }))

/** Waits until the iframe is as tall as its document needs (within 2 px, resize.js rounds); returns both, and what is left to scroll inside. */
async function settle(page) {
  const handle = await page.waitForSelector('#card')
  const frame = await handle.contentFrame()
  await frame.waitForSelector('article')
  // What is painted: the card, and an opened evidence box over its foot.
  const needs = () => frame.evaluate(() => Math.ceil(Math.max(...[...document.querySelectorAll('main, [open] > .xc-pop')].map((el) => el.getBoundingClientRect().bottom + scrollY))))
  for (const deadline = Date.now() + 15_000; ; ) {
    const content = await needs()
    const fits = await handle.evaluate((f, h) => Math.abs(f.getBoundingClientRect().height - h) <= 2, content).catch(() => false)
    if (fits) break
    if (Date.now() > deadline) throw new Error(`the iframe never took its card's height (${content} px)`)
    await frame.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))))
  }
  const content = await needs()
  const frameHeight = await handle.evaluate((f) => f.getBoundingClientRect().height)
  const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)
  return { frameHeight, content, scroll }
}

describe('/card, framed and not', () => {
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

  it("the snippet's height is the card's real height at its full width, before any resizing", async () => {
    for (const lang of LANGS) {
      const height = heights.full[lang][640]
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
    await page.goto(`${host.origin}/frame?h=${heights.compact}&q=${encodeURIComponent('variant=compact')}`)
    const before = await settle(page)
    // The last figure's evidence opens over the card's foot and past it.
    await (await (await page.$('#card')).contentFrame()).click('summary >> nth=2')
    const opened = await settle(page)
    assert.ok(opened.frameHeight > before.frameHeight, `${opened.frameHeight} > ${before.frameHeight}`)
    assert.equal(opened.scroll, 0)
    await context.close()
  })

  it('fits the budgets: /card at most 6 KB gzip in every language and variant, /resize.js at most 1 KB gzip', async () => {
    const cards = LANGS.flatMap((lang) => ['compact', 'full', 'stat&fact=cash-reserve', 'stat&fact=connected-devices'].map((v) => `/card?lang=${lang}&variant=${v}`))
    for (const path of [...cards, '/resize.js']) {
      const body = Buffer.from(await (await fetch(worker.origin + path)).arrayBuffer())
      const size = gzipSync(body, { level: 9 }).length
      assert.ok(size <= (path === '/resize.js' ? 1024 : 6 * 1024), `${path}: ${size} B gzip`)
    }
  })
})

describe('pages pass axe-core, best practices included', () => {
  for (const lang of LANGS) {
    it(`/, /card, its error page and /source in ${lang}, light and dark`, async () => {
      // bypassCSP only lets axe itself in: our pages' CSP refuses inline scripts, rightly.
      const { page, context } = await watchedPage(browser, { bypassCSP: true })
      // Each page in both of the reader's schemes (an explicit theme in its own); /source is one page in every language.
      const pages = [[`/?hl=${lang}`], [`/card?lang=${lang}&variant=full`], [`/card?lang=${lang}&theme=light`, 'light'], [`/card?lang=${lang}&theme=dark`, 'dark'],
        [`/card?lang=${lang}&variant=stat`], [`/source?hl=${lang}`], [`/card?lang=${lang}&variant=none`, 'light']]
      for (const [path, only] of pages) {
        await page.emulateMedia({ colorScheme: only ?? 'light' })
        await page.goto(worker.origin + path)
        // Loaded (goto waits for the load event), and on / its live previews drawn.
        if (path.startsWith('/?')) {
          await page.waitForFunction(() => document.querySelector('#script-preview xiaomi-ev-card')?.shadowRoot?.querySelector('article'))
          for (const f of page.frames()) await f.waitForLoadState()
        }
        await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)))
        for (const scheme of only ? [only] : ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme })
          assert.deepEqual(await axe(page), [], `${path} ${scheme}`)
        }
      }
      await context.close()
    })
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
    // #777777 on white: 4.48:1, under WCAG AA. The page says what the API would answer, in the page's words (data/ui.json).
    await page.fill('input[name=accent]', '#777777')
    const refusal = await (await fetch(`${worker.origin}/v1/card.html?lang=en&variant=compact&theme=light&accent=%23777777`)).json()
    assert.equal(await page.textContent('#contrast'), contrastWarning(refusal, 'en'))
    await page.fill('input[name=accent]', '#0a5c36')
    await page.fill('input[name=radius]', '4')
    await page.selectOption('select[name=font]', 'Georgia, serif')
    assert.equal(await page.textContent('#contrast'), '')
    const look = { accent: '#0a5c36', radius: '4', font: 'Georgia, serif' }
    const query = new URLSearchParams({ lang: 'en', variant: 'compact', theme: 'light', ...look })
    assert.equal(new URL(await page.$eval('#iframe-preview iframe', (f) => f.src)).search, `?${query}`)
    assert.equal(await page.inputValue('#snip-server'), `${worker.origin}/v1/card.html?${query}`)
    assert.equal((await fetch(await page.inputValue('#snip-server'))).status, 200)
    assert.match(await page.inputValue('#snip-script'), /<xiaomi-ev-card [^>]*style="--xc-accent:#0a5c36;--xc-radius:4px;--xc-font:&quot;Georgia&quot;,serif;display:block;font-size:medium;min-height:18.75em">/)
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

  it("warns about contrast in the page's language, as the API refuses it, without script and with it", async () => {
    const refusal = await (await fetch(`${worker.origin}/v1/card.html?lang=en&variant=compact&theme=light&accent=%23777777`)).json()
    const { page, context, errors } = await watchedPage(browser)
    for (const lang of LANGS) {
      // Drawn by the server from the query, then by the page's script as the options change.
      await page.goto(`${worker.origin}/?hl=${lang}&theme=light&custom=accent&accent=%23777777`)
      assert.equal(await page.textContent('#contrast'), contrastWarning(refusal, lang), lang)
      await page.fill('input[name=accent]', '#0a5c36')
      await page.waitForFunction(() => document.querySelector('#contrast').textContent === '')
      await page.fill('input[name=accent]', '#777777')
      await page.waitForFunction((expected) => document.querySelector('#contrast').textContent === expected, contrastWarning(refusal, lang))
    }
    assert.deepEqual(errors, [])
    await context.close()
  })
})

// Every word a reader of a Chinese page reads in the page's own language (not inside an element
// marked as another language, not code, not a snippet) is that language's, from data/: a Latin
// word there is a name or a term that language's strings in data/ui.json write themselves
// (WordPress, iframe, og:title), and no English UI string of data/ui.json shows up at all.
describe("the pages' own words, in each language", () => {
  const ui = JSON.parse(readFileSync(new URL('../../data/ui.json', import.meta.url), 'utf8'))
  const strings = (value) => (typeof value == 'string' ? [value] : Object.values(value).flatMap(strings))
  const words = (text) => text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []
  const { corrections } = data('corrections.json')
  for (const lang of LANGS.filter((l) => l != 'en')) {
    it(`/, /source and /card's error page in ${lang} have no untranslated English besides names and code`, async () => {
      // The language's own strings, its facts' (names such as AIoT) and its translations of the corrections (the English they quote).
      const facts = data('facts.json').facts
      const translated = corrections.flatMap((c) => [c.translated[lang].what, c.translated[lang].why])
      const own = new Set([...strings(ui[lang]), ...translated, ...facts.flatMap((f) => [f.text, f.label, f.attribution].map((t) => t?.[lang] ?? ''))].flatMap(words))
      // English sentences of the UI (two words or more) that the language's own strings do not also write, and the corrections' English record.
      const english = [...strings(ui.en).filter((s) => words(s).length > 1 && !strings(ui[lang]).includes(s)), ...corrections.flatMap((c) => [c.what, c.why])]
      // What /source must say in the language: how to verify (up to each link), and every correction's translation.
      const verify = strings(ui[lang].source.verify).map((s) => s.split('{directory}')[0].trim())
      const { page, context } = await watchedPage(browser)
      // / with a faint custom colour, so its contrast warning is on the page.
      for (const path of [`/?hl=${lang}&theme=light&custom=accent&accent=%23777777`, `/source?hl=${lang}`, `/card?lang=${lang}&variant=none`]) {
        await page.goto(worker.origin + path)
        if (path.startsWith('/?')) assert.ok(await page.textContent('#contrast'), `${path}: a contrast warning`)
        const texts = await page.evaluate(() => {
          const skip = 'script, style, textarea, code, [translate="no"]'
          const out = []
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
          for (let node; (node = walker.nextNode()); ) {
            const el = node.parentElement
            if (!node.data.trim() || el.closest(skip) || el.closest('[lang]').lang != document.documentElement.lang) continue
            out.push(node.data.trim())
          }
          // What assistive technology reads out, too.
          for (const el of document.body.querySelectorAll('[aria-label], [title]')) {
            if (el.closest('[lang]').lang == document.documentElement.lang) out.push(...['aria-label', 'title'].map((a) => el.getAttribute(a)).filter(Boolean))
          }
          return out
        })
        assert.ok(texts.length > 3, `${path}: the page has text`)
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, path)
        const foreign = texts.flatMap((t) => words(t).filter((w) => !own.has(w)).map((w) => `"${w}" in "${t}"`))
        assert.deepEqual(foreign, [], `${path}: Latin words that are not ${lang}'s own`)
        const untranslated = english.filter((s) => texts.some((t) => t.includes(s)))
        assert.deepEqual(untranslated, [], `${path}: English UI strings`)
        if (path.startsWith('/source')) {
          const missing = [...verify, ...translated].filter((s) => !texts.some((t) => t.includes(s)))
          assert.deepEqual(missing, [], `${path}: the verification section and the corrections' translations, in ${lang}`)
        }
      }
      await context.close()
    })
  }
})
