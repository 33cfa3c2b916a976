// npm run bench: builds, starts what it needs on 127.0.0.1, measures, stops it all, prints a
// table and writes bench/results/latest.json. Every load is bounded in time and count.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import autocannon from 'autocannon'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, startHost, startWorker } from '../test/browser/harness.mjs'
import { article, lighthouseBench, lighthouseTable, publishedSnippets } from './lighthouse.mjs'
import { measureEdge } from './coldstart.mjs'
import { apiBench, apiTable } from './api.mjs'
import { targetsTable, timingTable } from './targets.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
// BENCH_ONLY=timing: bytes and time to card only, printed, nothing written (a quick look while working).
const TIMING_ONLY = process.env.BENCH_ONLY == 'timing'
// BENCH_ONLY=api: the API's cost per request beside its replay only, printed, nothing written.
const API_ONLY = process.env.BENCH_ONLY == 'api'
const API_ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 5)
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d
const gzip = (b) => gzipSync(b, { level: 9 }).length
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

// Lighthouse's "slow 4G" and a mid-range phone's CPU.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
const CPU_SLOWDOWN = 4

// docs/performance.md quotes the latest run between these markers: checked before a long run, not after.
const BENCH_BLOCK = /<!-- bench:start -->[^]*<!-- bench:end -->/
const docUrl = new URL('../docs/performance.md', import.meta.url)
const doc = await readFile(docUrl, 'utf8')
if (!BENCH_BLOCK.test(doc)) throw new Error('docs/performance.md has no <!-- bench:start --> … <!-- bench:end --> markers')

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' })
// Upload size and Miniflare cold start, each beside a bare Hono worker's (bench/coldstart.mjs):
// first, while nothing else the bench starts (wrangler dev, Chromium, the loads) is running or exiting.
const edge = API_ONLY || TIMING_ONLY ? undefined : await measureEdge({ runs: RUNS })
const app = await startWorker()
if (API_ONLY) {
  console.log(apiTable(await apiBench({ origin: app.origin, seconds: LOAD_SECONDS, rounds: API_ROUNDS })))
  app.stop()
  process.exit(0)
}
// wrangler dev 4.84's proxy loses a GET whose pooled connection to the worker closes as it is
// sent (their idle timeout is 5 s, about the gap the loads that never reach the worker leave): it
// takes the error for a reload and holds the request until another one reaches the proxy, or for
// ever (workers-sdk#14593, fixed in wrangler 4.114). A HEAD a second keeps that connection busy.
const keepWarm = setInterval(() => fetch(`${app.origin}/v1/source`, { method: 'HEAD' }).catch(() => {}), 1_000)
const cardHtml = await (await fetch(`${app.origin}/card?lang=en&variant=compact`)).text()
// The floor: the same card's HTML and CSS inline in the page, nothing to fetch. Only the card's
// CSS: /card's own page rules (html, body margins) would move the host article's body.
const cardCss = cardHtml.match(/<style>([^]*?)html,body\{/)[1]
const inline = `<style>${cardCss}</style>${cardHtml.match(/<main[^>]*>[^]*<\/main>/)[0]}`
// Every embed exactly as the publisher's page at / writes it, in one publisher's article
// (bench/lighthouse.mjs), and two variants beside them: the script without its preload line,
// the iframe with loading="lazy" (what / wrote before: the frame waits for the host's first layout).
const snippet = await publishedSnippets(app.origin)
const lazyFrame = snippet('iframe').replace(/ loading="[^"]*"|(?=><\/iframe>)/, ' loading="lazy"')
// The least any iframe embed can cost here: a frame from another origin holding one bold word
// (what STYLED_CARD waits for) and nothing else. Its distance above the limit is the browser's
// own cost of a frame (a second document to commit, style, lay out and paint) plus a round trip.
const oneWord = await startHost({ '/word': '<!doctype html><html lang="en"><meta charset="utf-8"><title>One word</title><b class="xc-v">RMB 10 billion</b>' })
const frameFloor = `<iframe src="${oneWord.origin}/word" title="One word" height="300" style="width:100%;border:0"></iframe>`
const fragmentRes = await fetch(`${app.origin}/v1/card.html?lang=en&variant=compact`)
// (absent before issue 17: the bench also runs on an older tree, for the before-and-after)
const fragment = fragmentRes.ok ? await fragmentRes.text() : undefined

const observers = `<script>
  window.__shift = 0; window.__long = []
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __shift += e.value }).observe({ type: 'layout-shift', buffered: true })
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __long.push(e.duration) }).observe({ type: 'longtask', buffered: true })
</script>`
const page = (embed) => article(embed).replace('</head>', `${observers}</head>`)
// The floor's own floor: one bold word inline in the same article. The reference's distance above
// it is what the card itself costs to fetch, style and lay out, which every embed pays and the
// iframe floor does not.
const EMBEDS = {
  reference: inline,
  'one word inline': '<b class="xc-v">RMB 10 billion</b>',
  script: snippet('script'),
  'script without preload': snippet('script').replace(/^<link rel="preload"[^>]*>\n/, ''),
  iframe: snippet('iframe'),
  // The frame alone, without the parent script that sizes it: what resize.js costs the card.
  'iframe without resize.js': snippet('iframe').replace(/\n<script[^>]*><\/script>$/, ''),
  ...(lazyFrame != snippet('iframe') && { 'iframe lazy': lazyFrame }),
  'iframe floor': frameFloor,
  ...(fragment && { 'server-side': fragment }),
}
const slug = (kind) => `/${kind.replace(/ /g, '-')}`
const host = await startHost(Object.fromEntries(Object.entries(EMBEDS).map(([kind, embed]) => [slug(kind), page(embed)])))

// Time to the styled card, one method for every embed: a few lines that run before anything
// else in every frame (page and iframe) check each animation frame, before it paints, whether a
// figure is laid out in the card's own CSS (its value bold), and say the wall-clock time on the
// console. Nothing of Playwright's runs in the page until then: its waitForFunction or
// waitForSelector first injects its own script, whose compiling and running under the CPU
// throttle delayed the floor by about 50 ms (and the old poll from outside, more: docs/theming.md).
const STYLED = 'xiaomi-ev-card:styled-at '
// A card that gives up (its `error`: the data did not come within embed.js's timeout, or came
// broken) shows the publisher's link for good: the load is reported as failed at once, with what
// the page saw of /v1/card, instead of waiting out the clock for a card that will not come.
const FAILED = 'xiaomi-ev-card:error '
const STYLED_CARD = ({ STYLED, FAILED }) => {
  document.addEventListener('error', (e) => {
    if (e.target.localName != 'xiaomi-ev-card') return
    const card = performance.getEntriesByType('resource').filter((r) => r.name.includes('/v1/card'))
    console.debug(FAILED + `at ${Math.round(performance.now())} ms; /v1/card requests: ${JSON.stringify(card.map((r) => ({ by: r.initiatorType, start: Math.round(r.startTime), end: Math.round(r.responseEnd) })))}`)
  }, true)
  const styled = (root) => {
    const v = root?.querySelector('.xc-v')
    return v && v.getBoundingClientRect().height > 0 && getComputedStyle(v).fontWeight == '700'
  }
  const tick = () => {
    if ([document, ...[...document.querySelectorAll('xiaomi-ev-card')].map((e) => e.shadowRoot)].some(styled)) {
      window.__styledAt = performance.timeOrigin + performance.now()
      console.debug(STYLED + window.__styledAt)
    } else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

// A phone's Chrome keeps a cross-site iframe in the page's renderer process (Android isolates
// only sites one logs into); desktop Chromium would put /card in a process of its own, which
// Emulation.setCPUThrottlingRate on the page does not reach: the frame's work would run at full
// speed while the host's runs at ×4. So one process, and a check that the frame is in it.
// Desktop Chromium also starts, now and then during a load, a renderer for its omnibox's popup
// (a WebUI page of some 200 files): no phone has it, and on a 2-core machine it took CPU from
// whichever load it fell on, by up to 100 ms. Off, so every load measures the page alone.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--disable-site-isolation-trials', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup'],
})
// Everything the bench started, stopped the same way on both of its ways out.
const stopAll = async () => {
  clearInterval(keepWarm)
  await browser.close()
  await host.stop()
  await oneWord.stop()
  app.stop()
}
const results = { date: new Date().toISOString(), runs: RUNS, emulation: { cpuSlowdown: CPU_SLOWDOWN, network: 'slow 4G (150 ms RTT, 1.6 Mbps down)' } }

try {
  // Bytes: every response a card costs the host page, compressed as a CDN would send it.
  results.bytes = {}
  for (const kind of ['script', 'iframe']) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const bodies = []
    page.on('response', async (r) => {
      if (r.url().startsWith(app.origin)) bodies.push(r.body().then((b) => ({ url: r.url(), b })).catch(() => null))
    })
    await page.goto(`${host.origin}/${kind}`, { waitUntil: 'networkidle' })
    const got = (await Promise.all(bodies)).filter(Boolean)
    results.bytes[kind] = {
      requests: got.length,
      raw: got.reduce((n, { b }) => n + b.length, 0),
      gzip: got.reduce((n, { b }) => n + gzip(b), 0),
      brotli: got.reduce((n, { b }) => n + brotli(b), 0),
      paths: got.map(({ url }) => new URL(url).pathname),
    }
    await context.close()
  }

  // The script path of every kind of card: embed.js plus its one data request.
  const scriptBytes = gzip(Buffer.from(await (await fetch(`${app.origin}/embed.js`)).arrayBuffer()))
  results.bytes.scriptPathByCard = {}
  for (const variant of ['compact', 'stat', 'full']) {
    for (const lang of ['en', 'zh-CN', 'zh-HK', 'zh-TW']) {
      const data = Buffer.from(await (await fetch(`${app.origin}/v1/card?variant=${variant}&lang=${lang}`)).arrayBuffer())
      results.bytes.scriptPathByCard[`${variant} ${lang}`] = scriptBytes + gzip(data)
    }
  }

  // Time to card on an emulated phone, and what each embed does to the host page. The embeds
  // take turns load by load, so a busy spell on a shared machine falls on all of them alike.
  results.timing = {}
  const seen = Object.fromEntries(Object.keys(EMBEDS).map((kind) => [kind, { times: [], shifts: [], longTasks: [] }]))
  for (let i = 0; i < RUNS; i++) {
    for (const kind of Object.keys(EMBEDS)) {
      const context = await browser.newContext()
      await context.addInitScript(STYLED_CARD, { STYLED, FAILED })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
      let timer
      const styledAt = new Promise((resolve, reject) => {
        page.on('console', (m) => {
          if (m.text().startsWith(STYLED)) resolve(Number(m.text().slice(STYLED.length)))
          if (m.text().startsWith(FAILED)) reject(new Error(`${kind}, load ${i + 1}: the card fired error ${m.text().slice(FAILED.length)}`))
        })
        // Should the console message go astray, the time is also in the page: read it late, when
        // reading it can no longer delay the card.
        const late = async (tries) => {
          const at = (await Promise.all(page.frames().map((f) => f.evaluate(() => window.__styledAt).catch(() => undefined)))).find(Boolean)
          if (at) resolve(at)
          else if (tries) timer = setTimeout(() => late(tries - 1), 5_000)
          else reject(new Error(`${kind}: no styled card in 60 s`))
        }
        timer = setTimeout(() => late(10), 10_000)
      })
      await page.goto(`${host.origin}${slug(kind)}`, { waitUntil: 'commit' })
      const at = await styledAt.finally(() => clearTimeout(timer))
      seen[kind].times.push(at - (await page.evaluate(() => performance.timeOrigin)))
      const frame = page.frames()[1]
      if (kind.startsWith('iframe') && (await context.newCDPSession(frame).then(() => true, () => false))) throw new Error('the iframe has a renderer process of its own: the CPU throttle would not reach it')
      await page.waitForTimeout(500)
      const after = await page.evaluate(() => ({ shift: window.__shift, long: window.__long }))
      seen[kind].shifts.push(after.shift)
      seen[kind].longTasks.push(after.long.filter((d) => d > 50).length)
      await context.close()
    }
  }
  for (const [kind, { times, shifts, longTasks }] of Object.entries(seen)) {
    results.timing[kind] = { medianMs: round(median(times)), runsMs: times.map((t) => round(t)), cls: round(Math.max(...shifts), 4), longTasks: Math.max(...longTasks) }
  }
  // Each goal's baseline, from the same run: the floor (the card inline in the page); the limit for
  // a third-party embed, the floor plus the one round trip its own origin costs; and for an
  // iframe, the iframe floor (a frame holding one word), which no frame can beat.
  const floor = results.timing.reference.medianMs
  results.timing.limitMs = round(floor + SLOW_4G.latency)
  const frameFloor = seen['iframe floor'].times
  for (const kind of Object.keys(EMBEDS)) {
    const times = seen[kind].times, r = results.timing[kind]
    r.ratio = round(r.medianMs / floor, 2)
    r.toLimit = round(r.medianMs / results.timing.limitMs, 2)
    r.toFrameFloor = round(r.medianMs / results.timing['iframe floor'].medianMs, 2)
    // Each round loads every embed within seconds of the others: the median of the per-round
    // ratios cancels most of a shared machine's drift (the goals still read the medians).
    const paired = (base) => round(median(times.map((t, i) => t / base(i))), 2)
    r.pairedRatio = paired((i) => seen.reference.times[i])
    r.pairedToLimit = paired((i) => seen.reference.times[i] + SLOW_4G.latency)
    r.pairedToFrameFloor = paired((i) => frameFloor[i])
  }
  results.timing.loads = RUNS * Object.keys(EMBEDS).length
  // No frame that shows the card can beat the iframe floor plus the card's own cost in a page.
  results.timing.cardCostMs = round(floor - results.timing['one word inline'].medianMs)
  results.timing.cardCostPairedMs = round(median(seen.reference.times.map((t, i) => t - seen['one word inline'].times[i])))

  if (TIMING_ONLY) {
    console.log(JSON.stringify({ bytes: results.bytes.scriptPathByCard, timing: results.timing }, null, 2))
    console.log(`\n${timingTable(results)}`)
    await stopAll()
    process.exit(0)
  }
  results.lighthouse = await lighthouseBench(app.origin)

  // API cost per request, each route in turn with a constant worker replaying its answer.
  results.api = await apiBench({ origin: app.origin, seconds: LOAD_SECONDS, rounds: API_ROUNDS })
  const load = (url, extra = {}) => autocannon({ url, connections: 10, duration: LOAD_SECONDS, ...extra })

  // A hostile mix, valid and invalid: no transport error and no 5xx may come back.
  const mix = [
    '/v1/card?lang=en', '/v1/facts?lang=zh', '/card?variant=full', '/v1/facts?lang=xx', '/v1/nope',
    '/card?variant=%3Cscript%3E', '/oembed?url=javascript%3Aalert(1)', `/v1/facts/${'a'.repeat(500)}`, '/v1/card?variant=stat&fact=nope',
  ]
  const statuses = {}
  const mixed = await load(app.origin, {
    requests: mix.map((path) => ({ method: 'GET', path })),
    setupClient: (client) => client.on('response', (status) => (statuses[status] = (statuses[status] ?? 0) + 1)),
  })
  results.load = {
    mix, seconds: LOAD_SECONDS, requests: mixed.requests.total, errors: mixed.errors, timeouts: mixed.timeouts,
    serverErrors: Object.entries(statuses).filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0),
    statuses, p99: mixed.latency.p99,
  }
} finally {
  await stopAll()
}

