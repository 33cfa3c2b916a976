import { describe, expect, it } from 'vitest'
import { rawData, source, factSet } from '../../src/data'
import { validateData } from '../../src/data/validate'

const clone = () => structuredClone(rawData) as { facts: any; locales: any; card: any }
const fact = (data: ReturnType<typeof clone>, id: string) => data.facts.facts.find((f: any) => f.id === id)

describe('the fact set', () => {
  it('is sound: every span at its offsets, every figure in its span', () => {
    expect(validateData(rawData, source)).toEqual([])
  })

  it('covers the whole source document', () => {
    const ids = factSet.facts.map((f) => f.id)
    for (const id of [
      'announcement-date', 'hkex-notice', 'wholly-owned-subsidiary', 'initial-investment', 'ten-year-investment',
      'ev-ceo', 'founder-statement', 'smartphone-shipments', 'smartphone-ranking', 'premium-smartphone-sales',
      'tv-market-leadership', 'connected-devices', 'xiaoai-monthly-active-users', 'cash-reserve',
    ]) expect(ids).toContain(id)
    expect(factSet.facts.filter((f) => f.id.startsWith('advantage-'))).toHaveLength(6)
    // Every sentence-bearing paragraph of the source is the evidence of at least one fact.
    const paragraphs = source.split('\n').map((p) => p.trim()).filter((p) => p.length > 40)
    for (const p of paragraphs) {
      const covered = factSet.facts.some((f) => f.evidence.start >= source.indexOf(p) && f.evidence.end <= source.indexOf(p) + p.length)
      expect(covered, p.slice(0, 60)).toBe(true)
    }
  })

  it('keeps figures in base units', () => {
    const values = Object.fromEntries(factSet.facts.flatMap((f) => (f.kind === 'figure' ? [[f.id, f.value]] : [])))
    expect(values).toMatchObject({
      'initial-investment': 10_000_000_000,
      'ten-year-investment': 10_000_000_000,
      'smartphone-shipments': 146_000_000,
      'connected-devices': 324_800_000,
      'xiaoai-monthly-active-users': 86_700_000,
      'cash-reserve': 108_000_000_000,
    })
  })
})

describe('the validator', () => {
  it('rejects a span at the wrong offset, naming the fact and where the text really is', () => {
    const data = clone()
    fact(data, 'cash-reserve').evidence.start += 1
    const [error] = validateData(data, source)
    expect(error).toMatch(/^fact cash-reserve: evidence offsets \d+-\d+ do not match the source; the text stands at/)
  })

  it('rejects a span that is not in the source', () => {
    const data = clone()
    fact(data, 'ev-ceo').evidence.text = 'Lei Jun will serve as the CEO.'
    expect(validateData(data, source)).toContain('fact ev-ceo: evidence text is not in the source')
  })

  it('rejects a figure whose value its span does not state', () => {
    const data = clone()
    fact(data, 'connected-devices').value = 325_000_000
    expect(validateData(data, source)).toContain(
      'fact connected-devices: value 325000000 ("325 million") is not stated in its evidence',
    )
  })

  it('rejects a wrong currency equivalent', () => {
    const data = clone()
    fact(data, 'initial-investment').equivalent.value = 1_400_000_000
    expect(validateData(data, source).join()).toMatch(/initial-investment: equivalent 1400000000/)
  })

  it('rejects a number in the text that the span does not state, in either language', () => {
    const data = clone()
    fact(data, 'announcement-date').text['zh-CN'] = '小米于2021年5月1日宣布进军智能电动汽车业务。'
    expect(validateData(data, source)).toContain('fact announcement-date: zh-CN text states 5, which its evidence does not')
  })

  it('holds Hong Kong and Taiwan text to the same rule, naming the fact and the language', () => {
    const data = clone()
    // 3.248億 misread as 3.25億; and a full-width figure must not slip past.
    fact(data, 'connected-devices').label['zh-TW'] = 'AIoT平台連網裝置（3.25億台）'
    fact(data, 'wholly-owned-subsidiary').text['zh-HK'] = '雷軍在２０２２年3月的發布會上表示，電動汽車業務將由小米的全資附屬公司營運。'
    const errors = validateData(data, source)
    expect(errors).toContain('fact connected-devices: zh-TW text states 3.25, which its evidence does not')
    expect(errors).toContain('fact wholly-owned-subsidiary: zh-HK text states 2022, which its evidence does not')
    expect(errors).toHaveLength(2)
  })

  it('counts a month the evidence names as its number (March is 3月), and no other', () => {
    const data = clone()
    expect(fact(data, 'wholly-owned-subsidiary').text['zh-TW']).toContain('2021年3月')
    fact(data, 'wholly-owned-subsidiary').text['zh-TW'] = '雷軍在2021年4月的發表會上表示，電動車業務將由小米全資子公司營運。'
    expect(validateData(data, source)).toEqual(['fact wholly-owned-subsidiary: zh-TW text states 4, which its evidence does not'])
  })

  it('requires every text in all four languages', () => {
    const data = clone()
    delete fact(data, 'ev-ceo').text['zh-HK']
    expect(validateData(data, source).join()).toMatch(/^fact ev-ceo: facts\.\d+\.text\.zh-HK/)
    const locales = clone()
    delete locales.locales['zh-TW'].currency.CNY
    expect(validateData(locales, source).join()).toMatch(/locale\.json: zh-TW\.currency\.CNY/)
  })

  it('rejects schema errors by fact id, and duplicate ids', () => {
    const data = clone()
    fact(data, 'cash-reserve').currency = 'RMB'
    expect(validateData(data, source).join()).toMatch(/^fact cash-reserve: facts\.\d+\.currency/)
    const dup = clone()
    dup.facts.facts.push(structuredClone(fact(dup, 'ev-ceo')))
    expect(validateData(dup, source)).toContain('fact ev-ceo: duplicate id')
  })

  it('rejects card.json naming a fact that is not a figure', () => {
    const data = clone()
    data.card.compact[0] = 'ev-ceo'
    expect(validateData(data, source)).toContain('card.json: a figure list names ev-ceo, which is not a figure fact')
  })
})
