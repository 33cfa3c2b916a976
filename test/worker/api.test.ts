import { describe, expect, it } from 'vitest'
import { factSet, factsById, formatted, locales, source } from '../../src/data'
import correctionsJson from '../../data/corrections.json'
import { LANGS } from '../../widget/card-model'
import { VARIANTS, VARIANT_TABLE } from '../../widget/variants'
import { ORIGIN, expectProblem, get, getJson, openApiDocument } from './helpers'
// Every correction, oldest first, as the API lists them.
const corrections = [...correctionsJson.corrections].sort((a, b) => a.date.localeCompare(b.date)) as any[]

describe('GET /v1/facts', () => {
  it('lists every fact with its evidence, in English by default', async () => {
    const { res, body } = await getJson('/v1/facts')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('Content-Language')).toBe('en')
    expect(body.lang).toBe('en')
    expect(body.count).toBe(body.facts.length)
    expect(body.facts.map((f: any) => f.id)).toEqual(factSet.facts.map((f) => f.id))
    const cash = body.facts.find((f: any) => f.id === 'cash-reserve')
    expect(cash).toMatchObject({
      kind: 'figure', category: 'performance', label: 'Cash reserve at the end of 2020', value: 108000000000,
      currency: 'CNY', holdsFor: '2020-12-31', equivalent: { value: 16500000000, currency: 'USD' },
    })
    expect(cash.evidence.text).toContain('RMB 108 billion (US$16.5 billion)')
  })

  it('filters by category and by ids', async () => {
    const adv = await getJson('/v1/facts?category=advantage')
    expect(adv.body.facts.every((f: any) => f.category === 'advantage')).toBe(true)
    expect(adv.body.count).toBe(factSet.facts.filter((f) => f.category === 'advantage').length)
    const some = await getJson('/v1/facts?ids=cash-reserve,%20ev-ceo')
    expect(some.body.facts.map((f: any) => f.id)).toEqual(['ev-ceo', 'cash-reserve'])
  })

  it('answers in Simplified Chinese for Simplified tags, and by Accept-Language without one', async () => {
    for (const tag of ['zh', 'zh-Hans', 'zh-CN', 'ZH-cn', 'zh-Hans-CN']) {
      const { res, body } = await getJson(`/v1/facts?lang=${tag}`)
      expect(res.headers.get('Content-Language'), tag).toBe('zh-CN')
      expect(body.facts[0].text).toBe((factsById.get('announcement-date') as any).text['zh-CN'])
    }
    const negotiated = await get('/v1/facts', { headers: { 'Accept-Language': 'fr;q=1, zh-SG;q=0.8, en;q=0.5' } })
    expect(negotiated.headers.get('Content-Language')).toBe('zh-CN')
    expect(negotiated.headers.get('Vary')).toContain('Accept-Language')
    const english = await get('/v1/facts?lang=en-US', { headers: { 'Accept-Language': 'zh-CN' } })
    expect(english.headers.get('Content-Language')).toBe('en')
    const refused = await get('/v1/facts', { headers: { 'Accept-Language': 'zh;q=0, de' } })
    expect(refused.headers.get('Content-Language')).toBe('en')
  })

  it('rejects bad parameters with a problem naming the parameter and the allowed values', async () => {
    const lang = await expectProblem(await get('/v1/facts?lang=fr'), 400)
    // Every language we serve, and the other tags of each that the data gives as examples.
    expect(lang.detail).toMatch(/^lang: lang must be one of /)
    for (const tag of [...LANGS, ...LANGS.flatMap((l) => locales[l].otherTags)]) expect(lang.detail).toContain(tag)
    expect(lang.invalid_params).toEqual([{ name: 'lang', reason: expect.stringContaining(LANGS.join(', ')) }])
    const category = await expectProblem(await get('/v1/facts?category=gossip'), 400)
    expect(category.detail).toContain('category must be one of announcement, company, leadership, investment, performance, advantage')
    const ids = await expectProblem(await get('/v1/facts?ids=cash-reserve,nope'), 400)
    expect(ids.detail).toContain('ids must be a comma-separated list')
    const unknown = await expectProblem(await get('/v1/facts?colour=red'), 400)
    expect(unknown.detail).toBe('colour: unknown query parameter; this route accepts: category, ids, lang')
    expect(unknown.invalid_params).toEqual([{ name: 'colour', reason: 'unknown query parameter; this route accepts: category, ids, lang' }])
    // A route without parameters says so, rather than listing none.
    const none = await expectProblem(await get('/v1/source?x=1'), 400)
    expect(none.invalid_params).toEqual([{ name: 'x', reason: 'unknown query parameter; this route takes none' }])
    // The name comes back as it stood in the URL, percent-encoded: never markup.
    const markup = await expectProblem(await get('/v1/source?%3Cb%3E=1'), 400)
    expect(markup.invalid_params?.[0].name).toBe('%3Cb%3E')
    const repeated = await expectProblem(await get('/v1/facts?lang=en&lang=zh'), 400)
    expect(repeated.invalid_params?.[0].name).toBe('lang')
  })
})

