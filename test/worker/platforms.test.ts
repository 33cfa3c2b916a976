// What CMSs and unfurlers ask of /oembed and /card (test/platforms/ drives the real consumers).
import { describe, expect, it } from 'vitest'
import catalogue from '../../dist/public/data/cards.json'
import locales from '../../data/locale.json'
import { LANGS, VARIANTS } from '../../widget/card-model'
import { cardHeight, expectProblem, get, getJson, ORIGIN } from './helpers'

const oembed = (url: string, extra: Record<string, string> = {}) => `/oembed?${new URLSearchParams({ url, ...extra })}`
const strings = locales as unknown as Record<string, { showCard: string }>

describe('/oembed as consumers call it', () => {
  it("ignores parameters of the consumer's own (WordPress dnt, discover, a CMS's), keeps the known ones strict", async () => {
    const url = `${ORIGIN}/card?lang=en&variant=compact`
    const plain = await getJson(oembed(url))
    const extra = await getJson(oembed(url, { dnt: '1', discover: '1', _wp_nonce: 'x', key: 'abc' }))
    expect(extra.res.status).toBe(200)
    expect(extra.body).toEqual(plain.body)
    expect((await expectProblem(await get(`${oembed(url)}&maxwidth=300&maxwidth=400`), 400)).detail).toContain('maxwidth')
    expect((await expectProblem(await get(oembed(url, { dnt: '1', maxheight: 'tall' })), 400)).detail).toContain('maxheight')
  })

  it('gives, for a maxwidth, the height measured at that width, never the full-width one for a narrower frame', async () => {
    for (const lang of LANGS) {
      for (const variant of VARIANTS) {
        for (const w of catalogue.widths) {
          const { body } = await getJson(oembed(`${ORIGIN}/card?lang=${lang}&variant=${variant}`, { maxwidth: String(w), maxheight: '10000' }))
          expect([body.width, body.height], `${lang} ${variant} at ${w}`).toEqual([w, cardHeight(lang, variant, w)])
        }
      }
    }
    // Between two measured widths, the taller of the two: a little too tall, never clipped.
    const { body } = await getJson(oembed(`${ORIGIN}/card?lang=en&variant=full`, { maxwidth: '500', maxheight: '10000' }))
    expect(body.height).toBe(Math.max(cardHeight('en', 'full', 480), cardHeight('en', 'full', 520)))
  })

  it('names the author of what the card states: the publisher of its source', async () => {
    const { body } = await getJson(oembed(`${ORIGIN}/card?lang=zh-CN&variant=stat`))
    const source = (await getJson('/v1/source')).body
    expect([body.author_name, body.author_url]).toEqual([source.publisher, `${ORIGIN}/source`])
  })
})

describe('/card for bookmark cards and unfurls', () => {
  it('has an icon, theme-color, a publisher, two label pairs and a Link header naming oEmbed', async () => {
    const res = await get('/card?lang=en&variant=compact')
    const html = await res.text()
    const { body: card } = await getJson('/v1/card?lang=en&variant=compact')
    for (const [i, f] of card.figures.slice(0, 2).entries()) {
      expect(html).toContain(`<meta name="twitter:label${i + 1}" content="${f.label}"/>`)
      expect(html).toContain(`<meta name="twitter:data${i + 1}" content="${f.value}"/>`)
    }
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{3,6}"\/>/)
    expect(html).toContain(`<meta property="article:publisher" content="${ORIGIN}/"/>`)
    for (const [rel, path] of [['icon', '/favicon.ico'], ['icon', '/favicon.svg'], ['apple-touch-icon', '/apple-touch-icon.png']]) {
      expect(html).toContain(`<link rel="${rel}" href="${ORIGIN}${path}"`)
    }
    const canonical = encodeURIComponent(`${ORIGIN}/card?lang=en&variant=compact`)
    expect(res.headers.get('Link')).toBe(
      `<${ORIGIN}/oembed?url=${canonical}&format=json>; rel="alternate"; type="application/json+oembed", ` +
        `<${ORIGIN}/oembed?url=${canonical}&format=xml>; rel="alternate"; type="text/xml+oembed"`,
    )
  })
})

describe('the builder at /', () => {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  const textarea = (html: string, id: string) => unescape(html.match(new RegExp(`<textarea id="snip-${id}"[^>]*>([^]*?)</textarea>`))![1])

  it("offers an amp-iframe: resizable, sandboxed, the card's PNG as placeholder, an overflow button in the card's language", async () => {
    for (const lang of LANGS) {
      const html = await (await get(`/?lang=${lang}&variant=stat&fact=cash-reserve`)).text()
      const amp = textarea(html, 'amp')
      const card = `${ORIGIN}/card?lang=${lang}&amp;variant=stat&amp;fact=cash-reserve`
      expect(amp).toContain(`<amp-iframe src="${card}"`)
      expect(amp).toMatch(/ layout="fixed-height" height="240" resizable frameborder="0"\n  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox">/)
      expect(amp).toContain(`<amp-img placeholder layout="fill" src="${card.replace('/card?', '/card.png?')}" alt="`)
      expect(amp).toContain(`<button overflow type="button">${strings[lang].showCard}</button>`)
    }
  })

  it('the script snippet carries the headline, date and key figures as text, in the card language', async () => {
    for (const lang of LANGS) {
      const script = textarea(await (await get(`/?lang=${lang}&variant=compact`)).text(), 'script')
      const { body: card } = await getJson(`/v1/card?lang=${lang}&variant=compact`)
      const fallback = script.match(/<xiaomi-ev-card [^>]*>([^]*?)<\/xiaomi-ev-card>/)![1]
      for (const s of [card.headline, card.date.text, ...card.figures.map((f: any) => f.value)]) expect(unescape(fallback), `${lang}: ${s}`).toContain(s)
    }
  })

  it('says, per platform, which snippet to paste and what the reader sees', async () => {
    const html = await (await get('/')).text()
    const section = html.match(/<section aria-labelledby="where"[^]*?<\/section>/)![0]
    for (const platform of ['WordPress', 'Ghost', 'Medium', 'Substack', 'AMP', 'Email', 'RSS']) expect(section).toContain(`<th scope="row">${platform}</th>`)
  })
})
