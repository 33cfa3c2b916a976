import type { Lang } from './card-model'

// Shared by the worker (lang, Accept-Language) and embed.js (lang attributes, navigator.languages),
// so a tag means the same card wherever it is read. No table of our own: the runtime's CLDR data
// (Intl.Locale) gives each tag its likely script and region, so this stays a few bytes in embed.js.

/** The language we serve for a BCP 47 tag (any case), or undefined for another
 *  language or a malformed tag. en-* is en. Chinese goes by its script, else its likely script
 *  (CLDR likely subtags: zh → zh-Hans-CN, zh-SG → zh-Hans-SG, zh-MO → zh-Hant-MO, zh-US →
 *  zh-Hant-US); Traditional then follows CLDR's parent locales: zh-Hant-MO → zh-Hant-HK (zh-HK),
 *  every other zh-Hant-* → zh-Hant, whose content is zh-Hant-TW (zh-TW). zh-Hans-HK stays
 *  Simplified: the script the reader asked for wins over the region. */
export function matchLang(tag: string): Lang | undefined {
  try {
    // Maximized: und-TW is Chinese too, as CLDR has it; and plain und is English. zh_TW is how
    // Java and PHP write a locale: the same tag.
    const { language, script, region } = new Intl.Locale(tag.replace(/_/g, '-')).maximize()
    if (language == 'en') return 'en'
    if (language == 'zh') return script != 'Hant' ? 'zh-CN' : region == 'HK' || region == 'MO' ? 'zh-HK' : 'zh-TW'
  } catch {
    // RangeError: not a well-formed tag.
  }
}

/** The first of the reader's tags, in their order, that we serve. */
export const firstLang = (tags: readonly (string | null | undefined)[]): Lang | undefined =>
  tags.map((tag) => tag && matchLang(tag)).find((lang): lang is Lang => !!lang)