describe('GET /v1/facts/{id}', () => {
  it('returns one fact', async () => {
    const { res, body } = await getJson('/v1/facts/founder-statement?lang=zh')
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ id: 'founder-statement', kind: 'quote', attribution: '雷军', translatedFrom: 'en' })
    expect(body.evidence.text.endsWith('—Lei Jun')).toBe(true)
  })

  it("carries each fact's note, its own corrections in the response language, and an evidence link with a text fragment", async () => {
    for (const lang of LANGS) {
      for (const f of (await getJson(`/v1/facts?lang=${lang}`)).body.facts) {
        expect(f.note, f.id).toBe((factsById.get(f.id) as any).note)
        const [path, directive] = f.evidence.href.split(':~:text=')
        expect(path, f.id).toBe(`/source?hl=${lang}#${f.id}`)
        expect(decodeURIComponent(directive), f.id).toBe(f.evidence.text)
        const own = corrections.filter((c) => c.fact === f.id && lang in c.after)
        // what and why are the English record; a Chinese answer adds their translation.
        expect((f.corrections ?? []).map((c: any) => [c.date, c.before, c.after, c.what, c.translated]), `${lang} ${f.id}`).toEqual(
          own.map((c) => [c.date, c.before[lang], c.after[lang], c.what, c.translated[lang]]),
        )
      }
    }
    const ten = (await getJson('/v1/facts/ten-year-investment?lang=zh-TW')).body
    expect(ten.corrections).toEqual([expect.objectContaining({ field: 'value', before: '約100億美元', after: '預計100億美元' })])
    expect((await getJson('/v1/facts/hkex-notice?lang=en')).body.corrections).toBeUndefined()
  })

  it('404s an unknown id and 400s a malformed one', async () => {
    const missing = await expectProblem(await get('/v1/facts/flying-cars'), 404)
    expect(missing.detail).toContain('GET /v1/facts lists every fact id')
    const malformed = await expectProblem(await get('/v1/facts/Cash_Reserve'), 400)
    expect(malformed.detail).toContain('id must be a kebab-case fact id')
  })
})

