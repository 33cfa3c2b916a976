import { describe, expect, it } from 'vitest'
import { source, factSet, locales } from '../../src/data'
import facts from '../../data/facts.json'
import localeJson from '../../data/locale.json'
import card from '../../data/card.json'
import correctionsJson from '../../data/corrections.json'
import ui from '../../data/ui.json'
import { LANGS } from '../../widget/card-model'
import { validateData } from '../../src/data/validate'

// data/ as the build's check reads it.
const rawData = { facts, locales: localeJson, card, corrections: correctionsJson, ui }
const corrections = correctionsJson.corrections as any[]
const clone = () => structuredClone(rawData) as { facts: any; locales: any; card: any; corrections: any; ui: any }
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
    fact(data, 'announcement-date').text['zh-CN'] = '小米这份新闻稿的日期为2021年5月1日。'
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
    expect(errors).toContain('fact wholly-owned-subsidiary: zh-HK text states the date 2022-03, which its evidence does not')
    expect(errors).toHaveLength(3)
  })

  it('counts a month the evidence names as its number (March is 3月), and no other', () => {
    const data = clone()
    expect(fact(data, 'wholly-owned-subsidiary').text['zh-TW']).toContain('2021年3月')
    fact(data, 'wholly-owned-subsidiary').text['zh-TW'] = '雷軍在2021年4月的發表會上表示，電動車業務將由小米全資子公司營運。'
    expect(validateData(data, source)).toEqual([
      'fact wholly-owned-subsidiary: zh-TW text states 4, which its evidence does not',
      'fact wholly-owned-subsidiary: zh-TW text states the date 2021-04, which its evidence does not',
    ])
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

  it('rejects card.json naming a fact that is not a figure, and a variant that shares a variant there is not', () => {
    const data = clone()
    const [name, rule] = Object.entries(data.card.variants as Record<string, { figures: string[]; share: string }>)[0]
    rule.figures[0] = 'ev-ceo'
    expect(validateData(data, source)).toContain(`card.json: ${name}'s figures names ev-ceo, which is not a figure fact`)
    rule.share = 'poster'
    expect(validateData(data, source).join()).toContain('share must name a variant')
  })

  it('rejects an example tag in locale.json that means another language', () => {
    const data = clone()
    const [first, second] = Object.keys(data.locales)
    data.locales[first].otherTags.push(second)
    expect(validateData(data, source)).toContain(`locale.json: ${first}.otherTags: ${second} means ${second}`)
  })
})

// The claims this data once made beyond its evidence (data/corrections.json keeps each one's
// before): put back, each must fail, in every language it was made in.
const before = (id: string) => corrections.find((c) => c.fact === id)!.before
const errorsWith = (change: (data: ReturnType<typeof clone>) => void) => {
  const data = clone()
  change(data)
  return validateData(data, source)
}

