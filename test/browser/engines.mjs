// Every reader's browser behind one small interface, so a scenario is written once and run in
// each engine: Chromium (Debian's, playwright-core), Firefox ESR (Debian's, puppeteer-core over
// WebDriver BiDi) and WebKit (Debian's WebKitGTK: WebKitWebDriver in an Xvfb display, since its
// MiniBrowser has no headless mode, driven over WebDriver classic by selenium-webdriver).
//
//   const engine = await startEngine('firefox')   // { name, version, newPage(), close() }
//   const page = await engine.newPage({ width: 640, height: 900 })
//   await page.goto(url); await page.evaluate((a, b) => …, a, b); await page.waitFor(() => …)
//   await page.press('Tab'); await page.setViewport(320, 900); await page.size('iframe'); await page.close()
//
// Page functions run in the page, so they see only their arguments (JSON values).
import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
import puppeteer from 'puppeteer-core'
import { Builder, Key } from 'selenium-webdriver'
import { CHROMIUM_ARGS, freePort } from './harness.mjs'

export const ENGINES = ['chromium', 'firefox', 'webkit']
/** BROWSERS=firefox,webkit narrows a local run; the run always prints which engines ran. */
export const enginesToRun = () => (process.env.BROWSERS ? process.env.BROWSERS.split(',').filter(Boolean) : ENGINES)

const INSTALL = 'bash scripts/ensure-browsers.sh (Debian: chromium firefox-esr webkit2gtk-driver xvfb)'
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const call = (fn, args) => `(${fn})(...${JSON.stringify(args)})`

/** Polls a page function until it returns something truthy; the same for every engine. */
async function waitFor(page, fn, args, { timeout = 15_000, what = String(fn) } = {}) {
  const deadline = Date.now() + timeout
  // Truthiness is decided in the page: a DOM node does not cross every engine's wire.
  const test = `async (...a) => !!(await (${fn})(...a))`
  for (;;) {
    if (await page.evaluate(test, ...args)) return
    if (Date.now() > deadline) throw new Error(`${page.engine}: timed out after ${timeout} ms waiting for ${what}`)
    await sleep(100)
  }
}

function pageApi(engine, impl) {
  const page = {
    engine,
    ...impl,
    waitFor: (fn, args = [], options) => waitFor(page, fn, args, options),
    size: (selector) =>
      page.evaluate((s) => {
        const r = document.querySelector(s)?.getBoundingClientRect()
        return r ? { width: r.width, height: r.height } : null
      }, selector),
  }
  return page
}

/** The reader's default text size (px) each engine can be given: Chromium through DevTools'
 *  Page.setFontSizes on each page, Firefox through its font.size.variable.* preferences for every
 *  language group the cards use. WebKit's classic WebDriver has neither. */
export const FONT_SIZE_ENGINES = ['chromium', 'firefox']
const FIREFOX_FONT_GROUPS = ['x-western', 'x-unicode', 'zh-CN', 'zh-HK', 'zh-TW', 'ar']

async function startChromium({ fontSize } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  return {
    version: browser.version(),
    close: () => browser.close(),
    async newPage({ width = 800, height = 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height } })
      const p = await context.newPage()
      if (fontSize) await (await context.newCDPSession(p)).send('Page.setFontSizes', { fontSizes: { standard: fontSize } })
      return contextPage('chromium', p, context, (w, h) => p.setViewportSize({ width: w, height: h }))
    },
  }
}

/** A playwright or puppeteer page in a context of its own: the two share goto, evaluate and the
 *  keyboard; only the viewport call differs. */
const contextPage = (engine, p, context, setViewport) =>
  pageApi(engine, {
    goto: (url) => p.goto(url).then(() => {}),
    evaluate: (fn, ...args) => p.evaluate(call(fn, args)),
    press: (key) => p.keyboard.press(key),
    setViewport,
    close: () => context.close(),
  })

