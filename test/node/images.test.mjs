// The card's PNGs as a client gets them from `wrangler dev` (static assets, which the workerd
// test pool does not serve): every image decodes at the size it promises, fits its budget,
// and reads back, with tesseract, the figures of the model in every language we serve.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { cardHeights, imageScale, startWorker } from '../browser/harness.mjs'

const BUDGET = { compact: 60_000, share: 120_000 } // bytes
const SCALE = imageScale('card') // /card.png is drawn at more device pixels than CSS px

let worker, langs, figureIds, snippetCards, home
const url = (path) => worker.origin + path
const query = (lang, variant, fact, theme) =>
  new URLSearchParams({ lang, variant, ...(fact && { fact }), ...(theme && { theme }) }).toString()
const cards = () => [['compact'], ['full'], ...figureIds.map((id) => ['stat', id])]
const json = async (path) => (await fetch(url(path))).json()

/** The PNG a stable URL leads to: its redirect, then the file, checked as a client would. */
async function png(path) {
  const hop = await fetch(url(path), { redirect: 'manual' })
  assert.equal(hop.status, 302, path)
  const location = hop.headers.get('Location')
  const res = await fetch(location)
  assert.equal(res.status, 200, location)
  assert.equal(res.headers.get('Content-Type'), 'image/png', location)
  assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff')
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*')
  assert.match(res.headers.get('Cache-Control'), /immutable/)
  const bytes = Buffer.from(await res.arrayBuffer())
  // Decoding every pixel proves the file whole (CRCs, zlib stream), not just its header.
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  assert.equal(data.length, info.width * info.height * info.channels)
  return { location, bytes, width: info.width, height: info.height, etag: res.headers.get('ETag') }
}

/** Tesseract's model for a language: Traditional for Taiwan, Hong Kong and Macau, and zh-Hant. */
const ocrModel = (lang) => (!lang.startsWith('zh') ? 'eng' : /^zh-(TW|HK|MO|Hant)/i.test(lang) ? 'chi_tra' : 'chi_sim')
const squeeze = (text) => text.replace(/\s+/g, '')
// Asynchronous: a blocked event loop stops draining wrangler dev's output, which stalls the worker.
function ocrOnce(bytes, lang, psm) {
  return new Promise((resolve, reject) => {
    const failed = (why) => reject(new Error(`tesseract failed (scripts/ensure-browsers.sh installs it): ${why}`))
    // One thread each: OpenMP's spinning threads made two readings on 2 busy cores about 3× slower.
    const run = spawn('tesseract', ['stdin', 'stdout', '-l', ocrModel(lang), '--psm', psm], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } })
    let out = ''
    let err = ''
    run.stdout.setEncoding('utf8').on('data', (d) => (out += d))
    run.stderr.setEncoding('utf8').on('data', (d) => (err += d))
    run.on('error', failed)
    run.on('close', (code) => (code === 0 ? resolve(out) : failed(err)))
    run.stdin.end(bytes)
  })
}
// Two readings: tesseract's automatic page segmentation (3) drops the last glyph of some bold
// Chinese lines (行业 reads 行), and reading the card as one block of text (6) misses others; a
// string counts as read when one reading has it whole, never pieced from both. The second
// reading is made only when the first misses something (most images need one: half the OCR time).
// Each image is read at most once per mode, however many tests ask what it says.
const readings = new Map()
const reading = (bytes, lang, psm) => {
  const key = `${lang} ${psm} ${bytes.toString('base64')}`
  if (!readings.has(key)) readings.set(key, ocrOnce(bytes, lang, psm))
  return readings.get(key)
}
/** Each expected string not read whole by either reading, with what was read (empty when all were). */
async function unread(bytes, lang, expected) {
  const texts = []
  let missing = expected
  for (const psm of ['3', '6']) {
    texts.push(await reading(bytes, lang, psm))
    missing = missing.filter((e) => !squeeze(texts.at(-1)).includes(squeeze(e)))
    if (!missing.length) return ''
  }
  return `tesseract (${ocrModel(lang)}) read no ${missing.map((e) => `"${e}"`).join(', ')} in:\n${texts.join('\n')}`
}

before(async () => {
  worker = await startWorker()
  const openapi = await json('/openapi.json')
  langs = openapi.components.schemas.Card.properties.lang.enum
  figureIds = (await json('/v1/facts')).facts.filter((f) => f.kind === 'figure').map((f) => f.id)
  // The sizes the builder promises in the newsletter snippet's <img width height>.
  home = await (await fetch(url('/'))).text()
  snippetCards = JSON.parse(home.match(/<script type="application\/json" id="demo-config">([^<]+)<\/script>/)[1]).cards
})
after(() => worker?.stop())

