// The height in /card, at several frame widths and in each language (Chromium's fonts on Linux), of
// every variant that grows with its text (one without a `height` in data/card.json): the snippets'
// iframe height is the 640 px one, and /oembed answers a maxwidth with the height measured at the
// widest of these widths that fits in it (heightAt in src/card/catalogue.ts). Run `node scripts/measure-heights.mjs` after a change to card.css or to the
// data; test/platforms/heights.test.mjs measures again and fails when this file is out of date.
import { readFile, writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'

export const WIDTHS = [240, 280, 320, 360, 400, 440, 480, 520, 560, 600, 640]
export const FILE = new URL('../src/card/heights.json', import.meta.url)

/** The painted bottom of /card?… at a frame (viewport) width, as frame.ts reports it. */
export async function measure(page, url, width) {
  await page.setViewportSize({ width, height: 900 })
  await page.goto(url)
  return page.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom))
}

/** The variants that grow with their text: the ones data/card.json gives no height. */
export const growing = async () =>
  Object.entries(JSON.parse(await readFile(new URL('../data/card.json', import.meta.url), 'utf8')).variants).filter(([, r]) => r.height === undefined).map(([name]) => name)

export async function measureAll(page, origin, langs) {
  const grows = {}
  for (const variant of await growing()) {
    grows[variant] = {}
    for (const lang of langs) {
      grows[variant][lang] = {}
      for (const w of WIDTHS) grows[variant][lang][w] = await measure(page, `${origin}/card?lang=${lang}&variant=${variant}`, w)
    }
  }
  return { widths: WIDTHS, grows }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { launch, startWorker } = await import('../test/browser/harness.mjs')
  const LANGS = Object.keys(JSON.parse(await readFile(new URL('../data/locale.json', import.meta.url), 'utf8')))
  const worker = await startWorker()
  const browser = await launch()
  try {
    const table = await measureAll(await browser.newPage(), worker.origin, LANGS)
    await writeFile(FILE, JSON.stringify(table, null, 1) + '\n')
    console.log(Object.values(table.grows).flatMap(Object.entries).map(([l, r]) => `${l}: ${Object.entries(r).map(([w, h]) => `${w}→${h}`).join(' ')}`).join('\n'))
  } finally {
    await browser.close()
    worker.stop()
  }
}
