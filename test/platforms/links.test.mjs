// A card's source and evidence links open a new tab, which a sandbox without allow-popups forbids:
// there they open in the top window when the sandbox lets the reader's click navigate it.
// (WordPress's sandbox allows neither: test/platforms/wordpress.test.mjs covers its `link` message.)
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, startHost, startWorker, stopAll } from '../browser/harness.mjs'

const SANDBOXES = { popups: 'allow-scripts allow-popups', top: 'allow-scripts allow-top-navigation-by-user-activation', none: '' }
let worker, host, browser
before(async () => {
  worker = await startWorker()
  host = await startHost({
    '/frame': (url) => ({
      body: `<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe id="f" ${url.searchParams.get('s') ? `sandbox="${url.searchParams.get('s')}"` : ''}
        src="${worker.origin}/card?lang=en&variant=compact" title="card" style="width:640px;height:320px;border:0"></iframe></body></html>`,
    }),
  })
  browser = await launch()
})
after(() => stopAll({ browser, host, worker }))

/** Clicks the card's source link; says where it went: a new tab's URL, or the top window's. */
async function follow(sandbox) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${host.origin}/frame?s=${encodeURIComponent(sandbox)}`)
  const frame = await (await page.$('#f')).contentFrame()
  const href = await frame.$eval('.xc-src a', (a) => a.href)
  const tab = context.waitForEvent('page', { timeout: 10_000 }).then((p) => p.url().startsWith('about:') ? p.waitForURL(href).then(() => p.url()) : p.url())
  const top = page.waitForURL(href, { timeout: 10_000 }).then(() => page.url())
  await frame.click('.xc-src a')
  const where = await Promise.any([tab.then((url) => ({ tab: url })), top.then((url) => ({ top: url }))])
  await context.close()
  return { href, where }
}

describe("the card's links in sandboxed frames", () => {
  for (const [name, sandbox] of Object.entries(SANDBOXES)) {
    it(`reach the reader: sandbox "${sandbox || '(none)'}"`, async () => {
      const { href, where } = await follow(sandbox)
      assert.deepEqual(where, name == 'top' ? { top: href } : { tab: href })
    })
  }
})
