import { describe, expect, it } from 'vitest'
import { LANGS } from '../../widget/card-model'
import { locales } from '../../src/data'
// One rule for the API's lang and Accept-Language and for embed.js's lang attributes.
import { matchLang } from '../../widget/lang'
import { ORIGIN, cardHeight, expectProblem, get, getJson, openApiDocument } from './helpers'

// Every tag a reader, a page or a publisher may send, and the card it gets: CLDR's likely
// subtags and parent locales, with the script winning over the region.
const TAGS: [string, string][] = [
  ['en', 'en'], ['en-US', 'en'], ['en-GB', 'en'], ['en_AU', 'en'], ['EN-in', 'en'],
  ['zh', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['zh-CN', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['zh-SG', 'zh-CN'],
  ['zh-MY', 'zh-CN'], ['zh-Hans-HK', 'zh-CN'], ['zh-Hans-MO', 'zh-CN'], ['zh-Hans-TW', 'zh-CN'], ['zh_cn', 'zh-CN'],
  ['zh-HK', 'zh-HK'], ['zh-MO', 'zh-HK'], ['zh-Hant-HK', 'zh-HK'], ['zh-Hant-MO', 'zh-HK'], ['ZH-hk', 'zh-HK'], ['zh_Hant_HK', 'zh-HK'],
  ['zh-TW', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-Hant-TW', 'zh-TW'], ['zh_TW', 'zh-TW'], ['zh-Hant-CN', 'zh-TW'], ['zh-US', 'zh-TW'],
]
// Each language's headline, as its readers see it (data/locale.json).
const HEADLINES = Object.fromEntries(LANGS.map((l) => [l, locales[l].headline])) as Record<(typeof LANGS)[number], string>

describe('language negotiation', () => {
  it('maps each tag to the language CLDR says its readers read', () => {
    for (const [tag, lang] of TAGS) expect(matchLang(tag), tag).toBe(lang)
    for (const tag of ['fr', 'ja-JP', 'yue', 'yue-Hant-HK', '*', '', 'zh-', 'x', 'i-klingon', 'zh-Hant-x']) expect(matchLang(tag), tag).toBeUndefined()
  })

  it('serves that language for ?lang=, and names it in Content-Language', async () => {
    for (const [tag, lang] of TAGS) {
      const { res, body } = await getJson(`/v1/card?lang=${encodeURIComponent(tag)}`)
      expect([res.status, res.headers.get('Content-Language'), body.lang, body.headline], tag).toEqual([200, lang, lang, HEADLINES[lang as keyof typeof HEADLINES]])
    }
  })

  it('serves that language for Accept-Language, by q-value, skipping what it does not have', async () => {
    for (const [tag, lang] of TAGS) {
      const res = await get('/v1/facts', { headers: { 'Accept-Language': `fr, ${tag};q=0.9, en;q=0.1` } })
      expect(res.headers.get('Content-Language'), tag).toBe(lang)
    }
    for (const [header, lang] of [
      ['zh-Hant;q=0.5, zh-CN;q=0.4', 'zh-TW'],
      ['zh-CN;q=0.4, zh-MO;q=0.5', 'zh-HK'],
      ['zh-TW;q=0, zh-HK', 'zh-HK'],
      ['de-CH, de;q=0.9, *;q=0.5', 'en'],
    ]) {
      expect((await get('/v1/card', { headers: { 'Accept-Language': header } })).headers.get('Content-Language'), header).toBe(lang)
    }
    // An explicit lang wins over the reader's header.
    const explicit = await get('/v1/card?lang=zh-HK', { headers: { 'Accept-Language': 'zh-TW' } })
    expect(explicit.headers.get('Content-Language')).toBe('zh-HK')
  })

  it('refuses other languages with a problem listing all four', async () => {
    for (const tag of ['fr', 'yue-HK', 'zh-', '%2A']) {
      const problem = await expectProblem(await get(`/v1/card?lang=${tag}`), 400)
      expect(problem.detail, tag).toContain('lang must be one of en, zh-CN, zh-HK, zh-TW')
    }
  })

  it('gives each language its own ETag', async () => {
    const tags = await Promise.all(LANGS.map(async (lang) => (await get(`/v1/card?lang=${lang}`)).headers.get('ETag')))
    expect(new Set(tags).size).toBe(LANGS.length)
  })
})

describe('every language, everywhere', () => {
  it('/card is a complete page in each language: lang, title, metadata and alternates', async () => {
    for (const lang of LANGS) {
      const res = await get(`/card?lang=${lang}&variant=full`)
      const html = await res.text()
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Language')).toBe(lang)
      expect(html, lang).toMatch(new RegExp(`^<!doctype html><html lang="${lang}">`))
      // The title dates the press release, labelled as such, as the card does.
      const { body: card } = await getJson(`/v1/card?lang=${lang}&variant=full`)
      expect(card.date.text.startsWith(locales[lang].dateLabel), lang).toBe(true)
      expect(html, lang).toContain(`<title>${HEADLINES[lang]} · ${card.date.text}</title>`)
      expect(html, lang).toContain(`<article class="xc xc-full xc-auto" lang="${lang}"`)
      expect(html, lang).toContain(`<meta property="og:locale" content="${lang == 'en' ? 'en_US' : lang.replace('-', '_')}"/>`)
      expect(html.match(/og:locale:alternate/g), lang).toHaveLength(LANGS.length - 1)
      for (const other of LANGS) {
        expect(html, `${lang} → ${other}`).toContain(`<link rel="alternate" hreflang="${other}" href="${ORIGIN}/card?lang=${other}&amp;variant=full"/>`)
      }
      expect(html, lang).toContain(`"inLanguage":"${lang}"`)
    }
  })

  it('zh-HK and zh-TW speak each region, not the mainland, on /card and in /v1/facts', async () => {
    const both = async (lang: string) => (await (await get(`/card?lang=${lang}&variant=full`)).text()) + (await (await get(`/v1/facts?lang=${lang}`)).text())
    const [hk, tw] = [await both('zh-HK'), await both('zh-TW')]
    for (const word of ['智能手機', '行政總裁', '港交所', '附屬公司', '中國內地', '人民幣100億元', '1.46億部']) expect(hk, word).toContain(word)
    for (const word of ['智慧型手機', '執行長', '香港交易所', '子公司', '中國大陸', '人民幣100億元', '1.46億支', '連續8季']) expect(tw, word).toContain(word)
    for (const word of ['智能', '軟件', '硬件', '互聯網']) expect(tw, word).not.toContain(word)
    for (const html of [hk, tw]) for (const ch of ['亿', '万', '进', '军', '动', '车']) expect(html).not.toContain(ch)
  })

  it("oEmbed and the iframe snippet give the full card's height in each language", async () => {
    for (const lang of LANGS) {
      const url = `${ORIGIN}/card?lang=${lang}&variant=full`
      const body = (await (await get(`/oembed?url=${encodeURIComponent(url)}`)).json()) as any
      expect([body.title, body.height], lang).toEqual([HEADLINES[lang], cardHeight(lang, 'full')])
      const home = await (await get(`/?lang=${lang}&variant=full`)).text()
      expect(home, lang).toContain(`height=&quot;${cardHeight(lang, 'full')}&quot; style=&quot;`)
    }
  })

  it('the builder at / offers every language by code and by its own name', async () => {
    const html = await (await get('/?lang=zh-TW')).text()
    for (const [lang, name] of LANGS.map((l) => [l, locales[l].language])) {
      expect(html, lang).toMatch(new RegExp(`<input type="radio" name="lang" value="${lang}"( checked)?/> <span lang="${lang}">${name}</span> <code>${lang}</code>`))
    }
    expect(html).toContain('<input type="radio" name="lang" value="zh-TW" checked/>')
    expect(html).toContain('&lt;xiaomi-ev-card lang=&quot;zh-TW&quot;')
    expect(html).toContain(`&lt;a href=&quot;${ORIGIN}/card?lang=zh-TW&amp;amp;variant=compact&quot;>${HEADLINES['zh-TW']}&lt;/a>`)
  })

  it('/source links the card in each language, each name marked with its language', async () => {
    const html = await (await get('/source')).text()
    for (const [lang, name] of LANGS.map((l) => [l, locales[l].language])) {
      expect(html, lang).toContain(`<a href="/card?lang=${lang}&amp;variant=full" lang="${lang}" hreflang="${lang}">${name}</a>`)
    }
  })

  it('the OpenAPI document names the four languages and how other tags are matched', async () => {
    const body = openApiDocument as any
    for (const path of ['/v1/facts', '/v1/facts/{id}', '/v1/card', '/card']) {
      const lang = body.paths[path].get.parameters.find((p: any) => p.name === 'lang')
      expect(lang.description, path).toContain(LANGS.join(', '))
      for (const l of LANGS) expect(lang.description, path).toContain(`${locales[l].otherTags.join(', ')} → ${l}`)
      expect(LANGS, path).toContain(lang.schema.example ?? lang.example)
    }
    expect(body.components.schemas.Card.properties.lang.enum).toEqual([...LANGS])
  })
})