describe('every claim no stronger than its evidence, in every language', () => {
  it('prints each fact with its span and why the span entails it', () => {
    const rows = factSet.facts.map((f) => `| ${f.id} | ${f.evidence.text.replaceAll('|', '\\|')} | ${f.note} |`)
    console.log(['| fact | evidence | why it entails the text |', '|---|---|---|', ...rows].join('\n'))
    expect(errorsWith((d) => delete fact(d, 'ev-ceo').note).join()).toMatch(/^fact ev-ceo: facts\.\d+\.note/)
  })

  it('refuses an event claimed on the dateline, which only dates the press release', () => {
    const old = before('announcement-date')
    for (const lang of LANGS) {
      expect(old[lang], lang).toBeDefined()
      const errors = errorsWith((d) => (fact(d, 'announcement-date').text[lang] = old[lang]))
      expect(errors, lang).toContain(`fact announcement-date: ${lang} text must say that its evidence, the dateline, dates the ${locales[lang].dateLabel}: it dates no event`)
    }
  })

  it('refuses a date at a precision or day its span does not state', () => {
    // The launch event is "March 2021": not 1 April, and no day at all.
    for (const lang of LANGS) {
      const text = lang == 'en' ? 'Lei Jun stated at a launch event on 1 April 2021 that the EV business will be run by a subsidiary.' : '雷军在2021年4月1日的发布会上表示，电动汽车业务将由全资子公司运营。'
      expect(errorsWith((d) => (fact(d, 'wholly-owned-subsidiary').text[lang] = text)), lang).toContain(
        `fact wholly-owned-subsidiary: ${lang} text states the date 2021-04-01, which its evidence does not`,
      )
    }
  })

  it('refuses an estimate written as an approximation, in every language', () => {
    const old = { en: '~{n}', 'zh-CN': '约{n}', 'zh-HK': '約{n}', 'zh-TW': '約{n}' } as const
    for (const lang of LANGS) {
      // The formatted value the cards showed (corrections.json) is that pattern's output.
      expect(before('ten-year-investment')[lang]).toBe(old[lang].replace('{n}', before('ten-year-investment')[lang]!.replace(/^~|^约|^約/, '')))
      expect(errorsWith((d) => (d.locales[lang].qualifier.estimated = old[lang])), lang).toContain(
        `locale.json: ${lang}.qualifier.estimated "${old[lang]}" reads as approximately; it must read as estimated`,
      )
    }
  })

  it('refuses a qualifier its span does not state, and a figure that drops the one it does', () => {
    for (const lang of LANGS) {
      // "About", as each language writes it, in its own script.
      const about = { en: 'Cash reserve of about', 'zh-CN': '约现金储备' }[lang as string] ?? '約現金儲備'
      expect(errorsWith((d) => (fact(d, 'cash-reserve').label[lang] = about)), lang).toContain(
        `fact cash-reserve: ${lang} text says "approximately", which its evidence does not`,
      )
    }
    expect(errorsWith((d) => delete fact(d, 'connected-devices').qualifier)).toEqual([
      'fact connected-devices: its evidence says "more-than", which the figure\'s qualifier does not',
    ])
    expect(errorsWith((d) => (fact(d, 'cash-reserve').qualifier = 'estimated'))).toEqual(['fact cash-reserve: qualifier estimated is not stated in its evidence'])
  })

  it('refuses a translated quote presented as the speaker\'s own words, and a quotation a statement makes up', () => {
    for (const lang of LANGS.filter((l) => l !== factSet.source.lang)) {
      expect(errorsWith((d) => delete d.locales[lang].translatedQuote), lang).toContain(
        `locale.json: ${lang}.translatedQuote: a quote translated from the source must be marked as one`,
      )
      // The term in quotation marks that the business-model advantage once put in Xiaomi's mouth.
      expect(errorsWith((d) => (fact(d, 'advantage-business-model').text[lang] = before('advantage-business-model')[lang])), lang).toContain(
        `fact advantage-business-model: ${lang} text quotes words its evidence does not; a quotation is a quote fact, marked as translated outside the source's language`,
      )
    }
    expect(errorsWith((d) => (d.locales.en.translatedQuote = '{n} (translated)'))).toEqual(['locale.json: en.translatedQuote: the source language quotes, it does not translate'])
    expect(errorsWith((d) => (fact(d, 'founder-statement').text.en = 'I am willing to put all my reputation on the line.'))).toEqual([
      'fact founder-statement: the en quote is not verbatim in its evidence',
    ])
  })

  it('refuses notes, and corrections\' what and why, that are not English', () => {
    expect(errorsWith((d) => (fact(d, 'ev-ceo').note = 'The span says 雷军 will serve as CEO of the business.'))).toEqual(['fact ev-ceo: note must be English'])
    expect(errorsWith((d) => (d.corrections.corrections[0].what = '日期 is the press release\'s date.'))).toEqual([
      `corrections.json: 0 (${corrections[0].fact ?? corrections[0].card}): what and why must be English`,
    ])
  })

  it('holds every correction to what readers see now', () => {
    expect(corrections.length).toBeGreaterThan(0)
    for (const c of corrections) expect(c.date).toBe('2026-12-01')
    const wrong = errorsWith((d) => (d.corrections.corrections.find((c: any) => c.fact === 'ten-year-investment').after.en = '~US$10 billion'))
    expect(wrong).toContainEqual(expect.stringMatching(/^corrections\.json: \d+ \(ten-year-investment\): after\.en "~US\$10 billion" is not what readers see now, "est\. US\$10 billion"$/))
    expect(errorsWith((d) => (d.corrections.corrections[0].fact = 'flying-cars'))).toEqual(['corrections.json: 0 (flying-cars): names no fact'])
  })

  it("refuses a correction without what and why translated into every other language, or saying more than the English", () => {
    const other = LANGS.filter((l) => l != 'en')
    expect(other.length).toBeGreaterThan(0)
    for (const lang of other) {
      expect(errorsWith((d) => delete d.corrections.corrections[3].translated[lang])).toEqual([expect.stringMatching(new RegExp(`^corrections\\.json: corrections\\.3\\.translated\\.${lang}: `))])
      expect(errorsWith((d) => (d.corrections.corrections[3].translated[lang].why = ''))).toEqual([expect.stringMatching(/^corrections\.json: corrections\.3\.translated\.[\w-]+\.why: /)])
    }
    expect(errorsWith((d) => delete d.corrections.corrections[0].translated)).toEqual([expect.stringMatching(/^corrections\.json: corrections\.0\.translated: /)])
    expect(errorsWith((d) => (d.corrections.corrections[0].translated.en = { what: 'x', why: 'y' }))).toEqual([expect.stringMatching(/^corrections\.json: corrections\.0\.translated\.en: /)])
    const c = corrections[0]
    const where = `corrections.json: 0 (${c.fact ?? c.card})`
    expect(errorsWith((d) => (d.corrections.corrections[0].translated['zh-TW'].why += '另有5億美元。'))).toEqual([`${where}: translated.zh-TW states 5, which the English note does not`])
    expect(errorsWith((d) => (d.corrections.corrections[0].translated['zh-CN'] = { what: c.what, why: c.why }))).toEqual([`${where}: translated.zh-CN must be written in zh-CN`])
  })
})

