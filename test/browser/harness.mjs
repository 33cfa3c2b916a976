// Shared by the browser tests and bench/run.mjs: the worker under `wrangler dev`, a host page on another
// loopback origin, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

const readJson = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))

/** The languages the data has words for (data/locale.json), so a language added there is tested without an edit. */
export const cardLangs = () => Object.keys(readJson('data/locale.json'))

/** The card heights the build promises, every test's one source of them: the card catalogue
 *  (dist/public/data/cards.json). A fixed-height variant maps to its one height; a growing one to its height
 *  per language and frame width (measured by scripts/measure-heights.mjs). */
export function cardHeights() {
  const heights = {}
  for (const { model, height } of Object.values(readJson('dist/public/data/cards.json').cards))
    if (typeof height == 'number') heights[model.variant] = height
    else (heights[model.variant] ??= {})[model.lang] = height
  return heights
}

/** How many device pixels a PNG of `shape` has per CSS px (the catalogue's). */
/** What the builder at / says of the API's refusal (a 400's invalid_params) of one faint custom colour on
 *  the light theme, in the words of data/ui.json for `lang`: the expectation from the API and the data. */
export function contrastWarning(refusal, lang) {
  const [{ name, reason }] = refusal.invalid_params
  const [, ratio, min] = reason.match(/contrast ([\d.]+):1; text needs at least ([\d.]+):1/)
  const w = readJson('data/ui.json')[lang].home.contrast
  const fill = (pattern, slots) => pattern.replace(/\{(\w+)\}/g, (_, k) => slots[k])
  const slots = { role: w.roles[name], scheme: w.schemes.light }
  return fill(w.warning, { colour: fill(w.yours, slots), background: fill(w.backgrounds, slots), ratio, min })
}

export const imageScale = (shape) => Object.values(readJson('dist/public/data/cards.json').cards)[0].images.light[shape].scale

/** A port on loopback that was free a moment ago. */
export async function freePort() {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The app as `npm run dev` serves it: the one worker, with the images as its static assets. */
export const APP_CONFIGS = ['wrangler.toml']

/** `wrangler dev` on a free loopback port; resolves once `ready` answers 200. In a whole run
 *  (test/run.mjs) every file shares the one that XC_WORKER_ORIGIN names, and stop() leaves it. */
export async function startWorker({ config = APP_CONFIGS, ready = '/v1/source' } = {}) {
  if (process.env.XC_WORKER_ORIGIN && config === APP_CONFIGS) return { origin: process.env.XC_WORKER_ORIGIN, stop: () => {} }
  const port = await freePort()
  const configs = [config].flat().flatMap((c) => ['-c', c])
  const child = spawn('npx', ['wrangler', 'dev', ...configs, '--port', String(port), '--ip', '127.0.0.1'], {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`)
    try {
      if ((await fetch(`${origin}${ready}`)).ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  if (Date.now() >= deadline) throw new Error(`wrangler dev did not answer in 60 s:\n${log}`)
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
  // Detached, so it would outlive a test process that exits without its after() hooks.
  process.once('exit', stop)
  return { origin, stop }
}

/** A publisher's site on its own origin: `pages` maps a path to HTML, to { body, headers }, or to a
 *  function of the URL returning that (or a promise of it); `port` when the site must know it first. */
export async function startHost(pages, { port } = {}) {
  port ??= await freePort()
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x')
    const page = pages[url.pathname]
    if (!page) return res.writeHead(404).end('not found')
    const { body, headers = {} } = typeof page === 'function' ? await page(url) : typeof page === 'string' ? { body: page } : page
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(body)
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(r)) }
}

/** Stops what a test file started; safe when starting failed half-way. */
export async function stopAll({ browser, host, worker }) {
  await browser?.close()
  await host?.stop()
  worker?.stop()
}

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** A page that records what a publisher would see go wrong: uncaught errors and console output. */
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const errors = []
  const warnings = []
  const requests = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  page.on('request', (r) => requests.push(r.url()))
  // window.onerror as a host page would install it, before any of our code runs; and what a
  // publisher listening for our events hears: load or error from each card.
  await page.addInitScript(() => {
    window.__hostErrors = []
    window.__cardEvents = []
    window.addEventListener('error', (e) => window.__hostErrors.push(String(e.message)))
    window.addEventListener('unhandledrejection', (e) => window.__hostErrors.push(String(e.reason)))
    for (const type of ['load', 'error'])
      document.addEventListener(type, (e) => e.target.localName == 'xiaomi-ev-card' && window.__cardEvents.push({ type, card: e.target }), true)
  })
  return { context, page, errors, warnings, requests }
}

export const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')

/** axe-core's WCAG 2.x A/AA rules and its best practices on the page, shadow roots and frames
 *  included (a frame's landmarks count with the page's); returns the violations. */
export async function axe(page, selector) {
  for (const frame of page.frames()) if (!(await frame.evaluate(() => !!window.axe))) await frame.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async (include) => {
    const result = await window.axe.run(include ? { include: [[include]] } : document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, selector)
}

/** Text of each card's shadow root, in document order. */
export const cardTexts = (page) =>
  page.$$eval('xiaomi-ev-card', (els) => els.map((el) => el.shadowRoot?.querySelector('article')?.textContent ?? null))

/** Two frames and a task after now: a layout shift the page made has been painted and its
 *  PerformanceObserver entry delivered. A wait on the page's own rendering, never on the clock. */
export const nextFrames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))))

export const waitForCards = (page, count) =>
  page.waitForFunction(
    (n) => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article')).length >= n,
    count,
    { timeout: 15_000 },
  )