results.edge = edge
results.worker = { rawKiB: results.edge.app.rawKiB, gzipKiB: results.edge.app.gzipKiB }

await mkdir(new URL('results/', import.meta.url), { recursive: true })
await writeFile(new URL('results/latest.json', import.meta.url), JSON.stringify(results, null, 2) + '\n')

const b = results.bytes, t = results.timing, a = results.api
const table = `| Figure | Script embed | Iframe embed | Inline reference |
| --- | --- | --- | --- |
| Requests per card | ${b.script.requests} | ${b.iframe.requests} | 0 |
| Bytes per card, gzip / brotli | ${b.script.gzip} / ${b.script.brotli} B | ${b.iframe.gzip} / ${b.iframe.brotli} B | 0 |
| Time to styled card, median of ${RUNS} (CPU ×${CPU_SLOWDOWN}, slow 4G) | ${t.script.medianMs} ms (×${t.script.ratio}) | ${t.iframe.medianMs} ms (×${t.iframe.ratio}) | ${t.reference.medianMs} ms (×1) |
| Layout shift (CLS) | ${t.script.cls} | ${t.iframe.cls} | ${t.reference.cls} |
| Long tasks > 50 ms | ${t.script.longTasks} | ${t.iframe.longTasks} | ${t.reference.longTasks} |

${apiTable(a)}

Script path (embed.js + data, gzip) by card: ${Object.entries(b.scriptPathByCard).map(([k, v]) => `${k} ${v} B`).join(', ')}.
Hostile mix (${results.load.mix.length} paths, ${LOAD_SECONDS} s): ${results.load.requests} requests, ${results.load.errors} transport errors, ${results.load.timeouts} timeouts, ${results.load.serverErrors} 5xx, p99 ${results.load.p99} ms; statuses ${JSON.stringify(results.load.statuses)}.
Worker upload (\`wrangler deploy --dry-run\`): ${results.worker.rawKiB} KiB, ${results.worker.gzipKiB} KiB gzip.

${timingTable(results)}

${targetsTable(results)}

${lighthouseTable(results.lighthouse)}`
console.log(`\n${table}\n\nWritten to bench/results/latest.json and docs/performance.md`)

// The latest run, never a remembered one.
await writeFile(docUrl, doc.replace(BENCH_BLOCK, () => `<!-- bench:start -->\n${table}\n<!-- bench:end -->`))
process.exit(0)