describe("the pages' own words (data/ui.json)", () => {
  it('refuses a UI string missing in any language, an extra one, an empty one, and a lost or changed {slot}', () => {
    for (const lang of LANGS.filter((l) => l != 'en')) {
      const data = clone()
      delete data.ui[lang].home.copy
      expect(validateData(data, source)).toEqual([`ui.json: ${lang}.home.copy: missing; every language says what English says`])
    }
    const data = clone()
    data.ui['zh-TW'].where.rows.pop()
    data.ui['zh-HK'].home.build = ' '
    data.ui['zh-CN'].cardError.problem = '值无效'
    data.ui['zh-HK'].home.contrast.warning = data.ui['zh-HK'].home.contrast.warning.replace('{ratio}', '{n}')
    data.ui.en.home.extra = 'Only in English'
    expect(validateData(data, source)).toEqual(expect.arrayContaining([
      `ui.json: zh-TW.where.rows.${data.ui.en.where.rows.length - 1}.0: missing; every language says what English says`,
      'ui.json: zh-HK.home.build: missing; every language says what English says',
      "ui.json: zh-CN.cardError.problem: its slots must be English's, {n}",
      "ui.json: zh-HK.home.contrast.warning: its slots must be English's, {background},{colour},{min},{ratio}",
      ...LANGS.filter((l) => l != 'en').map((l) => `ui.json: ${l}.home.extra: missing; every language says what English says`),
    ]))
    const dropped = clone()
    delete dropped.ui['zh-HK']
    expect(validateData(dropped, source).join()).toMatch(/^ui\.json: zh-HK: /)
  })
})
