// /oembed's heights per width (src/card/heights.json) are what the card measures now: a change
// to card.css or to the data that moves them fails here until scripts/measure-heights.mjs is run.
import { after, before, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { FILE, measureAll } from '../../scripts/measure-heights.mjs'
import { cardLangs, launch, startWorker, stopAll } from '../browser/harness.mjs'

const table = JSON.parse(readFileSync(FILE, 'utf8'))
let worker, browser
before(async () => {
  worker = await startWorker()
  browser = await launch()
})
after(() => stopAll({ browser, worker }))

it('each growing card is as tall as src/card/heights.json says, at every width and in every language, within WordPress’s 1000 px from 360 px up', async () => {
  const measured = await measureAll(await browser.newPage(), worker.origin, cardLangs())
  assert.deepEqual(measured, table, 'run node scripts/measure-heights.mjs')
  for (const [variant, byLang] of Object.entries(table.grows))
    for (const [lang, at] of Object.entries(byLang)) for (const [w, h] of Object.entries(at)) if (w >= 360) assert.ok(h <= 1000, `${variant} ${lang} at ${w}: ${h}`)
})