describe('the card images', () => {
  it('every card, language and theme decodes at its promised size, within budget', async () => {
    const heights = cardHeights()
    let files = 0
    for (const lang of langs) {
      for (const [variant, fact] of cards()) {
        // What / tells publishers of the card's image (its <img> width and height), by its catalogue key.
        const promised = snippetCards[`${lang}|${variant}${fact ? `:${fact}` : ''}`].image
        for (const theme of ['light', 'dark']) {
          const where = `${lang} ${variant} ${fact ?? ''} ${theme}`
          const card = await png(`/card.png?${query(lang, variant, fact, theme)}`)
          assert.deepEqual([card.width, card.height], [promised.width * SCALE, promised.height * SCALE], where)
          if (variant === 'compact') assert.ok(card.bytes.length <= BUDGET.compact, `${where}: ${card.bytes.length} B`)
          const share = await png(`/share.png?${query(lang, variant, fact, theme)}`)
          assert.deepEqual([share.width, share.height], [1200, 630], where)
          assert.ok(share.bytes.length <= BUDGET.share, `share ${where}: ${share.bytes.length} B`)
          files += 2
        }
        // compact and stat have one height, as the HTML card.
        if (variant !== 'full') assert.equal(promised.height, heights[variant])
        assert.equal(promised.width, 640)
      }
    }
    assert.ok(files >= langs.length * cards().length * 4)
  })

  it('the files are immutable and revalidate', async () => {
    const { location, etag } = await png('/card.png?lang=en')
    assert.ok(etag)
    assert.equal((await fetch(location, { headers: { 'If-None-Match': etag } })).status, 304)
  })

  it('reads back the key figures and the headline in every language (the glyphs are there, not boxes)', async () => {
    for (const lang of langs) {
      const model = await json(`/v1/card?lang=${encodeURIComponent(lang)}&variant=compact`)
      for (const path of [`/card.png?${query(lang, 'compact', undefined, 'light')}`, `/share.png?${query(lang, 'compact', undefined, 'dark')}`]) {
        assert.equal(await unread((await png(path)).bytes, lang, [model.headline, ...model.figures.map((f) => f.value)]), '', path)
      }
      const stat = await json(`/v1/card?lang=${encodeURIComponent(lang)}&variant=stat&fact=${figureIds.at(-1)}`)
      const path = `/card.png?${query(lang, 'stat', figureIds.at(-1), 'dark')}`
      assert.equal(await unread((await png(path)).bytes, lang, [stat.figures[0].value]), '', path)
    }
  })

  it('the Chinese cards show what the date is, the estimate as one, and the quote marked as our translation', async () => {
    for (const lang of langs.filter((l) => l.startsWith('zh'))) {
      const compact = await json(`/v1/card?lang=${encodeURIComponent(lang)}&variant=compact`)
      const full = await json(`/v1/card?lang=${encodeURIComponent(lang)}&variant=full`)
      const label = compact.date.text.split(' · ')[0]
      const estimate = compact.figures.find((f) => f.id == 'ten-year-investment').value
      assert.match(estimate, /^预计|^預計/)
      const compactPng = (await png(`/card.png?${query(lang, 'compact', undefined, 'light')}`)).bytes
      assert.equal(await unread(compactPng, lang, [label, estimate]), '', `${lang} compact`)
      // The mark inside the byline's brackets: "译自小米英文新闻稿".
      const mark = full.quote.byline.match(/（(.+)）/)[1]
      assert.equal(await unread((await png(`/card.png?${query(lang, 'full', undefined, 'light')}`)).bytes, lang, [mark]), '', `${lang} full`)
    }
  })

  it('every og:image, twitter:image and oEmbed thumbnail answers 200 image/png', async () => {
    const pages = ['/']
    for (const lang of langs) for (const [variant, fact] of cards()) for (const theme of ['light', 'dark']) pages.push(`/card?${query(lang, variant, fact, theme)}`)
    const seen = new Set()
    for (const page of pages) {
      const html = await (await fetch(url(page))).text()
      const found = [...html.matchAll(/<meta (?:property="og:image"|name="twitter:image") content="([^"]+)"/g)].map((m) => m[1])
      assert.equal(found.length, 2, page)
      if (page !== '/') {
        const oembed = await json(`/oembed?url=${encodeURIComponent(url(page))}`)
        assert.deepEqual([oembed.thumbnail_width, oembed.thumbnail_height], [1200, 630])
        found.push(oembed.thumbnail_url)
      }
      for (const image of found) {
        if (seen.has(image)) continue
        seen.add(image)
        const res = await fetch(image)
        assert.equal(res.status, 200, `${page}: ${image}`)
        assert.equal(res.headers.get('Content-Type'), 'image/png', image)
        const { width, height } = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
        assert.deepEqual([width, height], [1200, 630], image)
      }
    }
  })

  it("the README's newsletter snippet is what the builder writes for the default card", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const quoted = readme.match(/\n(<a href="https:\/\/HOST\/card\?[^\n]+<img [^\n]+<\/a>)\n/)[1]
    const written = home.match(/<textarea id="snip-newsletter"[^>]*>([^<]+)<\/textarea>/)[1]
    const decoded = written.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    assert.equal(quoted, decoded.replaceAll(worker.origin, 'https://HOST'))
  })
})
