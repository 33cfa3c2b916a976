// node bench/preact-cost.mjs: what Preact costs the script embed's time to the styled card.
// Builds embed.js twice from widget/embed.tsx, as scripts/build.mjs does: once as shipped, once
// with Preact swapped for a few lines that write the same JSX as HTML into the shadow root
// (bench/no-preact.mjs: no diffing, no hydration; for this measurement only). Both are served from
// one loopback origin that passes /v1/card on to the worker, so they differ only by Preact.
// Chromium, CPU ×4, slow 4G, the snippet exactly as / writes it; the embeds take turns load by
// load, beside the floor (the card inline); time to the styled card read as bench/run.mjs reads
// it. BENCH_RUNS loads each (11).
import { build, transform } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, freePort, startHost, startWorker } from '../test/browser/harness.mjs'
import { article, publishedSnippets } from './lighthouse.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 11)
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const at = (path) => new URL(`../${path}`, import.meta.url).pathname

// scripts/build.mjs's bundle(), with or without Preact.
const cssAsText = {
  name: 'css-as-text',
  setup: (b) =>
    b.onLoad({ filter: /\.css$/ }, async (args) => ({
      contents: `export default ${JSON.stringify((await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true })).code.trim())}`,
      loader: 'js',
    })),
}
const noPreact = { name: 'no-preact', setup: (b) => b.onResolve({ filter: /^preact(\/jsx-runtime)?$/ }, () => ({ path: at('bench/no-preact.mjs') })) }
const bundle = async (plugins) =>
  (
    await build({
      entryPoints: [at('widget/embed.tsx')], bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, legalComments: 'none',
      jsx: 'automatic', jsxImportSource: 'preact', define: { 'process.env.NODE_ENV': '"production"' }, plugins,
    })
  ).outputFiles[0].text
const scripts = { '/with-preact.js': await bundle([cssAsText]), '/without-preact.js': await bundle([cssAsText, noPreact]) }

const app = await startWorker()
const keepWarm = setInterval(() => fetch(`${app.origin}/v1/source`, { method: 'HEAD' }).catch(() => {}), 1_000)
// The scripts' origin: each script, gzip as the worker sends it, and /v1/card passed on, CORS and all.
const port = await freePort()
const cdn = `http://127.0.0.1:${port}`
const server = createServer(async (req, res) => {
  const url = new URL(req.url, cdn)
  const gz = /gzip/.test(req.headers['accept-encoding'] ?? '')
  if (scripts[url.pathname]) {
    const body = scripts[url.pathname]
    return res.writeHead(200, { 'Content-Type': 'text/javascript', ...(gz && { 'Content-Encoding': 'gzip' }) }).end(gz ? gzipSync(body) : body)
  }
  const upstream = await fetch(app.origin + url.pathname + url.search)
  const body = Buffer.from(await upstream.arrayBuffer())
  res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('Content-Type'), 'Access-Control-Allow-Origin': '*', ...(gz && { 'Content-Encoding': 'gzip' }) }).end(gz ? gzipSync(body) : body)
})
await new Promise((r) => server.listen(port, '127.0.0.1', r))

const snippet = (await publishedSnippets(app.origin))('script')
const via = (name) => snippet.replaceAll(app.origin, cdn).replace(/\/embed\.js/, `/${name}.js`)
// The floor, as bench/run.mjs takes it: the card's HTML and CSS inline in the page; the limit is
// the floor plus one round trip.
const cardHtml = await (await fetch(`${app.origin}/card?lang=en&variant=compact`)).text()
const floor = `<style>${cardHtml.match(/<style>([^]*?)html,body\{/)[1]}</style>${cardHtml.match(/<main[^>]*>[^]*<\/main>/)[0]}`
const EMBEDS = { floor, 'with Preact': via('with-preact'), 'without Preact': via('without-preact') }
const slug = (kind) => `/${kind.replace(/ /g, '-')}`
const host = await startHost(Object.fromEntries(Object.entries(EMBEDS).map(([kind, embed]) => [slug(kind), article(embed)])))

const STYLED = 'styled-at '
const STYLED_CARD = ({ STYLED }) => {
  const styled = (root) => {
    const v = root?.querySelector('.xc-v')
    return v && v.getBoundingClientRect().height > 0 && getComputedStyle(v).fontWeight == '700'
  }
  const tick = () => {
    if ([document, ...[...document.querySelectorAll('xiaomi-ev-card')].map((e) => e.shadowRoot)].some(styled)) console.debug(STYLED + (performance.timeOrigin + performance.now()))
    else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup'],
})
const times = Object.fromEntries(Object.keys(EMBEDS).map((k) => [k, []]))
try {
  for (let i = 0; i < RUNS; i++) {
    for (const kind of Object.keys(EMBEDS)) {
      const context = await browser.newContext()
      await context.addInitScript(STYLED_CARD, { STYLED })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      const styledAt = new Promise((resolve, reject) => {
        page.on('console', (m) => m.text().startsWith(STYLED) && resolve(Number(m.text().slice(STYLED.length))))
        setTimeout(() => reject(new Error(`${kind}, load ${i + 1}: no styled card in 30 s`)), 30_000)
      })
      await page.goto(`${host.origin}${slug(kind)}`, { waitUntil: 'commit' })
      times[kind].push((await styledAt) - (await page.evaluate(() => performance.timeOrigin)))
      await context.close()
    }
  }
  const gz = (s) => gzipSync(s, { level: 9 }).length
  const [floors, withP, withoutP] = Object.values(times)
  const limit = Math.round(median(floors)) + SLOW_4G.latency
  const toLimit = (ts) => `×${(median(ts) / limit).toFixed(2)}, paired ×${median(ts.map((t, i) => t / (floors[i] + SLOW_4G.latency))).toFixed(2)}`
  console.log(`Floor (the card inline) ${Math.round(median(floors))} ms; limit, floor + 1 RTT: ${limit} ms`)
  console.log(`| embed.js, CPU ×4, slow 4G, median of ${RUNS} | bytes (gzip) | time to styled card | × limit |`)
  console.log('| --- | --- | --- | --- |')
  for (const [kind, name] of [['with Preact', '/with-preact.js'], ['without Preact', '/without-preact.js']])
    console.log(`| ${kind} | ${scripts[name].length} (${gz(scripts[name])}) | ${Math.round(median(times[kind]))} ms (runs ${times[kind].map(Math.round).join(', ')}) | ${toLimit(times[kind])} |`)
  console.log(`Preact's cost, paired by round: ${Math.round(median(withP.map((t, i) => t - withoutP[i])))} ms (×${(median(withP.map((t, i) => t / withoutP[i]))).toFixed(2)})`)
} finally {
  clearInterval(keepWarm)
  await browser.close()
  await host.stop()
  server.close()
  app.stop()
}
process.exit(0)
