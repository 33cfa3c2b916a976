import { LANGS, type Lang } from './card-model'

// Shared by the worker (lang, Accept-Language) and embed.js (lang attributes, navigator.languages),
// so a tag means the same card wherever it is read. No table of our own: the runtime's CLDR data
// (Intl.Locale) gives each tag its likely script and region, so this stays a few bytes in embed.js.
// Only the tags we serve as they are (and en-<region>) are answered before asking it.

const SERVED = /^(?:en(?:[-_][a-z]{2})?|zh[-_](cn|hk|tw))$/i

/** The language we serve for a BCP 47 tag (any case), or undefined for another
 *  language or a malformed tag. en-* is en. Chinese goes by its script, else its likely script
 *  (CLDR likely subtags: zh → zh-Hans-CN, zh-SG → zh-Hans-SG, zh-MO → zh-Hant-MO, zh-US →
 *  zh-Hant-US); Traditional then follows CLDR's parent locales: zh-Hant-MO → zh-Hant-HK (zh-HK),
 *  every other zh-Hant-* → zh-Hant, whose content is zh-Hant-TW (zh-TW). zh-Hans-HK stays
 *  Simplified: the script the reader asked for wins over the region. */
export function matchLang(tag: string): Lang | undefined {
  // What most pages and readers say needs no CLDR: a page's first Intl.Locale loads ICU's
  // likely subtags, 4–36 ms on bench/run.mjs's slow phone (CPU ×4), before the card can draw.
  const served = SERVED.exec(tag)
  if (served) return served[1] ? (`zh-${served[1].toUpperCase()}` as Lang) : 'en'
  try {
    // Maximized: und-TW is Chinese too, as CLDR has it; and plain und is English. zh_TW is how
    // Java and PHP write a locale: the same tag.
    const { language, script, region } = new Intl.Locale(tag.replace(/_/g, '-')).maximize()
    // A language served without regions (en) is its every tag.
    if (LANGS.includes(language as Lang)) return language as Lang
    if (language == 'zh') return script != 'Hant' ? 'zh-CN' : region == 'HK' || region == 'MO' ? 'zh-HK' : 'zh-TW'
  } catch {
    // RangeError: not a well-formed tag.
  }
}

/** The first of the reader's tags, in their order, that we serve (the rest are not read). */
export function firstLang(tags: readonly (string | null | undefined)[]): Lang | undefined {
  for (const tag of tags) {
    const lang = tag && matchLang(tag)
    if (lang) return lang
  }
}
