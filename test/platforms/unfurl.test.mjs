// What link unfurlers and bookmark cards (Slack, Ghost, chat apps) read from /card, through the
// scrapers they run: open-graph-scraper and metascraper (Ghost's bookmark card is built on it).
// Expectations come from the card's own data (/v1/card) and its oEmbed answer.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import ogs from 'open-graph-scraper'
import createMetascraper from 'metascraper'
import author from 'metascraper-author'
import date from 'metascraper-date'
import description from 'metascraper-description'
import image from 'metascraper-image'
import lang from 'metascraper-lang'
import publisher from 'metascraper-publisher'
import title from 'metascraper-title'
import { startWorker } from '../browser/harness.mjs'

const CARDS = ['lang=en&variant=compact', 'lang=zh-CN&variant=full', 'lang=zh-TW&variant=stat&fact=connected-devices']
// Slack's label pairs are not a field of either scraper: each one's documented way to read a tag.
const LABELS = ['twitter:label1', 'twitter:data1', 'twitter:label2', 'twitter:data2']
const labelRules = () =>
  Object.fromEntries(LABELS.map((name) => [name.replace(':', '_'), [({ htmlDom: $ }) => $(`meta[name="${name}"]`).attr('content')]]))
const metascraper = createMetascraper([title(), description(), image(), date(), lang(), author(), publisher(), labelRules()])

let worker
before(async () => (worker = await startWorker()))
after(() => worker?.stop())

const json = async (path) => (await fetch(worker.origin + path)).json()

describe('unfurlers read the card page', () => {
  for (const q of CARDS) {
    it(`open-graph-scraper and metascraper read title, description, image, date, language and label pairs: ${q}`, async () => {
      const url = `${worker.origin}/card?${q}`
      const card = await json(`/v1/card?${q}`)
      const embed = await json(`/oembed?url=${encodeURIComponent(url)}`)
      const pairs = card.figures.slice(0, 2).flatMap((f) => [f.label, f.value])

      const { result: og } = await ogs({
        url,
        customMetaTags: LABELS.map((name) => ({ multiple: false, property: name, fieldName: name })),
      })
      assert.ok(og.ogTitle.startsWith(card.headline), og.ogTitle)
      for (const f of card.figures) assert.ok(og.ogDescription.includes(f.value), `description: ${f.value}`)
      const [img] = og.ogImage
      assert.deepEqual([img.url, Number(img.width), Number(img.height)], [embed.thumbnail_url, embed.thumbnail_width, embed.thumbnail_height])
      assert.ok(img.alt.startsWith(card.headline), img.alt)
      assert.equal(og.articlePublishedTime, card.date.iso)
      assert.equal(og.ogLocale, card.lang.replace('-', '_').replace(/^en$/, 'en_US'))
      assert.equal(og.ogSiteName, embed.provider_name)
      assert.deepEqual(LABELS.slice(0, pairs.length).map((n) => og.customMetaTags[n]), pairs)
      // The icon it found is a real image.
      const icon = await fetch(new URL(og.favicon, url))
      assert.equal(icon.status, 200)
      assert.match(icon.headers.get('Content-Type'), /^image\//)

      const html = await (await fetch(url)).text()
      const meta = await metascraper({ html, url })
      assert.ok(meta.title.startsWith(card.headline), meta.title)
      assert.ok(meta.description.includes(card.figures[0].value), meta.description)
      assert.equal(meta.image, embed.thumbnail_url)
      assert.equal(new Date(meta.date).toISOString().slice(0, 10), card.date.iso)
      assert.equal(meta.lang, card.lang.slice(0, 2))
      assert.equal(meta.publisher, embed.provider_name)
      assert.deepEqual(LABELS.slice(0, pairs.length).map((n) => meta[n.replace(':', '_')]), pairs)
    })
  }

  it('names its oEmbed endpoints in an HTTP Link header, and in <link>s within the 32 KB Slack reads', async () => {
    for (const q of CARDS) {
      const head = Buffer.from(await (await fetch(`${worker.origin}/card?${q}`)).arrayBuffer()).subarray(0, 32 * 1024).toString()
      assert.match(head, /<link rel="alternate" type="application\/json\+oembed" href="[^"]+"/, q)
    }
    const url = `${worker.origin}/card?lang=en&variant=compact`
    const res = await fetch(url)
    const links = [...res.headers.get('Link').matchAll(/<([^>]+)>;\s*rel="alternate";\s*type="([^"]+)"/g)].map((m) => [m[2], m[1]])
    assert.deepEqual(links.map(([type]) => type), ['application/json+oembed', 'text/xml+oembed'])
    const embed = await (await fetch(links[0][1])).json()
    assert.equal(embed.type, 'rich')
    assert.match(embed.html, /<iframe src="[^"]+\/card\?lang=en&amp;variant=compact"/)
  })
})