describe('GET /v1/card', () => {
  it('compact: headline, date, three key figures, the source link', async () => {
    const { body } = await getJson('/v1/card')
    expect(body).toMatchObject({ lang: 'en', variant: 'compact', headline: 'Xiaomi launches its smart electric vehicle business' })
    expect(body.figures.map((f: any) => [f.label, f.value])).toEqual([
      ['Initial investment', 'RMB 10 billion'],
      ['Total investment, next 10 years', 'est. US$10 billion'],
      ['Cash reserve at the end of 2020', 'RMB 108 billion'],
    ])
    // compact shows the value alone; the evidence still carries the source's conversion.
    expect(body.figures[0].equivalent).toBeUndefined()
    expect(body.figures[0].evidence).toContain('(US$1.5 billion)')
    expect(body.source).toEqual({ label: 'Source: Xiaomi press release', lang: 'en' })
    // The date is the press release's, labelled so; a correction touched this card.
    // The date line's words are pinned once, in format.test.ts.
    expect(body.date.iso).toBe(factSet.source.published)
    expect(body.quote).toBeUndefined()
  })

  it('full: every figure, the quote and the six advantages, as the variant table says', async () => {
    const { body } = await getJson('/v1/card?variant=full&lang=zh-CN')
    const rule = VARIANT_TABLE.full
    expect(body.figures.map((f: any) => f.id)).toEqual(rule.figures)
    expect(body.figures[0].equivalent).toBe('15亿美元')
    expect(body.quote.attribution).toBe('雷军')
    expect(body.advantages.items.map((a: any) => a.id)).toEqual(rule.advantages)
    expect(body.headline).toBe(locales['zh-CN'].headline)
  })

  it('marks the quote as translated in every language but the source\'s, with the Chinese two-em dash', async () => {
    const marks: Record<string, string> = { 'zh-CN': '——雷军（译自小米英文新闻稿）', 'zh-HK': '——雷軍（譯自小米英文新聞稿）', 'zh-TW': '——雷軍（譯自小米英文新聞稿）' }
    for (const lang of LANGS) {
      const { quote } = (await getJson(`/v1/card?variant=full&lang=${lang}`)).body
      const fact = (await getJson(`/v1/facts/founder-statement?lang=${lang}`)).body
      if (lang == factSet.source.lang) {
        expect([quote.byline, quote.translatedFrom, fact.translatedFrom], lang).toEqual(['— Lei Jun', undefined, undefined])
        // The source's own words, verbatim.
        expect(fact.evidence.text.startsWith(fact.text), lang).toBe(true)
      } else {
        expect([quote.byline, quote.translatedFrom, fact.translatedFrom], lang).toEqual([marks[lang], 'en', 'en'])
      }
    }
  })

  it('shows "Updated <date>" from the latest correction of what the card shows, in each language', async () => {
    for (const lang of LANGS) {
      for (const q of ['variant=compact', 'variant=full', 'variant=stat&fact=cash-reserve']) {
        const { date } = (await getJson(`/v1/card?${q}&lang=${lang}`)).body
        const latest = corrections.filter((c) => lang in c.after).at(-1)!.date
        expect(date.text, `${lang} ${q}`).toContain(formatted[lang].date[latest])
        expect(date.text.startsWith(locales[lang].dateLabel), lang).toBe(true)
      }
    }
  })

  it('stat: one figure, the default or the one named', async () => {
    expect((await getJson('/v1/card?variant=stat')).body.figures.map((f: any) => f.id)).toEqual(['initial-investment'])
    const { body } = await getJson('/v1/card?variant=stat&fact=connected-devices&lang=zh')
    expect(body.figures).toEqual([expect.objectContaining({ value: '超3.248亿台', label: 'AIoT平台已连接设备' })])
  })

  it('rejects a bad variant, a non-figure fact, and fact without stat', async () => {
    expect((await expectProblem(await get('/v1/card?variant=huge'), 400)).detail).toBe(`variant: variant must be one of ${VARIANTS.join(', ')}`)
    expect((await expectProblem(await get('/v1/card?variant=stat&fact=ev-ceo'), 400)).detail).toContain('fact must be the id of a figure')
    expect((await expectProblem(await get('/v1/card?fact=cash-reserve'), 400)).detail).toBe('fact: fact is only allowed with variant=stat')
  })
})

