// OpenCC as a check on the Hong Kong and Taiwan text, never as its author: no Simplified-only
// character may be left, each region's own character forms are used, and Taiwan's text has none
// of the mainland or Hong Kong vocabulary that OpenCC knows Taiwan writes otherwise.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { Converter } from 'opencc-js'

const read = (path) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'))
const { facts } = read('facts.json')
const locales = read('locale.json')
// The publisher's page, the error and source pages' own words (data/ui.json).
const ui = read('ui.json')

/** Every string a reader of `lang` sees, named by where it lives. */
function texts(lang) {
  const out = []
  for (const f of facts) for (const field of ['text', 'label', 'attribution']) if (f[field]) out.push([`${f.id}.${field}`, f[field][lang]])
  const walk = (value, where) =>
    typeof value === 'string' ? out.push([where, value]) : Object.entries(value).forEach(([k, v]) => walk(v, `${where}.${k}`))
  walk(locales[lang], `locale.${lang}`)
  walk(ui[lang], `ui.${lang}`)
  return out
}

const toTraditional = Converter({ from: 'cn', to: 't' })
const REGION = { 'zh-HK': Converter({ from: 't', to: 'hk' }), 'zh-TW': Converter({ from: 't', to: 'tw' }) }
const TAIWAN_VOCABULARY = Converter({ from: 't', to: 'twp' })

// OpenCC's Taiwan forms follow the Ministry of Education (臺); Taiwan's press, and its own
// Central News Agency, write 台 (台灣, 平台). Both are Traditional; we write as the press does.
const TAIWAN_FORMS = new Set(['台'])
// OpenCC's Hong Kong table maps 戶 (U+6236) to 户 (U+6237), imitating a glyph; Hong Kong's press
// and government text encode 戶 U+6236 (星島 and 中評社 write 用戶), and so do we.
const HONG_KONG_FORMS = new Map([['戶', '户']])
const OWN_FORMS = { 'zh-HK': (c) => HONG_KONG_FORMS.get(c) ?? c, 'zh-TW': (c) => (TAIWAN_FORMS.has(c) ? '臺' : c) }
// Words OpenCC's IT dictionary turns into Taiwan's computing terms, where our sense is another:
// 支持 is backing (信任與支持), not technical support (支援); 文件 is a document, not a computer file (檔案).
const TAIWAN_WORDS = ['支持', '文件']

describe('Traditional Chinese text (OpenCC as a check)', () => {
  for (const lang of ['zh-HK', 'zh-TW']) {
    it(`${lang} has no Simplified-only character`, () => {
      const region = REGION[lang]
      for (const [where, text] of texts(lang)) {
        // A character Simplified→Traditional conversion would change is Simplified, unless it is
        // this region's own form of that Traditional character.
        const simplified = [...text].filter((c) => toTraditional(c) !== c && region(toTraditional(c)) !== c && !(lang == 'zh-TW' && TAIWAN_FORMS.has(c)))
        assert.deepEqual(simplified, [], `${lang} ${where}: ${text}`)
      }
    })

    it(`${lang} uses the region's own character forms`, () => {
      const region = REGION[lang]
      for (const [where, text] of texts(lang)) {
        // Compared in OpenCC's forms where the region's press writes otherwise (戶, 台).
        const kept = [...text].map(OWN_FORMS[lang]).join('')
        assert.equal(region(kept), kept, `${lang} ${where}`)
      }
    })
  }

  it('zh-HK writes 戶 (U+6236), never 户 (U+6237)', () => {
    const hk = texts('zh-HK')
    assert.ok(hk.some(([, text]) => text.includes('戶')), 'the zh-HK text writes 用戶')
    for (const [where, text] of hk) assert.ok(!text.includes('户'), `zh-HK ${where}: ${text}`)
  })

  it('zh-TW has no mainland or Hong Kong vocabulary that Taiwan writes otherwise', () => {
    for (const [where, text] of texts('zh-TW')) {
      const masked = TAIWAN_WORDS.reduce((t, word) => t.replaceAll(word, '〇'.repeat(word.length)), text)
      assert.equal(TAIWAN_VOCABULARY(masked), masked, `zh-TW ${where}`)
    }
  })

  it('is written for each region, not converted: Hong Kong and Taiwan differ where their usage does', () => {
    const hk = Object.fromEntries(texts('zh-HK'))
    const tw = Object.fromEntries(texts('zh-TW'))
    const differ = Object.keys(hk).filter((k) => hk[k] !== tw[k])
    // Headline, figures, statements: most texts differ; names and plain figures need not.
    assert.ok(differ.length >= 30, `only ${differ.length} texts differ`)
    const toHongKong = Converter({ from: 'cn', to: 'hk' })
    const converted = facts.filter((f) => f.text && toHongKong(f.text['zh-CN']) === f.text['zh-HK']).map((f) => f.id)
    assert.ok(converted.length <= 3, `zh-HK text that is the zh-CN text converted character by character: ${converted}`)
  })

  it('catches what it is meant to catch', () => {
    // The checks themselves can fail: a Simplified character, a Taiwan form in Hong Kong text, mainland words in Taiwan's.
    assert.notEqual(toTraditional('智能电动汽车'), '智能电动汽车')
    assert.notEqual(REGION['zh-HK']('衛生'), '衛生')
    assert.notEqual(TAIWAN_VOCABULARY('軟件和網絡'), '軟件和網絡')
  })
})
