import { describe, expect, it } from 'vitest'
import { VARIANTS } from '../../widget/variants'
import { cardHeight, expectProblem, get, getJson, ORIGIN, openApiDocument } from './helpers'
import ui from '../../data/ui.json'

const sha256 = async (text: string) => {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(buf)))}'`
}
const attr = (html: string, pattern: RegExp) => html.match(pattern)?.[1]

describe('GET /card', () => {
  it('renders the card on the server, complete without script', async () => {
    const res = await get('/card?lang=zh-CN&variant=compact')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/)
    const { body: model } = await getJson('/v1/card?lang=zh-CN&variant=compact')
    for (const text of [model.headline, model.date.text, ...model.figures.flatMap((f: any) => [f.label, f.value]), model.source.label]) {
      expect(html).toContain(text)
    }
    // The date says what it dates, the estimate reads as one, the source is a press release.
    for (const text of ['新闻稿 · 2021年4月1日', '预计100亿美元', '来源：小米新闻稿']) expect(html).toContain(text)
    expect(html).toContain('<article class="xc xc-compact xc-auto" lang="zh-CN"')
    // Evidence is quoted in the source's language, so a screen reader switches voice for it.
    expect(html).toContain('<blockquote lang="en">with an initial investment of RMB 10 billion (US$1.5 billion)</blockquote>')
  })

  it("links each figure's evidence to its mark on /source and, by a text fragment, to its words, as the API does", async () => {
    for (const lang of ['en', 'zh-CN', 'zh-HK', 'zh-TW']) {
      for (const q of ['variant=compact', 'variant=full']) {
        const html = await (await get(`/card?lang=${lang}&${q}`)).text()
        const links = [...html.matchAll(/<a href="(\/source\?hl=[^"#]+#[^"]+)" target="_blank">/g)].map((m) => m[1].replace(/&amp;/g, '&'))
        const { body: model } = await getJson(`/v1/card?lang=${lang}&${q}`)
        const { body: facts } = await getJson(`/v1/facts?lang=${lang}`)
        // The widget writes the link out (widget/Card.tsx); the API's is evidenceHref's: the same.
        expect(links, `${lang} ${q}`).toEqual(model.figures.map((f: any) => facts.facts.find((x: any) => x.id === f.id).evidence.href))
        for (const [link, f] of links.map((l, i) => [l, model.figures[i]])) {
          const [target, directive] = link.split(':~:text=')
          expect(target, 'a zh-HK card links a zh-HK /source').toBe(`/source?hl=${lang}#${f.id}`)
          expect(decodeURIComponent(directive)).toBe(f.evidence)
        }
      }
    }
  })

  it('marks the translated quote on the server as in the widget', async () => {
    const html = await (await get('/card?lang=zh-HK&variant=full')).text()
    const { body: model } = await getJson('/v1/card?lang=zh-HK&variant=full')
    expect(html).toContain(`<figcaption>${model.quote.byline}</figcaption>`)
    expect(model.quote.byline).toBe('——雷軍（譯自小米英文新聞稿）')
  })

  it('has title, description, canonical, Open Graph, Twitter, JSON-LD and oEmbed discovery', async () => {
    const html = await (await get('/card?variant=stat&fact=connected-devices&theme=dark&lang=en')).text()
    const canonical = `${ORIGIN}/card?lang=en&variant=stat&fact=connected-devices`
    const { body: model } = await getJson('/v1/card?variant=stat&fact=connected-devices&lang=en')
    expect(attr(html, /<title>([^<]+)<\/title>/)).toBe(`${model.headline} · ${model.date.text}`)
    expect(attr(html, /<meta name="description" content="([^"]+)"/)).toBe('Devices connected to the AIoT platform: 324.8 million+')
    expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe(canonical.replace(/&/g, '&amp;'))
    for (const p of ['og:type', 'og:title', 'og:description', 'og:url', 'og:site_name', 'og:locale']) {
      expect(html).toContain(`<meta property="${p}" content="`)
    }
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>')
    const oembed = `${ORIGIN}/oembed?url=${encodeURIComponent(canonical)}`.replace(/&/g, '&amp;')
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${oembed}&amp;format=json"`)
    expect(html).toContain(`<link rel="alternate" type="text/xml+oembed" href="${oembed}&amp;format=xml"`)
    const ld = JSON.parse(attr(html, /<script type="application\/ld\+json">([^<]+)<\/script>/)!)
    expect(ld).toMatchObject({ '@type': 'NewsArticle', datePublished: '2021-04-01', url: canonical })
    expect(ld.isBasedOn).toMatchObject({ publisher: { name: 'Xiaomi Corporation' }, url: `${ORIGIN}/source` })
  })

  it('gives a frame (Sec-Fetch-Dest: iframe) the same card without the share metadata, and varies by that header', async () => {
    const path = '/card?lang=zh-TW&variant=stat&fact=connected-devices&theme=dark'
    const page = await get(path)
    const framed = await get(path, { headers: { 'Sec-Fetch-Dest': 'iframe' } })
    const [full, lean] = [await page.text(), await framed.text()]
    for (const res of [page, framed]) expect(res.headers.get('Vary')).toBe('Sec-Fetch-Dest')
    // The same document but for the head's share metadata: the card, its title, its stylesheet (and
    // the CSP hash of it), the frame script, and the canonical link frame.js reads the variant from.
    const shared = (html: string) => html.replace(/(<\/title>)[^]*?(<style>)/, '$1$2').replace(/<link rel="canonical"[^>]*>/, '')
    expect(shared(lean)).toBe(shared(full))
    expect(attr(lean, /<link rel="canonical" href="([^"]+)"/)).toBe(attr(full, /<link rel="canonical" href="([^"]+)"/))
    expect(framed.headers.get('Content-Security-Policy')).toBe(page.headers.get('Content-Security-Policy'))
    for (const meta of ['og:title', 'twitter:card', 'application/ld+json', 'application/json+oembed', 'hreflang']) {
      expect(full).toContain(meta)
      expect(lean).not.toContain(meta)
    }
    // Each is its own cache entry, with its own validator.
    const etag = framed.headers.get('ETag')!
    expect(etag).not.toBe(page.headers.get('ETag'))
    const again = await get(path, { headers: { 'Sec-Fetch-Dest': 'iframe', 'If-None-Match': etag } })
    expect([again.status, again.headers.get('Vary')]).toEqual([304, 'Sec-Fetch-Dest'])
    // A top-level navigation, a fetch and a crawler (which sends no Sec-Fetch-Dest) get the whole page.
    for (const dest of ['document', 'empty']) expect(await (await get(path, { headers: { 'Sec-Fetch-Dest': dest } })).text()).toBe(full)
    // Negotiated, it varies by both.
    const negotiated = await get('/card?variant=compact', { headers: { 'Sec-Fetch-Dest': 'iframe', 'Accept-Language': 'zh-CN' } })
    expect([negotiated.headers.get('Content-Language'), negotiated.headers.get('Vary')]).toEqual(['zh-CN', 'Accept-Language, Sec-Fetch-Dest'])
  })

  it('is framable anywhere and allows nothing else it does not use', async () => {
    const res = await get('/card')
    const html = await res.text()
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain('frame-ancestors *')
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    const style = attr(html, /<style>([^<]+)<\/style>/)!
    expect(csp).toContain(`style-src ${await sha256(style)}`)
    // The only inline <script> is the JSON-LD data block; the one script is same-origin.
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script type="application/ld+json">',
      expect.stringMatching(/^<script src="\/frame\.[0-9a-f]{10}\.js" async>$/),
    ])
    expect(res.headers.get('X-Frame-Options')).toBeNull()
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(res.headers.get('Permissions-Policy')).toContain('camera=()')
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })

  it('is cached like the API', async () => {
    const res = await get('/card?lang=en')
    const etag = res.headers.get('ETag')!
    expect(res.headers.get('Cache-Control')).toContain('public')
    expect((await get('/card?lang=en', { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect((await get('/card?lang=en&theme=dark')).headers.get('ETag')).not.toBe(etag)
  })

  it('ignores parameters it does not know, such as Pym.js childId', async () => {
    expect((await get('/card?childId=card-1&initialWidth=600')).status).toBe(200)
  })

  it('answers bad parameters with a small 400 page that never echoes them', async () => {
    const res = await get('/card?variant=%3Cscript%3Ealert(1)%3C/script%3E&theme=neon&lang=fr')
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(`variant must be one of ${VARIANTS.join(', ')}`)
    expect(html).toContain('theme must be one of light, dark, auto')
    expect(html).toContain('lang must be one of en, zh-CN')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('neon')
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
    expect((await get('/card?variant=full&variant=stat')).status).toBe(400)
    expect((await get('/card?fact=cash-reserve')).status).toBe(400)
  })
})

describe('GET /source', () => {
  it('marks every evidence span so /source#<fact-id> lands on it', async () => {
    const html = await (await get('/source')).text()
    const { body } = await getJson('/v1/facts')
    for (const fact of body.facts) {
      expect(html, fact.id).toContain(`<mark id="${fact.id}"`)
    }
    expect(html).toContain('Hong Kong Stock Exchange (HKEX)')
  })

  it('lists every correction: when, what, why, before and after in each language', async () => {
    const html = await (await get('/source')).text()
    const { body } = await getJson('/v1/source')
    const list = html.slice(html.indexOf('<h2 id="corrections">'))
    expect(html).toContain('ins:before{content:"→ "}')
    expect(list.match(/<li>/g)).toHaveLength(body.corrections.length)
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    for (const c of body.corrections) {
      expect(list).toContain(c.fact ? `<a href="#${c.fact}"><code>${c.fact}</code></a>` : ui.en.source.card.replace('{n}', ui.en.source.fields[c.card as keyof typeof ui.en.source.fields]))
      expect(list).toContain(`<span lang="en">${escape(c.what)} ${escape(c.why)}</span>`)
      for (const lang of Object.keys(c.after)) {
        // The arrow between them is the page's CSS (ins::before): a dd of a symbol alone is one axe cannot judge.
        expect(list, `${c.fact ?? c.card} ${lang}`).toContain(`<del lang="${lang}">${escape(c.before[lang])}</del> <ins lang="${lang}">${escape(c.after[lang])}</ins>`)
      }
    }
    // A span is highlighted however the link reaches it: the mark it targets, or the text its fragment finds.
    expect(html).toContain('mark:target,::target-text{')
  })
})

describe('GET /oembed', () => {
  const card = `${ORIGIN}/card?lang=zh-CN&variant=full`
  const oembed = (params: Record<string, string>) => get(`/oembed?${new URLSearchParams(params)}`)

  it('answers oEmbed 1.0 JSON: the facts in a blockquote, then the iframe', async () => {
    const res = await oembed({ url: card })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    const body = (await res.json()) as Record<string, any>
    expect(body).toMatchObject({
      version: '1.0', type: 'rich', title: '小米宣布进军智能电动汽车行业', provider_name: 'xiaomi-ev-card',
      provider_url: ORIGIN, cache_age: 86400, width: 640, height: cardHeight('zh-CN', 'full'),
    })
    // The blockquote's words are the card's own: its headline, then its date line (labelled as the press release's).
    const { body: model } = await getJson("/v1/card?lang=zh-CN&variant=full")
    expect(body.html.startsWith(`<blockquote><a href="${ORIGIN}/card?lang=zh-CN&amp;variant=full">${model.headline}</a> ${model.date.text}。`)).toBe(true)
    expect(body.html).toMatch(/^<blockquote>[^<]*<a [^>]+>[^<]+<\/a>[^<]+<\/blockquote><iframe /)
    expect(body.html).toContain(
      `</blockquote><iframe src="${ORIGIN}/card?lang=zh-CN&amp;variant=full" title="事实卡片：小米进军智能电动汽车" width="640" height="${cardHeight('zh-CN', 'full')}" style="border:0"></iframe>`,
    )
    expect(body.html).not.toContain('<script')
  })

  it('honours maxwidth and maxheight', async () => {
    const body = (await (await oembed({ url: card, maxwidth: '400', maxheight: '500' })).json()) as any
    expect([body.width, body.height]).toEqual([400, 500])
    expect(body.html).toContain('width="400" height="500"')
  })

  it('answers XML on request, and 501 for formats it does not have', async () => {
    const res = await oembed({ url: card, format: 'xml' })
    expect(res.headers.get('Content-Type')).toBe('text/xml; charset=utf-8')
    const xml = await res.text()
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8" standalone="yes"\?>\n<oembed><version>1.0<\/version><type>rich<\/type>/)
    expect(xml).toContain('<html>&lt;blockquote&gt;&lt;a href=&quot;')
    expect(xml).toContain('&lt;/blockquote&gt;&lt;iframe src=&quot;')
    await expectProblem(await oembed({ url: card, format: 'yaml' }), 501)
  })

  it('404s any url that is not one of our card pages, without echoing it', async () => {
    for (const url of [
      'https://evil.example/card?lang=en',
      'javascript:alert(1)//' + ORIGIN + '/card',
      'data:text/html,<script>alert(1)</script>',
      `${ORIGIN}/admin`,
      `${ORIGIN}/card?variant=%3Cscript%3E`,
      `${ORIGIN.replace('https', 'http')}/card`,
      `https://user:pw@${new URL(ORIGIN).host}/card`,
      'not a url',
    ]) {
      const res = await oembed({ url })
      const problem = await expectProblem(res, 404)
      expect(JSON.stringify(problem), url).not.toContain('alert')
      expect(JSON.stringify(problem), url).not.toContain('evil')
    }
  })

  it('400s missing or malformed parameters', async () => {
    expect((await expectProblem(await get('/oembed'), 400)).detail).toContain('url is required')
    expect((await expectProblem(await oembed({ url: card, maxwidth: 'wide' }), 400)).detail).toContain('maxwidth must be a whole number')
    expect((await expectProblem(await oembed({ url: card, maxheight: '0' }), 400)).detail).toContain('maxheight')
  })

  it('is listed in /openapi.json, beside the pages and scripts', async () => {
    const body = openApiDocument as any
    const op = body.paths['/oembed'].get
    expect(op.parameters.map((p: any) => p.name).sort()).toEqual(['format', 'maxheight', 'maxwidth', 'url'])
    expect(Object.keys(op.responses).sort()).toEqual(['200', '304', '400', '404', '501'])
    for (const path of ['/card', '/source', '/', '/embed.js', '/resize.js']) expect(body.paths[path]?.get, path).toBeDefined()
    const card = body.paths['/card'].get.parameters.map((p: any) => p.name).sort()
    expect(card).toEqual(['accent', 'background', 'border', 'fact', 'font', 'lang', 'muted', 'radius', 'text', 'theme', 'variant'])
  })
})

describe('GET /', () => {
  it('serves the publisher page with every snippet, from our own origin only', async () => {
    const res = await get('/?variant=stat&fact=cash-reserve&lang=zh-CN')
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('&lt;xiaomi-ev-card lang=&quot;zh-CN&quot; theme=&quot;auto&quot; variant=&quot;stat&quot; fact=&quot;cash-reserve&quot;')
    expect(html).toContain(`${ORIGIN}/oembed?url=`)
    expect(html).toMatch(/integrity=&quot;sha384-[A-Za-z0-9+/=]+&quot; crossorigin=&quot;anonymous&quot;/)
    const urls = [...html.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1])
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN)
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
  })
})

describe("the pages in the reader's language", () => {
  const LANGS = ['en', 'zh-CN', 'zh-HK', 'zh-TW'] as const
  const lang = (html: string) => attr(html, /^<!doctype html><html lang="([^"]+)"/)
  const accept = (value: string) => ({ headers: { 'Accept-Language': value } })

  it('/ is in hl, else the Accept-Language the API would answer, else English; and says so', async () => {
    for (const [path, init, expected, negotiated] of [
      ['/', undefined, 'en', true],
      ['/', accept('zh-CN'), 'zh-CN', true],
      ['/', accept('fr, zh-Hant-MO;q=0.9, en;q=0.5'), 'zh-HK', true],
      ['/', accept('zh-Hant'), 'zh-TW', true],
      ['/?hl=zh-TW', accept('zh-CN'), 'zh-TW', false],
      ['/?hl=zh-hk', undefined, 'zh-HK', false],
      ['/?hl=xx-invalid', accept('zh-TW'), 'zh-TW', true],
    ] as const) {
      const res = await get(path, init)
      const html = await res.text()
      expect(res.status, path).toBe(200)
      expect(lang(html), `${path} ${JSON.stringify(init)}`).toBe(expected)
      expect(res.headers.get('Content-Language')).toBe(expected)
      expect(res.headers.get('Vary') ?? '', path).toSatisfy((v: string) => v.includes('Accept-Language') === negotiated)
      // The page's words are its language's, from data/ui.json.
      expect(html).toContain(`<h2 id="build">${ui[expected].home.build}</h2>`)
      expect(html).toContain(`<h2 id="where">${ui[expected].where.title}</h2>`)
    }
  })

  it('/ names every language version (hreflang) and links each from a switcher that works without script', async () => {
    const html = await (await get('/?hl=zh-HK')).text()
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}/"/>`)
    for (const l of LANGS) {
      expect(html).toContain(`<link rel="alternate" hreflang="${l}" href="${ORIGIN}/?hl=${l}"/>`)
      expect(html).toMatch(new RegExp(`<a href="/\\?hl=${l}" lang="${l}" hreflang="${l}"( aria-current="page")?>`))
    }
    expect(html).toContain('<a href="/?hl=zh-HK" lang="zh-HK" hreflang="zh-HK" aria-current="page">')
    // The form keeps the page's language when it reloads the page.
    expect(html).toContain('<input type="hidden" name="hl" value="zh-HK"/>')
  })

  it("/'s builder starts on the card language that matches the page, and builds any other on request", async () => {
    for (const l of LANGS) {
      const html = await (await get(`/?hl=${l}`)).text()
      expect(html).toContain(`<input type="radio" name="lang" value="${l}" checked/>`)
      expect(html).toContain(`&lt;xiaomi-ev-card lang=&quot;${l}&quot;`)
    }
    const english = await (await get('/?hl=zh-TW&lang=en')).text()
    expect(lang(english)).toBe('zh-TW')
    expect(english).toContain('&lt;xiaomi-ev-card lang=&quot;en&quot;')
    const negotiated = await (await get('/', accept('zh-CN'))).text()
    expect(negotiated).toContain('&lt;xiaomi-ev-card lang=&quot;zh-CN&quot;')
  })

  it("/card's error page speaks the requested card language, else the negotiated one", async () => {
    for (const [path, init, expected] of [
      ['/card?lang=zh-HK&variant=nope', undefined, 'zh-HK'],
      ['/card?lang=zh-Hant&variant=nope', accept('zh-CN'), 'zh-TW'],
      ['/card?variant=nope', accept('zh-CN'), 'zh-CN'],
      ['/card?lang=xx&variant=nope', accept('zh-TW'), 'zh-TW'],
      ['/card?variant=nope', undefined, 'en'],
    ] as const) {
      const res = await get(path, init)
      const html = await res.text()
      expect(res.status).toBe(400)
      expect(lang(html), path).toBe(expected)
      expect(res.headers.get('Content-Language')).toBe(expected)
      expect(html).toContain(`<h1>${ui[expected].cardError.title}</h1>`)
      expect(html).toContain(expected == 'en' ? 'variant must be one of' : ui[expected].cardError.problem.replace('{n}', '<code>variant</code>'))
    }
  })

  it("/source speaks hl (which a card's evidence links carry) or Accept-Language; the source stays English", async () => {
    for (const [path, init, expected, negotiated] of [
      ['/source', undefined, 'en', true],
      ['/source?hl=zh-HK', accept('zh-CN'), 'zh-HK', false],
      ['/source', accept('zh-TW'), 'zh-TW', true],
    ] as const) {
      const res = await get(path, init)
      const html = await res.text()
      expect(lang(html), path).toBe(expected)
      expect(res.headers.get('Content-Language')).toBe(expected)
      expect(res.headers.get('Vary') ?? '').toSatisfy((v: string) => v.includes('Accept-Language') === negotiated)
      expect(html).toContain(`<h2 id="corrections">${ui[expected].source.corrections}</h2>`)
      expect(html).toContain('<article lang="en">')
      expect(html).toContain('Hong Kong Stock Exchange (HKEX)')
    }
  })

  it('/source?hl=… gives each correction in the English record and, beside it, its translation marked as one; and says how to verify in that language', async () => {
    const { body } = await getJson('/v1/source')
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    for (const lang of Object.keys(ui) as (keyof typeof ui)[]) {
      const html = await (await get(`/source?hl=${lang}`)).text()
      const list = html.slice(html.indexOf('<h2 id="corrections">'), html.indexOf('<section aria-labelledby="verify">'))
      const t = ui[lang].source
      for (const c of body.corrections) {
        const english = `<span lang="en">${escape(c.what)} ${escape(c.why)}</span>`
        const translated = c.translated[lang]
        // The page's language is the translation's: no lang of its own, inside the page's.
        const marked = translated && `${english} <span class="translated">${escape(t.translated.replace('{what}', translated.what).replace('{why}', translated.why))}</span>`
        expect(list, `${lang} ${c.fact ?? c.card}`).toContain(marked ?? english)
        if (!translated) expect(list).not.toContain('class="translated"')
      }
      const verify = html.slice(html.indexOf('<section aria-labelledby="verify">'))
      expect(verify).toContain(`<h2 id="verify">${t.verify.title}</h2>`)
      for (const words of [t.verify.answers.split('{directory}')[0], t.verify.digest, t.verify.images, t.verify.scripts]) expect(verify, lang).toContain(escape(words))
      // Commands are code, the same in every language.
      expect(verify).toContain(`node scripts/verify.mjs '${ORIGIN}/v1/card?lang=en&amp;variant=compact'`)
    }
    expect(body.corrections.every((c: any) => Object.keys(c.translated).length === Object.keys(ui).length - 1)).toBe(true)
  })
})