describe('GET /v1/source', () => {
  it('returns the source byte for byte with its metadata', async () => {
    const { body } = await getJson('/v1/source')
    expect(body).toMatchObject({ published: '2021-04-01', publisher: 'Xiaomi Corporation', lang: 'en', html: '/source' })
    expect(body.text.length).toBe(body.length)
    expect(body.text).toContain('Xiaomi has abundant cash resources that allow Xiaomi to invest with confidence.')
    const facts = (await getJson('/v1/facts')).body.facts
    for (const f of facts) expect(body.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text)
  })

  it("states the source's SHA-256, and the body's in Content-Digest (RFC 9530), kept from re-encoding", async () => {
    const hash = async (text: string | ArrayBuffer) =>
      new Uint8Array(await crypto.subtle.digest('SHA-256', typeof text == 'string' ? new TextEncoder().encode(text) : text))
    const res = await get('/v1/source')
    const bytes = await res.arrayBuffer()
    const body = JSON.parse(new TextDecoder().decode(bytes))
    expect(body.sha256).toBe([...(await hash(source))].map((b) => b.toString(16).padStart(2, '0')).join(''))
    expect(body.sha256).toBe([...(await hash(body.text))].map((b) => b.toString(16).padStart(2, '0')).join(''))
    expect(res.headers.get('Content-Digest')).toBe(`sha-256=:${btoa(String.fromCharCode(...(await hash(bytes))))}:`)
    expect(res.headers.get('Cache-Control')).toMatch(/, no-transform$/)
    // A 304 and a HEAD send no content, so no digest of it.
    const etag = res.headers.get('ETag')!
    expect((await get('/v1/source', { headers: { 'If-None-Match': etag } })).headers.get('Content-Digest')).toBeNull()
    expect((await get('/v1/source', { method: 'HEAD' })).headers.get('Content-Digest')).toBeNull()
    // The same answer again (from the isolate's hot cache) carries the same digest.
    expect((await get('/v1/source')).headers.get('Content-Digest')).toBe(res.headers.get('Content-Digest'))
  })

  it('lists every correction', async () => {
    const { body } = await getJson('/v1/source')
    expect(body.corrections).toEqual(corrections)
    expect(body.corrections.map((c: any) => c.fact ?? c.card)).toEqual(expect.arrayContaining(['announcement-date', 'ten-year-investment', 'founder-statement', 'date', 'source']))
  })
})

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every route, parameter and error', async () => {
    const body = openApiDocument as any
    expect(body.openapi).toBe('3.1.0')
    const paths = body.paths
    for (const p of ['/v1/facts', '/v1/facts/{id}', '/v1/card', '/v1/source']) {
      expect(paths[p]?.get, p).toBeDefined()
      expect(paths[p].get.responses['400'].content['application/problem+json'], p).toBeDefined()
    }
    expect(paths['/v1/facts/{id}'].get.responses['404']).toBeDefined()
    const params = paths['/v1/card'].get.parameters.map((p: any) => p.name).sort()
    expect(params).toEqual(['fact', 'lang', 'variant'])
    const variant = paths['/v1/card'].get.parameters.find((p: any) => p.name === 'variant')
    expect(variant.schema.enum).toEqual(VARIANTS)
    expect(body.components.schemas.Problem).toBeDefined()
  })
})

describe('the OpenAPI document, as clients read it', () => {
  it('names, describes and tags every operation, and defines each tag', async () => {
    const body = openApiDocument as any
    const tags = new Set(body.tags.map((t: any) => t.name))
    const ids = new Set()
    for (const [path, item] of Object.entries<any>(body.paths)) {
      const op = item.get
      expect(op.operationId, path).toMatch(/^[a-z][A-Za-z]+$/)
      ids.add(op.operationId)
      expect(op.description.length, path).toBeGreaterThan(op.summary.length)
      for (const tag of op.tags) expect(tags, `${path} ${tag}`).toContain(tag)
    }
    expect(ids.size).toBe(Object.keys(body.paths).length)
    expect(body.security).toEqual([])
    expect(body.info.license.identifier).toBe('MIT')
    // A static file: its server is the origin it is read from.
    expect(body.servers).toEqual([{ url: '/' }])
  })

  it("documents the headers a client relies on, and its examples are the worker's real answers", async () => {
    const body = openApiDocument as any
    const card = body.paths['/v1/card'].get.responses
    expect(Object.keys(card['200'].headers).sort()).toEqual(['Cache-Control', 'Content-Digest', 'Content-Language', 'ETag', 'Signature', 'Signature-Input', 'Vary'])
    expect(Object.keys(body.paths['/card.png'].get.responses['302'].headers)).toContain('Location')
    const live = {
      '/v1/facts': (ex: any) => `/v1/facts?lang=${ex.lang}&ids=${ex.facts.map((f: any) => f.id).join(',')}`,
      '/v1/facts/{id}': (ex: any) => `/v1/facts/${ex.id}?lang=en`,
      '/v1/card': (ex: any) => `/v1/card?lang=${ex.lang}&variant=${ex.variant}`,
      '/v1/source': () => '/v1/source',
    }
    for (const [path, request] of Object.entries(live)) {
      const example = body.paths[path].get.responses['200'].content['application/json'].example
      expect((await getJson(request(example))).body, path).toEqual(example)
    }
  })
})

