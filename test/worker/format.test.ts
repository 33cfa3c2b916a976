import { describe, expect, it } from 'vitest'
import { getJson } from './helpers'

// Pinned as readers see them: formatted with Intl once per language by the build (dist/formatted.json).
const expected: Record<string, { en: string; zh: string; enEq?: string; zhEq?: string }> = {
  'initial-investment': { en: 'RMB 10 billion', zh: '100亿元', enEq: 'US$1.5 billion', zhEq: '15亿美元' },
  'ten-year-investment': { en: '~US$10 billion', zh: '约100亿美元' },
  'smartphone-shipments': { en: '146 million', zh: '1.46亿台' },
  'smartphone-ranking': { en: 'Top 3', zh: '前3' },
  'premium-smartphone-sales': { en: '10 million+', zh: '超1000万台' },
  'tv-market-leadership': { en: '8 quarters in a row', zh: '连续8个季度' },
  'connected-devices': { en: '324.8 million+', zh: '超3.248亿台' },
  'xiaoai-monthly-active-users': { en: '86.7 million', zh: '8670万' },
  'cash-reserve': { en: 'RMB 108 billion', zh: '1080亿元', enEq: 'US$16.5 billion', zhEq: '165亿美元' },
}

describe('formatted figures', () => {
  for (const [lang, key] of [['en', 'en'], ['zh-CN', 'zh']] as const) {
    it(`are exact in ${lang}`, async () => {
      const { body } = await getJson(`/v1/facts?lang=${lang}`)
      const figures = body.facts.filter((f: any) => f.kind === 'figure')
      expect(figures.map((f: any) => f.id).sort()).toEqual(Object.keys(expected).sort())
      for (const f of figures) {
        const want = expected[f.id]
        expect(f.formatted, f.id).toBe(want[key])
        expect(f.equivalent?.formatted, f.id).toBe(key === 'en' ? want.enEq : want.zhEq)
      }
    })
  }

  it('never round a figure the source states precisely', async () => {
    const { body } = await getJson('/v1/facts/connected-devices?lang=zh')
    expect(body.formatted).not.toMatch(/3\.2亿|3\.25亿/)
    const en = await getJson('/v1/facts/connected-devices?lang=en')
    expect(en.body.formatted).not.toMatch(/325/)
  })

  it('formats the date for each language', async () => {
    expect((await getJson('/v1/card?lang=en')).body.date).toEqual({ iso: '2021-04-01', text: 'April 1, 2021' })
    expect((await getJson('/v1/card?lang=zh-CN')).body.date).toEqual({ iso: '2021-04-01', text: '2021年4月1日' })
  })
})
