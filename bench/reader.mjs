// node bench/reader.mjs: what a reader's text size does to the card, and what a strict-CSP host
// pays for the server-side card's stylesheet. Prints each figure; run it on two trees for the
// before and after (docs/theming.md quotes them). Needs only the test dependencies.
//
// - the card's body-text size (a figure's label and the card's own font size) at a 16 and a 24 px
//   default, in each embed: script, iframe (/card), server-side (/v1/card.html), the builder's preview;
// - CLS, summed from layout-shift entries, for the script snippet at 360 and 640 px, at both sizes;
// - /card's bytes (gzip) and the script path's (embed.js plus /v1/card, gzip, the worst card);
// - time to the styled server-side card three ways in the same run, taking turns: its <style>
//   (no CSP), a <style nonce>, and a <link> to the hashed stylesheet, on slow 4G at CPU ×4.
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, cardLangs, startHost, startWorker } from '../test/browser/harness.mjs'

// (bench/lighthouse.mjs's host article and snippet reader, which import Lighthouse: bench's own dependency)
const unescape = (s) => s.replace(/&(lt|gt|quot|#39|amp);/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e])
const publishedSnippets = async (origin) => {
  const home = await (await fetch(`${origin}/?lang=en&variant=compact`)).text()
  return (id) => unescape(home.match(new RegExp(`<textarea id="snip-${id}"[^>]*>([^]*?)</textarea>`))[1])
}
const article = (embed) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A publisher's article</title><style>body{margin:0 auto;max-width:680px;padding:8px;font:1.0625rem/1.6 Georgia,serif}</style></head>
<body><main><article><h1>Xiaomi goes electric</h1><p>The publisher's own reporting, before the card.</p>${embed}<p>And after it.</p></article></main></body></html>`
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const gzip = async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }

const app = await startWorker()
const snippet = await publishedSnippets(app.origin)
const fragment = await (await fetch(`${app.origin}/v1/card.html?lang=en&variant=compact`)).text()
const shifts = `<script>window.__shift = 0
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __shift += e.value }).observe({ type: 'layout-shift', buffered: true })</script>`
const pages = {
  '/script': article(snippet('script')).replace('</head>', `${shifts}</head>`),
  '/server': article(fragment),
}
// The server-side card's stylesheet three ways (only after issue 26 does the route offer the last two).
// The nonce way is the same <style> with the host's nonce on it (what a nonce parameter would
// return), under a CSP that allows only that nonce; the link way under one that allows our origin.
const linked = await fetch(`${app.origin}/v1/card.html?lang=en&variant=compact&stylesheet=link`)
const styled = {
  'inline <style>': { body: article(fragment) },
  '<style nonce>': { body: article(fragment.replace('<style>', '<style nonce="bench">')), headers: { 'Content-Security-Policy': "style-src 'nonce-bench'" } },
  ...(linked.ok && { '<link> to the hashed sheet': { body: article(await linked.text()), headers: { 'Content-Security-Policy': `style-src ${app.origin}` } } }),
}
for (const [n, page] of Object.values(styled).entries()) pages[`/styled-${n}`] = page
const host = await startHost(pages)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })

async function open({ width = 640, fontSize = 16, throttle = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Page.enable')
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontSize } })
  if (throttle) {
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  }
  return { page, context }
}
const inCard = () => {
  const el = document.querySelector('xiaomi-ev-card')
  const a = el?.shadowRoot?.querySelector('article')
  if (!a) return null
  const px = (e) => e && getComputedStyle(e).fontSize
  return { card: px(a), label: px(a.querySelector('dt')), value: px(a.querySelector('.xc-v')), height: a.getBoundingClientRect().height }
}

const out = { textSize: {}, cls: {}, bytes: {}, styledMs: {} }
try {
  for (const fontSize of [16, 24]) {
    for (const [embed, path] of [['script', '/script'], ['server-side', '/server'], ['builder preview', '/']]) {
      const { page, context } = await open({ fontSize })
      await page.goto(path == '/' ? `${app.origin}/?lang=en&variant=compact` : `${host.origin}${path}`)
      await page.waitForFunction(() => document.querySelector('xiaomi-ev-card')?.shadowRoot?.querySelector('article'))
      out.textSize[`${embed} ${fontSize}px`] = await page.evaluate(inCard)
      await context.close()
    }
    // /card itself: DevTools' font sizes do not reach a frame from another origin (its own renderer).
    const { page, context } = await open({ fontSize })
    await page.goto(`${app.origin}/card?lang=en&variant=compact`)
    out.textSize[`iframe (/card) ${fontSize}px`] = await page.$eval('article', (a) => {
      const px = (e) => getComputedStyle(e).fontSize
      return { card: px(a), label: px(a.querySelector('dt')), value: px(a.querySelector('.xc-v')), height: a.getBoundingClientRect().height }
    })
    await context.close()
    for (const width of [360, 640]) {
      const { page, context } = await open({ fontSize, width })
      await page.goto(`${host.origin}/script`)
      await page.waitForFunction(() => document.querySelector('xiaomi-ev-card')?.shadowRoot?.querySelector('article'))
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))))
      out.cls[`script ${fontSize}px ${width}px`] = Math.round((await page.evaluate(() => window.__shift)) * 1e4) / 1e4
      await context.close()
    }
  }
  out.bytes['/card gzip'] = await gzip(`${app.origin}/card?lang=en&variant=compact`)
  out.bytes['/card raw'] = (await (await fetch(`${app.origin}/card?lang=en&variant=compact`)).arrayBuffer()).byteLength
  const script = await gzip(`${app.origin}/embed.js`)
  const paths = []
  for (const lang of cardLangs()) for (const q of ['variant=compact', 'variant=stat&fact=cash-reserve', 'variant=stat&fact=connected-devices']) paths.push(script + (await gzip(`${app.origin}/v1/card?lang=${lang}&${q}`)))
  out.bytes['embed.js gzip'] = script
  out.bytes['script path, worst compact/stat, gzip'] = Math.max(...paths)

  // Time to the styled server-side card: a figure laid out bold, checked each frame before paint.
  const times = Object.fromEntries(Object.keys(styled).map((k) => [k, []]))
  for (let i = 0; i < RUNS; i++) {
    for (const [n, kind] of Object.keys(styled).entries()) {
      const { page, context } = await open({ throttle: true })
      await context.addInitScript(() => {
        const tick = () => {
          const v = document.querySelector('xiaomi-ev-card')?.shadowRoot?.querySelector('.xc-v')
          if (v && getComputedStyle(v).fontWeight == '700') window.__styledAt = performance.now()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
      await page.goto(`${host.origin}/styled-${n}`)
      await page.waitForFunction(() => window.__styledAt, null, { timeout: 60_000 })
      times[kind].push(await page.evaluate(() => window.__styledAt))
      await context.close()
    }
  }
  for (const [kind, t] of Object.entries(times)) out.styledMs[kind] = { median: Math.round(median(t)), runs: t.map(Math.round) }
  console.log(JSON.stringify(out, null, 2))
} finally {
  await browser.close()
  await host.stop()
  app.stop()
}
