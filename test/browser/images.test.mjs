import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { cardHeights, launch, startHost, startWorker, stopAll, watchedPage } from './harness.mjs'

let worker, host, browser, snippet

before(async () => {
  worker = await startWorker()
  host = await startHost({ '/newsletter': () => ({ body: `<!doctype html><html><body>${snippet}</body></html>` }) })
  browser = await launch()
})
after(() => stopAll({ browser, host, worker }))

const loaded = (page, selector) =>
  page.waitForFunction((s) => document.querySelector(s)?.complete && document.querySelector(s).naturalWidth > 0, selector, { timeout: 10_000 })

describe('the card as an image', () => {
  it('the builder keeps the newsletter snippet, the downloads and the image preview in step, under its CSP', async () => {
    const { page, context, errors } = await watchedPage(browser)
    const blocked = []
    page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()))
    await page.goto(`${worker.origin}/`)
    await loaded(page, '#image-preview img')
    const { compact, stat } = cardHeights()
    // Drawn at 2× the card's CSS pixels.
    assert.deepEqual(await page.$eval('#image-preview img', (i) => [i.naturalWidth, i.naturalHeight]), [1280, 2 * compact])
    await page.check('input[name=variant][value=stat]')
    await page.check('input[name=lang][value=zh-CN]')
    await page.check('input[name=theme][value=dark]')
    await page.selectOption('#fact', 'connected-devices')
    const q = 'lang=zh-CN&variant=stat&fact=connected-devices&theme=dark'
    const code = await page.inputValue('#snip-newsletter')
    assert.match(code, new RegExp(`^<a href="${worker.origin}/card\\?${q.replace(/&/g, '&amp;')}"><img src="${worker.origin}/card\\.png\\?${q.replace(/&/g, '&amp;')}" width="640" height="${stat}" alt="[^"]*超3\\.248亿台[^"]*"></a>$`))
    assert.equal(await page.getAttribute('[data-png=card]', 'href'), `${worker.origin}/card.png?${q}`)
    assert.equal(await page.getAttribute('[data-png=share]', 'href'), `${worker.origin}/share.png?${q}`)
    await page.waitForFunction((src) => document.querySelector('#image-preview img')?.src === src, `${worker.origin}/card.png?${q}`)
    await loaded(page, '#image-preview img')
    assert.deepEqual(await page.$eval('#image-preview img', (i) => [i.naturalWidth, i.naturalHeight, i.alt.includes('超3.248亿台')]), [1280, 2 * stat, true])
    // The download is the PNG itself, through the redirect.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-png=share]')])
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(path)
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG')
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630])
    assert.deepEqual(errors, [])
    assert.deepEqual(blocked, [])
    await context.close()
  })

  it('the newsletter snippet shows the card on any other site, sized before it loads', async () => {
    const { page, context } = await watchedPage(browser)
    await page.goto(`${worker.origin}/?variant=compact&lang=en`)
    snippet = await page.inputValue('#snip-newsletter')
    await page.goto(`${host.origin}/newsletter`)
    // width and height reserve the box before a byte arrives; the 2× pixels fill it.
    const { compact } = cardHeights()
    assert.deepEqual(await page.$eval('img', (i) => [i.width, i.height]), [640, compact])
    await loaded(page, 'img')
    assert.deepEqual(await page.$eval('img', (i) => [i.naturalWidth, i.naturalHeight]), [1280, 2 * compact])
    assert.equal(await page.$eval('a', (a) => a.href), `${worker.origin}/card?lang=en&variant=compact`)
    await context.close()
  })
})