describe('every route', () => {
  const routes = ['/v1/facts', '/v1/facts/cash-reserve', '/v1/card', '/v1/source', '/oembed?url=https%3A%2F%2Fcards.example%2Fcard']

  it('sends a strong ETag and answers If-None-Match with 304', async () => {
    for (const path of routes.slice(0, 4)) {
      const first = await get(path)
      const etag = first.headers.get('ETag')!
      expect(etag, path).toMatch(/^"[a-z0-9-]+"$/)
      // /v1/source adds no-transform: re-encoded, its body would not match its Content-Digest.
      expect(first.headers.get('Cache-Control')).toBe(`public, max-age=300, stale-while-revalidate=604800, stale-if-error=604800${path == '/v1/source' ? ', no-transform' : ''}`)
      const again = await get(path, { headers: { 'If-None-Match': `"other", ${etag}` } })
      expect(again.status, path).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('ETag')).toBe(etag)
      // A 304 carries what the 200 would, so a cache revalidating with us keeps its rules.
      for (const h of ['Cache-Control', 'CDN-Cache-Control', 'Cache-Tag', 'Vary']) expect(again.headers.get(h), `${path} ${h}`).toBe(first.headers.get(h))
      expect((await get(path, { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200)
    }
  })

  it('answers HEAD like GET without a body', async () => {
    for (const path of routes) {
      const res = await get(path, { method: 'HEAD' })
      expect(res.status, path).toBe(200)
      expect(await res.text()).toBe('')
    }
  })

  it('is public, read-only CORS with a correct preflight', async () => {
    for (const path of routes) {
      const res = await get(path, { headers: { Origin: 'https://news.example' } })
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    }
    const preflight = await get('/v1/card', {
      method: 'OPTIONS',
      headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
  })

  it('sends nosniff, no-referrer, and lets any origin read it', async () => {
    for (const path of [...routes, '/v1/nope']) {
      const res = await get(path)
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff')
      expect(res.headers.get('Referrer-Policy'), path).toBe('no-referrer')
      expect(res.headers.get('Cross-Origin-Resource-Policy'), path).toBe('cross-origin')
    }
  })

  it('405s other methods with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await get('/v1/facts', { method })
      const problem = await expectProblem(res, 405)
      expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
      expect(problem.detail).toContain('read-only')
    }
  })

  it('404s unknown paths with a problem', async () => {
    for (const path of ['/v1', '/v1/facts/cash-reserve/extra', '/v2/facts', '/wp-admin']) {
      const problem = await expectProblem(await get(path), 404)
      expect(problem.detail).toContain('/openapi.json')
    }
  })

  it('never answers 5xx or echoes input, however strange', async () => {
    const strange = [
      `/v1/facts?lang=${'x'.repeat(10000)}`,
      '/v1/facts?lang=%3Cscript%3Ealert(1)%3C/script%3E',
      '/v1/card?variant=%00&fact=..%2F..%2Fetc',
      '/v1/card?lang=%E0%A4%A',
      '/v1/facts/%3Cimg%20src%3Dx%3E',
      '/v1/facts?ids=' + 'a,'.repeat(3000),
      '/v1/card?variant=stat&fact=constructor',
      '/v1/card?__proto__=1',
    ]
    for (const path of strange) {
      const res = await get(path)
      expect(res.status, path).toBeLessThan(500)
      const text = await res.text()
      expect(text, path).not.toContain('<script')
      expect(text, path).not.toContain('<img')
      expect(text, path).not.toMatch(/at .*\.(ts|js):\d+/)
    }
  })
})
