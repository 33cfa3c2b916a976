// The full card's height in /card at several frame widths, in each language (Chromium's fonts on
// Linux, like FULL_HEIGHT): /oembed answers a maxwidth with the height measured at the widest of
// these widths that fits in it (heightAt in src/card/catalogue.ts). compact and stat have one height at every
// width (card.css). Run `node scripts/measure-heights.mjs` after a change to card.css or to the
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

export async function measureAll(page, origin, langs) {
  const full = {}
  for (const lang of langs) {
    full[lang] = {}
    for (const w of WIDTHS) full[lang][w] = await measure(page, `${origin}/card?lang=${lang}&variant=full`, w)
  }
  return { widths: WIDTHS, full }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { launch, startWorker } = await import('../test/browser/harness.mjs')
  const locales = JSON.parse(await readFile(new URL('../data/locale.json', import.meta.url), 'utf8'))
  const LANGS = Object.keys(locales).filter((k) => /^[a-z]{2}(-[A-Z]{2})?$/.test(k))
  const worker = await startWorker()
  const browser = await launch()
  try {
    const table = await measureAll(await browser.newPage(), worker.origin, LANGS)
    await writeFile(FILE, JSON.stringify(table, null, 1) + '\n')
    console.log(Object.entries(table.full).map(([l, r]) => `${l}: ${Object.entries(r).map(([w, h]) => `${w}→${h}`).join(' ')}`).join('\n'))
  } finally {
    await browser.close()
    worker.stop()
  }
}