async function startFirefox({ fontSize } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    // No updates, telemetry or remote settings: nothing leaves 127.0.0.1.
    extraPrefsFirefox: { 'network.dns.disableIPv6': true, 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
      ...(fontSize && Object.fromEntries(FIREFOX_FONT_GROUPS.map((group) => [`font.size.variable.${group}`, fontSize]))) },
  })
  return {
    version: (await browser.version()).replace('firefox/', ''),
    close: () => browser.close(),
    async newPage({ width = 800, height = 900 } = {}) {
      const context = await browser.createBrowserContext()
      const p = await context.newPage()
      await p.setViewport({ width, height })
      return contextPage('firefox', p, context, (w, h) => p.setViewport({ width: w, height: h }))
    },
  }
}

/** Xvfb on a display it picks itself (-displayfd), and WebKitWebDriver on a free port inside it. */
async function startWebKit() {
  const children = []
  const stop = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'))
  // Xvfb and the driver die with us however we end (MiniBrowser dies with its display).
  process.once('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(128 + (signal == 'SIGINT' ? 2 : 15))))
  try {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] })
    children.push(xvfb)
    const display = await new Promise((resolve, reject) => {
      let out = ''
      xvfb.stdio[3].on('data', (d) => {
        out += d
        if (out.includes('\n')) resolve(`:${out.trim()}`)
      })
      xvfb.once('error', reject)
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)))
      setTimeout(() => reject(new Error('Xvfb did not start in 10 s')), 10_000)
    })
    const port = await freePort()
    const driverProcess = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' })
    children.push(driverProcess)
    let spawnError
    driverProcess.once('error', (e) => (spawnError = e))
    const server = `http://127.0.0.1:${port}`
    for (let i = 0; ; i++) {
      try {
        if ((await (await fetch(`${server}/status`)).json()).value?.ready) break
      } catch {}
      if (spawnError) throw spawnError
      if (i > 100) throw new Error('WebKitWebDriver did not answer in 10 s')
      await sleep(100)
    }
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
      .build()
    const caps = await driver.getCapabilities()
    // One session, one page at a time: MiniBrowser runs one automation window.
    const setViewport = async (w, h) => {
      await driver.manage().window().setRect({ width: w, height: h })
      const inner = await driver.executeScript('return [innerWidth, innerHeight]')
      if (inner[0] !== w || inner[1] !== h) await driver.manage().window().setRect({ width: 2 * w - inner[0], height: 2 * h - inner[1] })
    }
    return {
      version: caps.get('browserVersion'),
      close: async () => {
        await driver.quit().catch(() => {})
        stop()
      },
      async newPage({ width = 800, height = 900 } = {}) {
        await driver.get('about:blank')
        await setViewport(width, height)
        return pageApi('webkit', {
          goto: (url) => driver.get(url),
          async evaluate(fn, ...args) {
            const result = await driver.executeAsyncScript(
              `const done = arguments[arguments.length - 1]
               Promise.resolve().then(() => ${call(fn, args)}).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }))`,
            )
            if (result.e) throw new Error(`webkit page function failed: ${result.e}`)
            return result.v
          },
          press: (key) => driver.actions().sendKeys({ Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE }[key]).perform(),
          setViewport,
          close: () => driver.get('about:blank'),
        })
      },
    }
  } catch (error) {
    stop()
    throw error
  }
}

const START = { chromium: startChromium, firefox: startFirefox, webkit: startWebKit }

/** Starts an engine or fails saying what is missing: no engine is ever skipped quietly. */
export async function startEngine(name, options = {}) {
  if (!START[name]) throw new Error(`unknown engine ${name}; engines are ${ENGINES.join(', ')}`)
  if (options.fontSize && !FONT_SIZE_ENGINES.includes(name)) throw new Error(`${name}'s driver cannot set the default text size`)
  try {
    return { name, ...(await START[name](options)) }
  } catch (error) {
    throw new Error(`${name} could not start (${error.message}); install the browsers with ${INSTALL}`)
  }
}
