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
