// The parents publishers already run size the card from /card's own messages: Pym.js's Parent,
// @newswire/frames's observeIframe (AMP's embed-size), and an Embedly-style parent that listens for
// the documented JSON-string `iframe.resize` message (Medium embeds through Embedly). In every
// engine, in two languages, at a wide and a narrow column.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { enginesToRun, startEngine } from '../browser/engines.mjs'
import { startHost, startWorker } from '../browser/harness.mjs'

const lib = (path) => ({ body: readFileSync(new URL(`../../node_modules/${path}`, import.meta.url), 'utf8'), headers: { 'Content-Type': 'text/javascript' } })
const CARDS = ['lang=en&variant=compact', 'lang=zh-CN&variant=stat&fact=cash-reserve', 'lang=en&variant=full', 'lang=zh-CN&variant=full']
const COLUMNS = [640, 360]

// The height each card says it needs, in our own message: what every parent must end up giving it.
// And whether it said AMP's embed-ready, which releases amp-iframe's placeholder (the AMP runtime
// itself loads only from its CDN, so amp-iframe is not driven here).
const RECORDER = `<script>window.__said = 0; window.__ampReady = false; addEventListener('message', (e) => {
  if (e.data && e.data.type == 'xiaomi-ev-card:height') __said = e.data.height
  if (e.data && e.data.sentinel == 'amp' && e.data.type == 'embed-ready') __ampReady = true })</script>`
const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${RECORDER}</head><body style="margin:0">${body}</body></html>`
// Each parent as its documentation sets it up.
const PARENTS = {
  pym: (src) => `<div id="c"></div><script src="/lib/pym.js"></script><script>new pym.Parent('c', ${JSON.stringify(src)}, {})</script>`,
  frames: (src) =>
    `<iframe src="${src}" title="card" width="100%" frameborder="0" scrolling="no"></iframe><script src="/lib/frames.js"></script>` +
    `<script>newswireFrames.observeIframe(document.querySelector('iframe'))</script>`,
  embedly: (src) =>
    `<iframe src="${src}" title="card" width="100%" height="150" frameborder="0" scrolling="no"></iframe><script>
      addEventListener('message', function (e) {
        var data; try { data = JSON.parse(e.data) } catch (_) { return }
        if (data.context !== 'iframe.resize') return
        var frame = document.querySelector('iframe[src="' + data.src + '"]')
        if (frame) frame.height = data.height
      })</script>`,
}

let worker, host
before(async () => {
  worker = await startWorker()
  const pages = { '/lib/pym.js': lib('pym.js/dist/pym.v1.min.js'), '/lib/frames.js': lib('@newswire/frames/dist/frames.umd.js') }
  for (const [name, parent] of Object.entries(PARENTS)) pages[`/${name}`] = (url) => ({ body: page(parent(`${worker.origin}/card?${url.searchParams.get('q')}`)) })
  host = await startHost(pages)
})
after(async () => {
  await host?.stop()
  worker?.stop()
})

for (const name of enginesToRun()) {
  describe(`resizing parents in ${name}`, () => {
    let engine
    before(async () => (engine = await startEngine(name)))
    after(() => engine?.close())

    for (const parent of Object.keys(PARENTS)) {
      it(`${parent} sizes the card to the height it reports, in every variant and column`, async () => {
        for (const column of COLUMNS) {
          const p = await engine.newPage({ width: column, height: 900 })
          for (const q of CARDS) {
            await p.goto(`${host.origin}/${parent}?q=${encodeURIComponent(q)}`)
            // Settled: the card has spoken and the parent has given the frame that height.
            await p.waitFor(() => window.__said > 0 && Math.abs(document.querySelector('iframe').clientHeight - window.__said) <= 2, [], {
              what: `${parent} sizing ${q} at ${column}`,
            })
            const [frame, said, ampReady] = await p.evaluate(() => [document.querySelector('iframe').clientHeight, window.__said, window.__ampReady])
            assert.ok(Math.abs(frame - said) <= 2, `${name} ${parent} ${q} at ${column}: frame ${frame}, card ${said}`)
            assert.equal(ampReady, true, `${name} ${q}: embed-ready`)
          }
          await p.close()
        }
      })
    }
  })
}
