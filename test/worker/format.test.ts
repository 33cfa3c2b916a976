import { describe, expect, it } from 'vitest'
import { LANGS, type Lang } from '../../widget/card-model'
import { getJson } from './helpers'

// Pinned as readers see them, formatted with Intl once per language by the build (dist/formatted.json): each figure as
// [value, equivalent] in every language, at full precision (3.248億, never 3.2億).
type Pinned = Record<Lang, string | [string, string]>
const expected: Record<string, Pinned> = {
  'initial-investment': {
    en: ['RMB 10 billion', 'US$1.5 billion'],
    'zh-CN': ['100亿元', '15亿美元'],
    'zh-HK': ['人民幣100億元', '15億美元'],
    'zh-TW': ['人民幣100億元', '15億美元'],
  },
  // An estimate is a forecast (est., 预计, 預計), never "about" (~, 约, 約).
  'ten-year-investment': { en: 'est. US$10 billion', 'zh-CN': '预计100亿美元', 'zh-HK': '預計100億美元', 'zh-TW': '預計100億美元' },
  'smartphone-shipments': { en: '146 million', 'zh-CN': '1.46亿台', 'zh-HK': '1.46億部', 'zh-TW': '1.46億支' },
  'smartphone-ranking': { en: 'Top 3', 'zh-CN': '前3', 'zh-HK': '前3名', 'zh-TW': '前3名' },
  'premium-smartphone-sales': { en: '10 million+', 'zh-CN': '超1000万台', 'zh-HK': '逾1000萬部', 'zh-TW': '逾1000萬支' },
  'tv-market-leadership': { en: '8 quarters in a row', 'zh-CN': '连续8个季度', 'zh-HK': '連續8個季度', 'zh-TW': '連續8季' },
  'connected-devices': { en: '324.8 million+', 'zh-CN': '超3.248亿台', 'zh-HK': '逾3.248億台', 'zh-TW': '逾3.248億台' },
  'xiaoai-monthly-active-users': { en: '86.7 million', 'zh-CN': '8670万', 'zh-HK': '8670萬', 'zh-TW': '8670萬' },
  'cash-reserve': {
    en: ['RMB 108 billion', 'US$16.5 billion'],
    'zh-CN': ['1080亿元', '165亿美元'],
    'zh-HK': ['人民幣1080億元', '165億美元'],
    'zh-TW': ['人民幣1080億元', '165億美元'],
  },
}

describe('formatted figures', () => {
  for (const lang of LANGS) {
    it(`are exact in ${lang}`, async () => {
      const { body } = await getJson(`/v1/facts?lang=${lang}`)
      const figures = body.facts.filter((f: any) => f.kind === 'figure')
      expect(figures.map((f: any) => f.id).sort()).toEqual(Object.keys(expected).sort())
      for (const f of figures) {
        const want = expected[f.id][lang]
        const [value, equivalent] = Array.isArray(want) ? want : [want, undefined]
        expect(f.formatted, f.id).toBe(value)
        expect(f.equivalent?.formatted, f.id).toBe(equivalent)
      }
    })
  }

  it('are what the cards show, in every language', async () => {
    for (const lang of LANGS) {
      const { body } = await getJson(`/v1/card?lang=${lang}&variant=full`)
      for (const f of body.figures) {
        const want = expected[f.id][lang as Lang]
        expect([f.value, f.equivalent], `${lang} ${f.id}`).toEqual(Array.isArray(want) ? want : [want, undefined])
      }
    }
  })

  it('never round a figure the source states precisely', async () => {
    for (const lang of ['zh-CN', 'zh-HK', 'zh-TW']) {
      const { body } = await getJson(`/v1/facts/connected-devices?lang=${lang}`)
      expect(body.formatted, lang).not.toMatch(/3\.2[亿億]|3\.25[亿億]/)
    }
    const en = await getJson('/v1/facts/connected-devices?lang=en')
    expect(en.body.formatted).not.toMatch(/325/)
  })

  it("use Chinese units in Hong Kong, not CLDR's English ones for zh-Hant-HK (10B)", async () => {
    const { body } = await getJson('/v1/facts?lang=zh-HK')
    for (const f of body.facts.filter((f: any) => f.kind === 'figure')) expect(f.formatted, f.id).not.toMatch(/\d[KMB]\b/)
  })

  it('formats the dates for each language, the press release\'s labelled as such', async () => {
    const dates = {
      en: 'Press release · April 1, 2021 · Updated December 1, 2026',
      'zh-CN': '新闻稿 · 2021年4月1日 · 更新于2026年12月1日',
      'zh-HK': '新聞稿 · 2021年4月1日 · 更新於2026年12月1日',
      'zh-TW': '新聞稿 · 2021年4月1日 · 更新於2026年12月1日',
    }
    for (const lang of LANGS) {
      expect((await getJson(`/v1/card?lang=${lang}`)).body.date, lang).toEqual({ iso: '2021-04-01', text: dates[lang] })
    }
  })
})
